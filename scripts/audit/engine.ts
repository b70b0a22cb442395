/**
 * The audit engine: takes deals one at a time from a source (CSV or org), checks them, scores
 * them with the shared evaluator (through the memoising {@link DealScorer}) and keeps only
 * counters — or, in the default "last N deals" scope, the newest N deals in a bounded heap.
 * Memory does not grow with the number of deals except for duplicate-id detection (~12 bytes
 * an id, see {@link IdSet}).
 */
import { formatDay, isIsoDate, monthOfDay, parseDay, type DateFormat } from '../lib/dates.ts';
import { fieldLabel } from '../lib/fields.ts';
import { IdSet, idHash } from '../lib/idSet.ts';
import type { Evaluation, RuleConfig } from '../lib/evaluator.ts';
import { safeCsvCell, safeCsvLine } from '../lib/csv.ts';
import { DealScorer, csvTailOf, type Score } from './scorer.ts';
import { RowLog, STATUS, TOUCH_NONE, TOUCH_UNKNOWN, type RowStatus } from './rowLog.ts';
import type { FieldSource } from './mapping.ts';
import { Placeholders, placeholderKey } from './placeholders.ts';
import { DateMisses } from './dateFormats.ts';

// Module-level references for the per-row path (see scorer.ts).
const parseDayFn: typeof parseDay = parseDay;
const isIsoDateFn: typeof isIsoDate = isIsoDate;
const formatDayFn: typeof formatDay = formatDay;
const csvCellFn: typeof safeCsvCell = safeCsvCell;
const idHashFn: typeof idHash = idHash;
const AUDITED = STATUS.audited;
const NO_TOUCH = TOUCH_NONE;
const UNKNOWN_TOUCH = TOUCH_UNKNOWN;

/** Which deals are audited. */
export type Scope =
  { kind: 'last'; count: number } | { kind: 'since'; day: number } | { kind: 'all' };

/** Kinds of bad input, each reported with its row. */
export type IssueKind =
  | 'unterminated-quote'
  | 'text-after-quote'
  | 'stray-quote'
  | 'missing-column'
  | 'extra-column'
  | 'record-too-long'
  | 'unknown-column'
  | 'column-not-in-file'
  | 'missing-id'
  | 'duplicate-id'
  | 'bad-close-date'
  | 'bad-amount'
  | 'bad-employees'
  | 'bad-date'
  | 'bad-checkbox'
  | 'bad-number';

/**
 * One problem found in the input. `row` is the file line (1 = the header) of `file`, or the
 * record's position in the query results for an org.
 */
export interface AuditIssue {
  kind: IssueKind;
  /** which input: the deals or the activities */
  file: 'deals' | 'activities';
  row: number;
  /** the record's last line, when it spans several */
  lastRow?: number;
  severity: 'error' | 'warning';
  /** true when the row was left out of the audit */
  skipped: boolean;
  message: string;
}

/**
 * One deal as a source reads it. Sources reuse one object; the engine copies what it keeps.
 * Values are raw: strings from a CSV, typed JSON values from the org.
 */
export interface RawDeal {
  row: number;
  id: string;
  name: string;
  accountId: string;
  accountName: string;
  owner: string;
  /** what activity owners are compared with to tell the AE apart (a user id or a name) */
  ownerKey: string;
  closeDate: unknown;
  amount: unknown;
  employees: unknown;
  type: string;
  override: string;
  stage: string;
  /** the customer's go-live date (the optional `deal.goLiveDate` column); null when unmapped */
  goLiveDate: unknown;
  /** aligned with the engine's fields */
  values: unknown[];
}

/** An empty deal for a source to reuse row after row, with room for `fieldCount` values. */
export function newRawDeal(fieldCount: number): RawDeal {
  return {
    row: 0,
    id: '',
    name: '',
    accountId: '',
    accountName: '',
    owner: '',
    ownerKey: '',
    closeDate: null,
    amount: null,
    employees: null,
    type: '',
    override: '',
    stage: '',
    goLiveDate: null,
    values: new Array<unknown>(fieldCount)
  };
}

/** A deal that passed the checks and filters, as the engine keeps it. */
export interface AuditedDeal {
  row: number;
  id: string;
  name: string;
  accountId: string;
  accountName: string;
  owner: string;
  ownerKey: string;
  closeDay: number;
  amount: number | null;
  employees: number | null;
  type: string;
  override: string;
  score: Score;
  /** the filled fields (bit i = field i), applicable or not */
  mask: number;
  /** the fields holding a placeholder (bit i = field i) */
  placeholderMask: number;
  /** kept only in the "last N" scope, for the per-deal explanation */
  values: unknown[] | null;
  /** days from close to the first CSM activity; null = none found; undefined = no data */
  firstTouchDays?: number | null;
  /** days from close to go-live; -1 = none (no go-live, unreadable, before the close) */
  goLiveDays: number;
}

/** Finds the first CSM activity after a deal's close. */
export interface ActivitySource {
  /** a short description for the report */
  readonly description: string;
  /** when set, lookups are synchronous (a CSV index); else `resolve` is used in batches */
  lookup?(deal: AuditedDeal): number | null | undefined;
  resolve?(deals: AuditedDeal[]): Promise<void>;
  /** activities further than this many days after close are not counted */
  readonly horizonDays: number;
}

export interface EngineOptions {
  config: RuleConfig;
  fields: FieldSource[];
  dateFormat: DateFormat;
  scope: Scope;
  /** audit only deals in this segment (compared case-insensitively) */
  segment?: string;
  /** when not empty, only deals in these stages are audited */
  wonStages?: string[];
  activities?: ActivitySource;
  /** receives each audited deal as a CSV line (header first), in report order */
  dealSink?: (line: string) => void;
  /** receives every issue as it is found */
  issueSink?: (issue: AuditIssue) => void;
  /** how many issues the report lists one by one (all are counted) */
  maxIssueSamples?: number;
  /** which values are placeholders (counted apart, as blank); null: none are */
  placeholders?: Placeholders | null;
}

