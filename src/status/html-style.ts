// The page's only stylesheet, inline so the file needs nothing else. Approval is shown by colour, symbol and word
// together (never colour alone), and the colours are kept when printing. Print: A4 landscape, a page per section.

/** The stylesheet of the status page. */
export const STATUS_CSS = `
:root {
  --ok: #1d5e2c; --ok-bg: #dcf1e0;
  --part: #6b4700; --part-bg: #ffeeb8;
  --no: #8f1717; --no-bg: #f9d9d9;
  --nt: #4a4a4a; --nt-bg: #f0f0f0;
  --line: #9a9a9a;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif;
  font-size: 10pt; line-height: 1.35; color: #111; background: #fff; margin: 1.5rem;
}
header h1 { font-size: 17pt; margin: 0 0 .2rem; }
header p { margin: 0; }
h2 { font-size: 13pt; margin: 1.2rem 0 .5rem; padding-bottom: .15rem; border-bottom: 2px solid #333; }
h3 { font-size: 11pt; margin: .9rem 0 .3rem; }
table { border-collapse: collapse; width: 100%; margin-bottom: .8rem; }
caption { caption-side: top; text-align: left; font-weight: bold; padding: .2rem 0 .35rem; }
th, td { border: 1px solid var(--line); padding: .25rem .35rem; text-align: left; vertical-align: top; }
thead th { background: #e6e6e6; }
tbody th[scope="row"] { background: #f7f7f7; font-weight: normal; }
.small, .standard, .vendor { font-size: .85em; color: #333; }
.standard, .vendor { display: block; }
.version { font-weight: bold; white-space: nowrap; }
.matrix td { font-size: 8.5pt; min-width: 6.5rem; }
.matrix td > span { display: block; }
.approval { font-weight: bold; }
.sym { display: inline-block; min-width: 1.1em; }
.a-godkendt { background: var(--ok-bg); } .a-godkendt .approval, .t-godkendt { color: var(--ok); }
.a-delvist { background: var(--part-bg); } .a-delvist .approval, .t-delvist { color: var(--part); }
.a-ikke-godkendt { background: var(--no-bg); } .a-ikke-godkendt .approval, .t-ikke-godkendt { color: var(--no); }
.a-ikke-testet { background: var(--nt-bg); color: var(--nt); }
/* A self-test approves nothing: hatched, dashed border, its own words and badge, so it never passes for a certification. */
.m-self-test { background: repeating-linear-gradient(135deg, #fff 0 6px, var(--st-bg, #eee) 6px 9px) !important; outline: 2px dashed var(--st-line, #555); outline-offset: -3px; }
.a-godkendt.m-self-test { --st-bg: var(--ok-bg); --st-line: var(--ok); }
.a-delvist.m-self-test { --st-bg: var(--part-bg); --st-line: var(--part); }
.a-ikke-godkendt.m-self-test { --st-bg: var(--no-bg); --st-line: var(--no); }
.badge { display: inline-block; font-size: .8em; padding: 0 .3em; margin: .1rem 0; border-radius: 3px; }
.badge.m-certify { background: #10316b; color: #fff; font-weight: bold; }
.badge.m-self-test { background: #fff; color: #111; border: 1px dashed #111; outline: none; }
.matrix td > .badge { display: inline-block; }
.open { list-style: none; margin: .15rem 0; padding: 0; }
.open li { margin: 0; }
.open .open-title { display: block; color: #333; font-size: .92em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 14rem; }
.o-failed { color: var(--no); font-weight: bold; }
.o-failed .open-title, .checkpoints .o-failed td { font-weight: normal; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.tm-self-test { border: 1px dashed currentColor; border-radius: 2px; padding: 0 .1em; }
.all-totals { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; align-items: baseline; }
.totals-name { font-weight: bold; }
.legend-mode { padding: .2rem .4rem; margin: .2rem 0; }
.legend-self-test { list-style: none; padding: 0; display: flex; gap: 1rem; }
.history-chart { max-width: 100%; height: auto; }
.history-chart .lvl { font-size: 10px; fill: #333; }
.runs td, .checkpoints td { font-size: 9pt; }
.counting-run { font-weight: bold; }
.trend { letter-spacing: .12em; font-size: 1.05em; }
.totals { list-style: none; padding: 0; margin: .3rem 0 .6rem; display: flex; flex-wrap: wrap; gap: .4rem; }
.totals li { border: 1px solid var(--line); padding: .15rem .5rem; border-radius: 3px; }
.flag { display: inline-block; border: 1px solid currentColor; border-radius: 3px; padding: 0 .3em; font-weight: bold; }
.w-before-meeting { background: var(--part-bg); }
.w-before-meeting .flag { color: var(--part); }
.w-expired { background: var(--no-bg); }
.w-expired .flag { color: var(--no); }
.nowrap { white-space: nowrap; }
.waivers td:nth-child(3) { min-width: 14rem; }
.matrix tbody th[scope="row"] { width: 13rem; }
.matrix .flag { font-size: .9em; margin: .1rem 0; color: var(--no); background: #fff; }
.sig { display: block; font-size: .85em; margin: .1rem 0; }
.sig-verified { color: var(--ok, #1d5e2c); }
.sig-not-checked { color: #5a4a00; font-style: italic; }
.sig-not-verified { color: var(--no); font-weight: bold; border: 2px solid currentColor; padding: 0 .3em; background: #fff; }
td.sig-refused { background: repeating-linear-gradient(135deg, #fff, #fff 6px, #f9d9d9 6px, #f9d9d9 12px); }
.signatures[data-signatures="not-checked"] { border-left: 4px solid #b58900; padding-left: .4rem; }
.changes li { margin-bottom: .2rem; }
.legend dt { font-weight: bold; float: left; clear: left; margin-right: .4rem; }
.legend dd { margin: 0 0 .2rem; }
footer { margin-top: 1.2rem; font-size: .85em; color: #333; }
a { color: #0b4f9c; }
@page { size: A4 landscape; margin: 9mm; }
@media print {
  body { margin: 0; font-size: 8.5pt; }
  .matrix td { font-size: 7.5pt; min-width: 0; }
  .matrix tbody th[scope="row"] { width: 8.5rem; }
  .open .open-title { display: none; }
  .links { display: none; }
  section + section { break-before: page; }
  tr, li, .legend { break-inside: avoid; }
  h2, h3, caption { break-after: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
`;
