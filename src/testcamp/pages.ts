// The console's pages, rendered on the server: plain HTML forms, no script. A page that only watches (the other
// role's turn, the system at work) reloads itself every few seconds with a meta refresh; a page with a form to fill
// does not, so nothing typed is lost.
import { Html, html, joinHtml } from '../status/html-escape.ts';
import type { Role } from './console-operator.ts';
import type { RunSlot } from './run-slot.ts';

const STYLE = `body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:60rem;color:#111}
h1{font-size:1.4rem}h2{font-size:1.15rem}table{border-collapse:collapse;margin:.5rem 0}
th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}
.box{border:2px solid #246;border-radius:6px;padding:.75rem 1rem;margin:1rem 0}
.role{background:#246;color:#fff;padding:.1rem .5rem;border-radius:4px}
.error{border-color:#a00;color:#a00}.muted{color:#555}button{font-size:1rem;margin:.25rem .25rem .25rem 0}
textarea{width:100%;min-height:3rem}label{display:block;margin:.25rem 0}`;

const ROLE_NAMES: Record<Role, string> = { operator: 'Operatør / operator', assessor: 'Bedømmer / assessor' };

export function page(title: string, body: Html, refreshSeconds?: number): string {
  const refresh = refreshSeconds ? html`<meta http-equiv="refresh" content="${refreshSeconds}" />` : html``;
  return html`<!doctype html>
    <html lang="da">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        ${refresh}
        <title>${title}</title>
        <style>
          ${new Html(STYLE)}
        </style>
      </head>
      <body>
        ${body}
      </body>
    </html>`.text;
}

export function loginPage(message?: string): string {
  return page(
    'certbench testcamp',
    html`<h1>certbench testcamp</h1>
      ${message ? html`<p class="box error" role="alert">${message}</p>` : html``}
      <form method="post" action="/login">
        <label
          >Adgangskode for kørslen og rollen / token for the run and role
          <input type="password" name="token" autocomplete="current-password" required
        /></label>
        <button type="submit">Log ind / log in</button>
      </form>`,
  );
}

/** The page of one run for one role. */
export function runPage(
  slot: RunSlot,
  role: Role,
  maxUploadBytes: number,
  types: string[],
  message?: string,
): string {
  const { operator } = slot;
  const pending = operator.pending;
  const id = slot.config.id;
  let task: Html;
  let mine = false;
  if (slot.state !== 'running' || !pending) {
    task = html`<div class="box" id="task">${stateText(slot)}</div>`;
  } else if (pending.kind === 'instruction') {
    const i = pending.instruction;
    mine = role === 'operator';
    task = html`<div class="box" id="task">
      <h2>[${i.number}] ${i.title.da} / ${i.title.en}</h2>
      <p lang="da">${i.text.da}</p>
      <p lang="en">${i.text.en}</p>
      ${testDataTable(i.testData)}
      ${
        mine
          ? html`<form method="post" action="/runs/${id}/step">
                <input type="hidden" name="step" value="${i.number}" />
                <input type="hidden" name="answer" value="done" /><button type="submit">Udført / done</button>
              </form>
              <form method="post" action="/runs/${id}/step">
                <input type="hidden" name="step" value="${i.number}" />
                <input type="hidden" name="answer" value="fejl" /><label
                  >Kunne ikke udføres, fordi / could not be done, because
                  <textarea name="comment" required></textarea></label
                ><button type="submit">Fejl / failure</button>
              </form>`
          : html`<p class="muted">Operatøren udfører trinnet / the operator performs the step.</p>`
      }
    </div>`;
  } else if (pending.kind === 'fejl') {
    const i = pending.instruction;
    mine = true;
    task = html`<div class="box error" id="task">
      <h2>Fejl i trin ${i.number} / failure at step ${i.number}: ${i.title.da} / ${i.title.en}</h2>
      <p>Operatørens kommentar / the operator's comment: <q>${pending.comment}</q></p>
      <form method="post" action="/runs/${id}/fejl">
        <input type="hidden" name="step" value="${i.number}" /> ${
          role === 'assessor'
            ? html`<input type="hidden" name="decision" value="confirm" /><button type="submit">
                  Bekræft fejlen / confirm the failure
                </button>`
            : html`<input type="hidden" name="decision" value="correct" /><button type="submit">
                  Udført alligevel / done after all
                </button>`
        }
      </form>
    </div>`;
  } else {
    const q = pending.question;
    mine = role === 'assessor';
    task = html`<div class="box" id="task">
      <h2>Bedømmelse / assessment: ${q.checkpointId} ${q.title}</h2>
      <p lang="da">${q.question.da}</p>
      <p lang="en">${q.question.en}</p>
      ${
        mine
          ? html`<form method="post" action="/runs/${id}/assess" enctype="multipart/form-data">
              <input type="hidden" name="checkpoint" value="${q.checkpointId}" />
              <fieldset>
                <legend>Vurdering / assessment</legend>
                ${joinHtml(
                  ['OK', 'F1', 'F2', 'F3', 'F4', 'NR'].map(
                    (d) =>
                      html`<label
                        ><input type="radio" name="decision" value="${d}" required />
                        ${d === 'NR' ? 'Ikke relevant / not relevant' : d}</label
                      >`,
                  ),
                )}
              </fieldset>
              <label
                >Kommentar (krævet ved F1–F4 og Ikke relevant) / comment (required for F1–F4 and not relevant)
                <textarea name="comment"></textarea>
              </label>
              <label
                >Bilag (skærmbillede), højst ${Math.round(maxUploadBytes / 1024)} KiB: ${types.join(', ')} /
                evidence file <input type="file" name="evidence" accept="${types.join(',')}"
              /></label>
              <button type="submit">Gem bedømmelse / save the assessment</button>
            </form>`
          : html`<p class="muted">Bedømmeren vurderer / the assessor assesses.</p>`
      }
    </div>`;
  }
  const body = html`<h1>
      ${slot.config.title ?? slot.config.id} <span class="role">${ROLE_NAMES[role]}</span>
    </h1>
    <form method="post" action="/logout"><button type="submit">Log ud / log out</button></form>
    ${message ? html`<p class="box error" role="alert">${message}</p>` : html``} ${progressSection(slot)}
    ${task} ${eventsSection(slot)}`;
  // Only a page with nothing to fill in reloads itself.
  return page(`${slot.config.id}: certbench testcamp`, body, mine ? undefined : 2);
}

