/**
 * Reads deals from a CSV export: maps the header through the mapping, reports unknown and
 * missing columns, and streams every row into the engine with its line number. A field mapped
 * to several columns takes the first one holding information (neither blank nor a
 * placeholder); a Salesforce report footer is set aside, not read as rows.
 */
import { statSync } from 'node:fs';
import { parseCsvFile, type CsvFooter, type CsvIssue } from '../lib/csv.ts';
import { fieldLabel } from '../lib/fields.ts';
import type { Progress } from '../lib/progress.ts';
import { DEAL_KEYS, type DealKey, type Mapping } from './mapping.ts';
import { newRawDeal, type AuditEngine, type RawDeal } from './engine.ts';

/** What the CSV reader learned about the file. */
export interface CsvSourceInfo {
  file: string;
  columns: string[];
  unknownColumns: string[];
  missingColumns: string[];
  /** per scored field (API name), the mapped columns the file has */
  fieldColumns: Map<string, string[]>;
  /** per scored field (API name), the mapped columns the file lacks */
  absentColumns: Map<string, string[]>;
  /** false when the header lacks a column the audit cannot do without */
  usable: boolean;
  /** the header itself is malformed */
  headerBroken: boolean;
  /** the Salesforce report footer set aside, if any */
  footer: CsvFooter | null;
}

/**
 * The header does not fit the mapping: it is malformed, lacks the id or close-date column, or
 * has none of the mapped handoff columns. Thrown as soon as the header is read.
 */
export class ColumnMismatch extends Error {
  constructor(
    readonly reason: 'header-broken' | 'key-columns' | 'no-handoff-column',
    readonly info: CsvSourceInfo,
    message: string
  ) {
    super(message);
    this.name = 'ColumnMismatch';
  }
}

/** Case- and space-insensitive column key. */
export function columnKey(name: string): string {
  return name.trim().toLowerCase();
}