/** Counters for one group of deals (an AE, a month). */
export interface GroupCounts {
  /** position in the engine's list of groups of its kind */
  index: number;
  deals: number;
  complete: number;
  completenessSum: number;
  /** per field: required and missing */
  missing: Int32Array;
}

/** First-touch statistics for a group. */
export interface TouchCounts {
  /** deals whose account could be looked up */
  looked: number;
  /** histogram of days to first CSM activity, index = days (0..horizon) */
  days: Int32Array;
}

/** Everything the engine counted; the report is built from it. */
export interface EngineResult {
  fields: FieldSource[];
  scorer: DealScorer;
  rowsRead: number;
  audited: number;
  skipped: number;
  filtered: { notWon: number; beforeSince: number; otherSegment: number; outsideWindow: number };
  /** per score index: how many audited deals got that score */
  scoreCounts: number[];
  /** per field: audited deals where it is filled (whether or not a rule asks for it) */
  fieldFilled: Float64Array;
  /** per field: audited deals where it holds a placeholder (counted as blank) */
  fieldPlaceholders: Float64Array;
  /** the placeholder values seen in the rows read, most frequent first (at most 20) */
  placeholderValues: Array<{ value: string; count: number }>;
  /** each Opportunity Type value (trimmed; '' = blank) and how many audited deals had it */
  types: Array<{ type: string; deals: number }>;
  /** columns whose dates failed the layout but fit another one */
  dateHints: string[];
  completenessHistogram: Int32Array;
  byOwner: Map<string, GroupCounts>;
  byMonth: Map<string, GroupCounts>;
  touch: { overall: TouchCounts; bySegment: Map<string, TouchCounts>; horizonDays: number } | null;
  issueCounts: Map<IssueKind, number>;
  issueSamples: AuditIssue[];
  issueTotal: number;
  /** the listed deals (the "last N" scope), newest first, with their direct evaluation */
  deals: Array<{ deal: AuditedDeal; evaluation: Evaluation }> | null;
  minCloseDay: number;
  /**
   * Time to first value: null when the mapping has no go-live column; else the deals whose
   * go-live date is readable and not before the close, as days from close → deals.
   */
  goLive: Map<number, number> | null;
  maxCloseDay: number;
}

/** Deal CSV columns. */
export const DEAL_COLUMNS = [
  'Row',
  'Id',
  'Opportunity',
  'Account',
  'AE',
  'Close Date',
  'Amount',
  'Type',
  'Rule Set',
  'Segment',
  'Tier',
  'Completeness %',
  'Complete',
  'Missing Required',
  'Days To First CSM Activity'
];

const NO_OWNER = '(no owner)';

/** The segment key of the first-touch statistics for a score. */
export function touchSegmentKey(score: Score): string {
  return score.unknownSegment ? UNKNOWN_SEGMENT : (score.segment ?? '(none)');
}

/** How deals whose segment depends on an unreadable amount or employee count are grouped. */
export const UNKNOWN_SEGMENT = 'Unknown (amount or employees not a number)';

function duplicateMessage(firstRow: number): string {
  return `duplicate id: row ${firstRow} has the same id; this row is skipped`;
}

/** A fresh copy of a string, so a kept value does not pin the parser's whole input chunk. */
export function detach(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8');
}

/** Parses an amount-like value: numbers pass; text may carry currency signs and separators. */
export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : NaN;
  }
  const raw = typeof value === 'string' ? value : String(value);
  // Fast path: plain digits, optionally ".0" or ".00" (exact as an integer).
  const len = raw.length;
  if (len > 0 && len < 16) {
    let v = 0;
    let i = 0;
    for (; i < len; i++) {
      const c = raw.charCodeAt(i) - 48;
      if (c < 0 || c > 9) {
        break;
      }
      v = v * 10 + c;
    }
    if (i === len && i > 0) {
      return v;
    }
    if (
      i > 0 &&
      raw.charCodeAt(i) === 46 &&
      (i + 2 === len || i + 3 === len) &&
      raw.charCodeAt(i + 1) === 48 &&
      (i + 2 === len || raw.charCodeAt(i + 2) === 48)
    ) {
      return v;
    }
  }
  const s = raw.trim();
  if (s === '') {
    return null;
  }
  let n = Number(s);
  if (Number.isNaN(n)) {
    n = Number(s.replace(/[\s$€£¥,]|USD|EUR|GBP/gi, ''));
  }
  return Number.isFinite(n) ? n : NaN;
}

const TRUE_TEXT = new Set(['true', '1', 'yes', 'y', 'x', 'checked']);
const FALSE_TEXT = new Set(['false', '0', 'no', 'n', '']);

/** Bounded min-heap of deals by (close day, id): holds the newest `capacity` deals. */
class NewestDeals {
  private readonly heap: AuditedDeal[] = [];
  constructor(private readonly capacity: number) {}

  private static older(a: AuditedDeal, b: AuditedDeal): boolean {
    return a.closeDay < b.closeDay || (a.closeDay === b.closeDay && a.id < b.id);
  }

  /** Whether a deal closing on `day` with `id` would be kept. */
  wouldKeep(day: number, id: string): boolean {
    if (this.heap.length < this.capacity) {
      return true;
    }
    const min = this.heap[0];
    return day > min.closeDay || (day === min.closeDay && id > min.id);
  }

