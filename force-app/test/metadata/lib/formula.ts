/**
 * Evaluates Salesforce validation-rule and formula-field formulas offline with formulon.
 *
 * formulon has Salesforce's type rules but no record context, so this harness supplies it:
 * ISNEW(), ISCHANGED(f) and PRIORVALUE(f) are rewritten into variables set from an old and
 * a new record (with Salesforce's insert semantics: ISCHANGED is false and PRIORVALUE is the
 * new value on insert); $Permission and $CustomMetadata references are substituted from the
 * context; formula fields the formula names are evaluated first, recursively; every field
 * is typed from its own metadata so formulon applies the real type rules.
 */
import { extract, parse } from 'formulon';
import type { FieldMeta, ObjectMeta } from './metadata';

export type RecordValues = Record<string, unknown>;

export interface FormulaContext {
  /** The record after the change. */
  record: RecordValues;
  /** The record before the change; null on insert. */
  old: RecordValues | null;
  /** Custom permissions the running user holds. */
  permissions?: ReadonlySet<string>;
  /** `$CustomMetadata.Type__mdt.Record.Field__c` → value. */
  customMetadata?: Record<string, unknown>;
  /** `$User.Field` → value for the running user; `$User.Id` is RUNNING_USER_ID unless set. */
  user?: Record<string, unknown>;
  /** The clock for TODAY() and NOW() is formulon's own (the real clock). */
}

/**
 * A save's context: the record after and before it (null on insert) and the custom permissions
 * the running user holds. No custom metadata: a record rule must not depend on a record that
 * ships in the same deploy.
 */
export function saveContext(
  record: RecordValues,
  old: RecordValues | null,
  permissions: readonly string[] = []
): FormulaContext {
  return { record, old, permissions: new Set(permissions), customMetadata: {} };
}

interface Literal {
  type: 'literal';
  dataType: string;
  value: unknown;
  options?: Record<string, unknown>;
}

interface FormulonResult {
  type: string;
  value?: unknown;
  dataType?: string;
  message?: string;
}

/** The running user's Id when a context names none. */
export const RUNNING_USER_ID = '005000000000001AAA';

const ISNEW = /\bISNEW\s*\(\s*\)/gi;
const ISCHANGED = /\bISCHANGED\s*\(\s*([A-Za-z0-9_.]+)\s*\)/gi;
const PRIORVALUE = /\bPRIORVALUE\s*\(\s*([A-Za-z0-9_.]+)\s*\)/gi;
const TEXT_OF_FIELD = /\bTEXT\s*\(\s*([A-Za-z0-9_]+__c)\s*\)/gi;

function toDate(value: unknown): Date | null {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  if (value instanceof Date) {
    return value;
  }
  const d = new Date(String(value).length === 10 ? `${String(value)}T00:00:00Z` : String(value));
  if (Number.isNaN(d.getTime())) {
    throw new Error(`not a date: ${String(value)}`);
  }
  return d;
}

/** A formulon literal for a value of the given field. */
export function literalFor(field: FieldMeta, value: unknown): Literal {
  const xml = field.xml;
  const num = (k: string): number => Number(typeof xml[k] === 'string' ? xml[k] : 0);
  const blank = value === undefined || value === '' ? null : value;
  switch (field.type) {
    case 'Checkbox':
      return {
        type: 'literal',
        dataType: 'checkbox',
        value: blank === null ? false : Boolean(blank)
      };
    case 'Number':
    case 'Percent':
    case 'Currency':
      return {
        type: 'literal',
        dataType: 'number',
        value: blank === null ? null : Number(blank),
        options: { length: num('precision') - num('scale'), scale: num('scale') }
      };
    case 'Date':
      return { type: 'literal', dataType: 'date', value: toDate(blank) };
    case 'DateTime':
      return { type: 'literal', dataType: 'datetime', value: toDate(blank) };
    case 'Picklist':
      return {
        type: 'literal',
        dataType: 'picklist',
        value: blank === null ? null : String(blank),
        options: { values: field.picklistValues }
      };
    case 'MultiselectPicklist':
      return {
        type: 'literal',
        dataType: 'multipicklist',
        value: blank === null ? null : String(blank).split(';'),
        options: { values: field.picklistValues }
      };
    default:
      return {
        type: 'literal',
        dataType: 'text',
        value: blank === null ? null : String(blank),
        options: { length: num('length') || 131072 }
      };
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown): unknown => (v === undefined || v === '' ? null : v);
  const x = norm(a);
  const y = norm(b);
  if (x instanceof Date && y instanceof Date) {
    return x.getTime() === y.getTime();
  }
  return x === y;
}

/**
 * Evaluates `formula` on `object` in `context`. Returns the formula's value; throws with
 * formulon's message when the formula is invalid or names something unknown.
 */
