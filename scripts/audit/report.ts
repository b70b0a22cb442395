/**
 * The gap analysis: a report model built from the engine's counters, rendered as Markdown,
 * as HTML with inline SVG charts (no external assets), and as CSV tables. Both documents open
 * with the five numbers a kickoff call starts from, then the findings, then the detail.
 */
import { formatDay } from '../lib/dates.ts';
import { CSV_BOM, safeCsvLine, type CsvFooter } from '../lib/csv.ts';
import { fieldLabel } from '../lib/fields.ts';
import { evaluate, selectRuleSet, type RuleConfig } from '../lib/evaluator.ts';
import { segmentsOf } from '../lib/ruleConfig.ts';
import {
  UNKNOWN_SEGMENT,
  type AuditIssue,
  type EngineResult,
  type IssueKind,
  type TouchCounts
} from './engine.ts';

/** Where the data came from and how it was read, for the report header. */
export interface ReportMeta {
  generatedAt: string;
  /** the same moment as an ISO 8601 UTC timestamp (for the baseline) */
  generatedIso?: string;
  source: string;
  mapping: string;
  rules: string;
  scope: string;
  segment?: string;
  activities?: string;
  /** whether deals.csv lists every audited deal */
  dealsListed?: boolean;
  /** how the deals file's dates were read */
  dates?: string;
  /** how the activities file's dates were read */
  activityDates?: string;
  /** date columns whose failing values fit another layout */
  dateHints?: string[];
  /** the Salesforce report footer set aside */
  footer?: CsvFooter | null;
  /** which values counted as placeholders */
  placeholders?: string;
  /** Type values the mapping adds to the rules' expansion types */
  expansionFromMapping?: string[];
  /** every expansion Type value the deals were scored with */
  expansionTypes?: string[];
}

/** How a field fares: what CS needs against what the data holds. */
export type Verdict =
  | 'Not captured'
  | 'Column not in file'
  | 'Never filled'
  | 'Rarely filled'
  | 'Sometimes filled'
  | 'Usually filled';

