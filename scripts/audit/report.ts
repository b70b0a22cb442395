/**
 * The gap analysis: a report model built from the engine's counters, rendered as Markdown,
 * as HTML with inline SVG charts (no external assets), and as CSV tables.
 */
import { formatDay } from '../lib/dates.ts';
import { csvLine } from '../lib/csv.ts';
import { fieldLabel } from '../lib/fields.ts';
import { evaluate, type RuleConfig } from '../lib/evaluator.ts';
import { segmentsOf } from '../lib/ruleConfig.ts';
import type { AuditIssue, EngineResult, IssueKind, TouchCounts } from './engine.ts';

/** Where the data came from and how it was read, for the report header. */
export interface ReportMeta {
  generatedAt: string;
  source: string;
  mapping: string;
  rules: string;
  scope: string;
  segment?: string;
  activities?: string;
  /** whether deals.csv lists every audited deal */
  dealsListed?: boolean;
}

/** How a field fares: what CS needs against what the data holds. */
export type Verdict =
  'Not captured' | 'Never filled' | 'Rarely filled' | 'Sometimes filled' | 'Usually filled';

export interface FieldRow {
  apiName: string;
  label: string;
  columns: string[];
  /** requirement per rule set and segment, e.g. "New Business: R/R/O · Expansion: R" */
  needs: string;
  /** required for at least one segment of some rule set */
  neededSomewhere: boolean;
  filled: number;
  applicable: number;
  filledWhereApplicable: number;
  required: number;
  requiredMissing: number;
  verdict: Verdict;
}

export interface GroupRow {
  name: string;
  deals: number;
  complete: number;
  completenessSum: number;
  topMissing: Array<{ label: string; count: number }>;
}

export interface TouchRow {
  group: string;
  looked: number;
  withActivity: number;
  medianDays: number | null;
  p90Days: number | null;
  within2Days: number;
  none: number;
}

export interface DealRow {
  row: number;
  id: string;
  name: string;
  account: string;
  owner: string;
  closeDate: string;
  segment: string;
  segmentReason: string;
  tier: string;
  ruleSet: string;
  completeness: number;
  missing: string;
  firstTouch: string;
}

/** The whole report. */
export interface AuditReport {
  meta: ReportMeta;
  rowsRead: number;
  audited: number;
  skipped: number;
  filtered: EngineResult['filtered'];
  complete: number;
  averageCompleteness: number | null;
  medianCompleteness: number | null;
  closeRange: string | null;
  segmentNames: string[];
  fields: FieldRow[];
  segments: GroupRow[];
  owners: GroupRow[];
  months: GroupRow[];
  touch: { horizonDays: number; rows: TouchRow[]; histogram: Int32Array } | null;
  deals: DealRow[] | null;
  issueCounts: Array<{ kind: IssueKind; count: number; description: string }>;
  issueSamples: AuditIssue[];
  issueTotal: number;
}

const ISSUE_TEXT: Record<IssueKind, string> = {
  'unbalanced-quote': 'Unbalanced quote (row skipped)',
  'text-after-quote': 'Text after a closing quote (row skipped)',
  'stray-quote': 'Quote inside an unquoted field (kept)',
  'column-count': 'Wrong number of columns (row skipped)',
  'unknown-column': 'Column not in the mapping (ignored)',
  'missing-column': 'Mapped column missing from the file',
  'missing-id': 'No id (row skipped)',
  'duplicate-id': 'Duplicate id (later row skipped)',
  'bad-close-date': 'Bad or missing close date (row skipped)',
  'bad-amount': 'Amount not a number (treated as blank)',
  'bad-employees': 'Employee count not a number (treated as blank)',
  'bad-date': 'Date field not a date (treated as blank)',
  'bad-checkbox': 'Checkbox not true/false (treated as false)',
  'bad-number': 'Number field not a number (treated as blank)'
};

/** Integer percent, or an em dash when there is nothing to divide by. */
export function pct(part: number, whole: number): string {
  return whole === 0 ? '—' : `${Math.round((100 * part) / whole)}%`;
}

function verdictOf(columns: string[], filled: number, audited: number): Verdict {
  if (columns.length === 0) {
    return 'Not captured';
  }
  if (filled === 0) {
    return 'Never filled';
  }
  const share = audited === 0 ? 0 : filled / audited;
  if (share < 0.25) {
    return 'Rarely filled';
  }
  return share < 0.75 ? 'Sometimes filled' : 'Usually filled';
}

