/**
 * Time from close to the first CSM activity. An activity counts when it is on the deal's
 * account, dated on or after the close date and within the horizon, and owned by someone other
 * than the deal's AE (and, when the activities carry the owner's role and the mapping gives a
 * `csmRolePattern`, by someone whose role matches it).
 *
 * From a CSV (`--activities <file>`) the activities are indexed once by account (memory grows
 * with the activities file, not with the deals); from an org they are queried in batches of
 * accounts (see orgSource.ts).
 */
import { parseCsvFile, type CsvIssue } from '../lib/csv.ts';
import { parseDay, type DateFormat } from '../lib/dates.ts';
import type { ActivitySource, AuditedDeal, AuditEngine } from './engine.ts';
import { detach } from './engine.ts';
import type { ActivityColumns } from './mapping.ts';
import { columnKey } from './csvSource.ts';
import { DateMisses } from './dateFormats.ts';

/** Default: activities more than this many days after close are not counted. */
export const DEFAULT_HORIZON_DAYS = 180;

interface AccountActivities {
  days: number[];
  owners: number[];
}

/**
 * First qualifying activity day for a deal, from activities sorted by day.
 * @return days after close, or null when none qualifies within the horizon
 */
export function firstTouch(
  days: readonly number[],
  owners: readonly number[],
  closeDay: number,
  aeOwner: number,
  horizonDays: number
): number | null {
  // Binary search for the first activity on or after the close day.
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid] < closeDay) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  for (let i = lo; i < days.length; i++) {
    const delta = days[i] - closeDay;
    if (delta > horizonDays) {
      return null;
    }
    if (owners[i] !== aeOwner) {
      return delta;
    }
  }
  return null;
}

/** Activities from a CSV file, indexed by account. */
export class CsvActivityIndex implements ActivitySource {
  readonly description: string;
  readonly horizonDays: number;
  private readonly byAccount = new Map<string, AccountActivities>();
  private readonly ownerIds = new Map<string, number>();
  /** activity rows read, used, and left out (bad rows or not a CSM's); report footer lines */
  stats = { rows: 0, used: 0, skipped: 0, notCsm: 0, footerLines: 0 };
  /** when the activity dates failed the layout but fit another one */
  dateHint: string | null = null;

  private constructor(file: string, horizonDays: number) {
    this.description = `activities file ${file}`;
    this.horizonDays = horizonDays;
  }

  private ownerId(name: string): number {
    const key = name.trim().toLowerCase();
    let id = this.ownerIds.get(key);
    if (id === undefined) {
      id = this.ownerIds.size + 1;
      this.ownerIds.set(detach(key), id);
    }
    return id;
  }

  /** Loads and indexes an activities CSV; bad rows are reported to the engine. */
  static async load(
    file: string,
    columns: ActivityColumns,
    dateFormat: DateFormat,
    engine: AuditEngine,
    horizonDays = DEFAULT_HORIZON_DAYS
  ): Promise<CsvActivityIndex> {
    const index = new CsvActivityIndex(file, horizonDays);
    const misses = new DateMisses();
    const role = columns.csmRolePattern ? new RegExp(columns.csmRolePattern, 'i') : null;
    let header = true;
    let accountI = -1;
    let dateI = -1;
    let ownerI = -1;
    let roleI = -1;
    const onRecord = (row: string[], line: number): void => {
      if (header) {
        header = false;
        const keys = row.map(columnKey);
        const find = (name: string | undefined, required: boolean): number => {
          if (name === undefined) {
            return -1;
          }
          const i = keys.indexOf(columnKey(name));
          if (i === -1) {
            engine.issue(
              'missing-column',
              1,
              `activities column "${name}" is not in ${file}${required ? '; no activity can be used' : ''}`,
              false,
              'activities'
            );
          }
          return i;
        };
        accountI = find(columns.accountId, true);
        dateI = find(columns.date, true);
        ownerI = find(columns.owner, false);
        roleI = role ? find(columns.role, false) : -1;
        return;
      }
      index.stats.rows++;
      if (accountI === -1 || dateI === -1) {
        index.stats.skipped++;
        return;
      }
      const account = row[accountI].trim();
      const day = parseDay(row[dateI], dateFormat);
      if (row[dateI].trim() !== '') {
        misses.total++;
      }
      if (account === '' || Number.isNaN(day)) {
        index.stats.skipped++;
        if (account !== '' && row[dateI].trim() !== '') {
          misses.add(row[dateI]);
        }
        engine.issue(
          'bad-date',
          line,
          account === ''
            ? 'activity without an account id; skipped'
            : `activity date "${row[dateI]}" is not a valid ${dateFormat} date; skipped`,
          true,
          'activities'
        );
        return;
      }
      if (role && roleI !== -1 && !role.test(row[roleI])) {
        index.stats.notCsm++;
        return;
      }
      let entry = index.byAccount.get(account);
      if (entry === undefined) {
        entry = { days: [], owners: [] };
        index.byAccount.set(detach(account), entry);
      }
      entry.days.push(day);
      entry.owners.push(ownerI === -1 ? 0 : index.ownerId(row[ownerI]));
      index.stats.used++;
    };
    const onIssue = (issue: CsvIssue): void => {
      if (issue.skipped) {
        index.stats.skipped++;
      }
      engine.issue(
        issue.kind,
        issue.line,
        issue.message,
        issue.skipped,
        'activities',
        issue.lastLine
      );
    };
    try {
      await parseCsvFile(file, {
        header: true,
        onRecord,
        onIssue,
        onFooter: (footer) => {
          index.stats.footerLines = footer.lines;
        }
      });
    } catch (e) {
      throw new Error(`Cannot read the activities file ${file}: ${(e as Error).message}`);
    }
    index.dateHint = misses.hint(`Activity date ("${columns.date}")`, dateFormat);
    for (const entry of index.byAccount.values()) {
      const order = entry.days.map((_, i) => i).sort((a, b) => entry.days[a] - entry.days[b]);
      entry.days = order.map((i) => entry.days[i]);
      entry.owners = order.map((i) => entry.owners[i]);
    }
    return index;
  }

  lookup(deal: AuditedDeal): number | null | undefined {
    const account = deal.accountId.trim();
    if (account === '') {
      return undefined;
    }
    const entry = this.byAccount.get(account);
    if (entry === undefined) {
      return null;
    }
    const ae = this.ownerIds.get(deal.ownerKey.trim().toLowerCase()) ?? -1;
    return firstTouch(entry.days, entry.owners, deal.closeDay, ae, this.horizonDays);
  }
}