export function evaluateFormula(
  formula: string,
  object: ObjectMeta,
  context: FormulaContext,
  depth = 0
): unknown {
  if (depth > 5) {
    throw new Error('formula fields nest more than 5 deep');
  }
  const substitutions: Record<string, Literal> = {};
  const fieldOf = (name: string): FieldMeta => {
    const field = object.fields.get(name) ?? standardIdField(object, name);
    if (!field) {
      throw new Error(`${object.name}.${name} is not a field of this project`);
    }
    return field;
  };
  const valueOf = (name: string, record: RecordValues): unknown => {
    const field = fieldOf(name);
    if (field.formula) {
      return evaluateFormula(field.formula, object, { ...context, record }, depth + 1);
    }
    return record[name];
  };

  let rewritten = formula.replace(ISNEW, () => {
    substitutions.zzIsNew = { type: 'literal', dataType: 'checkbox', value: context.old === null };
    return 'zzIsNew';
  });
  rewritten = rewritten.replace(ISCHANGED, (_m, name: string) => {
    const changed =
      context.old !== null && !sameValue(valueOf(name, context.record), valueOf(name, context.old));
    substitutions[`zzChanged_${name}`] = { type: 'literal', dataType: 'checkbox', value: changed };
    return `zzChanged_${name}`;
  });
  rewritten = rewritten.replace(PRIORVALUE, (_m, name: string) => {
    const prior = valueOf(name, context.old ?? context.record);
    substitutions[`zzPrior_${name}`] = literalFor(fieldOf(name), prior);
    return `zzPrior_${name}`;
  });

  // formulon returns "NULL" for TEXT() of a blank picklist; Salesforce returns blank text.
  rewritten = rewritten.replace(TEXT_OF_FIELD, (whole, name: string) => {
    if (fieldOf(name).type !== 'Picklist') {
      return whole;
    }
    const value = valueOf(name, context.record);
    substitutions[`zzText_${name}`] = {
      type: 'literal',
      dataType: 'text',
      value: value === null || value === undefined || value === '' ? null : String(value),
      options: { length: 255 }
    };
    return `zzText_${name}`;
  });

  for (const identifier of extract(rewritten) as string[]) {
    if (substitutions[identifier]) {
      continue;
    }
    if (identifier.startsWith('$Permission.')) {
      const name = identifier.slice('$Permission.'.length);
      substitutions[identifier] = {
        type: 'literal',
        dataType: 'checkbox',
        value: context.permissions?.has(name) ?? false
      };
    } else if (identifier.startsWith('$User.')) {
      const key = identifier.slice('$User.'.length);
      // Every save runs as someone: a context without a user runs as RUNNING_USER_ID.
      const user: Record<string, unknown> = { Id: RUNNING_USER_ID, ...context.user };
      if (!(key in user)) {
        throw new Error(`the test context does not set ${identifier}`);
      }
      const value = user[key];
      substitutions[identifier] = {
        type: 'literal',
        dataType: 'text',
        value: value === null || value === undefined ? null : String(value),
        options: { length: 255 }
      };
    } else if (identifier.startsWith('$CustomMetadata.')) {
      const key = identifier.slice('$CustomMetadata.'.length);
      if (!context.customMetadata || !(key in context.customMetadata)) {
        throw new Error(`the test context does not set ${identifier}`);
      }
      const value = context.customMetadata[key];
      substitutions[identifier] =
        typeof value === 'boolean'
          ? { type: 'literal', dataType: 'checkbox', value }
          : typeof value === 'number'
            ? { type: 'literal', dataType: 'number', value, options: { length: 16, scale: 2 } }
            : { type: 'literal', dataType: 'text', value, options: { length: 255 } };
    } else {
      const field = fieldOf(identifier);
      const value = valueOf(identifier, context.record);
      substitutions[identifier] = field.formula
        ? literalOfFormulaField(field, value)
        : literalFor(field, value);
    }
  }

  const result = parse(rewritten, substitutions) as FormulonResult;
  if (result.type === 'error') {
    throw new Error(`formulon: ${result.message ?? 'error'} in ${formula}`);
  }
  return result.value;
}

/** Standard Id fields a formula may name (OwnerId…): text of 18 characters, as Salesforce types them. */
const STANDARD_ID_FIELDS = new Set(['Id', 'OwnerId', 'CreatedById', 'LastModifiedById']);

function standardIdField(object: ObjectMeta, name: string): FieldMeta | undefined {
  if (!STANDARD_ID_FIELDS.has(name)) {
    return undefined;
  }
  return {
    object: object.name,
    name,
    path: '',
    xml: { length: '18' },
    type: 'Text',
    formula: undefined,
    label: name,
    picklistValues: []
  };
}

function literalOfFormulaField(field: FieldMeta, value: unknown): Literal {
  return literalFor(field, value);
}

/** Evaluates a validation rule: true means the save is blocked. */
export function isBlocked(
  rule: { errorConditionFormula?: unknown },
  object: ObjectMeta,
  context: FormulaContext
): boolean {
  const formula = rule.errorConditionFormula;
  if (typeof formula !== 'string') {
    throw new Error('validation rule has no errorConditionFormula');
  }
  const value = evaluateFormula(formula, object, context);
  if (typeof value !== 'boolean') {
    throw new Error(`validation rule formula returned ${String(value)}, not a boolean`);
  }
  return value;
}