/** What each rule set and segment requires of each field, by asking the evaluator. */
function requirementMatrix(
  config: RuleConfig,
  fields: readonly string[]
): { needs: string[]; needed: boolean[]; segments: string[] } {
  const segments = segmentsOf(config);
  const ruleSets: Array<{ name: string; type: string | null }> = [
    { name: 'New Business', type: null }
  ];
  const expansionType = config.settings.expansionOpportunityTypes[0];
  if (expansionType) {
    ruleSets.push({ name: 'Expansion', type: expansionType });
  }
  const index = new Map(fields.map((f, i) => [f.toLowerCase(), i]));
  const parts: string[][] = fields.map(() => []);
  const needed = fields.map(() => false);
  for (const rs of ruleSets) {
    const perSegment: string[][] = fields.map(() => []);
    for (const segment of segments) {
      const e = evaluate(
        { amount: null, employees: null, type: rs.type, segmentOverride: segment, values: {} },
        config
      );
      const marks = fields.map(() => '–');
      for (const rule of e.rules) {
        const i = index.get(rule.fieldApiName.toLowerCase());
        if (i !== undefined) {
          const required = rule.requirement.toLowerCase() === 'required';
          marks[i] = required ? 'R' : 'O';
          needed[i] = needed[i] || required;
        }
      }
      marks.forEach((m, i) => perSegment[i].push(m));
    }
    perSegment.forEach((marks, i) => {
      const uniform = marks.every((m) => m === marks[0]);
      parts[i].push(`${rs.name}: ${uniform ? marks[0] : marks.join('/')}`);
    });
  }
  return { needs: parts.map((p) => p.join(' · ')), needed, segments };
}

function topMissing(
  missing: ArrayLike<number>,
  fields: readonly string[],
  limit = 3
): Array<{ label: string; count: number }> {
  const out: Array<{ label: string; count: number; i: number }> = [];
  for (let i = 0; i < fields.length; i++) {
    if (missing[i] > 0) {
      out.push({ label: fieldLabel(fields[i]), count: missing[i], i });
    }
  }
  out.sort((a, b) => b.count - a.count || a.i - b.i);
  return out.slice(0, limit).map(({ label, count }) => ({ label, count }));
}

function percentile(days: Int32Array, total: number, p: number): number | null {
  if (total === 0) {
    return null;
  }
  const rank = Math.ceil(p * total);
  let seen = 0;
  for (let d = 0; d < days.length; d++) {
    seen += days[d];
    if (seen >= rank) {
      return d;
    }
  }
  return null;
}

function touchRow(group: string, t: TouchCounts): TouchRow {
  let withActivity = 0;
  for (const n of t.days) {
    withActivity += n;
  }
  return {
    group,
    looked: t.looked,
    withActivity,
    medianDays: percentile(t.days, withActivity, 0.5),
    p90Days: percentile(t.days, withActivity, 0.9),
    within2Days: t.days[0] + (t.days[1] ?? 0) + (t.days[2] ?? 0),
    none: t.looked - withActivity
  };
}

