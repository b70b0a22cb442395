// formulon ships no types; scripts/tsconfig.json does not include types/, so name ours here.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../types/formulon.d.ts" />
/**
 * Evaluates a customer's validation rule, offline, against one of the writes our tests and
 * automation make (testRecords.ts), with formulon typed from the org's describe.
 *
 * The record context formulon lacks is supplied as the project's own formula tests do:
 * ISNEW(), ISCHANGED(f) and PRIORVALUE(f) become values computed from the old and new record
 * (on insert ISCHANGED is false and PRIORVALUE is the new value); TEXT() of a blank picklist is
 * blank text; formula fields are evaluated from their describe formula. $Permission.X is false
 * (our test users hold only the product's permission sets). Anything else the evaluation cannot
 * know — who the running user is ($User, $Profile, $UserRole), custom settings ($Setup), fields
 * of related records, functions formulon lacks — makes the outcome "unknown", with the reason,
 * rather than a guess.
 */
import { extract, parse } from 'formulon';
import type { DescribeFieldResult, DescribeResult } from './reader.ts';
import type { WriteCase } from './testRecords.ts';

export type RuleOutcome =
  { outcome: 'blocks' } | { outcome: 'passes' } | { outcome: 'unknown'; reason: string };

interface Literal {
  type: 'literal';
  dataType: string;
  value: unknown;
  options?: Record<string, unknown>;
}

class Unknown extends Error {}

const ISNEW = /\bISNEW\s*\(\s*\)/gi;
const ISCHANGED = /\bISCHANGED\s*\(\s*([A-Za-z0-9_.$]+)\s*\)/gi;
const PRIORVALUE = /\bPRIORVALUE\s*\(\s*([A-Za-z0-9_.$]+)\s*\)/gi;
const TEXT_OF = /\bTEXT\s*\(\s*([A-Za-z][A-Za-z0-9_]*)\s*\)/gi;