function stateText(slot: RunSlot): Html {
  switch (slot.state) {
    case 'starting':
    case 'running':
      return html`<p>
        certbench arbejder: venter på systemet eller tjekker / certbench is at work: waiting for the system or
        checking.
      </p>`;
    case 'stopped':
      return html`<p>
        Kørslen er stoppet; den fortsætter, hvor den slap, når konsollen startes igen / the run is stopped; it
        continues where it stopped when the console starts again.
      </p>`;
    case 'error':
      return html`<p class="error">
        Kørslen kunne ikke fortsætte / the run could not go on: ${slot.error ?? ''}
      </p>`;
    case 'finished': {
      const counts = new Map<string, number>();
      for (const c of slot.result?.protocols.flatMap((p) => p.checkpoints) ?? [])
        counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
      return html`<h2>Kørslen er færdig / the run is finished</h2>
        <p id="outcome">Resultat / result: ${slot.result?.outcome.summary ?? ''}</p>
        <table>
          <tr>
            <th>Status</th>
            <th>Kontrolpunkter / checkpoints</th>
          </tr>
          ${joinHtml(
            [...counts].map(
              ([s, n]) =>
                html`<tr>
                  <td>${s}</td>
                  <td>${n}</td>
                </tr>`,
            ),
          )}
        </table>`;
    }
  }
}

function testDataTable(data: Record<string, string>): Html {
  const rows = Object.entries(data);
  if (rows.length === 0) return html``;
  return html`<table class="testdata">
    <caption>
      Testdata / test data
    </caption>
    ${joinHtml(
      rows.map(
        ([k, v]) =>
          html`<tr>
            <th scope="row">${k}</th>
            <td>${v}</td>
          </tr>`,
      ),
    )}
  </table>`;
}

function progressSection(slot: RunSlot): Html {
  const useCases = slot.progress.useCases();
  const done = useCases.reduce((n, u) => n + u.done, 0);
  const total = useCases.reduce((n, u) => n + u.total, 0);
  return html`<section id="progress">
    <h2>Fremdrift / progress</h2>
    <p>Trin / step ${slot.operator.step || '–'} · scenarier / scenarios ${done} af / of ${total}</p>
    ${
      useCases.length
        ? html`<table>
            <tr>
              <th>Use case</th>
              <th>Færdige / done</th>
            </tr>
            ${joinHtml(
              useCases.map(
                (u) =>
                  html`<tr>
                    <td>${u.useCase}</td>
                    <td>${u.done} af / of ${u.total}</td>
                  </tr>`,
              ),
            )}
          </table>`
        : html``
    }
  </section>`;
}

function eventsSection(slot: RunSlot): Html {
  const events = slot.operator.events.slice(-30).reverse();
  return html`<section id="events">
    <h2>Hændelser / events</h2>
    <table>
      ${joinHtml(
        events.map(
          (e) =>
            html`<tr class="${e.kind}">
              <td>${e.at.toISOString().slice(11, 19)}</td>
              <td>${e.text}</td>
            </tr>`,
        ),
      )}
    </table>
  </section>`;
}