/** Builds the report model from the engine's result. */
export function buildReport(
  result: EngineResult,
  config: RuleConfig,
  meta: ReportMeta,
  /** per field, the source columns actually found (default: the mapping's) */
  found?: Map<string, string[]>
): AuditReport {
  const fields = result.fields;
  const names = fields.map((f) => f.apiName);
  const { needs, needed, segments } = requirementMatrix(config, names);
  const F = fields.length;
  const filled = result.fieldFilled;
  const applicable = new Float64Array(F);
  const filledApplicable = new Float64Array(F);
  const required = new Float64Array(F);
  const requiredMissing = new Float64Array(F);
  const bySegment = new Map<string, GroupRow & { missing: Float64Array }>();
  let complete = 0;
  let completenessSum = 0;
  result.scorer.scores.forEach((s) => {
    const c = result.scoreCounts[s.index] ?? 0;
    if (c === 0) {
      return;
    }
    complete += s.complete ? c : 0;
    completenessSum += c * s.completeness;
    const segName = s.segment ?? '(no segment)';
    let seg = bySegment.get(segName);
    if (!seg) {
      seg = {
        name: segName,
        deals: 0,
        complete: 0,
        completenessSum: 0,
        topMissing: [],
        missing: new Float64Array(F)
      };
      bySegment.set(segName, seg);
    }
    seg.deals += c;
    seg.complete += s.complete ? c : 0;
    seg.completenessSum += c * s.completeness;
    for (let i = 0; i < F; i++) {
      const bit = 1 << i;
      if (s.applicableMask & bit) {
        applicable[i] += c;
        if (s.filledMask & bit) {
          filledApplicable[i] += c;
        }
      }
      if (s.requiredMask & bit) {
        required[i] += c;
      }
      if (s.missingMask & bit) {
        requiredMissing[i] += c;
        seg.missing[i] += c;
      }
    }
  });
  const segmentOrder = [...segments, '(no segment)'];
  const segmentRows = [...bySegment.values()]
    .sort((a, b) => {
      const ia = segmentOrder.indexOf(a.name);
      const ib = segmentOrder.indexOf(b.name);
      return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib) || (a.name < b.name ? -1 : 1);
    })
    .map((s) => ({
      name: s.name,
      deals: s.deals,
      complete: s.complete,
      completenessSum: s.completenessSum,
      topMissing: topMissing(s.missing, names)
    }));
  // (a group can be left empty when a duplicate row is taken back)
  const ownerRows = [...result.byOwner.entries()]
    .filter(([, g]) => g.deals > 0)
    .map(([name, g]) => ({
      name,
      deals: g.deals,
      complete: g.complete,
      completenessSum: g.completenessSum,
      topMissing: topMissing(g.missing, names)
    }))
    .sort((a, b) => b.deals - a.deals || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const monthRows = [...result.byMonth.entries()]
    .filter(([, g]) => g.deals > 0)
    .map(([name, g]) => ({
      name,
      deals: g.deals,
      complete: g.complete,
      completenessSum: g.completenessSum,
      topMissing: topMissing(g.missing, names)
    }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));

  const fieldRows: FieldRow[] = fields.map((f, i) => {
    const columns = found?.get(f.apiName) ?? f.columns;
    return {
      apiName: f.apiName,
      label: fieldLabel(f.apiName),
      columns,
      needs: needs[i],
      neededSomewhere: needed[i],
      filled: filled[i],
      applicable: applicable[i],
      filledWhereApplicable: filledApplicable[i],
      required: required[i],
      requiredMissing: requiredMissing[i],
      verdict: verdictOf(columns, filled[i], result.audited)
    };
  });

  let touch: AuditReport['touch'] = null;
  if (result.touch) {
    const rows = [touchRow('All deals', result.touch.overall)];
    const segNames = [...result.touch.bySegment.keys()].sort(
      (a, b) => segmentOrder.indexOf(a) - segmentOrder.indexOf(b)
    );
    for (const name of segNames) {
      const t = result.touch.bySegment.get(name) as TouchCounts;
      if (t.looked > 0) {
        rows.push(touchRow(name, t));
      }
    }
    touch = { horizonDays: result.touch.horizonDays, rows, histogram: result.touch.overall.days };
  }

  const deals: DealRow[] | null = result.deals
    ? result.deals.map(({ deal, evaluation }) => ({
        row: deal.row,
        id: deal.id,
        name: deal.name,
        account: deal.accountName,
        owner: deal.owner.trim() === '' ? '(no owner)' : deal.owner,
        closeDate: formatDay(deal.closeDay),
        segment: evaluation.segment ?? '',
        segmentReason: evaluation.segmentReason,
        tier: evaluation.tier ?? '',
        ruleSet: evaluation.ruleSet,
        completeness: evaluation.completeness,
        missing: evaluation.missing.map(fieldLabel).join('; '),
        firstTouch:
          deal.firstTouchDays === undefined
            ? ''
            : deal.firstTouchDays === null
              ? 'none'
              : String(deal.firstTouchDays)
      }))
    : null;

  const hist = result.completenessHistogram;
  const kinds = Object.keys(ISSUE_TEXT) as IssueKind[];
  return {
    meta,
    rowsRead: result.rowsRead,
    audited: result.audited,
    skipped: result.skipped,
    filtered: result.filtered,
    complete,
    averageCompleteness: result.audited === 0 ? null : Math.round(completenessSum / result.audited),
    medianCompleteness: percentileOf(hist, result.audited),
    closeRange:
      result.audited === 0
        ? null
        : `${formatDay(result.minCloseDay)} to ${formatDay(result.maxCloseDay)}`,
    segmentNames: segments,
    fields: fieldRows,
    segments: segmentRows,
    owners: ownerRows,
    months: monthRows,
    touch,
    deals,
    issueCounts: kinds
      .filter((k) => (result.issueCounts.get(k) ?? 0) > 0)
      .map((k) => ({ kind: k, count: result.issueCounts.get(k) ?? 0, description: ISSUE_TEXT[k] })),
    // In file order (streaming scopes find duplicates at the end).
    issueSamples: [...result.issueSamples].sort((a, b) =>
      a.file === b.file ? a.row - b.row : a.file < b.file ? -1 : 1
    ),
    issueTotal: result.issueTotal
  };
}

function percentileOf(hist: Int32Array, total: number): number | null {
  if (total === 0) {
    return null;
  }
  // The lower median, as an integer percent.
  const rank = Math.ceil(total / 2);
  let seen = 0;
  for (let v = 0; v < hist.length; v++) {
    seen += hist[v];
    if (seen >= rank) {
      return v;
    }
  }
  return null;
}

// ---------------------------------------------------------------- Markdown

function mdCell(value: Cell): string {
  const text =
    typeof value === 'object' ? value.columns.map((c) => `\`${c}\``).join(' or ') : String(value);
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Puts file paths and API names (the parts of a text that look like them) in code spans. */
function code(text: string): string {
  return text.replace(
    /https?:\/\/[^\s,)]+|(?:[A-Za-z]:)?(?:[\w.-]*[/\\])+[\w.#-]+|\b\w+__c\b/g,
    (m) => `\`${m}\``
  );
}

function mdTable({ headers, rows }: TableModel): string {
  const lines = [
    `| ${headers.map(mdCell).join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`)
  ];
  return lines.join('\n');
}

