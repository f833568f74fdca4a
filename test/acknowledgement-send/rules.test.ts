// The acknowledgement rules on MedCom's own acknowledgement test examples (they must pass what MedCom calls valid),
// and the VANSEnvelope and EHMI SBDH rules on MedCom's examples enveloped and on broken envelopes.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Resource } from '../../src/fhir/bundle.ts';
import { resourcesOf } from '../../src/fhir/bundle.ts';
import {
  ackProblems,
  ackResendProblems,
  ackTimeProblems,
} from '../../src/rules/acknowledgement/ack-rules.ts';
import type { AckCode } from '../../src/rules/acknowledgement/codes.ts';
import { ehmiAckProblems, readEhmiEnvelope } from '../../src/rules/acknowledgement/ehmi.ts';
import { readVansEnvelope, vansAckProblems } from '../../src/rules/acknowledgement/vans.ts';
import { envelopeFields, wrapInSbdh, type SbdhFields } from '../../src/rules/homecare/sbdh.ts';
import { SHARED } from '../support/temp.ts';

const EXAMPLES = join(SHARED, 'examples/medcom/acknowledgement-testexamples');

function response(ack: Resource): { identifier: string; code: AckCode } {
  const header = resourcesOf(ack, 'MessageHeader')[0] as Resource;
  return header['response'] as { identifier: string; code: AckCode };
}

for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')))
  test(`MedCom's acknowledgement test example ${file} passes the acknowledgement rules`, () => {
    const ack = JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) as Resource;
    const { identifier, code } = response(ack);
    assert.deepEqual(ackProblems(ack, identifier, code), []);
  });

function example(prefix: string): Resource {
  const file = readdirSync(EXAMPLES).find((f) => f.startsWith(prefix));
  assert.ok(file, prefix);
  return JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) as Resource;
}

test('an AE without its OperationOutcome fails, with the invariant named', () => {
  const ack = example('ack-3.3.2.1');
  const { identifier } = response(ack);
  const stripped = {
    ...ack,
    entry: (ack['entry'] as { resource: Resource }[]).filter(
      (e) => e.resource.resourceType !== 'OperationOutcome',
    ),
  } as Resource;
  const problems = ackProblems(stripped, identifier, 'fatal-error');
  assert.ok(
    problems.some((p) => /medcom-acknowledgement-1/.test(p)),
    problems.join('; '),
  );
});

test('every issue of the OperationOutcome needs a severity and a code (FHIR R4 1..1)', () => {
  const ack = example('ack-3.3.2.1');
  const { identifier } = response(ack);
  const withIssue = (issue: Record<string, unknown>) =>
    ({
      ...ack,
      entry: (ack['entry'] as { resource: Resource }[]).map((e) =>
        e.resource.resourceType === 'OperationOutcome'
          ? { ...e, resource: { ...e.resource, issue: [issue] } }
          : e,
      ),
    }) as Resource;
  const outcome = resourcesOf(ack, 'OperationOutcome')[0] as unknown as { issue: Record<string, unknown>[] };
  const [issue] = outcome.issue;
  const withoutCode = Object.fromEntries(Object.entries(issue ?? {}).filter(([key]) => key !== 'code'));
  assert.match(ackProblems(withIssue(withoutCode), identifier, 'fatal-error').join(), /issue\[0\]\.code/);
  assert.match(
    ackProblems(withIssue({ ...issue, severity: 'bad' }), identifier, 'fatal-error').join(),
    /issue\[0\]\.severity/,
  );
});

