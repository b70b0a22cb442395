/**
 * Reads deals from a CSV export: maps the header through the mapping, reports unknown and
 * missing columns, and streams every row into the engine with its line number.
 */
import { statSync } from 'node:fs';
import { parseCsvFile, type CsvIssue } from '../lib/csv.ts';
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
  /** false when the header lacks a column the audit cannot do without */
  usable: boolean;
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
    usable: true
  };
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
      stage: 'stage'
    };
    for (const key of DEAL_KEYS) {
      const col = mapping.deal[key];
      dealIndex[key] = col === undefined ? -1 : find(col, labels[key]);
    }
    fieldColumns = fields.map((apiName) => {
      const source = sources.get(apiName.toLowerCase());
      if (!source) {
        info.fieldColumns.set(apiName, []);
        return [];
      }
      const found = source.columns.map((c) => find(c, fieldLabel(apiName))).filter((i) => i !== -1);
      info.fieldColumns.set(
        apiName,
        found.map((i) => columns[i].trim())
      );
      return found;
    });
    single = Int32Array.from(fieldColumns, (cols) => (cols.length === 1 ? cols[0] : -1));
    if (absent.length > 0) {
      engine.issue(
        'missing-column',
        1,
        `mapped column${absent.length > 1 ? 's' : ''} not in the file, read as blank: ${absent.join(', ')}`,
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
    info.usable = idI !== -1 && closeI !== -1;
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
    const values = raw.values;
    for (let f = 0; f < values.length; f++) {
      const one = single[f];
      if (one !== -1) {
        values[f] = row[one];
        continue;
      }
      // Several columns: the first filled one; none: blank.
      let value: string | null = null;
      for (const c of fieldColumns[f]) {
        const v = row[c];
        if (v.trim() !== '') {
          value = v;
          break;
        }
      }
      values[f] = value;
    }
    engine.add(raw);
  };

  const onIssue = (issue: CsvIssue): void => {
    if (issue.line === 1 && header) {
      // A malformed header: nothing can be mapped.
      info.usable = false;
    }
    if (issue.skipped) {
      engine.countRow(true);
    }
    engine.issue(issue.kind, issue.line, issue.message, issue.skipped);
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