/** Reads the deals of `file` into `engine`. */
export async function readCsvDeals(
  file: string,
  mapping: Mapping,
  engine: AuditEngine,
  progress?: Progress
): Promise<CsvSourceInfo> {
  const info: CsvSourceInfo = {
    file,
    columns: [],
    unknownColumns: [],
    missingColumns: [],
    fieldColumns: new Map(),
    absentColumns: new Map(),
    usable: true,
    headerBroken: false,
    footer: null
  };
  const placeholders = engine.placeholders;
  const fields = engine.scorer.fields;
  const sources = new Map(mapping.fields.map((f) => [f.apiName.toLowerCase(), f]));
  const dealIndex: Record<DealKey, number> = Object.fromEntries(
    DEAL_KEYS.map((k) => [k, -1])
  ) as Record<DealKey, number>;
  let fieldColumns: number[][] = [];
  let single: Int32Array = new Int32Array(0);
  let header = true;
  const raw: RawDeal = newRawDeal(fields.length);
  let idI = -1;
  let nameI = -1;
  let accountIdI = -1;
  let accountNameI = -1;
  let ownerI = -1;
  let closeI = -1;
  let amountI = -1;
  let employeesI = -1;
  let typeI = -1;
  let overrideI = -1;
  let stageI = -1;
  let goLiveI = -1;

  const onHeader = (columns: string[]): void => {
    info.columns = columns.map((c) => c.trim());
    const index = new Map<string, number>();
    columns.forEach((c, i) => {
      if (!index.has(columnKey(c))) {
        index.set(columnKey(c), i);
      }
    });
    const used = new Set<number>();
    const absent: string[] = [];
    const find = (name: string, what: string): number => {
      const i = index.get(columnKey(name));
      if (i === undefined) {
        info.missingColumns.push(name);
        absent.push(`"${name}" (${what})`);
        return -1;
      }
      used.add(i);
      return i;
    };
    const labels: Record<DealKey, string> = {
      id: 'id',
      name: 'opportunity name',
      accountId: 'account id',
      accountName: 'account name',
      owner: 'AE',
      closeDate: 'close date',
      amount: 'amount',
      type: 'type',
      employees: 'employees',
      segmentOverride: 'segment override',
      stage: 'stage',
      goLiveDate: 'go-live date'
    };
    for (const key of DEAL_KEYS) {
      const col = mapping.deal[key];
      dealIndex[key] = col === undefined ? -1 : find(col, labels[key]);
    }
    fieldColumns = fields.map((apiName) => {
      const source = sources.get(apiName.toLowerCase());
      if (!source) {
        info.fieldColumns.set(apiName, []);
        info.absentColumns.set(apiName, []);
        return [];
      }
      const found: number[] = [];
      const absent: string[] = [];
      for (const c of source.columns) {
        const i = find(c, fieldLabel(apiName));
        if (i === -1) {
          absent.push(c);
        } else {
          found.push(i);
        }
      }
      info.fieldColumns.set(
        apiName,
        found.map((i) => columns[i].trim())
      );
      info.absentColumns.set(apiName, absent);
      return found;
    });
    single = Int32Array.from(fieldColumns, (cols) => (cols.length === 1 ? cols[0] : -1));
    if (absent.length > 0) {
      engine.issue(
        'column-not-in-file',
        1,
        `the mapping (${mapping.file}) names ${absent.length === 1 ? 'a column' : `${absent.length} columns`} this file does not have: ${absent.join(', ')}; ${absent.length === 1 ? 'it is' : 'they are'} read as blank — fix the mapping or export ${absent.length === 1 ? 'it' : 'them'}`,
        false
      );
    }
    columns.forEach((c, i) => {
      if (!used.has(i)) {
        info.unknownColumns.push(c.trim());
      }
    });
    if (info.unknownColumns.length > 0) {
      const n = info.unknownColumns.length;
      engine.issue(
        'unknown-column',
        1,
        `${n === 1 ? 'column' : `${n} columns`} not in the mapping, ignored: ${info.unknownColumns.map((c) => `"${c}"`).join(', ')}`,
        false
      );
    }
    idI = dealIndex.id;
    nameI = dealIndex.name;
    accountIdI = dealIndex.accountId;
    accountNameI = dealIndex.accountName;
    ownerI = dealIndex.owner;
    closeI = dealIndex.closeDate;
    amountI = dealIndex.amount;
    employeesI = dealIndex.employees;
    typeI = dealIndex.type;
    overrideI = dealIndex.segmentOverride;
    stageI = dealIndex.stage;
    goLiveI = dealIndex.goLiveDate;
    info.usable = !info.headerBroken && idI !== -1 && closeI !== -1;
    if (!info.usable) {
      throw new ColumnMismatch('key-columns', info, 'the id or close-date column is missing');
    }
    const mapped = fields.filter((f) => (sources.get(f.toLowerCase())?.columns.length ?? 0) > 0);
    if (mapped.length > 0 && mapped.every((f) => info.fieldColumns.get(f)?.length === 0)) {
      throw new ColumnMismatch(
        'no-handoff-column',
        info,
        'no mapped handoff column is in the file'
      );
    }
  };

  let rowsSeen = 0;
  const onRecord = (row: string[], line: number): void => {
    rowsSeen++;
    if (header) {
      header = false;
      onHeader(row);
      return;
    }
    if (!info.usable) {
      engine.countRow(true);
      return;
    }
    raw.row = line;
    raw.id = row[idI];
    raw.name = nameI === -1 ? '' : row[nameI];
    raw.accountId = accountIdI === -1 ? '' : row[accountIdI];
    raw.accountName = accountNameI === -1 ? '' : row[accountNameI];
    raw.owner = ownerI === -1 ? '' : row[ownerI];
    raw.ownerKey = raw.owner;
    raw.closeDate = row[closeI];
    raw.amount = amountI === -1 ? null : row[amountI];
    raw.employees = employeesI === -1 ? null : row[employeesI];
    raw.type = typeI === -1 ? '' : row[typeI];
    raw.override = overrideI === -1 ? '' : row[overrideI];
    raw.stage = stageI === -1 ? '' : row[stageI];
    raw.goLiveDate = goLiveI === -1 ? null : row[goLiveI];
    const values = raw.values;
    for (let f = 0; f < values.length; f++) {
      const one = single[f];
      if (one !== -1) {
        values[f] = row[one];
        continue;
      }
      // Several columns: the first holding information; else the first placeholder; else blank.
      let value: string | null = null;
      let placeholder: string | null = null;
      for (const c of fieldColumns[f]) {
        const v = row[c];
        if (v === '' || (placeholders === null && v.trim() === '')) {
          continue;
        }
        if (placeholders !== null && placeholders.test(v)) {
          placeholder ??= v;
          continue;
        }
        value = v;
        break;
      }
      values[f] = value ?? placeholder;
    }
    engine.add(raw);
  };

  const onIssue = (issue: CsvIssue): void => {
    if (issue.line === 1 && header && issue.skipped) {
      // A malformed header: nothing can be mapped.
      info.usable = false;
      info.headerBroken = true;
      throw new ColumnMismatch('header-broken', info, issue.message);
    }
    if (issue.skipped) {
      engine.countRow(true);
    }
    engine.issue(issue.kind, issue.line, issue.message, issue.skipped, 'deals', issue.lastLine);
  };

  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    throw new Error(`Cannot read ${file}: no such file`);
  }
  let sized = false;
  await parseCsvFile(file, {
    header: true,
    delimiter: mapping.delimiter,
    onRecord,
    onIssue,
    onFooter: (footer) => {
      info.footer = footer;
    },
    onProgress: (bytes) => {
      if (!sized && rowsSeen > 50) {
        // Size the duplicate-id table once, from the rows in the first chunk.
        sized = true;
        engine.expectRows(Math.ceil((size / bytes) * rowsSeen * 1.1));
      }
      progress?.update(bytes, size);
    }
  });
  if (header) {
    info.usable = false;
  }
  return info;
}