export interface FieldRow {
  apiName: string;
  label: string;
  /** the source columns found */
  columns: string[];
  /** mapped columns the file does not have */
  absent: string[];
  /** audited deals whose value was a placeholder (counted as blank) */
  placeholders: number;
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

/** One Opportunity Type value and the rule set its deals were scored with. */
export interface TypeRow {
  /** as written, trimmed; '' = blank */
  type: string;
  deals: number;
  ruleSet: string;
  /** an expansion type because the mapping lists it */
  fromMapping: boolean;
  /** reads like existing business but went to New Business */
  looksLikeExpansion: boolean;
}

/** One of the five numbers the documents open with. */
export interface Headline {
  label: string;
  value: string;
  detail: string;
}

/** The whole report. */
export interface AuditReport {
  meta: ReportMeta;
  headline: Headline[];
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
  types: TypeRow[];
  placeholderValues: Array<{ value: string; count: number }>;
  segments: GroupRow[];
  owners: GroupRow[];
  months: GroupRow[];
  touch: { horizonDays: number; rows: TouchRow[]; histogram: Int32Array } | null;
  /**
   * Time to first value, days from close to go-live: null when the mapping has no go-live
   * column; `deals` counts those with a go-live (medians null when none).
   */
  timeToFirstValue: { deals: number; medianDays: number | null; p90Days: number | null } | null;
  deals: DealRow[] | null;
  issueCounts: Array<{ kind: IssueKind; count: number; description: string }>;
  issueSamples: AuditIssue[];
  issueTotal: number;
}

const ISSUE_TEXT: Record<IssueKind, string> = {
  'unterminated-quote': 'Unterminated quote (record skipped)',
  'text-after-quote': 'Text after a closing quote (record skipped)',
  'stray-quote': 'Quote inside an unquoted field (kept)',
  'missing-column': 'Missing column: fewer fields than the header (record skipped)',
  'extra-column': 'Extra column: more fields than the header (record skipped)',
  'record-too-long': 'Line longer than the size limit with no quote open (line skipped)',
  'unknown-column': 'Column not in the mapping (ignored)',
  'column-not-in-file': 'Mapped column not in the file (read as blank)',
  'missing-id': 'No id (row skipped)',
  'duplicate-id': 'Duplicate id (later row skipped)',
  'bad-close-date': 'Bad or missing close date (row skipped)',
  'bad-amount': 'Amount not a number (segment unknown unless it does not matter)',
  'bad-employees': 'Employee count not a number (segment unknown unless it does not matter)',
  'bad-date': 'Date field not a date (treated as blank)',
  'bad-checkbox': 'Checkbox not true/false (treated as false)',
  'bad-number': 'Number field not a number (treated as blank)'
};

/** Type values that read like existing business (renewals, upsells, expansions). */
const EXPANSION_LIKE =
  /existing|renew|upsell|up-sell|expan|upgrade|add[- ]?on|cross[- ]?sell|extension/i;

/** "1 field", "2 fields". */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : nouns}`;
}

/** Integer percent, or an em dash when there is nothing to divide by. */
export function pct(part: number, whole: number): string {
  return whole === 0 ? '—' : `${Math.round((100 * part) / whole)}%`;
}

function verdictOf(columns: string[], absent: string[], filled: number, audited: number): Verdict {
  if (columns.length === 0) {
    return absent.length > 0 ? 'Column not in file' : 'Not captured';
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

/**
 * Deals, median and 90th percentile (nearest rank, as the first touch's) of the days from close
 * to go-live.
 */
export function goLiveFigures(histogram: Map<number, number>): {
  deals: number;
  medianDays: number | null;
  p90Days: number | null;
} {
  const days = [...histogram.keys()].sort((a, b) => a - b);
  const deals = days.reduce((sum, d) => sum + (histogram.get(d) ?? 0), 0);
  const at = (p: number): number | null => {
    if (deals === 0) {
      return null;
    }
    const rank = Math.ceil(p * deals);
    let seen = 0;
    for (const d of days) {
      seen += histogram.get(d) ?? 0;
      if (seen >= rank) {
        return d;
      }
    }
    return null;
  };
  return { deals, medianDays: at(0.5), p90Days: at(0.9) };
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
  sources: {
    /** per field, the source columns actually found (default: the mapping's) */
    found?: Map<string, string[]>;
    /** per field, the mapped columns the file lacks */
    absent?: Map<string, string[]>;
  } = {}
): AuditReport {
  const { found, absent } = sources;
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
    const segName = s.unknownSegment ? UNKNOWN_SEGMENT : (s.segment ?? '(no segment)');
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
  const segmentOrder = [...segments, '(no segment)', UNKNOWN_SEGMENT];
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
    const missingColumns = absent?.get(f.apiName) ?? [];
    return {
      apiName: f.apiName,
      label: fieldLabel(f.apiName),
      columns,
      absent: missingColumns,
      placeholders: result.fieldPlaceholders[i],
      needs: needs[i],
      neededSomewhere: needed[i],
      filled: filled[i],
      applicable: applicable[i],
      filledWhereApplicable: filledApplicable[i],
      required: required[i],
      requiredMissing: requiredMissing[i],
      verdict: verdictOf(columns, missingColumns, filled[i], result.audited)
    };
  });
  const expansionFromMapping = new Set(
    (meta.expansionFromMapping ?? []).map((t) => t.trim().toLowerCase())
  );
  const typeRows: TypeRow[] = result.types.map((t) => {
    const ruleSet = selectRuleSet(t.type === '' ? null : t.type, config.settings);
    return {
      type: t.type,
      deals: t.deals,
      ruleSet,
      fromMapping: expansionFromMapping.has(t.type.toLowerCase()),
      looksLikeExpansion:
        ruleSet.toLowerCase() !== 'expansion' && t.type !== '' && EXPANSION_LIKE.test(t.type)
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
        segment: evaluation.segment ?? (deal.score.unknownSegment ? 'Unknown' : ''),
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
  const averageCompleteness =
    result.audited === 0 ? null : Math.round(completenessSum / result.audited);
  const closeRange =
    result.audited === 0
      ? null
      : `${formatDay(result.minCloseDay)} to ${formatDay(result.maxCloseDay)}`;
  return {
    meta,
    headline: headlineOf(
      result.audited,
      complete,
      averageCompleteness,
      closeRange,
      fieldRows,
      touch
    ),
    rowsRead: result.rowsRead,
    audited: result.audited,
    skipped: result.skipped,
    filtered: result.filtered,
    complete,
    averageCompleteness,
    medianCompleteness: percentileOf(hist, result.audited),
    closeRange,
    segmentNames: segments,
    fields: fieldRows,
    types: typeRows,
    placeholderValues: result.placeholderValues,
    segments: segmentRows,
    owners: ownerRows,
    months: monthRows,
    touch,
    timeToFirstValue: result.goLive ? goLiveFigures(result.goLive) : null,
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

/** The fields CS needs somewhere that the data does not give: not captured, or rarely filled. */
export function gapFields(fields: readonly FieldRow[]): FieldRow[] {
  return fields.filter(
    (f) =>
      f.neededSomewhere &&
      (f.verdict === 'Not captured' ||
        f.verdict === 'Column not in file' ||
        f.verdict === 'Never filled' ||
        f.verdict === 'Rarely filled')
  );
}

/** The five numbers a kickoff call starts from. */
function headlineOf(
  audited: number,
  complete: number,
  average: number | null,
  closeRange: string | null,
  fields: readonly FieldRow[],
  touch: AuditReport['touch']
): Headline[] {
  const needed = fields.filter((f) => f.neededSomewhere);
  const gaps = gapFields(fields);
  const all = touch?.rows[0];
  return [
    {
      label: 'Deals audited',
      value: String(audited),
      detail: closeRange ? `closed ${closeRange}` : 'no deal could be audited'
    },
    {
      label: 'Complete at close',
      value: pct(complete, audited),
      detail: `${complete} of ${plural(audited, 'deal')} had every required handoff field`
    },
    {
      label: 'Average completeness',
      value: average === null ? '—' : `${average}%`,
      detail: 'of the weighted handoff information each deal should carry'
    },
    {
      label: 'Gaps in what CS needs',
      value: `${gaps.length} of ${needed.length}`,
      detail:
        gaps.length === 0
          ? 'every required field is captured and filled at least sometimes'
          : `required fields not captured or rarely filled: ${gaps.map((f) => f.label).join(', ')}`
    },
    {
      label: 'Days to first CSM touch',
      value: all && all.medianDays !== null ? `${all.medianDays}` : '—',
      detail: !all
        ? 'no activity data was given'
        : all.withActivity === 0
          ? `no CSM activity found after any of ${plural(all.looked, 'deal')}`
          : `median; ${pct(all.within2Days, all.withActivity)} within 2 days (the 48-hour target), none found on ${all.none} of ${all.looked}`
    }
  ];
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
    typeof value === 'object'
      ? sourceText(
          value,
          (c) => `\`${c}\``,
          (c) => `column \`${c}\` not in file`
        )
      : String(value);
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A source cell: the columns found ("or"), then the mapped ones the file lacks. */
function sourceText(
  value: SourceCell,
  found: (c: string) => string,
  absent: (c: string) => string
): string {
  const parts = [
    ...(value.columns.length > 0 ? [value.columns.map(found).join(' or ')] : []),
    ...(value.absent ?? []).map(absent)
  ];
  return parts.length === 0 ? '(none)' : parts.join('; ');
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
    `${r.complete} of ${plural(r.audited, 'deal')} (${pct(r.complete, r.audited)}) had every required handoff field filled; the average deal had ${r.averageCompleteness}% of its weighted handoff information.`
  );
  const needed = r.fields.filter((f) => f.neededSomewhere);
  const absent = r.fields.filter((f) => f.verdict === 'Column not in file');
  const notCaptured = needed.filter((f) => f.verdict === 'Not captured').map((f) => f.label);
  const never = needed.filter((f) => f.verdict === 'Never filled').map((f) => f.label);
  const rarely = needed.filter((f) => f.verdict === 'Rarely filled').map((f) => f.label);
  if (absent.length > 0) {
    out.push(
      `The mapping names columns this file does not have, so these fields read as blank and the figures above understate them until the mapping or the export is fixed: ${absent.map((f) => `${f.label} (${f.absent.map((c) => `"${c}"`).join(', ')})`).join(', ')}.`
    );
  }
  if (notCaptured.length > 0) {
    out.push(`Not captured anywhere in the source: ${notCaptured.join(', ')}.`);
  }
  if (never.length > 0) {
    out.push(`Captured but never filled: ${never.join(', ')}.`);
  }
  if (rarely.length > 0) {
    out.push(`Rarely filled (under 25% of deals): ${rarely.join(', ')}.`);
  }
  const placeholderCells = r.fields.reduce((n, f) => n + f.placeholders, 0);
  if (placeholderCells > 0) {
    const most = [...r.fields].sort((a, b) => b.placeholders - a.placeholders)[0];
    const examples = r.placeholderValues
      .slice(0, 4)
      .map((p) => `"${p.value}"`)
      .join(', ');
    out.push(
      `${plural(placeholderCells, 'handoff value')} ${placeholderCells === 1 ? 'was a placeholder' : 'were placeholders'} (${examples}) and count as blank; most in ${most.label} (${most.placeholders} of ${plural(r.audited, 'deal')}).`
    );
  }
  const worst = [...r.fields]
    .filter((f) => f.required > 0 && f.requiredMissing > 0)
    .sort((a, b) => b.requiredMissing / b.required - a.requiredMissing / a.required)[0];
  if (worst) {
    out.push(
      `Most often missing where required: ${worst.label} (${worst.requiredMissing} of ${plural(worst.required, 'deal')}, ${pct(worst.requiredMissing, worst.required)}).`
    );
  }
  for (const t of r.types.filter((x) => x.looksLikeExpansion)) {
    out.push(
      `Opportunity Type "${t.type}" (${plural(t.deals, 'deal')}) was scored as ${t.ruleSet}: it is not one of the expansion types (${(r.meta.expansionTypes ?? []).join(', ')}). If these deals are renewals or upsells, add the value to "expansionTypes" in the mapping (see docs/audit.md).`
    );
  }
  const unknown = r.segments.find((g) => g.name === UNKNOWN_SEGMENT);
  if (unknown) {
    out.push(
      `${plural(unknown.deals, 'deal')} had an amount or employee count that is not a number and a segment that depends on it: ${unknown.deals === 1 ? 'it is' : 'they are'} shown as segment unknown, scored on the rules every segment shares.`
    );
  }
  if (r.touch) {
    const all = r.touch.rows[0];
    if (all.withActivity > 0) {
      out.push(
        `A CSM activity followed the close on ${all.withActivity} of ${plural(all.looked, 'deal')}; median ${plural(all.medianDays ?? 0, 'day')} after close, ${pct(all.within2Days, all.withActivity)} within 2 days (the 48-hour target).`
      );
    } else if (all.looked > 0) {
      out.push(
        `No CSM activity was found after the close of any of ${plural(all.looked, 'deal')}.`
      );
    }
  }
  for (const hint of r.meta.dateHints ?? []) {
    out.push(`Dates: ${hint}.`);
  }
  if (r.skipped > 0) {
    out.push(
      `${plural(r.skipped, 'row was', 'rows were')} left out for bad input (see Data quality).`
    );
  }
  return out;
}

