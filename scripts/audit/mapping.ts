/**
 * The mapping file: which column of a CSV export (or which Opportunity field path, from an
 * org) holds each thing the audit reads. `data/mapping.default.json` maps the product's own
 * fields; `data/mapping.sample-export.json` shows a customer export whose columns differ.
 * The format is documented in docs/audit.md.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DATE_FORMATS, type DateFormat } from '../lib/dates.ts';
import { HANDOFF_FIELDS, fieldType, type FieldType } from '../lib/fields.ts';
import { PROJECT_ROOT } from '../lib/ruleConfig.ts';
import { parsePlaceholders, type PlaceholderSettings } from './placeholders.ts';
import { closest } from './suggest.ts';

/** The deal attributes the audit reads besides the handoff fields. */
export const DEAL_KEYS = [
  'id',
  'name',
  'accountId',
  'accountName',
  'owner',
  'closeDate',
  'amount',
  'type',
  'employees',
  'segmentOverride',
  'stage',
  /** optional: the customer's go-live (first value) date, for the time to first value */
  'goLiveDate'
] as const;

export type DealKey = (typeof DEAL_KEYS)[number];

/** Where one handoff field comes from. No columns = the source does not capture it. */
export interface FieldSource {
  apiName: string;
  columns: string[];
  type: FieldType;
}

/** Columns of the activities file (CSV) used for the time to first CSM activity. */
export interface ActivityColumns {
  accountId: string;
  date: string;
  owner?: string;
  role?: string;
  /** an activity counts as the CSM's only when its owner's role matches (case-insensitive) */
  csmRolePattern?: string;
}

/** A validated mapping. */
export interface Mapping {
  name: string;
  file: string;
  /** `auto` (the default): detected from the file's date values */
  dateFormat: DateFormat | 'auto';
  delimiter: string;
  deal: Partial<Record<DealKey, string>> & { id: string; closeDate: string };
  /** when `deal.stage` is mapped and this is not empty, only these stages are audited */
  wonStages: string[];
  fields: FieldSource[];
  activities: ActivityColumns;
  /** which values count as placeholders, not information */
  placeholders: PlaceholderSettings;
  /** Opportunity Type values of this source that are expansion deals (added to the rules') */
  expansionTypes: string[];
}

/** The keys a mapping file may have. */
const TOP_KEYS = [
  'name',
  'description',
  'dateFormat',
  'delimiter',
  'deal',
  'wonStages',
  'fields',
  'activities',
  'placeholders',
  'expansionTypes'
];

/** The default mapping shipped in data/. */
export const DEFAULT_MAPPING = 'data/mapping.default.json';

const FIELD_TYPES: readonly FieldType[] = ['text', 'lookup', 'date', 'checkbox', 'number'];

function fail(file: string, message: string): never {
  throw new Error(`Mapping ${file}: ${message}`);
}

function columnsOf(file: string, key: string, raw: unknown): string[] {
  if (raw === null || raw === undefined || raw === '') {
    return [];
  }
  if (typeof raw === 'string') {
    return [raw.trim()];
  }
  if (Array.isArray(raw) && raw.every((c) => typeof c === 'string')) {
    return (raw as string[]).map((c) => c.trim()).filter((c) => c !== '');
  }
  return fail(file, `"${key}" must be a column name, a list of column names or null`);
}

