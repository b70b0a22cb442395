/**
 * The readiness report: Markdown and HTML (each check with its status, what was found, why it
 * matters, the fix and where it was read), JSON for machines, and the console summary.
 */
import {
  EXIT,
  STATUS_LABEL,
  STATUS_ORDER,
  plural,
  type CheckResult,
  type DetailTable,
  type Status
} from './model.ts';

/** Everything a report shows. */
export interface PreflightReport {
  alias: string;
  username?: string;
  instanceUrl?: string;
  orgName?: string;
  generatedAt: string;
  apiVersion: string;
  /** API calls made (all reads) */
  calls: number;
  validated: boolean;
  results: CheckResult[];
  exitCode: number;
}

/** What the exit status means, in one sentence. */
export function verdict(report: Pick<PreflightReport, 'exitCode' | 'results'>): string {
  const count = (s: Status): number => report.results.filter((r) => r.status === s).length;
  switch (report.exitCode) {
    case EXIT.blocked:
      return `Not ready: ${plural(count('fail'), 'blocking finding')} to fix before deploying (exit status ${EXIT.blocked}).`;
    case EXIT.incomplete:
      return `Nothing blocking among what could be read, but ${plural(count('unread'), 'check')} could not be read (exit status ${EXIT.incomplete}).`;
    default:
      return `Ready to deploy: nothing blocking${count('warn') > 0 ? `; ${plural(count('warn'), 'warning')} to review` : ''}${count('manual') > 0 ? `; ${plural(count('manual'), 'setting')} to check by hand` : ''} (exit status ${EXIT.ready}).`;
  }
}

function counts(results: CheckResult[]): Array<[Status, number]> {
  return STATUS_ORDER.map(
    (s) => [s, results.filter((r) => r.status === s).length] as [Status, number]
  ).filter(([, n]) => n > 0);
}

function areas(results: CheckResult[]): Array<[string, CheckResult[]]> {
  const out = new Map<string, CheckResult[]>();
  for (const r of results) {
    out.set(r.area, [...(out.get(r.area) ?? []), r]);
  }
  return [...out.entries()];
}

/** The short lists under the verdict: what to do first. */
const TODO: Array<{ heading: string; status: Status }> = [
  { heading: 'Fix before deploying', status: 'fail' },
  { heading: 'Could not be read', status: 'unread' }
];

const EXIT_TEXT = [
  `${EXIT.ready}: no blocking finding (warnings and checks by hand may remain)`,
  `${EXIT.blocked}: at least one blocking finding (a check failed, or --validate failed)`,
  `${EXIT.incomplete}: nothing blocking among what was read, but some checks could not be read`,
  `${EXIT.error}: usage error, or the org or the project could not be read at all`
];

// ------------------------------------------------------------------ Markdown

/** Escapes prose for Markdown: no raw HTML, no emphasis by accident. */
function mdText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/</g, '&lt;')
    .replace(/\*/g, '\\*')
    .replace(/`/g, '\\`');
}

function mdCell(value: string): string {
  return mdText(value.replace(/\s+/g, ' ').trim()).replace(/\|/g, '\\|') || ' ';
}

function mdTable(headers: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.map(mdCell).join(' | ')} |`;
  return [line(headers), `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map(line)].join(
    '\n'
  );
}

function mdDetail(t: DetailTable): string {
  return [
    `_${mdText(t.caption)}_`,
    '',
    t.rows.length === 0 ? '(none)' : mdTable(t.headers, t.rows),
    ...(t.omitted ? ['', `… and ${t.omitted} more (see preflight.json).`] : [])
  ].join('\n');
}