// ---------------------------------------------------------------- Tables (Markdown and HTML)

/** Source columns: found, and mapped but not in the file. */
interface SourceCell {
  columns: readonly string[];
  absent?: readonly string[];
}

/** A table cell: text, a number, or source column names (in code spans in Markdown). */
type Cell = string | number | SourceCell;

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
  glance: { id: 'at-a-glance', title: 'At a glance' },
  findings: { id: 'findings', title: 'Key findings' },
  summary: { id: 'summary', title: 'Summary' },
  needs: { id: 'needs', title: 'What CS needs against what the data holds' },
  byField: { id: 'by-field', title: 'Completion by field' },
  types: { id: 'types', title: 'Opportunity Type and rule set' },
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
  glance: TableModel;
  summary: TableModel;
  needs: TableModel;
  byField: TableModel;
  types: TableModel;
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

/** Why a Type value got its rule set. */
function typeReason(t: TypeRow, r: AuditReport): string {
  if (t.type === '') {
    return 'blank Type: New Business';
  }
  if (t.fromMapping) {
    return 'listed in the mapping’s expansionTypes';
  }
  if (t.ruleSet.toLowerCase() === 'expansion') {
    return 'one of the rules’ expansion types';
  }
  return t.looksLikeExpansion
    ? `not an expansion type (${(r.meta.expansionTypes ?? []).join(', ')}) — check`
    : 'not an expansion type';
}

