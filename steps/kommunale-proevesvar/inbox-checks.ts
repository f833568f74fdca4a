// R1 and R1.A1: what the GP system shows of a received report (most are manual checkpoints: in an automatic run
// their observable part is judged here, in a manual run the assessor decides) and what it saves to the lab chart.
import { Then } from '@cucumber/cucumber';
import {
  chartAnalysisComments,
  chartRowsFor,
  itemsFor,
  chartAttachments,
  chartClinicalComment,
  chartLongNames,
  chartNotInterpreted,
  chartProblems,
  comparatorProblems,
  fieldProblems,
  shownLongNames,
  type View,
  shownAttachments,
  shownCodes,
  shownComments,
  shownResults,
  shownSamplingTimes,
  shownStatuses,
} from '../../src/rules/homecare/view-rules.ts';
import { objects as views } from '../../src/fhir/json.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { chartRowsOfItem, judgeItem } from './view.ts';

// A new report stands in the inbox: notified, neither cancelled nor archived (archived is for cancelled reports).
Then('the GP is notified of the new report {string}', async function (this: CertbenchWorld, ref: string) {
  await judgeItem(this, ref, `the GP is notified of ${ref}`, (item) => [
    ...(item['notified'] === true ? [] : [`notified is ${JSON.stringify(item['notified'])}, expected true`]),
    ...fieldProblems(item, [
      ['cancelled', false],
      ['archived', false],
    ]).map((p) => `a new report: ${p}`),
  ]);
});

Then(
  'the report {string} is addressed to the GP initials {string}',
  async function (this: CertbenchWorld, ref: string, initials: string) {
    await judgeItem(this, ref, `${ref} is distributed to ${initials}`, (item) =>
      fieldProblems(item, [['addressedTo', initials]]),
    );
  },
);

Then(
  "the report {string} shows the patient's CPR and name and the receiving clinic",
  async function (this: CertbenchWorld, ref: string) {
    await judgeItem(this, ref, `${ref} shows patient and receiver`, (item, { message }) =>
      fieldProblems(item, [
        ['patient.id', message.patient?.id],
        ['patient.name', message.patient?.name],
        ['receiver.name', message.receiver?.name],
        ['receiver.sor', message.receiver?.sor],
      ]),
    );
  },
);

Then(
  'the report {string} shows every result with value and unit, marked not reference-evaluated',
  async function (this: CertbenchWorld, ref: string) {
    await judgeItem(this, ref, `${ref} shows its results as not reference-evaluated`, (item, { message }) =>
      shownResults(item, message),
    );
  },
);

Then(
  'the report {string} shows the sampling time of every result',
  async function (this: CertbenchWorld, ref: string) {
    await judgeItem(this, ref, `${ref} shows sampling times`, (item, { message }) =>
      shownSamplingTimes(item, message),
    );
  },
);

Then(
  'the report {string} shows the report and result statuses',
  async function (this: CertbenchWorld, ref: string) {
    await judgeItem(this, ref, `${ref} shows statuses`, (item, { message }) => shownStatuses(item, message));
  },
);

Then(
  'the report {string} shows the producer with its SOR id and producer id',
  async function (this: CertbenchWorld, ref: string) {
    await judgeItem(this, ref, `${ref} shows the producer`, (item, { message }) =>
      fieldProblems(item, [
        ['producer.name', message.producer?.name],
        ['producer.sor', message.producer?.sor],
        ['producer.producerId', message.producer?.producerId],
      ]),
    );
  },
);

Then(
  "the report {string} shows the sender's signature: name, title and phone",
  async function (this: CertbenchWorld, ref: string) {
    await judgeItem(this, ref, `${ref} shows the signature`, (item, { message }) =>
      fieldProblems(item, [
        ['signature.name', message.signature?.name],
        ['signature.title', message.signature?.role],
        ['signature.phone', message.signature?.phone],
      ]),
    );
  },
);

Then(
  'the report {string} shows the clinical comment for the whole report and each analysis comment on its own result',
  async function (this: CertbenchWorld, ref: string) {
    await judgeItem(this, ref, `${ref} shows its comments`, (item, { message }) =>
      shownComments(item, message),
    );
  },
);