function blank(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

function toDate(value: unknown): Date | null {
  if (blank(value)) {
    return null;
  }
  const s = String(value);
  const d = new Date(s.length === 10 ? `${s}T00:00:00Z` : s);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A formulon literal for a value of a field, typed as the org describes it. */
function literalFor(field: DescribeFieldResult, value: unknown): Literal {
  switch (field.type) {
    case 'boolean':
      return { type: 'literal', dataType: 'checkbox', value: value === true || value === 'true' };
    case 'int':
    case 'long':
    case 'double':
    case 'currency':
    case 'percent': {
      const scale = field.scale ?? 0;
      return {
        type: 'literal',
        dataType: 'number',
        value: blank(value) ? null : Number(value),
        options: { length: Math.max(1, (field.precision ?? 18) - scale), scale }
      };
    }
    case 'date':
      return { type: 'literal', dataType: 'date', value: toDate(value) };
    case 'datetime':
      return { type: 'literal', dataType: 'datetime', value: toDate(value) };
    case 'picklist':
      return {
        type: 'literal',
        dataType: 'picklist',
        value: blank(value) ? null : String(value),
        options: { values: (field.picklistValues ?? []).map((v) => v.value) }
      };
    case 'multipicklist':
      return {
        type: 'literal',
        dataType: 'multipicklist',
        value: blank(value) ? null : String(value).split(';'),
        options: { values: (field.picklistValues ?? []).map((v) => v.value) }
      };
    case 'string':
    case 'textarea':
    case 'email':
    case 'phone':
    case 'url':
    case 'reference':
    case 'id':
    case 'combobox':
    case 'encryptedstring':
      // Salesforce text is never null: blank is "" (ISBLANK true, ISNULL false, = "" true).
      return {
        type: 'literal',
        dataType: 'text',
        value: blank(value) ? '' : String(value),
        options: { length: field.length || 255 }
      };
    default:
      throw new Unknown(`it reads ${field.name}, a ${field.type} field`);
  }
}

/**
 * The record as Salesforce would hold it before validation: the values written, defaults for
 * picklists the org defaults on insert, false for unset checkboxes, blank for the rest.
 */
export function withDefaults(
  describe: DescribeResult,
  record: Record<string, unknown>,
  insert: boolean
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const lower = new Map(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));
  for (const field of describe.fields) {
    const key = field.name.toLowerCase();
    if (lower.has(key)) {
      out[field.name] = lower.get(key);
    } else if (insert && field.defaultedOnCreate && field.type === 'picklist') {
      out[field.name] = field.picklistValues?.find((v) => v.defaultValue)?.value ?? null;
    } else {
      out[field.name] = field.type === 'boolean' ? false : null;
    }
  }
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  const x = blank(a) ? null : a;
  const y = blank(b) ? null : b;
  return x === y || String(x) === String(y);
}

/** Evaluates a formula on a record; throws Unknown when it cannot be known offline. */
function evaluate(
  formula: string,
  describe: DescribeResult,
  record: Record<string, unknown>,
  old: Record<string, unknown> | null,
  depth: number
): unknown {
  if (depth > 4) {
    throw new Unknown('formula fields nest more than 4 deep');
  }
  const fields = new Map(describe.fields.map((f) => [f.name.toLowerCase(), f]));
  const fieldOf = (name: string): DescribeFieldResult => {
    if (/^\$(User|Profile|UserRole)\./i.test(name)) {
      throw new Unknown(`it reads ${name}, which depends on who runs the test`);
    }
    if (/^\$Setup\./i.test(name)) {
      throw new Unknown(`it reads ${name}, a custom setting (empty in Apex tests, set in the org)`);
    }
    if (name.startsWith('$')) {
      throw new Unknown(`it reads ${name}, which this offline evaluation does not model`);
    }
    if (name.includes('.')) {
      throw new Unknown(`it reads ${name}, a field of a related record`);
    }
    const field = fields.get(name.toLowerCase());
    if (!field) {
      throw new Unknown(`it names ${name}, which ${describe.name}'s describe does not list`);
    }
    return field;
  };
  const valueOf = (name: string, from: Record<string, unknown>): unknown => {
    const field = fieldOf(name);
    const calculated = (field as { calculatedFormula?: unknown }).calculatedFormula;
    if (field.calculated && typeof calculated === 'string') {
      return evaluate(calculated, describe, from, null, depth + 1);
    }
    return from[field.name];
  };
  const substitutions: Record<string, Literal> = {};
  let rewritten = formula.replace(ISNEW, () => {
    substitutions.zzIsNew = { type: 'literal', dataType: 'checkbox', value: old === null };
    return 'zzIsNew';
  });
  rewritten = rewritten.replace(ISCHANGED, (_m, name: string) => {
    const key = `zzChanged_${name.replace(/\W/g, '_')}`;
    const changed = old !== null && !sameValue(valueOf(name, record), valueOf(name, old));
    substitutions[key] = { type: 'literal', dataType: 'checkbox', value: changed };
    return key;
  });
  rewritten = rewritten.replace(PRIORVALUE, (_m, name: string) => {
    const key = `zzPrior_${name.replace(/\W/g, '_')}`;
    substitutions[key] = literalFor(fieldOf(name), valueOf(name, old ?? record));
    return key;
  });
  // formulon gives "NULL" for TEXT() of a blank picklist; Salesforce gives blank text ("").
  rewritten = rewritten.replace(TEXT_OF, (whole, name: string) => {
    const field = fields.get(name.toLowerCase());
    if (!field || field.type !== 'picklist') {
      return whole;
    }
    const key = `zzText_${name}`;
    const value = valueOf(name, record);
    substitutions[key] = {
      type: 'literal',
      dataType: 'text',
      value: blank(value) ? '' : String(value),
      options: { length: 255 }
    };
    return key;
  });
  let identifiers: string[];
  try {
    identifiers = extract(rewritten);
  } catch (e) {
    throw new Unknown(`formulon could not read it (${(e as Error).message})`);
  }
  for (const identifier of identifiers) {
    if (substitutions[identifier]) {
      continue;
    }
    if (identifier.startsWith('$Permission.')) {
      substitutions[identifier] = { type: 'literal', dataType: 'checkbox', value: false };
      continue;
    }
    const field = fieldOf(identifier);
    substitutions[identifier] = literalFor(field, valueOf(identifier, record));
  }
  const result = parse(rewritten, substitutions) as {
    type: string;
    value?: unknown;
    message?: string;
  };
  if (result.type === 'error') {
    throw new Unknown(`formulon could not evaluate it (${result.message ?? 'error'})`);
  }
  return result.value;
}

/** Whether a validation rule's error condition is true for one of our writes. */
export function evaluateRule(
  formula: string,
  describe: DescribeResult,
  write: WriteCase
): RuleOutcome {
  try {
    const record = withDefaults(describe, write.record, write.operation === 'insert');
    const old = write.old ? withDefaults(describe, write.old, true) : null;
    const value = evaluate(formula, describe, record, old, 0);
    if (typeof value !== 'boolean') {
      return { outcome: 'unknown', reason: `it returned ${String(value)}, not true or false` };
    }
    return { outcome: value ? 'blocks' : 'passes' };
  } catch (e) {
    if (e instanceof Unknown) {
      return { outcome: 'unknown', reason: e.message };
    }
    return { outcome: 'unknown', reason: `it could not be evaluated (${(e as Error).message})` };
  }
}