test('response.details must resolve by fullUrl (FHIR R4): an OperationOutcome under a urn:uuid fullUrl fails', () => {
  const ack = example('ack-3.3.2.1');
  const { identifier } = response(ack);
  assert.deepEqual(ackProblems(ack, identifier, 'fatal-error'), []);
  const urn = {
    ...ack,
    entry: (ack['entry'] as { fullUrl: string; resource: Resource }[]).map((e) =>
      e.resource.resourceType === 'OperationOutcome'
        ? { ...e, fullUrl: `urn:uuid:${String(e.resource['id'])}` }
        : e,
    ),
  } as Resource;
  assert.match(
    ackProblems(urn, identifier, 'fatal-error').join(),
    /does not resolve to the OperationOutcome's fullUrl/,
  );
  // The same with the reference written as that urn:uuid resolves.
  const header = resourcesOf(urn, 'MessageHeader')[0] as Resource;
  const details = (header['response'] as { details: { reference: string } }).details;
  const id = details.reference.split('/')[1] ?? '';
  details.reference = `urn:uuid:${id}`;
  assert.deepEqual(ackProblems(urn, identifier, 'fatal-error'), []);
});

test('an acknowledgement sent again: same content passes; the same Bundle.id or the same times fail', () => {
  const first = example('ack-3.3.1.1');
  const later = (t: string) => t.replaceAll('10:15', '10:45');
  const again = JSON.parse(later(JSON.stringify(first))) as Resource;
  again.id = 'another-id';
  assert.deepEqual(ackResendProblems(first, again, 'content'), []);
  assert.deepEqual(ackResendProblems(first, again, 'id'), []);
  assert.deepEqual(ackResendProblems(first, again, 'times'), []);
  assert.match(ackResendProblems(first, first, 'id').join(), /Bundle\.id/);
  assert.match(ackResendProblems(first, first, 'times').join(), /not after/);
  const ae = example('ack-3.3.2.1');
  assert.match(ackResendProblems(first, ae, 'content').join(), /sent again is/);
});

test("the times: MedCom's AA example (created 10:15:00, sent 10:15:20) passes; times of creation fail", () => {
  const published = example('ack-3.3.1.1');
  // The example writes the acknowledgement's occurredDateTime 10:15:20+01:00 (09:15:20Z), before its Bundle.timestamp
  // 10:15:00Z, though recorded is 10:15:20Z: a zone slip. The send protocol's 3.4.6 (10:00 created, 10:10 sent)
  // is the source of the rule, so the slip is flagged; read in the zone of recorded, the example passes.
  const ack = JSON.parse(
    JSON.stringify(published).replaceAll('2024-12-05T10:15:20+01:00', '2024-12-05T10:15:20Z'),
  ) as Resource;
  const window = {
    createdAfter: new Date('2024-12-05T10:14:59Z'),
    sentAfter: new Date('2024-12-05T10:15:10Z'),
    arrived: new Date('2024-12-05T10:15:21Z'),
    toleranceMs: 1000,
  };
  assert.deepEqual(ackTimeProblems(ack, window, 'creation'), []);
  assert.deepEqual(ackTimeProblems(ack, window, 'sending'), []);
  assert.match(
    ackTimeProblems(published, window, 'sending').join(),
    /occurredDateTime .* is not after Bundle\.timestamp/,
  );
  // Provenance times equal to Bundle.timestamp: the time of creation.
  const created = JSON.parse(JSON.stringify(ack).replaceAll('10:15:20Z', '10:15:00Z')) as Resource;
  assert.match(ackTimeProblems(created, window, 'sending').join(), /time of creation, not of sending/);
  assert.match(ackTimeProblems(created, window, 'creation').join(), /not before/);
});

function envelope(
  name: string,
  version = '2.0.0',
  data = Buffer.from('{"resourceType":"Bundle"}').toString('base64'),
): string {
  return `<?xml version="1.0"?><VANSEnvelope><Message><MetaInformation><Document><Format>HL7</Format><Name>${name}</Name><Version>${version}</Version></Document><Transport><ServiceTag name="MCM:MIME">application/fhir+json</ServiceTag></Transport></MetaInformation><Data>${data}</Data></Message></VANSEnvelope>`;
}