  /** Adds a deal; returns the one it pushed out, if any. */
  offer(deal: AuditedDeal): AuditedDeal | null {
    const h = this.heap;
    if (h.length < this.capacity) {
      h.push(deal);
      let i = h.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!NewestDeals.older(h[i], h[p])) {
          break;
        }
        [h[i], h[p]] = [h[p], h[i]];
        i = p;
      }
      return null;
    }
    const out = h[0];
    h[0] = deal;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && NewestDeals.older(h[l], h[m])) {
        m = l;
      }
      if (r < h.length && NewestDeals.older(h[r], h[m])) {
        m = r;
      }
      if (m === i) {
        break;
      }
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
    return out;
  }

  /** Whether the heap is full and every deal in it closed after `day`. */
  settledBefore(day: number): boolean {
    return this.heap.length >= this.capacity && this.heap[0].closeDay > day;
  }

  /** Newest first. */
  sorted(): AuditedDeal[] {
    return [...this.heap].sort((a, b) => (NewestDeals.older(a, b) ? 1 : -1));
  }
}

/** The audit engine; see the file comment. */
export class AuditEngine {
  /** The largest (group × score) count table (cache-sized) the end-of-run pass builds; tests lower it. */
  static pairTableLimit = 262_144;
  readonly scorer: DealScorer;
  private readonly fields: FieldSource[];
  private readonly options: EngineOptions;
  private readonly ids = new IdSet(4096);
  /** streaming scopes: duplicates are found at the end from this log (see rowLog.ts) */
  private log: RowLog | null = null;
  private modeChosen = false;
  private readonly ownerList: GroupCounts[] = [];
  private readonly monthList: GroupCounts[] = [];
  private readonly window: NewestDeals | null;
  private readonly segmentFilter: string | null;
  private readonly wonStages: Set<string> | null;
  private readonly special: Array<{ index: number; type: 'date' | 'checkbox' | 'number' }>;
  private readonly maxIssueSamples: number;
  /** the --since day, or -Infinity */
  private readonly sinceDay: number;
  private readonly dateFormat: DateFormat;
  private pending: AuditedDeal[] = [];
  /** reused for synchronous activity lookups */
  private readonly scratch: AuditedDeal = {
    row: 0,
    id: '',
    name: '',
    accountId: '',
    accountName: '',
    owner: '',
    ownerKey: '',
    closeDay: 0,
    amount: null,
    employees: null,
    type: '',
    override: '',
    score: null as unknown as Score,
    mask: 0,
    placeholderMask: 0,
    goLiveDays: -1,
    values: null
  };

  private rowsRead = 0;
  private audited = 0;
  private skipped = 0;
  private readonly filtered = { notWon: 0, beforeSince: 0, otherSegment: 0, outsideWindow: 0 };
  private readonly scoreCounts: number[] = [];
  private readonly fieldFilled: Float64Array;
  private readonly fieldPlaceholders: Float64Array;
  /** the fields a placeholder is looked for in (all but checkboxes) */
  private readonly placeholderFields: Int32Array;
  /** which values are placeholders, or null */
  readonly placeholders: Placeholders | null;
  private readonly placeholderSeen = new Map<string, { value: string; count: number }>();
  private readonly typeIndex = new Map<string, number>();
  private readonly typeNames: string[] = [];
  private typeDeals: Float64Array = new Float64Array(16);
  private lastTypeRaw: string | null = null;
  private lastTypeIndex = 0;
  private readonly closeMisses = new DateMisses();
  private readonly fieldMisses = new Map<number, DateMisses>();
  /** per field: non-blank date values read */
  private readonly datesRead: Float64Array;
  private readonly completenessHistogram = new Int32Array(101);
  private readonly byOwner = new Map<string, GroupCounts>();
  private readonly byMonth = new Map<string, GroupCounts>();
  private readonly monthOfDayCache = new Map<number, GroupCounts>();
  private touchOverall: TouchCounts | null = null;
  /** days from close to go-live → deals (null: no go-live column mapped) */
  private goLiveDays: Map<number, number> | null = null;
  /** streaming scope: go-live days of logged rows, by log index (counted in finishLog) */
  private readonly logGoLive = new Map<number, number>();
  private activities: ActivitySource | undefined;
  private readonly touchBySegment = new Map<string, TouchCounts>();
  private readonly issueCounts = new Map<IssueKind, number>();
  private readonly issueSamples: AuditIssue[] = [];
  private issueTotal = 0;
  private minCloseDay = Infinity;
  private maxCloseDay = -Infinity;
  private headerWritten = false;

  constructor(options: EngineOptions) {
    this.options = options;
    this.fields = options.fields;
    this.scorer = new DealScorer(
      options.config,
      options.fields.map((f) => f.apiName)
    );
    this.window = options.scope.kind === 'last' ? new NewestDeals(options.scope.count) : null;
    this.segmentFilter = options.segment ? options.segment.trim().toLowerCase() : null;
    this.wonStages =
      options.wonStages && options.wonStages.length > 0
        ? new Set(options.wonStages.map((s) => s.trim().toLowerCase()))
        : null;
    this.special = [];
    options.fields.forEach((f, index) => {
      if (f.type === 'date' || f.type === 'checkbox' || f.type === 'number') {
        this.special.push({ index, type: f.type });
      }
    });
    this.maxIssueSamples = options.maxIssueSamples ?? 1000;
    this.sinceDay = options.scope.kind === 'since' ? options.scope.day : -Infinity;
    this.dateFormat = options.dateFormat;
    this.fieldFilled = new Float64Array(options.fields.length);
    this.fieldPlaceholders = new Float64Array(options.fields.length);
    this.datesRead = new Float64Array(options.fields.length);
    this.placeholders = options.placeholders ?? null;
    this.placeholderFields = Int32Array.from(
      options.fields.flatMap((f, i) => (f.type === 'checkbox' ? [] : [i]))
    );
    if (options.activities) {
      this.setActivities(options.activities);
    }
  }