/** Every table of the report, for both the Markdown and the HTML writer. */
function reportTables(r: AuditReport): ReportTables {
  const footer = r.meta.footer;
  return {
    glance: {
      headers: ['Measure', 'Number', 'What it means'],
      rows: r.headline.map((h) => [h.label, h.value, h.detail]),
      numeric: [1]
    },
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
        ['Not audited (scope)', notAudited(r)],
        ...(footer
          ? [
              [
                'Report footer',
                `ignored (${plural(footer.lines, 'line')}, rows ${footer.firstLine}–${footer.lastLine})`
              ] as Cell[]
            ]
          : [])
      ],
      numeric: []
    },
    needs: {
      headers: ['Field', 'CS needs', 'Source column', 'Filled', 'Placeholders', 'Verdict'],
      rows: r.fields.map((f) => [
        f.label,
        f.needs,
        { columns: f.columns, absent: f.absent },
        `${f.filled} (${pct(f.filled, r.audited)})`,
        f.placeholders === 0 ? '—' : `${f.placeholders} (${pct(f.placeholders, r.audited)})`,
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
    types: {
      headers: ['Opportunity Type', 'Deals', 'Rule set', 'Why'],
      rows: r.types.map((t) => [
        t.type === '' ? '(blank)' : t.type,
        t.deals,
        t.ruleSet,
        typeReason(t, r)
      ]),
      numeric: [1]
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
        .map((i) => [
          i.file,
          i.lastRow !== undefined ? `${i.row}–${i.lastRow}` : i.row,
          i.severity,
          i.message
        ]),
      numeric: []
    }
  };
}

/**
 * The lines under the title: scope, mapping, rules, activities, dates, placeholders; the third
 * element tells whether file paths in it go in code spans (Markdown).
 */
function metaLines(r: AuditReport): Array<[string, string, boolean]> {
  const lines: Array<[string, string, boolean]> = [
    ['Scope', scopeLine(r), true],
    ['Mapping', r.meta.mapping, true],
    ['Rules', r.meta.rules, true]
  ];
  if (r.meta.activities) {
    lines.push(['Activities', r.meta.activities, true]);
  }
  if (r.meta.dates) {
    lines.push(['Dates read as', r.meta.dates, false]);
  }
  if (r.meta.activityDates) {
    lines.push(['Activity dates read as', r.meta.activityDates, false]);
  }
  if (r.meta.placeholders) {
    lines.push(['Placeholders', r.meta.placeholders, false]);
  }
  return lines;
}

/** What the Data quality section says about placeholders and dates, in plain sentences. */
function qualityNotes(r: AuditReport): string[] {
  const notes: string[] = [];
  if (r.placeholderValues.length > 0) {
    notes.push(
      `Placeholder values seen in the rows read (counted as blank): ${r.placeholderValues.map((p) => `"${p.value}" ×${p.count}`).join(', ')}.`
    );
  }
  for (const hint of r.meta.dateHints ?? []) {
    notes.push(`Dates: ${hint}.`);
  }
  if (r.meta.footer) {
    notes.push(
      `Salesforce report footer ignored (${plural(r.meta.footer.lines, 'line')}, rows ${r.meta.footer.firstLine}–${r.meta.footer.lastLine}): ${r.meta.footer.text.map((t) => `"${t}"`).join(', ')}.`
    );
  }
  return notes;
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
    ...metaLines(r).map(([k, v, paths]) => `- ${k}: ${paths ? code(v) : v}`)
  );
  out.push('', heading(SECTIONS.glance), '', mdTable(t.glance), '');
  out.push(heading(SECTIONS.findings), '', ...findings(r).map((f) => `- ${f}`), '');
  out.push(heading(SECTIONS.summary), '');
  out.push(
    mdTable(t.summary),
    '',
    r.meta.dealsListed
      ? 'Every audited deal is listed in `deals.csv`; every problem in `issues.csv`; the figures to compare with after launch in `baseline.json`.'
      : 'Every problem is listed in `issues.csv`; the figures to compare with after launch in `baseline.json`; add `--deals` to list every audited deal in `deals.csv`.',
    ''
  );
  out.push(heading(SECTIONS.needs), '');
  out.push(
    `R = required, O = optional, – = not asked, per segment (${r.segmentNames.join('/')}). Filled counts every audited deal with a real value; a placeholder ("N/A", "TBD", "-"…) counts as blank and is shown apart.`,
    ''
  );
  out.push(mdTable(t.needs), '');
  out.push(heading(SECTIONS.byField), '');
  out.push('Only deals whose segment and rule set ask for the field count.', '');
  out.push(mdTable(t.byField), '');
  out.push(heading(SECTIONS.types), '');
  out.push(
    'The rule set comes from the Opportunity Type: the expansion types get the Expansion rules, every other value (and a blank Type) New Business.',
    ''
  );
  out.push(r.types.length === 0 ? 'No deal was audited.' : mdTable(t.types), '');
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
  const notes = qualityNotes(r);
  if (notes.length > 0) {
    out.push(...notes.map((n) => `- ${n}`), '');
  }
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
    '- Completeness is the weighted share of the deal’s applicable fields that are filled; complete means no required field is blank. A placeholder is blank.',
    '- A field with no source column is counted as blank on every deal: that is the gap between what CS needs and what is captured today. A field whose mapped column is missing from the file is shown as such, not as a gap.'
  );
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------- CSV