/** The report as Markdown. */
export function renderMarkdown(r: PreflightReport): string {
  const out: string[] = [];
  out.push(`# Handoff preflight: ${mdText(r.orgName ?? r.alias)}`, '');
  out.push(
    `Read-only checks of \`${r.alias}\`${r.username ? ` (${mdText(r.username)})` : ''}${r.instanceUrl ? ` at ${mdText(r.instanceUrl)}` : ''}, ` +
      `generated ${r.generatedAt} with API version ${r.apiVersion}: ${plural(r.calls, 'API call')}, all reads${r.validated ? '; plus a check-only deploy (--validate)' : ''}.`,
    ''
  );
  out.push(`**${mdText(verdict(r))}**`, '');
  out.push(
    mdTable(
      ['Status', 'Checks'],
      counts(r.results).map(([s, n]) => [STATUS_LABEL[s], String(n)])
    ),
    ''
  );
  for (const { heading, status } of TODO) {
    const items = r.results.filter((c) => c.status === status);
    if (items.length > 0) {
      out.push(
        `## ${heading}`,
        '',
        ...items.map((c, i) => `${i + 1}. **${mdText(c.title)}.** ${mdText(c.fix ?? c.finding)}`),
        ''
      );
    }
  }
  out.push('## All checks', '');
  out.push(
    mdTable(
      ['Status', 'Area', 'Check', 'Finding'],
      r.results.map((c) => [STATUS_LABEL[c.status], c.area, c.title, c.finding])
    ),
    ''
  );
  for (const [area, results] of areas(r.results)) {
    out.push(`## ${mdText(area)}`, '');
    for (const c of results) {
      out.push(`### ${STATUS_LABEL[c.status]}: ${mdText(c.title)}`, '');
      out.push(`**Found.** ${mdText(c.finding)}`, '');
      if (c.fix) {
        out.push(`**Fix.** ${mdText(c.fix)}`, '');
      }
      out.push(`**Why it matters.** ${mdText(c.why)}`, '');
      out.push(`**Read from.** ${mdText(c.source)}`, '');
      for (const t of c.tables ?? []) {
        out.push(mdDetail(t), '');
      }
    }
  }
  out.push('## Exit status', '', ...EXIT_TEXT.map((t) => `- ${t}`), '');
  out.push('What each check means and how to fix it: docs/preflight.md.', '');
  return out.join('\n');
}

// ------------------------------------------------------------------ HTML