  /** Sets where first CSM activities come from (before any deal is added). */
  setActivities(source: ActivitySource): void {
    this.activities = source;
    this.touchOverall = { looked: 0, days: new Int32Array(source.horizonDays + 1) };
  }

  /**
   * In the "last N" scope, whether no deal closing on or before `day` can enter the window any
   * more (a source reading newest first can stop).
   */
  windowSettled(day: number): boolean {
    return this.window !== null && this.window.settledBefore(day);
  }

  /** Deals waiting for an asynchronous activity lookup. */
  get pendingCount(): number {
    return this.pending.length;
  }

  /** A hint from the source: about this many rows are coming (sizes the duplicate-id table). */
  expectRows(rows: number): void {
    this.chooseMode();
    if (rows >= 100_000) {
      this.scorer.warmUp();
    }
    if (this.log !== null) {
      this.log.reserve(Math.min(rows, 20_000_000));
    } else {
      this.ids.reserve(Math.min(rows, 20_000_000));
    }
  }

  /**
   * Duplicates are found at the end (cheaper) when no row is kept or written as it is read:
   * a streaming scope, no per-deal file and no asynchronous activity lookup.
   */
  private chooseMode(): void {
    if (this.modeChosen) {
      return;
    }
    this.modeChosen = true;
    const deferred =
      this.options.scope.kind !== 'last' &&
      !this.options.dealSink &&
      !(this.activities !== undefined && !this.activities.lookup);
    this.log = deferred ? new RowLog() : null;
  }

  private filter(kind: 'notWon' | 'beforeSince' | 'otherSegment', hash: number, row: number): void {
    this.filtered[kind]++;
    this.log?.filtered(hash, row, STATUS[kind] as RowStatus);
  }

  /** Records an issue found by a source (or by the engine). */
  issue(
    kind: IssueKind,
    row: number,
    message: string,
    skipped: boolean,
    file: AuditIssue['file'] = 'deals',
    lastRow = row
  ): void {
    const severity: AuditIssue['severity'] = skipped ? 'error' : 'warning';
    const issue: AuditIssue = { kind, file, row, severity, skipped, message: detach(message) };
    if (lastRow > row) {
      issue.lastRow = lastRow;
    }
    this.issueTotal++;
    this.issueCounts.set(kind, (this.issueCounts.get(kind) ?? 0) + 1);
    if (this.issueSamples.length < this.maxIssueSamples) {
      this.issueSamples.push(issue);
    }
    this.options.issueSink?.(issue);
  }

  /** Counts a row that was read (a source calls this for rows it skips itself). */
  countRow(skipped: boolean): void {
    this.rowsRead++;
    if (skipped) {
      this.skipped++;
    }
  }

  /** Checks, scores and counts one deal. */
  add(raw: RawDeal): void {
    this.rowsRead++;
    this.chooseMode();
    const row = raw.row;
    const rawId = raw.id;
    const id =
      rawId.length > 0 && rawId.charCodeAt(0) > 32 && rawId.charCodeAt(rawId.length - 1) > 32
        ? rawId
        : rawId.trim();
    if (id === '') {
      this.skip('missing-id', row, 'no id; the row is skipped');
      return;
    }
    const close = raw.closeDate;
    if (close !== '' && close !== null) {
      this.closeMisses.total++;
    }
    const closeDay =
      typeof close === 'string' && close !== '' ? parseDayFn(close, this.dateFormat) : NaN;
    if (Number.isNaN(closeDay)) {
      const shown =
        raw.closeDate === null || raw.closeDate === '' ? 'blank' : `"${String(raw.closeDate)}"`;
      if (typeof close === 'string' && close.trim() !== '') {
        this.closeMisses.add(close);
      }
      this.skip(
        'bad-close-date',
        row,
        shown === 'blank'
          ? 'no close date; the row is skipped'
          : `close date ${shown} is not a valid ${this.options.dateFormat} date; the row is skipped`
      );
      return;
    }
    const hash = idHashFn(id);
    if (this.log === null) {
      const firstRow = this.ids.addHash(hash, row);
      if (firstRow !== 0) {
        this.skip('duplicate-id', row, duplicateMessage(firstRow));
        return;
      }
    }
    if (this.wonStages !== null && !this.wonStages.has(raw.stage.trim().toLowerCase())) {
      this.filter('notWon', hash, row);
      return;
    }
    if (closeDay < this.sinceDay) {
      this.filter('beforeSince', hash, row);
      return;
    }
    // NaN: there but not a number (the scorer tells whether the segment depends on it).
    const amount = toNumber(raw.amount);
    const employees = toNumber(raw.employees);
    const values = raw.values;
    let placeholderMask = 0;
    const placeholders = this.placeholders;
    if (placeholders !== null) {
      const where = this.placeholderFields;
      for (let k = 0; k < where.length; k++) {
        const f = where[k];
        const v = values[f];
        if (typeof v === 'string' && v.length !== 0 && placeholders.test(v)) {
          this.notePlaceholder(v);
          values[f] = null;
          placeholderMask |= 1 << f;
        }
      }
    }
    const special = this.special;
    for (let s = 0; s < special.length; s++) {
      const index = special[s].index;
      values[index] = this.parseValue(values[index], special[s].type, index, row);
    }
    const mask = this.scorer.filledMask(values);
    const score = this.scorer.score(
      amount,
      employees,
      raw.type === '' ? null : raw.type,
      raw.override === '' ? null : raw.override,
      values,
      mask
    );
    if (amount !== null && amount !== amount) {
      this.unreadable('bad-amount', 'amount', raw.amount, score, row);
    }
    if (employees !== null && employees !== employees) {
      this.unreadable('bad-employees', 'employee count', raw.employees, score, row);
    }
    if (
      this.segmentFilter !== null &&
      (score.segment === null || score.segment.trim().toLowerCase() !== this.segmentFilter)
    ) {
      this.filter('otherSegment', hash, row);
      return;
    }
    const goLiveDays = this.goLiveDaysOf(raw.goLiveDate, closeDay, row);
    if (this.window !== null) {
      if (!this.window.wouldKeep(closeDay, id)) {
        this.filtered.outsideWindow++;
        return;
      }
      const out = this.window.offer(
        this.keep(
          raw,
          id,
          closeDay,
          amount,
          employees,
          score,
          mask,
          placeholderMask,
          true,
          goLiveDays
        )
      );
      if (out !== null) {
        this.filtered.outsideWindow++;
      }
      return;
    }
    const activities = this.activities;
    if (activities && !activities.lookup) {
      this.pending.push(
        this.keep(
          raw,
          id,
          closeDay,
          amount,
          employees,
          score,
          mask,
          placeholderMask,
          false,
          goLiveDays
        )
      );
      return;
    }
    let touch: number | null | undefined;
    if (activities?.lookup) {
      const scratch = this.scratch;
      scratch.accountId = raw.accountId;
      scratch.ownerKey = raw.ownerKey;
      scratch.closeDay = closeDay;
      touch = activities.lookup(scratch);
    }
    if (this.log !== null) {
      // Streaming scope: log the row; it is counted at the end (see finishLog).
      const owner = this.group(
        this.byOwner,
        raw.owner === '' ? NO_OWNER : raw.owner,
        this.ownerList
      );
      if (goLiveDays !== -1) {
        this.logGoLive.set(this.log.length, goLiveDays);
      }
      this.log.audited(
        hash,
        row,
        AUDITED,
        score.index,
        owner.index,
        this.typeOf(raw.type),
        closeDay,
        mask,
        placeholderMask,
        touch === undefined ? UNKNOWN_TOUCH : touch === null ? NO_TOUCH : touch
      );
      return;
    }
    this.count(
      raw.row,
      id,
      raw.name,
      raw.accountName,
      raw.owner,
      closeDay,
      amount,
      raw.type,
      score,
      mask,
      placeholderMask,
      touch,
      goLiveDays
    );
  }