Then('the report {string} shows its attachments', async function (this: CertbenchWorld, ref: string) {
  await judgeItem(
    this,
    ref,
    `${ref} shows its attachments with title, author and time of creation`,
    (item, { message }) => shownAttachments(item, message),
  );
});

Then(
  'the laboratory chart holds every result of {string} with its code, long name, value, unit, sampling time and marked not reference-evaluated',
  async function (this: CertbenchWorld, ref: string) {
    await judgeItem(
      this,
      ref,
      `the results of ${ref} are saved to the laboratory chart`,
      (item, shown) => chartProblems(chartRowsOfItem(shown, item), shown.message),
      'one chart row per result: code, long name, value, unit, sampling time, notReferenceEvaluated',
    );
  },
);

Then(
  'every chart row of {string} leads back to the received report',
  async function (this: CertbenchWorld, ref: string) {
    await judgeItem(this, ref, `the chart rows of ${ref} open the report`, (item, shown) => {
      const rows = chartRowsOfItem(shown, item);
      return rows.length === shown.message.results.length
        ? []
        : [
            `${rows.length} chart rows name the report's MessageHeader.id, expected ${shown.message.results.length}`,
          ];
    });
  },
);

Then(
  'the laboratory chart holds the results of {string} with their comparators: {string}',
  async function (this: CertbenchWorld, ref: string, list: string) {
    await judgeItem(
      this,
      ref,
      `the comparators of ${ref} are kept`,
      (item, shown) => {
        return comparatorProblems(chartRowsOfItem(shown, item), list, 'chart row');
      },
      list,
    );
  },
);

Then(
  'the technical data of {string} are stored: MessageHeader.id, sending time and result codes with their code system',
  async function (this: CertbenchWorld, ref: string) {
    await judgeItem(this, ref, `the technical data of ${ref} are stored`, (item, { message }) => [
      ...fieldProblems(item, [
        ['messageId', message.messageId],
        ['sentAt', message.sentAt],
      ]),
      ...shownCodes(item, message),
    ]);
  },
);

Then(
  'the report {string} and its chart rows are marked as refused consent',
  async function (this: CertbenchWorld, ref: string) {
    await judgeItem(this, ref, `the refused consent of ${ref} is visible`, (item, shown) => {
      const rows = chartRowsOfItem(shown, item);
      return [
        ...(item['refusedConsent'] === true
          ? []
          : [`refusedConsent is ${JSON.stringify(item['refusedConsent'])}, expected true`]),
        ...(rows.length === 0 ? ['the report has no chart rows'] : []),
        ...rows
          .filter((r) => r['refusedConsent'] !== true)
          .map(
            (r) =>
              `chart row ${String(r['code'])}: refusedConsent is ${JSON.stringify(r['refusedConsent'])}, expected true`,
          ),
      ];
    });
  },
);

Then(
  'the report {string} and its chart rows are not marked as refused consent',
  async function (this: CertbenchWorld, ref: string) {
    await judgeItem(this, ref, `${ref}, without refused consent, is not marked so`, (item, shown) => [
      ...fieldProblems(item, [['refusedConsent', false]]),
      ...chartRowsOfItem(shown, item)
        .filter((r) => r['refusedConsent'] !== false)
        .map(
          (r) =>
            `chart row ${String(r['code'])}: refusedConsent is ${JSON.stringify(r['refusedConsent'])}, expected false`,
        ),
    ]);
  },
);

Then(
  'the patient of {string} is shown with the X-eCPR {string} and the name {string}',
  async function (this: CertbenchWorld, ref: string, ecpr: string, name: string) {
    await judgeItem(this, ref, `${ref} is filed under the X-eCPR ${ecpr}`, (item) =>
      fieldProblems(item, [
        ['patient.id', ecpr],
        ['patient.name', name],
      ]),
    );
  },
);

