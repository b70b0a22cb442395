/**
 * Duplicate ids found after the fact, for the streaming scopes (`--all`, `--since`).
 *
 * Looking every id up in a hash table as it arrives costs a cache miss per row, about a
 * quarter of the audit's own time at a million rows. Instead each row's id hash is appended to
 * a log, with what the row added to the counters (its score, AE group, Opportunity Type, filled
 * and placeholder fields, first-touch days), in typed arrays written in order: cheap, and ~44
 * bytes a row.
 * At the end the hashes go through a fresh table in one pass (no parsing in between, so it stays
 * fast); when none repeats — the usual case — that is all. Otherwise the later rows with a repeated id are found in
 * file order and their contributions taken back, so the counters end as if the rows had been
 * skipped when read.
 */

/** What became of a logged row. */
export const STATUS = {
  audited: 0,
  notWon: 1,
  beforeSince: 2,
  otherSegment: 3
} as const;
export type RowStatus = (typeof STATUS)[keyof typeof STATUS];

/** `touch` value for "no activity data for this deal". */
export const TOUCH_UNKNOWN = -2;
/** `touch` value for "no CSM activity found". */
export const TOUCH_NONE = -1;

/** A later row whose id an earlier row already had. */
export interface LoggedDuplicate {
  /** index into the log */
  index: number;
  /** the row (line) of the first row with the id */
  firstRow: number;
}

/** Append-only row log in typed arrays; see the file comment. */
export class RowLog {
  length = 0;
  hashes = new Float64Array(1024);
  rows = new Int32Array(1024);
  status = new Int8Array(1024);
  scores = new Int32Array(1024);
  owners = new Int32Array(1024);
  /** the Opportunity Type value's index */
  types = new Int32Array(1024);
  days = new Int32Array(1024);
  masks = new Int32Array(1024);
  placeholderMasks = new Int32Array(1024);
  touch = new Int16Array(1024);

  /** Makes room for about `rows` rows at once. */
  reserve(rows: number): void {
    if (rows > this.hashes.length) {
      this.resize(rows);
    }
  }

  private resize(capacity: number): void {
    const copy = <T extends Float64Array | Int32Array | Int8Array | Int16Array>(
      a: T,
      make: (n: number) => T
    ): T => {
      const b = make(capacity);
      b.set(a.subarray(0, this.length));
      return b;
    };
    this.hashes = copy(this.hashes, (n) => new Float64Array(n));
    this.rows = copy(this.rows, (n) => new Int32Array(n));
    this.status = copy(this.status, (n) => new Int8Array(n));
    this.scores = copy(this.scores, (n) => new Int32Array(n));
    this.owners = copy(this.owners, (n) => new Int32Array(n));
    this.types = copy(this.types, (n) => new Int32Array(n));
    this.days = copy(this.days, (n) => new Int32Array(n));
    this.masks = copy(this.masks, (n) => new Int32Array(n));
    this.placeholderMasks = copy(this.placeholderMasks, (n) => new Int32Array(n));
    this.touch = copy(this.touch, (n) => new Int16Array(n));
  }

  /** Logs a row that was filtered out (no contributions). */
  filtered(hash: number, row: number, status: RowStatus): void {
    this.audited(hash, row, status, -1, -1, -1, 0, 0, 0, TOUCH_UNKNOWN);
  }

  /** Logs a row and what it added to the counters. */
  audited(
    hash: number,
    row: number,
    status: RowStatus,
    score: number,
    owner: number,
    type: number,
    day: number,
    mask: number,
    placeholderMask: number,
    touch: number
  ): void {
    const i = this.length;
    if (i === this.hashes.length) {
      this.resize(i * 2);
    }
    this.hashes[i] = hash;
    this.rows[i] = row;
    this.status[i] = status;
    this.scores[i] = score;
    this.owners[i] = owner;
    this.types[i] = type;
    this.days[i] = day;
    this.masks[i] = mask;
    this.placeholderMasks[i] = placeholderMask;
    this.touch[i] = touch;
    this.length = i + 1;
  }

  /** The later rows with an id seen before, in log (file) order. */
  duplicates(): LoggedDuplicate[] {
    const n = this.length;
    // One pass through a fresh open-addressing table (faster than sorting): repeated hashes.
    let cap = 16;
    while (cap < n * 2) {
      cap *= 2;
    }
    const table = new Float64Array(cap);
    const mask = cap - 1;
    const repeated = new Set<number>();
    for (let i = 0; i < n; i++) {
      const h = this.hashes[i] + 1;
      let j = h % cap;
      for (;;) {
        const k = table[j];
        if (k === 0) {
          table[j] = h;
          break;
        }
        if (k === h) {
          repeated.add(h - 1);
          break;
        }
        j = (j + 1) & mask;
      }
    }
    if (repeated.size === 0) {
      return [];
    }
    const first = new Map<number, number>();
    const out: LoggedDuplicate[] = [];
    for (let i = 0; i < n; i++) {
      const h = this.hashes[i];
      if (!repeated.has(h)) {
        continue;
      }
      const seen = first.get(h);
      if (seen === undefined) {
        first.set(h, this.rows[i]);
      } else {
        out.push({ index: i, firstRow: seen });
      }
    }
    return out;
  }
}