test('the VANSEnvelope: Name with the postfix of the type, either published Version, the message in Data', () => {
  const read = (xml: string) => {
    const e = readVansEnvelope(xml);
    assert.ok(!('error' in e));
    return e;
  };
  assert.deepEqual(vansAckProblems(read(envelope('MCM:FCTL#ok')), 'ok'), []);
  assert.deepEqual(vansAckProblems(read(envelope('MCM:FCTL#ok', '1.0')), 'ok'), []);
  assert.match(vansAckProblems(read(envelope('MCM:FCTL')), 'ok').join(), /postfix/);
  assert.match(vansAckProblems(read(envelope('MCM:FCTL#ok')), 'fatal-error').join(), /MCM:FCTL#fatal-error/);
  assert.match(vansAckProblems(read(envelope('MCM:FCTL#ok', '9')), 'ok').join(), /Version/);
  assert.match(vansAckProblems(read(envelope('MCM:FCTL#ok', '2.0.0', '')), 'ok').join(), /Data is empty/);
  const broken = readVansEnvelope('<Other/>');
  assert.ok('error' in broken);
  assert.ok('error' in readVansEnvelope('not xml <'));
});

/** MedCom's acknowledgement example in the EHMI SBDH certbench delivers HomeCareObservations in, fields changed. */
function inSbdh(ack: Resource, change: (fields: SbdhFields) => SbdhFields = (f) => f): SbdhFields {
  const bundle = ack as unknown as fhir4.Bundle;
  const read = readEhmiEnvelope(wrapInSbdh(bundle, change(envelopeFields(bundle, new Date()))));
  assert.ok(read.fields && read.ack, read.problem);
  assert.deepEqual(read.ack, ack);
  return read.fields;
}

for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')))
  test(`MedCom's acknowledgement test example ${file} in its EHMI SBDH passes the envelope rules`, () => {
    const ack = JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) as Resource;
    const fields = inSbdh(ack);
    assert.equal(fields.standard, 'acknowledgement-message');
    assert.equal(fields.typeVersion, '2.0');
    assert.deepEqual(ehmiAckProblems(fields, ack, fields.receiverGln), []);
  });

