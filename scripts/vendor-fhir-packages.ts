// Regenerates fhir-packages/<id>#<version>.tgz (what certbench ships) from a package-cache folder, by default the
// shared build of the Danish core and MedCom IGs: node --import tsx scripts/vendor-fhir-packages.ts [source-folder]
// Each tarball is the npm package layout (package/package.json, package/.index.json, package/<Type>-<id>.json), built
// byte-for-byte reproducibly so that an unchanged package gives an unchanged file in git.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parsePackageKey, R4_CORE } from '../src/validation/packages/package-ref.ts';
import { packTgz, type TarFile } from '../src/validation/packages/tar.ts';
import { VENDORED_FOLDER } from '../src/validation/packages/vendored.ts';
import { PACKAGE_ROOT } from '../src/run/package-root.ts';

const source = resolve(process.argv[2] ?? join(PACKAGE_ROOT, '..', 'shared', 'fhir-packages'));
const keys = (await readdir(source)).filter((name) => {
  const ref = parsePackageKey(name);
  return ref !== undefined && ref.id !== R4_CORE.id;
});
if (keys.length === 0) throw new Error(`no FHIR packages (<id>#<version>/package) in ${source}`);

for (const stale of (await readdir(VENDORED_FOLDER)).filter((n) => n.endsWith('.tgz')))
  if (!keys.includes(stale.slice(0, -'.tgz'.length))) await rm(join(VENDORED_FOLDER, stale));

let total = 0;
for (const key of keys.sort()) {
  const dir = join(source, key, 'package');
  const names = (await readdir(dir)).sort();
  const files: TarFile[] = [];
  for (const name of names) {
    // Re-serialise compactly: the source is pretty-printed, and whitespace is most of its size.
    const json: unknown = JSON.parse(await readFile(join(dir, name), 'utf8'));
    files.push({ name: `package/${name}`, data: Buffer.from(JSON.stringify(json)) });
  }
  const tarball = packTgz(files);
  await writeFile(join(VENDORED_FOLDER, `${key}.tgz`), tarball);
  total += tarball.length;
  console.log(`${key}.tgz  ${files.length} files  ${(tarball.length / 1024).toFixed(0)} KiB`);
}
console.log(`${keys.length} packages, ${(total / 1024).toFixed(0)} KiB in ${VENDORED_FOLDER}`);