/** The CSV tables, by file name: UTF-8 with a byte-order mark, formula-like cells neutralised. */
export function renderCsv(r: AuditReport): Record<string, string> {
  const lines = (rows: unknown[][]): string => `${CSV_BOM}${rows.map(safeCsvLine).join('\n')}\n`;
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
        'Columns Not In File',
        'Filled',
        'Filled %',
        'Placeholders',
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
        f.absent.join('; '),
        f.filled,
        r.audited === 0 ? '' : Math.round((100 * f.filled) / r.audited),
        f.placeholders,
        f.applicable,
        f.filledWhereApplicable,
        f.required,
        f.requiredMissing,
        f.required === 0 ? '' : Math.round((100 * f.requiredMissing) / f.required),
        f.verdict
      ])
    ]),
    'types.csv': lines([
      ['Opportunity Type', 'Deals', 'Rule Set', 'Why'],
      ...r.types.map((t) => [t.type, t.deals, t.ruleSet, typeReason(t, r)])
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
  return esc(
    typeof value === 'object'
      ? sourceText(
          value,
          (c) => c,
          (c) => `column "${c}" not in file`
        )
      : value
  );
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

/**
 * Pixels a text takes at the charts' 12px system font: a conservative 7 per character (wide
 * letters and digits run about 6.5), so the SVG is never narrower than its labels.
 */
export function textWidth(text: string, px = 7): number {
  return Math.ceil(text.length * px);
}

/** The longest label a bar chart shows whole; longer ones end in "…" (the full text is in the tooltip). */
const MAX_LABEL_CHARS = 40;

function shorten(label: string): string {
  return label.length <= MAX_LABEL_CHARS ? label : `${label.slice(0, MAX_LABEL_CHARS - 1)}…`;
}

/** A horizontal bar chart of percentages (0–100), as wide as its labels and values need. */
export function barChart(
  title: string,
  items: Array<{ label: string; value: number | null; note?: string }>
): string {
  const id = `chart-${++chartSeq}`;
  const texts = items.map((it) =>
    it.value === null ? 'n/a' : `${Math.round(it.value)}%${it.note ? ` ${it.note}` : ''}`
  );
  const labelW = Math.max(60, ...items.map((it) => textWidth(shorten(it.label)))) + 16;
  const barW = 360;
  const valueW = Math.max(40, ...texts.map((t) => textWidth(t))) + 12;
  const rowH = 24;
  const top = 8;
  const h = top + items.length * rowH + 20;
  const w = labelW + barW + valueW;
  const bars = items
    .map((it, i) => {
      const y = top + i * rowH;
      const v = it.value ?? 0;
      const len = Math.round((barW * Math.max(0, Math.min(100, v))) / 100);
      const cls = v >= 85 ? 'good' : v >= 50 ? 'warn' : 'bad';
      const text = texts[i];
      return (
        `<g class="bar"><text x="${labelW - 8}" y="${y + 16}" text-anchor="end">${esc(shorten(it.label))}</text>` +
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

/** A column chart of counts (for the first-touch distribution), columns as wide as their labels. */
export function columnChart(title: string, items: Array<{ label: string; value: number }>): string {
  const id = `chart-${++chartSeq}`;
  const colW = Math.max(56, ...items.map((it) => textWidth(it.label, 6.5) + 12));
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
thead th{background:#f3f3f3}td.num{text-align:right}figure{margin:.5rem 0 1rem;overflow-x:auto}figcaption{font-size:12px;color:#555}
svg text{font-size:12px;fill:#181818}svg .axis{fill:#555;font-size:11px}svg .grid{stroke:#ccc;stroke-dasharray:2 2}
svg .track{fill:#eee}svg .good{fill:#2e844a}svg .warn{fill:#dd7a01}svg .bad{fill:#ba0517}svg .bar-fill{fill:#0176d3}
.meta{color:#555}.findings li{margin:.3rem 0;font-size:15px}
.slide{min-height:80vh;display:flex;flex-direction:column;justify-content:center}
.tiles{list-style:none;padding:0;margin:1rem 0;display:grid;grid-template-columns:repeat(auto-fit,minmax(190px,1fr));gap:1rem}
.tile{border:1px solid #ddd;border-radius:.5rem;padding:1rem;background:#fafafa}
.tile .label{font-size:13px;color:#555;text-transform:uppercase;letter-spacing:.03em}
.tile .value{display:block;font-size:2.6rem;font-weight:700;line-height:1.1;margin:.3rem 0}
.tile .detail{font-size:13px;color:#333}
@media print{.slide{min-height:auto;page-break-after:always}}`;

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
    // The first screen is the kickoff slide: the five numbers, then the findings.
    `<section class="slide" aria-labelledby="${SECTIONS.glance.id}">`,
    '<h1>Handoff audit: current state</h1>',
    `<h2 id="${SECTIONS.glance.id}">${esc(SECTIONS.glance.title)}</h2>`,
    `<ul class="tiles">${r.headline
      .map(
        (h) =>
          `<li class="tile"><span class="label">${esc(h.label)}</span><span class="value">${esc(h.value)}</span><span class="detail">${esc(h.detail)}</span></li>`
      )
      .join('')}</ul>`,
    `<p class="meta">Generated ${esc(r.meta.generatedAt)} from ${esc(r.meta.source)}.<br>${metaLines(
      r
    )
      .map(([k, v]) => `${esc(k)}: ${esc(v)}`)
      .join('<br>')}</p>`,
    '</section>',
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
        note:
          f.verdict === 'Not captured'
            ? '(not captured)'
            : f.verdict === 'Column not in file'
              ? '(column not in file)'
              : f.placeholders > 0
                ? `(+${f.placeholders} placeholder${f.placeholders === 1 ? '' : 's'})`
                : undefined
      }))
    ),
    htmlTable(t.needs),
    '</section>'
  );
  parts.push(open(SECTIONS.byField), htmlTable(t.byField), '</section>');
  parts.push(
    open(SECTIONS.types),
    r.types.length === 0 ? '<p>No deal was audited.</p>' : htmlTable(t.types),
    '</section>'
  );
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
  const notes = qualityNotes(r);
  if (notes.length > 0) {
    parts.push(`<ul>${notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`);
  }
  if (r.issueTotal === 0) {
    parts.push('<p>No problems found in the input.</p>');
  } else {
    parts.push(htmlTable(t.issueCounts), htmlTable(t.issueSamples));
  }
  parts.push('</section>', '</main>', '</body>', '</html>');
  return `${parts.join('\n')}\n`;
}