  /**
   * Days from close to go-live of a deal (-1: none). Notes the go-live column as mapped the
   * first time it is seen; a value that is not a date is reported and read as none, a go-live
   * before the close too (a data error, not a negative time to value).
   */
  private goLiveDaysOf(value: unknown, closeDay: number, row: number): number {
    if (value === null || value === undefined) {
      return -1;
    }
    this.goLiveDays ??= new Map();
    if (value === '') {
      return -1;
    }
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    const day = parseDayFn(
      text.length > 10 && /^\d{4}-\d{2}-\d{2}T/.test(text) ? text.slice(0, 10) : text,
      this.dateFormat
    );
    if (Number.isNaN(day)) {
      this.issue(
        'bad-date',
        row,
        `go-live date "${text}" is not a valid ${this.options.dateFormat} date; treated as blank`,
        false
      );
      return -1;
    }
    if (day < closeDay) {
      this.issue(
        'bad-date',
        row,
        `go-live date "${text}" is before the close date; left out of the time to first value`,
        false
      );
      return -1;
    }
    return day - closeDay;
  }

  /** The index of an Opportunity Type value (trimmed) in the type counts. */
  private typeOf(type: string): number {
    if (type === this.lastTypeRaw) {
      return this.lastTypeIndex;
    }
    const key = type.trim();
    let i = this.typeIndex.get(key);
    if (i === undefined) {
      i = this.typeNames.length;
      this.typeIndex.set(detach(key), i);
      this.typeNames.push(detach(key));
      if (i >= this.typeDeals.length) {
        const grown = new Float64Array(this.typeDeals.length * 2);
        grown.set(this.typeDeals);
        this.typeDeals = grown;
      }
    }
    this.lastTypeRaw = type;
    this.lastTypeIndex = i;
    return i;
  }

  /** Counts a placeholder value by its normalised form (the first spelling seen is shown). */
  private notePlaceholder(value: string): void {
    // Words by their normalised form; symbols as written; spaces as one entry.
    const key = placeholderKey(value) || value.trim() || '(spaces only)';
    const seen = this.placeholderSeen.get(key);
    if (seen !== undefined) {
      seen.count++;
    } else if (this.placeholderSeen.size < 200) {
      this.placeholderSeen.set(detach(key), {
        value: value.trim() === '' ? key : detach(value.trim()),
        count: 1
      });
    }
  }

  /** Reports an amount or employee count that is not a number, with what it did to the segment. */
  private unreadable(
    kind: 'bad-amount' | 'bad-employees',
    what: string,
    value: unknown,
    score: Score,
    row: number
  ): void {
    const effect = score.unknownSegment
      ? 'the segment depends on it, so it is unknown (scored on the rules every segment shares)'
      : `treated as blank: the segment (${score.segment ?? 'none'}) does not depend on it`;
    this.issue(kind, row, `${what} "${String(value)}" is not a number; ${effect}`, false);
  }

  /** Resolves pending activity lookups (asynchronous sources) and counts those deals. */
  async drain(): Promise<void> {
    if (this.pending.length === 0) {
      return;
    }
    const batch = this.pending;
    this.pending = [];
    await this.activities?.resolve?.(batch);
    for (const deal of batch) {
      this.accept(deal);
    }
  }