Then(
  'every result and attachment of the large message {string} is kept',
  async function (this: CertbenchWorld, ref: string) {
    await judgeItem(this, ref, `the large message ${ref} is kept whole`, (item, shown) => [
      ...chartProblems(chartRowsOfItem(shown, item), shown.message),
      ...shownAttachments(item, shown.message),
    ]);
  },
);

Then('the report {string} is filed in the inbox once', async function (this: CertbenchWorld, ref: string) {
  await judgeItem(this, ref, `${ref} is filed`, () => []);
});

// --- receive protocol 1.2.1: the long name, the laboratory chart's markings, comments and attachments ---

Then(
  'the report {string} shows the long name of every result',
  async function (this: CertbenchWorld, ref: string) {
    await judgeItem(this, ref, `${ref} shows the long names`, (item, { message }) =>
      shownLongNames(item, message),
    );
  },
);

Then(
  'the laboratory chart shows every result of {string} marked not reference-evaluated',
  async function (this: CertbenchWorld, ref: string) {
    await judgeItem(
      this,
      ref,
      `the chart marks the results of ${ref} not reference-evaluated`,
      (item, shown) => chartNotInterpreted(chartRowsOfItem(shown, item), shown.message),
    );
  },
);

Then(
  'the laboratory chart shows the long name of every result of {string}',
  async function (this: CertbenchWorld, ref: string) {
    await judgeItem(this, ref, `the chart shows the long names of ${ref}`, (item, shown) =>
      chartLongNames(chartRowsOfItem(shown, item), shown.message),
    );
  },
);

Then(
  'the report {string} shows its results with their comparators: {string}',
  async function (this: CertbenchWorld, ref: string, list: string) {
    await judgeItem(
      this,
      ref,
      `${ref} shows its comparators`,
      (item) =>
        comparatorProblems(Array.isArray(item['results']) ? (item['results'] as View[]) : [], list, 'result'),
      list,
    );
  },
);

Then(
  "every chart row of {string} shows the report's clinical comment",
  async function (this: CertbenchWorld, ref: string) {
    await judgeItem(this, ref, `the chart rows of ${ref} carry the clinical comment`, (item, shown) =>
      chartClinicalComment(chartRowsOfItem(shown, item), shown.message),
    );
  },
);

Then(
  'every chart row of {string} shows its own analysis comment, and only its own',
  async function (this: CertbenchWorld, ref: string) {
    await judgeItem(this, ref, `the chart rows of ${ref} carry their analysis comments`, (item, shown) =>
      chartAnalysisComments(chartRowsOfItem(shown, item), shown.message),
    );
  },
);

Then(
  'the laboratory chart shows the attachments of {string}',
  async function (this: CertbenchWorld, ref: string) {
    await judgeItem(this, ref, `the chart shows the attachments of ${ref}`, (item, shown) =>
      chartAttachments(chartRowsOfItem(shown, item), shown.message),
    );
  },
);

Then(
  'the inbox and laboratory chart of the patient of {string} hold none of the reports of the patient of {string}',
  async function (this: CertbenchWorld, ref: string, other: string) {
    await judgeItem(
      this,
      ref,
      `the views of the patient of ${ref} are that patient's own`,
      (_item, shown) => {
        const patient = shown.message.patient?.id;
        const otherId = shown.outcome.delivered(other).message.messageId;
        return [
          ...views(shown.inbox)
            .filter((i) => (i['patient'] as View | undefined)?.['id'] !== patient)
            .map(
              (i) =>
                `homecare.inbox of ${patient ?? '?'} lists report ${String(i['messageId'])} of patient ${JSON.stringify((i['patient'] as View | undefined)?.['id'])}`,
            ),
          ...(itemsFor(shown.inbox, otherId).length > 0
            ? [
                `homecare.inbox of ${patient ?? '?'} lists ${other} (${otherId ?? '?'}), another patient's report`,
              ]
            : []),
          ...(chartRowsFor(shown.chart, [otherId ?? '']).length > 0
            ? [`homecare.lab-chart of ${patient ?? '?'} holds rows of ${other} (${otherId ?? '?'})`]
            : []),
        ];
      },
    );
  },
);