/** Escapes text for HTML content and attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#181818;margin:0;background:#f3f3f3}
main{max-width:1100px;margin:0 auto;padding:24px;background:#fff}
h1{font-size:1.6em;margin:0 0 .3em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}h3{font-size:1.05em;margin:1.4em 0 .4em}
.meta{color:#444}.verdict{font-weight:600;padding:.6em .8em;border-left:6px solid #706e6b;background:#f8f8f8}
.verdict.s-fail{border-color:#ba0517}.verdict.s-unread{border-color:#a96404}.verdict.s-pass{border-color:#2e844a}
table{border-collapse:collapse;margin:.5em 0 1em;width:100%}th,td{border:1px solid #d8d8d8;padding:4px 8px;text-align:left;vertical-align:top}
thead th{background:#f3f3f3}caption{caption-side:top;text-align:left;font-style:italic;padding:4px 0}
.badge{display:inline-block;min-width:7.5em;text-align:center;border-radius:3px;padding:0 6px;font-weight:600;font-size:.85em;color:#fff}
.s-pass .badge,.badge.s-pass{background:#2e844a}.badge.s-warn{background:#8c4b02}.badge.s-fail{background:#ba0517}
.badge.s-unread{background:#5c5c5c}.badge.s-manual{background:#0b5cab}
dl{margin:0}dt{font-weight:600;margin-top:.3em}dd{margin:0 0 .2em 0}
`;

function htmlTable(headers: string[], rows: string[][], caption?: string): string {
  return [
    '<table>',
    caption ? `<caption>${esc(caption)}</caption>` : '',
    `<thead><tr>${headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...rows.map(
      (row) =>
        `<tr>${row.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`
    ),
    '</tbody>',
    '</table>'
  ]
    .filter(Boolean)
    .join('\n');
}

function badge(status: Status): string {
  return `<span class="badge s-${status}">${esc(STATUS_LABEL[status])}</span>`;
}

/** The report as a standalone HTML page. */
export function renderHtml(r: PreflightReport): string {
  const verdictClass =
    r.exitCode === EXIT.blocked ? 'fail' : r.exitCode === EXIT.incomplete ? 'unread' : 'pass';
  const parts: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Handoff preflight: ${esc(r.orgName ?? r.alias)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>Handoff preflight: ${esc(r.orgName ?? r.alias)}</h1>`,
    `<p class="meta">Read-only checks of <code>${esc(r.alias)}</code>${r.username ? ` (${esc(r.username)})` : ''}${r.instanceUrl ? ` at ${esc(r.instanceUrl)}` : ''}, generated ${esc(r.generatedAt)} with API version ${esc(r.apiVersion)}: ${esc(plural(r.calls, 'API call'))}, all reads${r.validated ? '; plus a check-only deploy (--validate)' : ''}.</p>`,
    `<p class="verdict s-${verdictClass}" role="status">${esc(verdict(r))}</p>`,
    htmlTable(
      ['Status', 'Checks'],
      counts(r.results).map(([s, n]) => [STATUS_LABEL[s], String(n)]),
      'Checks by status'
    ),
    ...TODO.flatMap(({ heading, status }, i) => {
      const items = r.results.filter((c) => c.status === status);
      return items.length === 0
        ? []
        : [
            `<section aria-labelledby="todo-${i}"><h2 id="todo-${i}">${esc(heading)}</h2><ol>`,
            ...items.map(
              (c) =>
                `<li><a href="#check-${esc(c.id)}"><strong>${esc(c.title)}</strong></a>. ${esc(c.fix ?? c.finding)}</li>`
            ),
            '</ol></section>'
          ];
    }),
    '<section aria-labelledby="all"><h2 id="all">All checks</h2>',
    '<table>',
    '<thead><tr><th scope="col">Status</th><th scope="col">Area</th><th scope="col">Check</th><th scope="col">Finding</th></tr></thead>',
    '<tbody>',
    ...r.results.map(
      (c) =>
        `<tr><td>${badge(c.status)}</td><td>${esc(c.area)}</td><th scope="row"><a href="#check-${esc(c.id)}">${esc(c.title)}</a></th><td>${esc(c.finding)}</td></tr>`
    ),
    '</tbody>',
    '</table>',
    '</section>'
  ];
  areas(r.results).forEach(([area, results], i) => {
    parts.push(`<section aria-labelledby="area-${i}"><h2 id="area-${i}">${esc(area)}</h2>`);
    for (const c of results) {
      parts.push(
        `<article id="check-${esc(c.id)}">`,
        `<h3>${badge(c.status)} ${esc(c.title)}</h3>`,
        '<dl>',
        `<dt>Found</dt><dd>${esc(c.finding)}</dd>`,
        ...(c.fix ? [`<dt>Fix</dt><dd>${esc(c.fix)}</dd>`] : []),
        `<dt>Why it matters</dt><dd>${esc(c.why)}</dd>`,
        `<dt>Read from</dt><dd>${esc(c.source)}</dd>`,
        '</dl>',
        ...(c.tables ?? []).map(
          (t) =>
            (t.rows.length === 0
              ? `<p><em>${esc(t.caption)}</em>: none.</p>`
              : htmlTable(t.headers, t.rows, t.caption)) +
            (t.omitted ? `<p>… and ${t.omitted} more (see preflight.json).</p>` : '')
        ),
        '</article>'
      );
    }
    parts.push('</section>');
  });
  parts.push(
    '<section aria-labelledby="exit"><h2 id="exit">Exit status</h2>',
    `<ul>${EXIT_TEXT.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>`,
    '<p>What each check means and how to fix it: docs/preflight.md.</p>',
    '</section>',
    '</main>',
    '</body>',
    '</html>'
  );
  return `${parts.join('\n')}\n`;
}

// ------------------------------------------------------------------ console

/** The console summary: one line per check, then the verdict. */
export function renderConsole(r: PreflightReport, files: string[]): string {
  const width = Math.max(...r.results.map((c) => STATUS_LABEL[c.status].length));
  const lines = [
    `Handoff preflight of ${r.orgName ?? r.alias} (${r.alias}): ${plural(r.results.length, 'check')}, ${plural(r.calls, 'API call')} (reads only)`,
    ''
  ];
  for (const c of r.results) {
    lines.push(`${STATUS_LABEL[c.status].padEnd(width)}  ${c.title}: ${c.finding}`);
  }
  lines.push('', verdict(r));
  if (files.length > 0) {
    lines.push(`Report: ${files.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