function avg(g: GroupRow): string {
  return g.deals === 0 ? '—' : `${Math.round(g.completenessSum / g.deals)}%`;
}

function missingText(g: GroupRow): string {
  return g.topMissing.length === 0
    ? '—'
    : g.topMissing.map((m) => `${m.label} (${m.count})`).join(', ');
}

function days(v: number | null): string {
  return v === null ? '—' : String(v);
}

/** How many AEs the Markdown and HTML list (the CSV lists all). */
export const OWNER_LIMIT = 25;

function scopeLine(r: AuditReport): string {
  const range = r.closeRange ? ` (closed ${r.closeRange})` : '';
  const seg = r.meta.segment ? `; segment ${r.meta.segment} only` : '';
  return `${r.meta.scope}${range}${seg}`;
}

function notAudited(r: AuditReport): string {
  const f = r.filtered;
  const parts: string[] = [];
  if (f.outsideWindow > 0) {
    parts.push(`${f.outsideWindow} older than the window`);
  }
  if (f.beforeSince > 0) {
    parts.push(`${f.beforeSince} closed before the --since date`);
  }
  if (f.otherSegment > 0) {
    parts.push(`${f.otherSegment} in other segments`);
  }
  if (f.notWon > 0) {
    parts.push(`${f.notWon} not in a won stage`);
  }
  return parts.length === 0 ? 'none' : parts.join('; ');
}

/** Key findings in plain words, for the top of both documents. */
export function findings(r: AuditReport): string[] {
  const out: string[] = [];
  if (r.audited === 0) {
    return ['No deal could be audited.'];
  }
  out.push(
    `${r.complete} of ${r.audited} deals (${pct(r.complete, r.audited)}) had every required handoff field filled; the average deal had ${r.averageCompleteness}% of its weighted handoff information.`
  );
  const needed = r.fields.filter((f) => f.neededSomewhere);
  const notCaptured = needed.filter((f) => f.verdict === 'Not captured').map((f) => f.label);
  const never = needed.filter((f) => f.verdict === 'Never filled').map((f) => f.label);
  const rarely = needed.filter((f) => f.verdict === 'Rarely filled').map((f) => f.label);
  if (notCaptured.length > 0) {
    out.push(`Not captured anywhere in the source: ${notCaptured.join(', ')}.`);
  }
  if (never.length > 0) {
    out.push(`Captured but never filled: ${never.join(', ')}.`);
  }
  if (rarely.length > 0) {
    out.push(`Rarely filled (under 25% of deals): ${rarely.join(', ')}.`);
  }
  const worst = [...r.fields]
    .filter((f) => f.required > 0 && f.requiredMissing > 0)
    .sort((a, b) => b.requiredMissing / b.required - a.requiredMissing / a.required)[0];
  if (worst) {
    out.push(
      `Most often missing where required: ${worst.label} (${worst.requiredMissing} of ${worst.required} deals, ${pct(worst.requiredMissing, worst.required)}).`
    );
  }
  if (r.touch) {
    const all = r.touch.rows[0];
    if (all.withActivity > 0) {
      out.push(
        `A CSM activity followed the close on ${all.withActivity} of ${all.looked} deals; median ${all.medianDays} day${all.medianDays === 1 ? '' : 's'} after close, ${pct(all.within2Days, all.withActivity)} within 2 days (the 48-hour target).`
      );
    } else if (all.looked > 0) {
      out.push(`No CSM activity was found after the close of any of ${all.looked} deals.`);
    }
  }
  if (r.skipped > 0) {
    out.push(
      `${r.skipped} row${r.skipped === 1 ? ' was' : 's were'} left out for bad input (see Data quality).`
    );
  }
  return out;
}

// ---------------------------------------------------------------- Tables (Markdown and HTML)

/** A table cell: text, a number, or source column names (in code spans in Markdown). */
type Cell = string | number | { columns: readonly string[] };

/**
 * One report table, defined once here and rendered by both `mdTable` and `htmlTable`: its
 * column headers, its rows (the first cell of each labels the row) and which columns hold
 * numbers (right-aligned in HTML; Markdown does not align).
 */
interface TableModel {
  headers: string[];
  rows: Cell[][];
  numeric: number[];
}

/** A section of both documents: its heading, and its anchor in the HTML. */
interface Section {
  id: string;
  title: string;
}

const SECTIONS = {
  findings: { id: 'findings', title: 'Key findings' },
  summary: { id: 'summary', title: 'Summary' },
  needs: { id: 'needs', title: 'What CS needs against what the data holds' },
  byField: { id: 'by-field', title: 'Completion by field' },
  bySegment: { id: 'by-segment', title: 'By segment' },
  byAe: { id: 'by-ae', title: 'By AE' },
  byMonth: { id: 'by-month', title: 'By close month' },
  firstTouch: { id: 'first-touch', title: 'Time from close to the first CSM activity' },
  deals: { id: 'deals', title: 'The deals' },
  quality: { id: 'quality', title: 'Data quality' }
} satisfies Record<string, Section>;