test('the EHMI SBDH: the ids, the addressing and the document type of the acknowledgement, or it fails', () => {
  const ack = example('ack-3.3.1.1');
  const fields = inSbdh(ack);
  const broken = (change: (f: SbdhFields) => SbdhFields, originalSender = fields.receiverGln) =>
    ehmiAckProblems(inSbdh(ack, change), ack, originalSender);
  assert.match(
    broken((f) => ({ ...f, scopes: { ...f.scopes, MESSAGEIDENTIFIER: 'the-acknowledged-message' } })).join(),
    /^Scope MESSAGEIDENTIFIER is "the-acknowledged-message", expected "/,
  );
  assert.match(
    broken((f) => ({ ...f, scopes: { ...f.scopes, MESSAGEENVELOPEIDENTIFIER: 'x' } })).join(),
    /MESSAGEENVELOPEIDENTIFIER/,
  );
  const swapped = broken((f) => ({ ...f, senderGln: f.receiverGln, receiverGln: f.senderGln }));
  assert.equal(swapped.length, 3, swapped.join('\n'));
  assert.match(swapped.join(), /expected the acknowledged message's sender/);
  assert.match(broken((f) => ({ ...f, standard: 'homecareobservation-message' })).join(), /Standard/);
  assert.match(broken((f) => ({ ...f, typeVersion: '1.1' })).join(), /TypeVersion is "1.1"/);
  assert.match(broken((f) => ({ ...f, scopes: { ...f.scopes, PROCESSID: 'x' } })).join(), /PROCESSID/);
  assert.deepEqual(
    broken((f) => ({ ...f, scopes: { ...f.scopes, PROCESSID: 'sdn-emergence' } })),
    [],
    'the older PROCESSID is accepted',
  );
  assert.match(broken((f) => ({ ...f, mimeType: 'text/plain' })).join(), /mimeType/);
  // SENDERID / RECEIVERID: the SOR ids of the acknowledgement's sender and receiver, not the acknowledged message's.
  assert.ok(fields.scopes['SENDERID'] && fields.scopes['RECEIVERID'], 'the example names both SOR ids');
  const sors = broken((f) => ({
    ...f,
    scopes: { ...f.scopes, SENDERID: f.scopes['RECEIVERID'] ?? '', RECEIVERID: f.scopes['SENDERID'] ?? '' },
  }));
  assert.equal(sors.length, 2, sors.join('\n'));
  assert.match(sors.join(), /Scope SENDERID \(SOR\) is "/);
  assert.match(sors.join(), /Scope RECEIVERID \(SOR\) is "/);
  assert.match(ehmiAckProblems({ ...fields, headerVersion: '2.0' }, ack).join(), /HeaderVersion/);
  // DocumentIdentification/Type Bundle and MultipleType false (addendum §D.3), and well-formed XML.
  assert.match(
    ehmiAckProblems({ ...fields, documentType: 'acknowledgement-message' }, ack).join(),
    /^DocumentIdentification\/Type is "acknowledgement-message", expected "Bundle"/,
  );
  assert.match(ehmiAckProblems({ ...fields, multipleType: '' }, ack).join(), /MultipleType is ""/);
  const xml = wrapInSbdh(
    ack as unknown as fhir4.Bundle,
    envelopeFields(ack as unknown as fhir4.Bundle, new Date()),
  );
  const unclosed = readEhmiEnvelope(xml.replace('</StandardBusinessDocument>', ''));
  assert.ok(unclosed.fields && unclosed.ack, 'the lenient reader still reads it');
  assert.match(ehmiAckProblems(unclosed.fields, unclosed.ack).join(), /^the SBDH is not well-formed XML: /);
  assert.deepEqual(
    readEhmiEnvelope('<VANSEnvelope/>').problem,
    'not an EHMI SBDH (no StandardBusinessDocument with its header)',
  );
});

/**
 * MedCom's acknowledgement example in an SBDH written as MedCom's own example of an SBDH carrying an acknowledgement
 * writes it (dk-ehmi-sbdh TestExampleEmbeddedFHIRAckSBDH.xml): a standalone declaration, the SBDH namespace as the
 * default with further prefixes declared, BinaryContent without a namespace of its own and with encoding UTF-8, the
 * older DOCUMENTID form and PROCESSID sdn-emergence, a StatisticalInformation scope.
 */
function asMedComWritesIt(ack: Resource): string {
  const bundle = ack as unknown as fhir4.Bundle;
  const fields = envelopeFields(bundle, new Date());
  const scope = (type: string, value: string) =>
    `<Scope><Type>${type}</Type><InstanceIdentifier>${value}</InstanceIdentifier><Identifier>dk-medcom-messaging</Identifier></Scope>`;
  const party = (gln: string) => `<Identifier Authority="iso6523-actorid-upis">0088:${gln}</Identifier>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<StandardBusinessDocument xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xmlns="http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader"
    xmlns:bc="http://peppol.eu/xsd/ticc/envelope/1.0"
    xmlns:sbdh="http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader">
  <StandardBusinessDocumentHeader>
    <HeaderVersion>1.0</HeaderVersion>
    <Sender>${party(fields.senderGln)}</Sender>
    <Receiver>${party(fields.receiverGln)}</Receiver>
    <DocumentIdentification>
      <Standard>acknowledgement-message</Standard>
      <TypeVersion>2.0</TypeVersion>
      <InstanceIdentifier>${fields.instanceIdentifier}</InstanceIdentifier>
      <Type>Bundle</Type>
      <MultipleType>false</MultipleType>
      <CreationDateAndTime>${fields.created}</CreationDateAndTime>
    </DocumentIdentification>
    <BusinessScope>
      ${scope('DOCUMENTID', 'urn:dk:healthcare:medcom:messaging:fhir:structuredefinition:acknowledgement-message:2.0')}
      ${scope('PROCESSID', 'sdn-emergence')}
      ${scope('SENDERID', fields.scopes['SENDERID'] ?? '')}
      ${scope('RECEIVERID', fields.scopes['RECEIVERID'] ?? '')}
      ${scope('MESSAGEIDENTIFIER', fields.scopes['MESSAGEIDENTIFIER'] ?? '')}
      ${scope('MESSAGEENVELOPEIDENTIFIER', fields.scopes['MESSAGEENVELOPEIDENTIFIER'] ?? '')}
      ${scope('StatisticalInformation', 'MCM:acknowledgement-message')}
    </BusinessScope>
  </StandardBusinessDocumentHeader>
  <BinaryContent mimeType="application/fhir+json" encoding="UTF-8">
    ${Buffer.from(JSON.stringify(ack)).toString('base64')}
  </BinaryContent>
</StandardBusinessDocument>`;
}

test("the EHMI SBDH's namespaces, Authority, Scope Identifiers and XML declaration: MedCom's way passes, each wrong one fails", () => {
  const ack = example('ack-3.3.1.1');
  const problems = (xml: string) => {
    const read = readEhmiEnvelope(xml);
    assert.ok(read.fields && read.ack, read.problem);
    return ehmiAckProblems(read.fields, read.ack, read.fields.receiverGln);
  };
  const medcom = asMedComWritesIt(ack);
  assert.deepEqual(problems(medcom), []);
  // Prefixed elements in the SBDH namespace, BinaryContent in the Peppol envelope's, no declaration: as good.
  const prefixed = medcom
    .replace(/<(\/?)StandardBusinessDocument>/g, '<$1sbdh:StandardBusinessDocument>')
    .replace(/<StandardBusinessDocument /, '<sbdh:StandardBusinessDocument ')
    .replace(/<(\/?)BinaryContent\b/g, '<$1bc:BinaryContent')
    .replace(/^<\?xml[^>]*>\n/, '');
  assert.deepEqual(problems(prefixed), []);
  assert.deepEqual(
    problems(
      medcom.replace(' xmlns="http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader"', ''),
    ),
    [
      'StandardBusinessDocument is in the namespace "", expected http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader',
      // BinaryContent inherited the SBDH namespace: now it has none.
      'BinaryContent is in the namespace "", expected http://peppol.eu/xsd/ticc/envelope/1.0 or http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader',
    ],
  );
  assert.match(
    problems(medcom.replace('<BinaryContent ', '<BinaryContent xmlns="urn:other" ')).join(),
    /^BinaryContent is in the namespace "urn:other", expected http:\/\/peppol.eu/,
  );
  assert.deepEqual(problems(medcom.replace('Authority="iso6523-actorid-upis"', 'Authority="GLN"')), [
    'Sender/Identifier@Authority is "GLN", expected iso6523-actorid-upis',
  ]);
  assert.deepEqual(
    problems(
      medcom.replace(
        '<Identifier>dk-medcom-messaging</Identifier></Scope>',
        '<Identifier></Identifier></Scope>',
      ),
    ),
    ['Scope DOCUMENTID has Identifier "", expected dk-medcom-messaging'],
  );
  assert.deepEqual(problems(medcom.replace('version="1.0" ', '')), [
    'the XML declaration has no version (XML 1.0 §2.8: VersionInfo is required)',
  ]);
  assert.match(problems(medcom.replace('version="1.0"', 'version=""')).join(), /version is "", expected 1.0/);
  assert.match(
    problems(medcom.replace('encoding="UTF-8" standalone', 'encoding="" standalone')).join(),
    /encoding "" is not/,
  );
});

test('the AE of a message without MessageHeader.id needs a FHIR id in response.identifier, not a given one', () => {
  const ack = example('ack-3.3.2.1');
  assert.deepEqual(ackProblems(ack, undefined, 'fatal-error'), []);
  const header = resourcesOf(ack, 'MessageHeader')[0] as Resource;
  const withIdentifier = (identifier: unknown) =>
    ({
      ...ack,
      entry: (ack['entry'] as { resource: Resource }[]).map((e) =>
        e.resource === header
          ? { ...e, resource: { ...header, response: { ...response(ack), identifier } } }
          : e,
      ),
    }) as Resource;
  for (const identifier of ['', 'not an id!', undefined])
    assert.match(
      ackProblems(withIdentifier(identifier), undefined, 'fatal-error').join(),
      /response\.identifier is .*not a FHIR id/,
    );
});