/** Validates a parsed mapping object. */
export function parseMapping(json: unknown, file: string): Mapping {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    fail(file, 'not a JSON object');
  }
  const m = json as Record<string, unknown>;
  for (const key of Object.keys(m)) {
    if (!TOP_KEYS.includes(key)) {
      const near = closest(key, TOP_KEYS);
      fail(
        file,
        `"${key}" is not a known key${near ? ` (did you mean "${near}"?)` : ''}; the keys are ${TOP_KEYS.join(', ')}`
      );
    }
  }
  const dateFormat = (m.dateFormat ?? 'auto') as DateFormat | 'auto';
  if (dateFormat !== 'auto' && !DATE_FORMATS.includes(dateFormat)) {
    fail(file, `"dateFormat" must be "auto" or one of ${DATE_FORMATS.join(', ')}`);
  }
  const delimiter = typeof m.delimiter === 'string' ? m.delimiter : ',';
  if (delimiter.length !== 1) {
    fail(file, '"delimiter" must be one character');
  }
  if (delimiter === '"' || delimiter === '\r' || delimiter === '\n') {
    fail(
      file,
      `"delimiter" cannot be ${JSON.stringify(delimiter)}: a quote, CR or LF already has a meaning in CSV`
    );
  }
  const dealRaw = (m.deal ?? {}) as Record<string, unknown>;
  if (typeof dealRaw !== 'object' || Array.isArray(dealRaw)) {
    fail(file, '"deal" must be an object');
  }
  const deal: Partial<Record<DealKey, string>> = {};
  for (const [key, value] of Object.entries(dealRaw)) {
    if (!(DEAL_KEYS as readonly string[]).includes(key)) {
      fail(file, `"deal.${key}" is not a known key (${DEAL_KEYS.join(', ')})`);
    }
    if (value === null || value === undefined || value === '') {
      continue;
    }
    if (typeof value !== 'string') {
      fail(file, `"deal.${key}" must be a column name`);
    }
    deal[key as DealKey] = value.trim();
  }
  if (!deal.id || !deal.closeDate) {
    fail(file, '"deal.id" and "deal.closeDate" are required');
  }
  const wonStages = Array.isArray(m.wonStages) ? m.wonStages.map(String) : [];
  let expansionTypes: string[] = [];
  if (m.expansionTypes !== undefined) {
    if (
      !Array.isArray(m.expansionTypes) ||
      !m.expansionTypes.every((t) => typeof t === 'string' && t.trim() !== '')
    ) {
      fail(file, '"expansionTypes" must be a list of Opportunity Type values');
    }
    expansionTypes = (m.expansionTypes as string[]).map((t) => t.trim());
  }

  const fieldsRaw = m.fields;
  if (typeof fieldsRaw !== 'object' || fieldsRaw === null || Array.isArray(fieldsRaw)) {
    fail(file, '"fields" must map handoff field API names to columns');
  }
  const fields: FieldSource[] = [];
  for (const [apiName, value] of Object.entries(fieldsRaw as Record<string, unknown>)) {
    let columns: string[];
    let type = fieldType(apiName);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const spec = value as { column?: unknown; columns?: unknown; type?: unknown };
      columns = columnsOf(file, apiName, spec.columns ?? spec.column ?? null);
      if (spec.type !== undefined) {
        if (!FIELD_TYPES.includes(spec.type as FieldType)) {
          fail(file, `"${apiName}.type" must be one of ${FIELD_TYPES.join(', ')}`);
        }
        type = spec.type as FieldType;
      }
    } else {
      columns = columnsOf(file, apiName, value);
    }
    fields.push({ apiName: apiName.trim(), columns, type });
  }

  const actRaw = (m.activities ?? {}) as Record<string, unknown>;
  const str = (v: unknown): string | undefined =>
    typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  const activities: ActivityColumns = {
    accountId: str(actRaw.accountId) ?? 'AccountId',
    date: str(actRaw.date) ?? 'ActivityDate',
    owner: str(actRaw.owner),
    role: str(actRaw.role),
    csmRolePattern: str(actRaw.csmRolePattern)
  };
  if (activities.csmRolePattern) {
    try {
      new RegExp(activities.csmRolePattern, 'i');
    } catch {
      fail(file, '"activities.csmRolePattern" is not a valid regular expression');
    }
  }
  return {
    name: typeof m.name === 'string' ? m.name : file,
    file,
    dateFormat,
    delimiter,
    deal: deal as Mapping['deal'],
    wonStages,
    fields,
    activities,
    placeholders: parsePlaceholders(m.placeholders, file),
    expansionTypes
  };
}

/**
 * Fails on a mapped field that is neither one of the product's handoff fields nor one the
 * rules name: a misspelt API name would otherwise be reported as a field nobody scores.
 */
export function checkFieldNames(mapping: Mapping, ruleFields: readonly string[]): void {
  const known = [...HANDOFF_FIELDS.map((f) => f.apiName), ...ruleFields];
  const lower = new Set(known.map((k) => k.toLowerCase()));
  const bad = mapping.fields.filter((f) => !lower.has(f.apiName.toLowerCase()));
  if (bad.length === 0) {
    return;
  }
  const names = [...new Set(known)];
  const parts = bad.map((f) => {
    const near = closest(f.apiName, names);
    return `"fields.${f.apiName}"${near ? ` (did you mean ${near}?)` : ''}`;
  });
  fail(
    mapping.file,
    `${parts.join(', ')} ${bad.length === 1 ? 'is not a handoff field' : 'are not handoff fields'}: neither the product nor the rules have ${bad.length === 1 ? 'it' : 'them'}. The fields are ${names.join(', ')}`
  );
}

/** Reads and validates a mapping file (default: the shipped default mapping). */
export function loadMapping(file?: string): Mapping {
  const path = file ? resolve(file) : resolve(PROJECT_ROOT, DEFAULT_MAPPING);
  const shown = file ?? DEFAULT_MAPPING;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return fail(shown, 'cannot read the file');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fail(shown, `invalid JSON (${(e as Error).message})`);
  }
  return parseMapping(json, shown);
}

/**
 * The field list the audit scores: every field the rules name (unmapped ones count as not
 * captured), then mapped fields no rule names (reported, never scored toward completeness).
 */
export function scoredFields(mapping: Mapping, ruleFields: readonly string[]): FieldSource[] {
  const byName = new Map(mapping.fields.map((f) => [f.apiName.toLowerCase(), f]));
  const out: FieldSource[] = [];
  const seen = new Set<string>();
  for (const apiName of ruleFields) {
    const key = apiName.toLowerCase();
    seen.add(key);
    out.push(byName.get(key) ?? { apiName, columns: [], type: fieldType(apiName) });
  }
  for (const f of mapping.fields) {
    if (!seen.has(f.apiName.toLowerCase())) {
      seen.add(f.apiName.toLowerCase());
      out.push(f);
    }
  }
  return out;
}
