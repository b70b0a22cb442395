/**
 * Tests of the pre-fill mapping: every vector of staticresources/handoffPrefillVectors.json
 * (the same file the Apex HandoffPrefillMapperTest reads), the file's shape, and the edges the
 * vectors do not reach (number and date text, trimming, role keys, the line formats).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import {
  competitorLine,
  dateText,
  isEmptyValue,
  productLine,
  roleKeys,
  stakeholderLine,
  suggest,
  trimText,
  valueText,
  yieldOf
} from '../handoffPrefill';
import type { PrefillMapping, PrefillResult, PrefillSources } from '../handoffPrefill';

const VECTORS_PATH = join(
  __dirname,
  '..',
  '..',
  '..',
  'staticresources',
  'handoffPrefillVectors.json'
);

interface Vector {
  // eslint-disable-next-line no-restricted-globals -- a member, not window.name (Babel scope misread)
  name: string;
  mappings: PrefillMapping[] | 'shipped';
  sources: PrefillSources;
  current: Record<string, unknown>;
  expected: PrefillResult;
}

interface VectorFile {
  version: number;
  description: string;
  fieldTypes: Record<string, string>;
  shipped: PrefillMapping[];
  vectors: Vector[];
}

const file = JSON.parse(readFileSync(VECTORS_PATH, 'utf8')) as VectorFile;

const MAPPING_KEYS = [
  'active',
  'autoFill',
  'developerName',
  'priority',
  'source',
  'sourceValue',
  'targetField'
];
const SUGGESTION_KEYS = [
  'ambiguous',
  'detail',
  'displayValue',
  'field',
  'mapping',
  'source',
  'value'
];
const SOURCE_KEYS = ['competitors', 'contactRoles', 'opportunity', 'previousHandoff', 'products'];

function mappingsOf(vector: Vector): PrefillMapping[] {
  return vector.mappings === 'shipped' ? file.shipped : vector.mappings;
}

describe('the vector file', () => {
  it('is version 1 with field types, the shipped mappings and vectors', () => {
    expect(file.version).toBe(1);
    expect(Object.keys(file.fieldTypes).length).toBeGreaterThan(0);
    expect(file.shipped.length).toBeGreaterThan(0);
    expect(file.vectors.length).toBeGreaterThanOrEqual(30);
  });

  it('has unique vector names', () => {
    const names = file.vectors.map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(file.vectors.map((v) => [v.name, v]))('%s: strict shape', (_name, vector) => {
    const v = vector as Vector;
    expect(Object.keys(v).sort()).toEqual(['current', 'expected', 'mappings', 'name', 'sources']);
    expect(Object.keys(v.sources).sort()).toEqual(SOURCE_KEYS);
    for (const m of mappingsOf(v)) {
      expect(Object.keys(m).sort()).toEqual(MAPPING_KEYS);
    }
    expect(Object.keys(v.expected).sort()).toEqual(['autoFill', 'suggestions']);
    for (const s of v.expected.suggestions) {
      expect(Object.keys(s).sort()).toEqual(SUGGESTION_KEYS);
    }
  });

  it('exercises every source, every target type, ambiguity, auto-fill and never-overwrite', () => {
    const all = file.vectors.flatMap((v) => v.expected.suggestions);
    expect(new Set(all.map((s) => s.source))).toEqual(
      new Set(['Contact_Role', 'Competitor', 'Product', 'Opportunity_Field', 'Previous_Handoff'])
    );
    expect(new Set(all.map((s) => file.fieldTypes[s.field]))).toEqual(
      new Set(['reference', 'textarea', 'string', 'date'])
    );
    expect(all.some((s) => s.ambiguous)).toBe(true);
    expect(file.vectors.some((v) => Object.keys(v.expected.autoFill).length > 0)).toBe(true);
    expect(
      file.vectors.some(
        (v) =>
          Object.keys(v.current).length > 0 &&
          v.expected.suggestions.length === 0 &&
          v.mappings === 'shipped'
      )
    ).toBe(true);
  });
});

describe('conformance vectors', () => {
  it.each(file.vectors.map((v) => [v.name, v]))('%s', (_name, vector) => {
    const v = vector as Vector;
    const result = suggest({
      mappings: mappingsOf(v),
      sources: v.sources,
      current: v.current,
      fieldTypes: file.fieldTypes
    });
    expect(result).toEqual(v.expected);
  });

  it.each(file.vectors.map((v) => [v.name, v]))(
    '%s: never suggests for a filled field, at most once per field',
    (_name, vector) => {
      const v = vector as Vector;
      const fields = v.expected.suggestions.map((s) => s.field);
      expect(new Set(fields).size).toBe(fields.length);
      for (const field of fields) {
        expect(isEmptyValue(v.current[field])).toBe(true);
      }
    }
  );

  it('does not depend on the order the mappings are listed in', () => {
    for (const v of file.vectors) {
      const reversed = [...mappingsOf(v)].reverse();
      expect(
        suggest({
          mappings: reversed,
          sources: v.sources,
          current: v.current,
          fieldTypes: file.fieldTypes
        })
      ).toEqual(v.expected);
    }
  });

  it('does not change its inputs', () => {
    const v = file.vectors[0];
    const before = JSON.stringify(v);
    suggest({
      mappings: mappingsOf(v),
      sources: v.sources,
      current: v.current,
      fieldTypes: file.fieldTypes
    });
    expect(JSON.stringify(v)).toBe(before);
  });
});

describe('edges', () => {
  const none: PrefillSources = {
    contactRoles: null,
    competitors: null,
    products: null,
    opportunity: null,
    previousHandoff: null
  };
  const mapping = (over: Partial<PrefillMapping>): PrefillMapping => ({
    developerName: 'M',
    source: 'Opportunity_Field',
    sourceValue: 'NextStep',
    targetField: 'Handoff_Notes__c',
    priority: 10,
    active: true,
    autoFill: false,
    ...over
  });

  it('trims as Apex does: characters up to U+0020, not a no-break space', () => {
    expect(trimText(null)).toBe('');
    expect(trimText(undefined)).toBe('');
    expect(trimText(' \t a b \n')).toBe('a b');
    expect(trimText('\u00a0x\u00a0')).toBe('\u00a0x\u00a0');
    expect(trimText('   ')).toBe('');
  });

  it('counts null, missing and blank text as empty, anything else as filled', () => {
    expect(isEmptyValue(null)).toBe(true);
    expect(isEmptyValue(undefined)).toBe(true);
    expect(isEmptyValue(' \n')).toBe(true);
    expect(isEmptyValue('x')).toBe(false);
    expect(isEmptyValue(0)).toBe(false);
    expect(isEmptyValue(false)).toBe(false);
  });

  it('writes numbers as plain decimals', () => {
    expect(valueText(400)).toBe('400');
    expect(valueText(2.5)).toBe('2.5');
    expect(valueText(-3)).toBe('-3');
    expect(valueText(0)).toBe('0');
    expect(valueText(1e21)).toBe('1000000000000000000000');
    expect(valueText(1.5e22)).toBe('15000000000000000000000');
    expect(valueText(1e-7)).toBe('0.0000001');
    expect(valueText(-2.5e-8)).toBe('-0.000000025');
    expect(valueText(Number.NaN)).toBeNull();
    expect(valueText(Infinity)).toBeNull();
    expect(valueText(true)).toBe('true');
    expect(valueText({})).toBeNull();
    expect(valueText(null)).toBeNull();
    expect(valueText('  ')).toBeNull();
    expect(valueText(' x ')).toBe(' x ');
  });

  it('reads yyyy-mm-dd dates and the date of a date-time only', () => {
    expect(dateText('2026-03-01')).toBe('2026-03-01');
    expect(dateText(' 2026-03-01 ')).toBe('2026-03-01');
    expect(dateText('2026-03-01T10:00:00Z')).toBe('2026-03-01');
    expect(dateText('2026-03-01x')).toBeNull();
    expect(dateText('x2026-03-01')).toBeNull();
    expect(dateText('2026-13-01')).toBeNull();
    expect(dateText('2026-00-01')).toBeNull();
    expect(dateText('2026-12-00')).toBeNull();
    expect(dateText('2026-12-32')).toBeNull();
    expect(dateText('2026-12-31')).toBe('2026-12-31');
    expect(dateText('2026-01-01')).toBe('2026-01-01');
    expect(dateText('26-01-01')).toBeNull();
    expect(dateText(20260101)).toBeNull();
    expect(dateText(null)).toBeNull();
  });

  it('splits role keys on semicolons, trimmed and lower-cased', () => {
    expect(roleKeys(' A ;b;; (None) ;*')).toEqual(['a', 'b', '(none)', '*']);
    expect(roleKeys(null)).toEqual([]);
    expect(roleKeys(' ; ')).toEqual([]);
  });

  it('formats the lines', () => {
    expect(
      stakeholderLine({
        contactId: '003',
        name: ' Ann ',
        title: ' ',
        email: null,
        role: ' ',
        isPrimary: true
      })
    ).toBe('Ann | (none) (primary)');
    expect(competitorLine({ name: 'X', strengths: null, weaknesses: null })).toBe('X');
    expect(productLine({ name: 'P', quantity: null, serviceDate: ' ', description: null })).toBe(
      'P'
    );
    expect(
      productLine({ name: 'P', quantity: Number.NaN, serviceDate: null, description: 'd' })
    ).toBe('P | d');
  });

  it('treats a blank priority as last and ignores mappings that are not active', () => {
    const mappings = [
      mapping({ developerName: 'A', priority: null, sourceValue: 'Description' }),
      mapping({ developerName: 'B', priority: 99 }),
      mapping({ developerName: 'C', priority: 1, active: false })
    ];
    const sources = { ...none, opportunity: { NextStep: 'next', Description: 'desc' } };
    const result = suggest({
      mappings,
      sources,
      current: {},
      fieldTypes: { Handoff_Notes__c: 'textarea' }
    });
    expect(result.suggestions.map((s) => s.mapping)).toEqual(['B']);
  });

  it('gives a contact lookup its Id as display value when the contact has no readable name', () => {
    const sources: PrefillSources = {
      ...none,
      contactRoles: [
        {
          contactId: '003X',
          name: ' ',
          title: null,
          email: null,
          role: 'Evaluator',
          isPrimary: false
        }
      ]
    };
    const found = yieldOf(
      mapping({
        source: 'Contact_Role',
        sourceValue: 'evaluator',
        targetField: 'Handoff_Champion__c'
      }),
      'reference',
      sources
    );
    expect(found).toEqual({
      value: '003X',
      displayValue: '003X',
      detail: 'Evaluator',
      ambiguous: false
    });
  });

  it('gives nothing for a previous handoff without values or an unknown target type', () => {
    const previous = { opportunityId: '006', opportunityName: null, closeDate: null, values: {} };
    expect(
      yieldOf(mapping({ source: 'Previous_Handoff', sourceValue: null }), 'textarea', {
        ...none,
        previousHandoff: previous
      })
    ).toBeNull();
    expect(
      yieldOf(mapping({}), 'picklist', { ...none, opportunity: { NextStep: 'x' } })
    ).toBeNull();
    expect(
      yieldOf(mapping({ source: 'Competitor' }), 'date', {
        ...none,
        competitors: [{ name: 'X', strengths: null, weaknesses: null }]
      })
    ).toBeNull();
    expect(
      yieldOf(mapping({ source: 'Product' }), 'reference', {
        ...none,
        products: [{ name: 'P', quantity: 1, serviceDate: '2026-01-01', description: null }]
      })
    ).toBeNull();
  });

  it('reads a target field from fieldTypes only when it is its own key', () => {
    const result = suggest({
      mappings: [mapping({ targetField: 'toString' })],
      sources: { ...none, opportunity: { NextStep: 'x' } },
      current: {},
      fieldTypes: {}
    });
    expect(result.suggestions).toEqual([]);
  });
});