/** How many problems the Markdown and HTML list one by one (issues.csv has them all). */
const ISSUE_SAMPLE_LIMIT = 50;

/** The tables of the Markdown and HTML reports. */
interface ReportTables {
  summary: TableModel;
  needs: TableModel;
  byField: TableModel;
  bySegment: TableModel;
  /** the OWNER_LIMIT AEs with the most deals */
  byAe: TableModel;
  byMonth: TableModel;
  /** null without activity data */
  firstTouch: TableModel | null;
  /** null when the deals are not listed */
  deals: TableModel | null;
  issueCounts: TableModel;
  /** the first ISSUE_SAMPLE_LIMIT problems */
  issueSamples: TableModel;
}

function groupTable(first: string, rows: GroupRow[]): TableModel {
  return {
    headers: [first, 'Deals', 'Complete', 'Average completeness', 'Most often missing'],
    rows: rows.map((g) => [
      g.name,
      g.deals,
      `${g.complete} (${pct(g.complete, g.deals)})`,
      avg(g),
      missingText(g)
    ]),
    numeric: [1, 2, 3]
  };
}

/** Every table of the report, for both the Markdown and the HTML writer. */
function reportTables(r: AuditReport): ReportTables {
  return {
    summary: {
      headers: ['Measure', 'Value'],
      rows: [
        ['Deals audited', r.audited],
        ['Complete (every required field filled)', `${r.complete} (${pct(r.complete, r.audited)})`],
        [
          'Average completeness',
          r.averageCompleteness === null ? '—' : `${r.averageCompleteness}%`
        ],
        ['Median completeness', r.medianCompleteness === null ? '—' : `${r.medianCompleteness}%`],
        ['Rows read', r.rowsRead],
        ['Rows skipped for bad input', r.skipped],
        ['Not audited (scope)', notAudited(r)]
      ],
      numeric: []
    },
    needs: {
      headers: ['Field', 'CS needs', 'Source column', 'Filled', 'Verdict'],
      rows: r.fields.map((f) => [
        f.label,
        f.needs,
        f.columns.length === 0 ? '(none)' : { columns: f.columns },
        `${f.filled} (${pct(f.filled, r.audited)})`,
        f.verdict
      ]),
      numeric: []
    },
    byField: {
      headers: ['Field', 'Asked on', 'Filled there', 'Required on', 'Required but missing'],
      rows: r.fields.map((f) => [
        f.label,
        f.applicable,
        `${f.filledWhereApplicable} (${pct(f.filledWhereApplicable, f.applicable)})`,
        f.required,
        `${f.requiredMissing} (${pct(f.requiredMissing, f.required)})`
      ]),
      numeric: [1, 2, 3, 4]
    },
    bySegment: groupTable('Segment', r.segments),
    byAe: groupTable('AE', r.owners.slice(0, OWNER_LIMIT)),
    byMonth: groupTable('Month', r.months),
    firstTouch: r.touch && {
      headers: [
        'Deals',
        'Looked up',
        'With a CSM activity',
        'Median days',
        '90th percentile days',
        'Within 2 days',
        'None found'
      ],
      rows: r.touch.rows.map((t) => [
        t.group,
        t.looked,
        t.withActivity,
        days(t.medianDays),
        days(t.p90Days),
        `${t.within2Days} (${pct(t.within2Days, t.withActivity)})`,
        t.none
      ]),
      numeric: [1, 2, 3, 4, 5, 6]
    },
    deals: r.deals && {
      headers: [
        'Row',
        'Closed',
        'Opportunity',
        'Account',
        'AE',
        'Segment',
        'Completeness',
        'Missing required',
        'Days to CSM'
      ],
      rows: r.deals.map((d) => [
        d.row,
        d.closeDate,
        d.name,
        d.account,
        d.owner,
        `${d.segment} (${d.segmentReason})`,
        `${d.completeness}%`,
        d.missing === '' ? '—' : d.missing,
        d.firstTouch === '' ? '—' : d.firstTouch
      ]),
      numeric: []
    },
    issueCounts: {
      headers: ['Problem', 'Count'],
      rows: r.issueCounts.map((c) => [c.description, c.count]),
      numeric: [1]
    },
    issueSamples: {
      headers: ['File', 'Row', 'Severity', 'Problem'],
      rows: r.issueSamples
        .slice(0, ISSUE_SAMPLE_LIMIT)
        .map((i) => [i.file, i.row, i.severity, i.message]),
      numeric: []
    }
  };
}