  /** Ends the run: resolves the window's deals and returns the counters. */
  async finish(): Promise<EngineResult> {
    await this.drain();
    this.finishLog();
    let deals: EngineResult['deals'] = null;
    if (this.window !== null) {
      const newest = this.window.sorted();
      const activities = this.activities;
      if (activities?.lookup) {
        for (const d of newest) {
          d.firstTouchDays = activities.lookup(d);
        }
      } else if (activities?.resolve) {
        await activities.resolve(newest);
      }
      deals = newest.map((deal) => {
        const evaluation = this.scorer.explain(
          deal.amount,
          deal.employees,
          deal.type === '' ? null : deal.type,
          deal.override === '' ? null : deal.override,
          deal.values ?? []
        );
        this.checkSame(deal, evaluation);
        this.accept(deal);
        return { deal, evaluation };
      });
    }
    if (!this.headerWritten) {
      this.writeHeader();
    }
    return {
      fields: this.fields,
      scorer: this.scorer,
      rowsRead: this.rowsRead,
      audited: this.audited,
      skipped: this.skipped,
      filtered: { ...this.filtered },
      scoreCounts: this.scoreCounts,
      fieldFilled: this.fieldFilled,
      fieldPlaceholders: this.fieldPlaceholders,
      placeholderValues: [...this.placeholderSeen.values()]
        .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
        .slice(0, 20),
      types: this.typeNames
        .map((type, i) => ({ type, deals: this.typeDeals[i] }))
        .filter((t) => t.deals > 0)
        .sort((a, b) => b.deals - a.deals || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0)),
      dateHints: this.dateHints(),
      completenessHistogram: this.completenessHistogram,
      byOwner: this.byOwner,
      byMonth: this.byMonth,
      touch:
        this.touchOverall && this.activities
          ? {
              overall: this.touchOverall,
              bySegment: this.touchBySegment,
              horizonDays: this.activities.horizonDays
            }
          : null,
      issueCounts: this.issueCounts,
      issueSamples: this.issueSamples,
      issueTotal: this.issueTotal,
      deals,
      minCloseDay: this.minCloseDay,
      goLive: this.goLiveDays,
      maxCloseDay: this.maxCloseDay
    };
  }

  /** Hints for the date columns whose failing values fit another layout. */
  private dateHints(): string[] {
    const hints: string[] = [];
    const close = this.closeMisses.hint('Close date', this.dateFormat);
    if (close !== null) {
      hints.push(close);
    }
    for (const [index, misses] of this.fieldMisses) {
      misses.total = this.datesRead[index];
      const hint = misses.hint(fieldLabel(this.fields[index].apiName), this.dateFormat);
      if (hint !== null) {
        hints.push(hint);
      }
    }
    return hints;
  }

  private skip(kind: IssueKind, row: number, message: string): void {
    this.skipped++;
    this.issue(kind, row, message, true);
  }

  private parseValue(
    value: unknown,
    type: 'date' | 'checkbox' | 'number',
    index: number,
    row: number
  ): unknown {
    if (value === null || value === undefined) {
      return null;
    }
    if (type === 'checkbox') {
      if (typeof value === 'boolean') {
        return value;
      }
      const t = String(value).trim().toLowerCase();
      if (TRUE_TEXT.has(t)) {
        return true;
      }
      if (!FALSE_TEXT.has(t)) {
        this.issue(
          'bad-checkbox',
          row,
          `${fieldLabel(this.fields[index].apiName)} "${String(value)}" is not true or false; treated as false`,
          false
        );
      }
      return false;
    }
    if (
      type === 'date' &&
      typeof value === 'string' &&
      value.length === 10 &&
      this.options.dateFormat === 'YYYY-MM-DD'
    ) {
      // Fast path: already YYYY-MM-DD.
      this.datesRead[index]++;
      if (isIsoDateFn(value)) {
        return value;
      }
    } else if (type === 'date' && !(typeof value === 'string' && value.trim() === '')) {
      this.datesRead[index]++;
    }
    if (typeof value === 'string' && value.trim() === '') {
      return null;
    }
    if (type === 'number') {
      const n = toNumber(value);
      if (n !== null && Number.isNaN(n)) {
        this.issue(
          'bad-number',
          row,
          `${fieldLabel(this.fields[index].apiName)} "${String(value)}" is not a number; treated as blank`,
          false
        );
        return null;
      }
      return n;
    }
    const day = typeof value === 'string' ? parseDayFn(value, this.options.dateFormat) : NaN;
    if (Number.isNaN(day)) {
      let misses = this.fieldMisses.get(index);
      if (misses === undefined) {
        misses = new DateMisses();
        this.fieldMisses.set(index, misses);
      }
      misses.add(String(value));
      this.issue(
        'bad-date',
        row,
        `${fieldLabel(this.fields[index].apiName)} "${String(value)}" is not a valid ${this.options.dateFormat} date; treated as blank`,
        false
      );
      return null;
    }
    return typeof value === 'string' &&
      value.length === 10 &&
      this.options.dateFormat === 'YYYY-MM-DD'
      ? value
      : formatDayFn(day);
  }

  private keep(
    raw: RawDeal,
    id: string,
    closeDay: number,
    amount: number | null,
    employees: number | null,
    score: Score,
    mask: number,
    placeholderMask: number,
    withValues: boolean,
    goLiveDays: number
  ): AuditedDeal {
    return {
      row: raw.row,
      id: withValues ? detach(id) : id,
      name: withValues ? detach(raw.name) : raw.name,
      accountId: withValues ? detach(raw.accountId) : raw.accountId,
      accountName: withValues ? detach(raw.accountName) : raw.accountName,
      owner: withValues ? detach(raw.owner) : raw.owner,
      ownerKey: withValues ? detach(raw.ownerKey) : raw.ownerKey,
      closeDay,
      amount,
      employees,
      type: withValues ? detach(raw.type) : raw.type,
      override: withValues ? detach(raw.override) : raw.override,
      score,
      mask,
      placeholderMask,
      goLiveDays,
      values: withValues ? raw.values.map((v) => (typeof v === 'string' ? detach(v) : v)) : null
    };
  }

  private checkSame(deal: AuditedDeal, e: Evaluation): void {
    const s = deal.score;
    if (
      e.completeness !== s.completeness ||
      e.segment !== s.segment ||
      e.tier !== s.tier ||
      e.missing.map(fieldLabel).join('; ') !== s.missingText
    ) {
      throw new Error(
        `Scorer invariant broken for deal ${deal.id}: memoised ${s.completeness}% ` +
          `${String(s.segment)} vs evaluate() ${e.completeness}% ${String(e.segment)}`
      );
    }
  }

  private group(map: Map<string, GroupCounts>, key: string, list: GroupCounts[]): GroupCounts {
    let g = map.get(key);
    if (g === undefined) {
      g = {
        index: list.length,
        deals: 0,
        complete: 0,
        completenessSum: 0,
        missing: new Int32Array(this.fields.length)
      };
      map.set(detach(key), g);
      list.push(g);
    }
    return g;
  }

  private writeHeader(): void {
    this.headerWritten = true;
    this.options.dealSink?.(safeCsvLine(DEAL_COLUMNS));
  }

  /**
   * Streaming scopes: reports the later rows whose id an earlier row had, and counts every
   * other logged row, in one pass over the log (see rowLog.ts).
   */
  private finishLog(): void {
    const log = this.log;
    if (log === null) {
      return;
    }
    const gone = new Uint8Array(log.length);
    const kinds: Array<'notWon' | 'beforeSince' | 'otherSegment'> = [
      'notWon',
      'beforeSince',
      'otherSegment'
    ];
    for (const { index: i, firstRow } of log.duplicates()) {
      gone[i] = 1;
      const status = log.status[i];
      if (status !== STATUS.audited) {
        this.filtered[kinds[status - 1]]--;
      }
      this.skip('duplicate-id', log.rows[i], duplicateMessage(firstRow));
    }
    const scores = this.scorer.scores;
    const touchOf: Array<TouchCounts | undefined> = [];
    // Month groups by day, over the logged days' range.
    let firstDay = Infinity;
    let lastDay = -Infinity;
    for (let i = 0; i < log.length; i++) {
      if (log.status[i] === STATUS.audited) {
        firstDay = Math.min(firstDay, log.days[i]);
        lastDay = Math.max(lastDay, log.days[i]);
      }
    }
    const monthByDay: GroupCounts[] = [];
    for (let day = firstDay; day <= lastDay; day++) {
      monthByDay.push(this.group(this.byMonth, monthOfDay(day), this.monthList));
    }
    // Per-score figures in typed arrays (cache-friendly in the loop below).
    const S = scores.length;
    const completeness = new Int32Array(S);
    const complete = new Int32Array(S);
    const missingMask = new Int32Array(S);
    for (let k = 0; k < S; k++) {
      completeness[k] = scores[k].completeness;
      complete[k] = scores[k].complete ? 1 : 0;
      missingMask[k] = scores[k].missingMask;
    }
    const perScore = new Float64Array(S);
    const monthIndexOfDay = new Int32Array(monthByDay.length);
    const monthGroups: GroupCounts[] = [];
    monthByDay.forEach((g, k) => {
      let m = monthGroups.indexOf(g);
      if (m === -1) {
        m = monthGroups.push(g) - 1;
      }
      monthIndexOfDay[k] = m;
    });
    // (group, score) count tables while they stay small; else counted row by row.
    const pairs = (this.ownerList.length + monthGroups.length) * S <= AuditEngine.pairTableLimit;
    const ownerScore = new Float64Array(pairs ? this.ownerList.length * S : 0);
    const monthScore = new Float64Array(pairs ? monthGroups.length * S : 0);
    // Filled fields: count each mask once per row, expand per field at the end.
    const F = this.fields.length;
    const perMask = F <= 16 ? new Float64Array(1 << F) : null;
    const ownerList = this.ownerList;
    const typeDeals = this.typeDeals;
    for (let i = 0; i < log.length; i++) {
      if (gone[i] === 1 || log.status[i] !== AUDITED) {
        continue;
      }
      const si = log.scores[i];
      const day = log.days[i];
      perScore[si]++;
      const live = this.logGoLive.get(i);
      if (live !== undefined && this.goLiveDays !== null) {
        this.goLiveDays.set(live, (this.goLiveDays.get(live) ?? 0) + 1);
      }
      typeDeals[log.types[i]]++;
      let held = log.placeholderMasks[i];
      while (held !== 0) {
        const bit = 31 - Math.clz32(held);
        this.fieldPlaceholders[bit]++;
        held &= ~(1 << bit);
      }
      if (day < this.minCloseDay) {
        this.minCloseDay = day;
      }
      if (day > this.maxCloseDay) {
        this.maxCloseDay = day;
      }
      if (perMask !== null) {
        perMask[log.masks[i]]++;
      } else {
        let filled = log.masks[i];
        while (filled !== 0) {
          const bit = 31 - Math.clz32(filled);
          this.fieldFilled[bit]++;
          filled &= ~(1 << bit);
        }
      }
      if (pairs) {
        // Owners and months as (group, score) counts: expanded into the groups below.
        ownerScore[log.owners[i] * S + si]++;
        monthScore[monthIndexOfDay[day - firstDay] * S + si]++;
      } else {
        for (const g of [ownerList[log.owners[i]], monthGroups[monthIndexOfDay[day - firstDay]]]) {
          g.deals++;
          g.complete += complete[si];
          g.completenessSum += completeness[si];
          let missing = missingMask[si];
          while (missing !== 0) {
            const bit = 31 - Math.clz32(missing);
            g.missing[bit]++;
            missing &= ~(1 << bit);
          }
        }
      }
      const touch = log.touch[i];
      if (touch !== UNKNOWN_TOUCH && this.touchOverall !== null) {
        let seg = touchOf[si];
        if (seg === undefined) {
          const key = touchSegmentKey(scores[si]);
          seg = this.touchBySegment.get(key);
          if (seg === undefined) {
            seg = { looked: 0, days: new Int32Array(this.touchOverall.days.length) };
            this.touchBySegment.set(key, seg);
          }
          touchOf[si] = seg;
        }
        this.touchOverall.looked++;
        seg.looked++;
        if (touch !== NO_TOUCH) {
          this.touchOverall.days[touch]++;
          seg.days[touch]++;
        }
      }
    }
    const expand = (groups: GroupCounts[], counts: Float64Array): void => {
      groups.forEach((g, gi) => {
        for (let k = 0; k < S; k++) {
          const n = counts[gi * S + k];
          if (n === 0) {
            continue;
          }
          g.deals += n;
          g.complete += n * complete[k];
          g.completenessSum += n * completeness[k];
          let missing = missingMask[k];
          while (missing !== 0) {
            const bit = 31 - Math.clz32(missing);
            g.missing[bit] += n;
            missing &= ~(1 << bit);
          }
        }
      });
    };
    if (pairs) {
      expand(ownerList, ownerScore);
      expand(monthGroups, monthScore);
    }
    for (let k = 0; k < S; k++) {
      const n = perScore[k];
      if (n > 0) {
        this.audited += n;
        this.scoreCounts[k] = (this.scoreCounts[k] ?? 0) + n;
        this.completenessHistogram[completeness[k]] += n;
      }
    }
    if (perMask !== null) {
      for (let mask = 1; mask < perMask.length; mask++) {
        const n = perMask[mask];
        if (n > 0) {
          for (let bit = 0; bit < F; bit++) {
            if (mask & (1 << bit)) {
              this.fieldFilled[bit] += n;
            }
          }
        }
      }
    }
  }

  /** Counts an audited deal. */
  private accept(deal: AuditedDeal): void {
    this.count(
      deal.row,
      deal.id,
      deal.name,
      deal.accountName,
      deal.owner,
      deal.closeDay,
      deal.amount,
      deal.type,
      deal.score,
      deal.mask,
      deal.placeholderMask,
      deal.firstTouchDays,
      deal.goLiveDays
    );
  }

  /** Counts an audited deal (arguments rather than an object: no allocation per row). */
  private count(
    row: number,
    id: string,
    name: string,
    accountName: string,
    ownerName: string,
    closeDay: number,
    amount: number | null,
    type: string,
    score: Score,
    mask: number,
    placeholderMask: number,
    firstTouchDays: number | null | undefined,
    goLiveDays: number
  ): void {
    this.audited++;
    if (goLiveDays !== -1 && this.goLiveDays !== null) {
      this.goLiveDays.set(goLiveDays, (this.goLiveDays.get(goLiveDays) ?? 0) + 1);
    }
    let filled = mask;
    while (filled !== 0) {
      const bit = 31 - Math.clz32(filled);
      this.fieldFilled[bit]++;
      filled &= ~(1 << bit);
    }
    let held = placeholderMask;
    while (held !== 0) {
      const bit = 31 - Math.clz32(held);
      this.fieldPlaceholders[bit]++;
      held &= ~(1 << bit);
    }
    this.typeDeals[this.typeOf(type)]++;
    this.scoreCounts[score.index] = (this.scoreCounts[score.index] ?? 0) + 1;
    this.completenessHistogram[score.completeness]++;
    if (closeDay < this.minCloseDay) {
      this.minCloseDay = closeDay;
    }
    if (closeDay > this.maxCloseDay) {
      this.maxCloseDay = closeDay;
    }
    const owner = this.group(this.byOwner, ownerName === '' ? NO_OWNER : ownerName, this.ownerList);
    let month = this.monthOfDayCache.get(closeDay);
    if (month === undefined) {
      month = this.group(this.byMonth, monthOfDay(closeDay), this.monthList);
      this.monthOfDayCache.set(closeDay, month);
    }
    const complete = score.complete ? 1 : 0;
    owner.deals++;
    owner.complete += complete;
    owner.completenessSum += score.completeness;
    month.deals++;
    month.complete += complete;
    month.completenessSum += score.completeness;
    let missing = score.missingMask;
    while (missing !== 0) {
      const bit = 31 - Math.clz32(missing);
      owner.missing[bit]++;
      month.missing[bit]++;
      missing &= ~(1 << bit);
    }
    if (this.touchOverall !== null && firstTouchDays !== undefined) {
      const segKey = touchSegmentKey(score);
      let seg = this.touchBySegment.get(segKey);
      if (seg === undefined) {
        seg = { looked: 0, days: new Int32Array(this.touchOverall.days.length) };
        this.touchBySegment.set(segKey, seg);
      }
      this.touchOverall.looked++;
      seg.looked++;
      if (firstTouchDays !== null) {
        this.touchOverall.days[firstTouchDays]++;
        seg.days[firstTouchDays]++;
      }
    }
    const sink = this.options.dealSink;
    if (sink) {
      if (!this.headerWritten) {
        this.writeHeader();
      }
      sink(
        `${row},${csvCellFn(id)},${csvCellFn(name)},${csvCellFn(accountName)},${csvCellFn(ownerName)},` +
          `${formatDayFn(closeDay)},${amount === null || amount !== amount ? '' : amount},${csvCellFn(type)},${csvCellFn(score.ruleSet)},` +
          `${csvTailOf(score)}${firstTouchDays === undefined ? '' : (firstTouchDays ?? 'none')}`
      );
    }
  }
}
