// A vendor reads the Allure report without this project's research notes: the manifests' requirement texts and
// provisional sources name them (`shared/domain/…md §…`, `shared/seeds`), so the report points to what the vendor
// has instead, the protocol's manifest in this repository, whose header and entries record the sources.

/** `text` with references to the project's own notes replaced by the protocol's manifest. */
export function publicText(text: string, protocolId: string): string {
  const manifest = `protocols/${protocolId}.yaml`;
  return (
    text
      // "(…, punkt 8: deling af lokale labsvar (shared/seeds))": the public source is already named before it.
      .replace(/\s*\(shared\/seeds\)/g, '')
      .replace(/shared\/seeds/g, manifest)
      .replace(/shared\/[\w./-]+\.md(?:\s+§\s*[\w.]+)?/g, manifest)
  );
}