/** Renders the report as Markdown. */
export function renderMarkdown(r: AuditReport): string {
  const t = reportTables(r);
  const out: string[] = [];
  const heading = (s: Section): string => `## ${s.title}`;
  out.push('# Handoff audit: current state', '');
  out.push(
    `Generated ${r.meta.generatedAt} from ${code(r.meta.source)}.`,
    '',
    `- Scope: ${scopeLine(r)}`,
    `- Mapping: ${code(r.meta.mapping)}`,
    `- Rules: ${code(r.meta.rules)}`
  );
  if (r.meta.activities) {
    out.push(`- Activities: ${code(r.meta.activities)}`);
  }
  out.push('', heading(SECTIONS.findings), '', ...findings(r).map((f) => `- ${f}`), '');
  out.push(heading(SECTIONS.summary), '');
  out.push(
    mdTable(t.summary),
    '',
    r.meta.dealsListed
      ? 'Every audited deal is listed in `deals.csv`; every problem in `issues.csv`.'
      : 'Every problem is listed in `issues.csv`; add `--deals` to list every audited deal in `deals.csv`.',
    ''
  );
  out.push(heading(SECTIONS.needs), '');
  out.push(
    `R = required, O = optional, – = not asked, per segment (${r.segmentNames.join('/')}). Filled counts every audited deal.`,
    ''
  );
  out.push(mdTable(t.needs), '');
  out.push(heading(SECTIONS.byField), '');
  out.push('Only deals whose segment and rule set ask for the field count.', '');
  out.push(mdTable(t.byField), '');
  out.push(heading(SECTIONS.bySegment), '', mdTable(t.bySegment), '');
  out.push(heading(SECTIONS.byAe), '');
  if (r.owners.length > OWNER_LIMIT) {
    out.push(
      `The ${OWNER_LIMIT} AEs with the most deals; all ${r.owners.length} are in aes.csv.`,
      ''
    );
  }
  out.push(mdTable(t.byAe), '');
  out.push(heading(SECTIONS.byMonth), '', mdTable(t.byMonth), '');
  out.push(heading(SECTIONS.firstTouch), '');
  if (!r.touch || !t.firstTouch) {
    out.push(
      'No activity data was given (CSV: `--activities <file>`; an org: Tasks and Events are read).',
      ''
    );
  } else {
    out.push(
      `Days from the close date to the first Task or Event on the account by someone other than the AE, within ${r.touch.horizonDays} days. Close dates carry no time, so 2 days stands for the 48-hour target.`,
      ''
    );
    out.push(mdTable(t.firstTouch), '');
  }
  if (t.deals) {
    out.push(heading(SECTIONS.deals), '');
    out.push(mdTable(t.deals), '');
  }
  out.push(heading(SECTIONS.quality), '');
  if (r.issueTotal === 0) {
    out.push('No problems found in the input.', '');
  } else {
    out.push(mdTable(t.issueCounts), '');
    const shown = t.issueSamples.rows.length;
    out.push(
      `${shown < r.issueTotal ? `The first ${shown} of ${r.issueTotal}` : `All ${r.issueTotal}`} problems (every one is in issues.csv). Row = line in the file; row 1 is the header.`,
      ''
    );
    out.push(mdTable(t.issueSamples), '');
  }
  out.push('## How to read this', '');
  out.push(
    '- Each deal is scored by the same rule evaluator as the Opportunity handoff panel, with the rules above: its segment and tier come from the segment policies (or the override), its rule set from the Opportunity Type.',
    '- Completeness is the weighted share of the deal’s applicable fields that are filled; complete means no required field is blank.',
    '- A field with no source column is counted as blank on every deal: that is the gap between what CS needs and what is captured today.'
  );
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------- CSV

/** The CSV tables, by file name. */
export function renderCsv(r: AuditReport): Record<string, string> {
  const lines = (rows: unknown[][]): string => `${rows.map(csvLine).join('\n')}\n`;
  const group = (first: string, rows: GroupRow[]): string =>
    lines([
      [first, 'Deals', 'Complete', 'Complete %', 'Average Completeness %', 'Most Often Missing'],
      ...rows.map((g) => [
        g.name,
        g.deals,
        g.complete,
        g.deals === 0 ? '' : Math.round((100 * g.complete) / g.deals),
        g.deals === 0 ? '' : Math.round(g.completenessSum / g.deals),
        g.topMissing.map((m) => `${m.label} (${m.count})`).join('; ')
      ])
    ]);
  const files: Record<string, string> = {
    'fields.csv': lines([
      [
        'Field',
        'API Name',
        'CS Needs',
        'Source Columns',
        'Filled',
        'Filled %',
        'Asked On',
        'Filled Where Asked',
        'Required On',
        'Required Missing',
        'Required Missing %',
        'Verdict'
      ],
      ...r.fields.map((f) => [
        f.label,
        f.apiName,
        f.needs,
        f.columns.join('; '),
        f.filled,
        r.audited === 0 ? '' : Math.round((100 * f.filled) / r.audited),
        f.applicable,
        f.filledWhereApplicable,
        f.required,
        f.requiredMissing,
        f.required === 0 ? '' : Math.round((100 * f.requiredMissing) / f.required),
        f.verdict
      ])
    ]),
    'segments.csv': group('Segment', r.segments),
    'aes.csv': group('AE', r.owners),
    'months.csv': group('Month', r.months)
  };
  if (r.touch) {
    files['first-touch.csv'] = lines([
      [
        'Group',
        'Looked Up',
        'With CSM Activity',
        'Median Days',
        'P90 Days',
        'Within 2 Days',
        'None Found'
      ],
      ...r.touch.rows.map((t) => [
        t.group,
        t.looked,
        t.withActivity,
        t.medianDays ?? '',
        t.p90Days ?? '',
        t.within2Days,
        t.none
      ])
    ]);
  }
  return files;
}

// ---------------------------------------------------------------- HTML

/** Escapes text for HTML. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A cell as HTML (source columns in plain text). */
function htmlCell(value: Cell): string {
  return esc(typeof value === 'object' ? value.columns.join(' or ') : value);
}

function htmlTable({ headers, rows, numeric }: TableModel): string {
  const head = headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        `<tr>${r
          .map((c, i) =>
            i === 0
              ? `<th scope="row">${htmlCell(c)}</th>`
              : `<td${numeric.includes(i) ? ' class="num"' : ''}>${htmlCell(c)}</td>`
          )
          .join('')}</tr>`
    )
    .join('\n');
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

let chartSeq = 0;

/** A horizontal bar chart of percentages (0–100). */
export function barChart(
  title: string,
  items: Array<{ label: string; value: number | null; note?: string }>
): string {
  const id = `chart-${++chartSeq}`;
  const labelW = 210;
  const barW = 360;
  const rowH = 24;
  const top = 8;
  const h = top + items.length * rowH + 20;
  const w = labelW + barW + 90;
  const bars = items
    .map((it, i) => {
      const y = top + i * rowH;
      const v = it.value ?? 0;
      const len = Math.round((barW * Math.max(0, Math.min(100, v))) / 100);
      const cls = v >= 85 ? 'good' : v >= 50 ? 'warn' : 'bad';
      const text = it.value === null ? 'n/a' : `${Math.round(v)}%${it.note ? ` ${it.note}` : ''}`;
      return (
        `<g class="bar"><text x="${labelW - 8}" y="${y + 16}" text-anchor="end">${esc(it.label)}</text>` +
        `<rect x="${labelW}" y="${y + 4}" width="${barW}" height="16" class="track"/>` +
        `<rect x="${labelW}" y="${y + 4}" width="${len}" height="16" class="${cls}"><title>${esc(it.label)}: ${esc(text)}</title></rect>` +
        `<text x="${labelW + barW + 6}" y="${y + 16}">${esc(text)}</text></g>`
      );
    })
    .join('\n');
  const axis = [0, 50, 85, 100]
    .map((t) => {
      const x = labelW + (barW * t) / 100;
      return `<line x1="${x}" y1="${top}" x2="${x}" y2="${h - 18}" class="grid"/><text x="${x}" y="${h - 4}" text-anchor="middle" class="axis">${t}%</text>`;
    })
    .join('');
  return (
    `<figure><svg role="img" aria-labelledby="${id}-t" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}">` +
    `<title id="${id}-t">${esc(title)}</title>${axis}\n${bars}\n</svg><figcaption>${esc(title)}</figcaption></figure>`
  );
}

/** A column chart of counts (for the first-touch distribution). */
export function columnChart(title: string, items: Array<{ label: string; value: number }>): string {
  const id = `chart-${++chartSeq}`;
  const colW = 56;
  const plotH = 160;
  const left = 40;
  const w = left + items.length * colW + 10;
  const top = 18;
  const h = top + plotH + 40;
  const max = Math.max(1, ...items.map((i) => i.value));
  const cols = items
    .map((it, i) => {
      const x = left + i * colW + 8;
      const bh = Math.round((plotH * it.value) / max);
      const y = top + plotH - bh;
      return (
        `<g class="col"><rect x="${x}" y="${y}" width="${colW - 16}" height="${bh}" class="bar-fill"><title>${esc(it.label)}: ${it.value}</title></rect>` +
        `<text x="${x + (colW - 16) / 2}" y="${y - 3}" text-anchor="middle">${it.value}</text>` +
        `<text x="${x + (colW - 16) / 2}" y="${top + plotH + 18}" text-anchor="middle" class="axis">${esc(it.label)}</text></g>`
      );
    })
    .join('\n');
  return (
    `<figure><svg role="img" aria-labelledby="${id}-t" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}">` +
    `<title id="${id}-t">${esc(title)}</title><line x1="${left}" y1="${top + plotH}" x2="${w - 4}" y2="${top + plotH}" class="grid"/>\n${cols}\n</svg><figcaption>${esc(title)}</figcaption></figure>`
  );
}

/** Buckets of days to first CSM activity for the column chart. */
export function touchBuckets(
  days: Int32Array,
  none: number
): Array<{ label: string; value: number }> {
  const sum = (from: number, to: number): number => {
    let s = 0;
    for (let d = from; d <= Math.min(to, days.length - 1); d++) {
      s += days[d];
    }
    return s;
  };
  return [
    { label: 'same day', value: sum(0, 0) },
    { label: '1 day', value: sum(1, 1) },
    { label: '2 days', value: sum(2, 2) },
    { label: '3–7', value: sum(3, 7) },
    { label: '8–14', value: sum(8, 14) },
    { label: '15–30', value: sum(15, 30) },
    { label: '31+', value: sum(31, days.length - 1) },
    { label: 'none', value: none }
  ];
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#181818;margin:2rem auto;max-width:1100px;padding:0 1rem}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:13px}th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f3f3f3}td.num{text-align:right}figure{margin:.5rem 0 1rem}figcaption{font-size:12px;color:#555}
svg text{font-size:12px;fill:#181818}svg .axis{fill:#555;font-size:11px}svg .grid{stroke:#ccc;stroke-dasharray:2 2}
svg .track{fill:#eee}svg .good{fill:#2e844a}svg .warn{fill:#dd7a01}svg .bad{fill:#ba0517}svg .bar-fill{fill:#0176d3}
.meta{color:#555}.findings li{margin:.2rem 0}`;

/** Renders the report as a standalone HTML page with inline SVG charts. */
export function renderHtml(r: AuditReport): string {
  chartSeq = 0;
  const t = reportTables(r);
  const open = (s: Section): string =>
    `<section aria-labelledby="${s.id}"><h2 id="${s.id}">${esc(s.title)}</h2>`;
  const parts: string[] = [];
  parts.push(
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Handoff audit: current state</title>',
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<h1>Handoff audit: current state</h1>',
    `<p class="meta">Generated ${esc(r.meta.generatedAt)} from ${esc(r.meta.source)}.<br>Scope: ${esc(scopeLine(r))}<br>Mapping: ${esc(r.meta.mapping)}<br>Rules: ${esc(r.meta.rules)}${r.meta.activities ? `<br>Activities: ${esc(r.meta.activities)}` : ''}</p>`,
    open(SECTIONS.findings),
    `<ul class="findings">${findings(r)
      .map((f) => `<li>${esc(f)}</li>`)
      .join('')}</ul></section>`
  );
  parts.push(open(SECTIONS.summary), htmlTable(t.summary), '</section>');
  parts.push(
    open(SECTIONS.needs),
    barChart(
      'Share of audited deals with each field filled',
      r.fields.map((f) => ({
        label: f.label,
        value: r.audited === 0 ? null : (100 * f.filled) / r.audited,
        note: f.verdict === 'Not captured' ? '(not captured)' : undefined
      }))
    ),
    htmlTable(t.needs),
    '</section>'
  );
  parts.push(open(SECTIONS.byField), htmlTable(t.byField), '</section>');
  const groupSection = (s: Section, rows: GroupRow[], table: TableModel): string =>
    [
      open(s),
      barChart(
        `${s.title}: share of deals complete`,
        rows.map((g) => ({
          label: g.name,
          value: g.deals === 0 ? null : (100 * g.complete) / g.deals,
          note: `of ${g.deals}`
        }))
      ),
      htmlTable(table),
      '</section>'
    ].join('\n');
  parts.push(groupSection(SECTIONS.bySegment, r.segments, t.bySegment));
  parts.push(groupSection(SECTIONS.byAe, r.owners.slice(0, OWNER_LIMIT), t.byAe));
  parts.push(groupSection(SECTIONS.byMonth, r.months, t.byMonth));
  parts.push(open(SECTIONS.firstTouch));
  if (!r.touch || !t.firstTouch) {
    parts.push('<p>No activity data was given.</p>');
  } else {
    const all = r.touch.rows[0];
    parts.push(
      `<p>Days from the close date to the first Task or Event on the account by someone other than the AE, within ${r.touch.horizonDays} days.</p>`
    );
    parts.push(
      columnChart(
        'Deals by days from close to the first CSM activity',
        touchBuckets(r.touch.histogram, all.none)
      ),
      htmlTable(t.firstTouch)
    );
  }
  parts.push('</section>');
  if (t.deals) {
    parts.push(open(SECTIONS.deals), htmlTable(t.deals), '</section>');
  }
  parts.push(open(SECTIONS.quality));
  if (r.issueTotal === 0) {
    parts.push('<p>No problems found in the input.</p>');
  } else {
    parts.push(htmlTable(t.issueCounts), htmlTable(t.issueSamples));
  }
  parts.push('</section>', '</main>', '</body>', '</html>');
  return `${parts.join('\n')}\n`;
}
