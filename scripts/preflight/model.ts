/**
 * The preflight's result model: one result per check, each pass / warn / fail, "could not
 * read" when the org would not answer, or "check by hand" where no API exposes the setting.
 */

/** How a check came out. */
export type Status = 'pass' | 'warn' | 'fail' | 'unread' | 'manual';

/** Labels for people, in the order a report lists them. */
export const STATUS_LABEL: Record<Status, string> = {
  fail: 'FAIL',
  unread: 'COULD NOT READ',
  warn: 'WARN',
  manual: 'CHECK BY HAND',
  pass: 'PASS'
};

/** Report order: what blocks first. */
export const STATUS_ORDER: Status[] = ['fail', 'unread', 'warn', 'manual', 'pass'];

/** A table of details (plain text cells). */
export interface DetailTable {
  caption: string;
  headers: string[];
  rows: string[][];
  /** rows left out to keep the report readable */
  omitted?: number;
}

/** What a check found. */
export interface Finding {
  status: Status;
  /** one or two sentences: what was found */
  finding: string;
  /** what to do; expected unless the status is pass */
  fix?: string;
  tables?: DetailTable[];
}

/** A check's result as reported. */
export interface CheckResult extends Finding {
  id: string;
  area: string;
  title: string;
  /** why it matters */
  why: string;
  /** what was read, and through which API */
  source: string;
}

/** Exit statuses of `npm run preflight` (docs/preflight.md). */
export const EXIT = {
  /** no blocking finding (warnings and checks by hand may remain) */
  ready: 0,
  /** a usage error, or the org could not be reached at all */
  error: 1,
  /** at least one blocking finding (a check failed, or --validate failed) */
  blocked: 2,
  /** nothing blocks among what was read, but some checks could not be read */
  incomplete: 3
} as const;

/** The exit status for a set of results. */
export function exitStatusOf(results: Pick<CheckResult, 'status'>[]): number {
  if (results.some((r) => r.status === 'fail')) {
    return EXIT.blocked;
  }
  if (results.some((r) => r.status === 'unread')) {
    return EXIT.incomplete;
  }
  return EXIT.ready;
}

/** Caps a table's rows, remembering how many were left out. */
export function capped(
  caption: string,
  headers: string[],
  rows: string[][],
  max = 50
): DetailTable {
  return rows.length > max
    ? { caption, headers, rows: rows.slice(0, max), omitted: rows.length - max }
    : { caption, headers, rows };
}

/** "1 rule", "3 rules". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** "a, b and c". */
export function joinAnd(items: string[]): string {
  if (items.length <= 1) {
    return items.join('');
  }
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Yes / no for tables. */
export function yesNo(value: unknown): string {
  return value === true || value === 'true' ? 'yes' : 'no';
}
