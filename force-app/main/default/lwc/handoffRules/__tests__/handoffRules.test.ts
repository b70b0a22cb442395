/**
 * Tests of the handoff rule evaluator: every conformance vector (the same file the Apex
 * HandoffRuleEvaluatorTest reads), the shape of that file, and the formatting and helper
 * functions the vectors do not reach (missing-text truncation, number edge cases).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import {
  deriveSegment,
  evaluate,
  formatMissing,
  formatNumber,
  isFilled,
  selectRuleSet
} from '../handoffRules';
import type { DealInput, FieldRule, RuleConfig, SegmentPolicy } from '../handoffRules';

// ---------------------------------------------------------------------------------------
// Loading the vectors: strict parsing, so a typo in the JSON fails loudly instead of being
// read as "absent".
// ---------------------------------------------------------------------------------------

const VECTORS_PATH = join(
  __dirname,
  '..',
  '..',
  '..',
  'staticresources',
  'handoffConformanceVectors.json'
);

interface ExpectedEvaluation {
  ruleSet: string;
  segment: string | null;
  tier: string | null;
  segmentReason: string;
  missing: string[];
  completeness: number;
  skipped: string[];
  /** Optional: the applied rules' DeveloperNames in evaluation order (the Apex test reads it too). */
  rules?: string[];
  /** Optional: the `complete` flag (the Apex test reads it too). */
  complete?: boolean;
}

interface Vector {
  // eslint-disable-next-line no-restricted-globals -- a member, not window.name (Babel scope misread)
  name: string;
  config: string;
  deal: DealInput;
  expected: ExpectedEvaluation;
}

interface VectorFile {
  version: number;
  configs: Record<string, RuleConfig>;
  vectors: Vector[];
}

type Json = Record<string, unknown>;

function fail(path: string, message: string): never {
  throw new Error(`${VECTORS_PATH} ${path}: ${message}`);
}

function record(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(path, 'expected an object');
  }
  return value as Json;
}

/** An object with exactly the required keys, and perhaps some optional ones. */
function obj(value: unknown, path: string, required: string[], optional: string[] = []): Json {
  const result = record(value, path);
  for (const key of required) {
    if (!(key in result)) {
      fail(path, `missing key "${key}"`);
    }
  }
  for (const key of Object.keys(result)) {
    if (!required.includes(key) && !optional.includes(key)) {
      fail(path, `unexpected key "${key}"`);
    }
  }
  return result;
}

function arr(value: unknown, path: string): unknown[] {
  return Array.isArray(value) ? value : fail(path, 'expected an array');
}

function str(value: unknown, path: string): string {
  return typeof value === 'string' ? value : fail(path, 'expected a string');
}

function strOrNull(value: unknown, path: string): string | null {
  return value === null ? null : str(value, path);
}

function num(value: unknown, path: string): number {
  return typeof value === 'number' && Number.isFinite(value)
    ? value
    : fail(path, 'expected a number');
}

function numOrNull(value: unknown, path: string): number | null {
  return value === null ? null : num(value, path);
}

function bool(value: unknown, path: string): boolean {
  return typeof value === 'boolean' ? value : fail(path, 'expected a boolean');
}

function parsePolicy(value: unknown, path: string): SegmentPolicy {
  const p = obj(value, path, [
    'developerName',
    'segment',
    'order',
    'minAmount',
    'minEmployees',
    'matchLogic',
    'tier',
    'active'
  ]);
  const matchLogic = str(p.matchLogic, `${path}.matchLogic`);
  if (matchLogic !== 'Any' && matchLogic !== 'All') {
    fail(`${path}.matchLogic`, 'expected Any or All');
  }
  return {
    developerName: str(p.developerName, `${path}.developerName`),
    segment: str(p.segment, `${path}.segment`),
    order: num(p.order, `${path}.order`),
    minAmount: numOrNull(p.minAmount, `${path}.minAmount`),
    minEmployees: numOrNull(p.minEmployees, `${path}.minEmployees`),
    matchLogic,
    tier: str(p.tier, `${path}.tier`),
    active: bool(p.active, `${path}.active`)
  };
}

function parseRule(value: unknown, path: string): FieldRule {
  const r = obj(
    value,
    path,
    [
      'developerName',
      'fieldApiName',
      'ruleSet',
      'segment',
      'requirement',
      'section',
      'order',
      'weight',
      'active'
    ],
    ['guidance']
  );
  const requirement = str(r.requirement, `${path}.requirement`);
  if (requirement !== 'Required' && requirement !== 'Optional') {
    fail(`${path}.requirement`, 'expected Required or Optional');
  }
  return {
    developerName: str(r.developerName, `${path}.developerName`),
    fieldApiName: str(r.fieldApiName, `${path}.fieldApiName`),
    ruleSet: str(r.ruleSet, `${path}.ruleSet`),
    segment: str(r.segment, `${path}.segment`),
    requirement,
    section: str(r.section, `${path}.section`),
    order: num(r.order, `${path}.order`),
    weight: numOrNull(r.weight, `${path}.weight`),
    guidance: r.guidance === undefined ? undefined : strOrNull(r.guidance, `${path}.guidance`),
    active: bool(r.active, `${path}.active`)
  };
}

function parseConfig(value: unknown, path: string): RuleConfig {
  const c = obj(value, path, ['settings', 'segmentPolicies', 'fieldRules']);
  const settings = obj(c.settings, `${path}.settings`, ['expansionOpportunityTypes']);
  return {
    settings: {
      expansionOpportunityTypes: arr(
        settings.expansionOpportunityTypes,
        `${path}.settings.expansionOpportunityTypes`
      ).map((t, i) => str(t, `${path}.settings.expansionOpportunityTypes[${i}]`))
    },
    segmentPolicies: arr(c.segmentPolicies, `${path}.segmentPolicies`).map<SegmentPolicy>((p, i) =>
      parsePolicy(p, `${path}.segmentPolicies[${i}]`)
    ),
    fieldRules: arr(c.fieldRules, `${path}.fieldRules`).map<FieldRule>((r, i) =>
      parseRule(r, `${path}.fieldRules[${i}]`)
    )
  };
}

function parseVector(value: unknown, path: string): Vector {
  const v = obj(value, path, ['name', 'config', 'deal', 'expected']);
  const d = obj(v.deal, `${path}.deal`, [
    'amount',
    'employees',
    'type',
    'segmentOverride',
    'values'
  ]);
  const e = obj(
    v.expected,
    `${path}.expected`,
    ['ruleSet', 'segment', 'tier', 'segmentReason', 'missing', 'completeness', 'skipped'],
    ['rules', 'complete']
  );
  const rawValues = record(d.values, `${path}.deal.values`);
  for (const [field, fieldValue] of Object.entries(rawValues)) {
    const ok = fieldValue === null || ['string', 'number', 'boolean'].includes(typeof fieldValue);
    if (!ok) {
      fail(`${path}.deal.values.${field}`, 'expected a string, number, boolean or null');
    }
  }
  return {
    name: str(v.name, `${path}.name`),
    config: str(v.config, `${path}.config`),
    deal: {
      amount: numOrNull(d.amount, `${path}.deal.amount`),
      employees: numOrNull(d.employees, `${path}.deal.employees`),
      type: strOrNull(d.type, `${path}.deal.type`),
      segmentOverride: strOrNull(d.segmentOverride, `${path}.deal.segmentOverride`),
      values: { ...rawValues }
    },
    expected: {
      ruleSet: str(e.ruleSet, `${path}.expected.ruleSet`),
      segment: strOrNull(e.segment, `${path}.expected.segment`),
      tier: strOrNull(e.tier, `${path}.expected.tier`),
      segmentReason: str(e.segmentReason, `${path}.expected.segmentReason`),
      missing: arr(e.missing, `${path}.expected.missing`).map((m, i) =>
        str(m, `${path}.expected.missing[${i}]`)
      ),
      completeness: num(e.completeness, `${path}.expected.completeness`),
      skipped: arr(e.skipped, `${path}.expected.skipped`).map((s, i) =>
        str(s, `${path}.expected.skipped[${i}]`)
      ),
      ...(e.rules === undefined
        ? {}
        : {
            rules: arr(e.rules, `${path}.expected.rules`).map((r, i) =>
              str(r, `${path}.expected.rules[${i}]`)
            )
          }),
      ...(e.complete === undefined
        ? {}
        : { complete: bool(e.complete, `${path}.expected.complete`) })
    }
  };
}

function loadVectorFile(): VectorFile {
  const raw: unknown = JSON.parse(readFileSync(VECTORS_PATH, 'utf8'));
  const file = obj(raw, '$', ['version', 'configs', 'vectors']);
  const configsJson = record(file.configs, '$.configs');
  const configs: Record<string, RuleConfig> = {};
  for (const [name, config] of Object.entries(configsJson)) {
    configs[name] = parseConfig(config, `$.configs.${name}`);
  }
  return {
    version: num(file.version, '$.version'),
    configs,
    vectors: arr(file.vectors, '$.vectors').map((v, i) => parseVector(v, `$.vectors[${i}]`))
  };
}

const vectorFile = loadVectorFile();

/**
 * The Opportunity fields that exist in the org: every Opportunity field of the contract
 * (docs/behaviour.md, "Opportunity fields") and the standard fields the vectors use. `Handoff_Does_Not_Exist__c`
 * and `Account.Name` are deliberately absent.
 */
const OPPORTUNITY_FIELDS: ReadonlySet<string> = new Set([
  'Id',
  'Name',
  'AccountId',
  'Amount',
  'CloseDate',
  'StageName',
  'Type',
  'Probability',
  'IsPrivate',
  'Description',
  'NextStep',
  'LeadSource',
  'OwnerId',
  'TotalOpportunityQuantity',
  'Handoff_Customer_Goals__c',
  'Handoff_Business_Pain__c',
  'Handoff_Champion__c',
  'Handoff_Executive_Sponsor__c',
  'Handoff_Technical_Contact__c',
  'Handoff_Scope__c',
  'Handoff_Integrations__c',
  'Handoff_Commitments__c',
  'Handoff_Risks__c',
  'Handoff_Communication_Preferences__c',
  'Handoff_Target_Go_Live__c',
  'Handoff_Competitive_Context__c',
  'Handoff_Contract_Notes__c',
  'Handoff_Notes__c',
  'Handoff_Stakeholders__c',
  'Handoff_Segment__c',
  'Handoff_Segment_Override__c',
  'Handoff_Segment_Reason__c',
  'Handoff_Tier__c',
  'Handoff_Missing_Fields__c',
  'Handoff_Missing_Count__c',
  'Handoff_Completeness__c',
  'Handoff_Entering_Won__c',
  'Handoff_Rule_Set__c',
  'Handoff_Exception_Status__c',
  'Handoff_Exception_Reason__c',
  'Handoff_Exception_Due_Date__c',
  'Handoff_Exception_Requested_At__c',
  'Handoff_Exception_Approver__c',
  'Handoff_Exception_Decided_At__c',
  'Handoff_Exception_Active__c'
]);

// ---------------------------------------------------------------------------------------
// (c) The vectors file itself
// ---------------------------------------------------------------------------------------

describe('conformance vectors file', () => {
  it('is version 1 and holds at least 40 vectors', () => {
    expect(vectorFile.version).toBe(1);
    expect(vectorFile.vectors.length).toBeGreaterThanOrEqual(40);
  });

  it('names only configs that exist', () => {
    const unknown = vectorFile.vectors
      .filter((v) => !Object.prototype.hasOwnProperty.call(vectorFile.configs, v.config))
      .map((v) => `${v.name} → ${v.config}`);
    expect(unknown).toEqual([]);
  });

  it('gives every vector a unique name', () => {
    const names = vectorFile.vectors.map((v) => v.name);
    const duplicates = names.filter((n, i) => names.indexOf(n) !== i);
    expect(duplicates).toEqual([]);
  });

  it('uses every config in at least one vector', () => {
    const used = new Set(vectorFile.vectors.map((v) => v.config));
    expect(Object.keys(vectorFile.configs).filter((c) => !used.has(c))).toEqual([]);
  });

  it('has a shipped config whose records follow the DeveloperName convention', () => {
    const shipped = vectorFile.configs.shipped;
    expect(shipped).toBeDefined();
    const segmentToken: Record<string, string> = {
      All: 'All',
      Enterprise: 'Enterprise',
      'Mid-Market': 'Mid_Market',
      SMB: 'SMB'
    };
    const wrong = shipped.fieldRules
      .filter((r) => {
        const prefix = r.ruleSet === 'Expansion' ? 'EX' : r.ruleSet === 'New Business' ? 'NB' : '?';
        const short = r.fieldApiName.replace(/^Handoff_/, '').replace(/__c$/, '');
        return (
          r.developerName !== `${prefix}_${segmentToken[r.segment] ?? '?'}_${short}` || !r.active
        );
      })
      .map((r) => r.developerName);
    expect(wrong).toEqual([]);
    expect(shipped.segmentPolicies.map((p) => p.developerName)).toEqual([
      'Enterprise',
      'Mid_Market',
      'SMB'
    ]);
  });

  it('gives each New Business field in the shipped config one All record or one record per segment, with one weight', () => {
    const byField = new Map<string, FieldRule[]>();
    for (const rule of vectorFile.configs.shipped.fieldRules.filter(
      (r) => r.ruleSet === 'New Business'
    )) {
      byField.set(rule.fieldApiName, [...(byField.get(rule.fieldApiName) ?? []), rule]);
    }
    expect(byField.size).toBe(15);
    const problems: string[] = [];
    for (const [field, rules] of byField) {
      const shape = rules
        .map((r) => r.segment)
        .sort()
        .join(',');
      const requirements = new Set(rules.map((r) => r.requirement));
      if (shape !== 'All' && shape !== 'Enterprise,Mid-Market,SMB') {
        problems.push(`${field}: records for ${shape}`);
      }
      if (new Set(rules.map((r) => `${r.weight}|${r.order}|${r.section}`)).size !== 1) {
        problems.push(`${field}: weight, order or section differs between segments`);
      }
      if (shape !== 'All' && requirements.size !== 2) {
        // a per-segment split exists only because the requirement differs somewhere
        problems.push(`${field}: split per segment with one requirement`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('covers every shipped segment under both rule sets', () => {
    const covered = new Set(
      vectorFile.vectors
        .filter((v) => v.config === 'shipped')
        .map((v) => `${v.expected.ruleSet}|${v.expected.segment}`)
    );
    for (const key of [
      'New Business|Enterprise',
      'New Business|Mid-Market',
      'New Business|SMB',
      'Expansion|Enterprise',
      'Expansion|Mid-Market',
      'Expansion|SMB'
    ]) {
      expect(covered).toContain(key);
    }
  });
});

// ---------------------------------------------------------------------------------------
// (a) Every vector through evaluate()
// ---------------------------------------------------------------------------------------

describe('evaluate() against the conformance vectors', () => {
  test.each(vectorFile.vectors)('$name', (vector) => {
    const config = vectorFile.configs[vector.config];
    const result = evaluate(vector.deal, config, { knownFields: OPPORTUNITY_FIELDS });

    expect({
      ruleSet: result.ruleSet,
      segment: result.segment,
      tier: result.tier,
      segmentReason: result.segmentReason,
      missing: result.missing,
      completeness: result.completeness,
      skipped: result.skipped.map((s) => s.developerName),
      ...('rules' in vector.expected ? { rules: result.rules.map((r) => r.developerName) } : {}),
      ...('complete' in vector.expected ? { complete: result.complete } : {})
    }).toEqual(vector.expected);

    // invariants every evaluation keeps
    expect(result.complete).toBe(result.missing.length === 0);
    const requiredBlank = result.rules
      .filter((r) => r.requirement === 'Required' && !r.filled)
      .map((r) => r.fieldApiName);
    expect(result.missing).toEqual(requiredBlank);
    for (const skipped of result.skipped) {
      expect(result.rules.map((r) => r.developerName)).not.toContain(skipped.developerName);
      expect(skipped.reason).toContain(skipped.fieldApiName);
    }
  });
});

// ---------------------------------------------------------------------------------------
// (b) Units
// ---------------------------------------------------------------------------------------

describe('isFilled', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['empty string', ''],
    ['spaces', '   '],
    ['tab, newline, CR, vertical tab, form feed', '\t\n\r\u000b\f'],
    ['ideographic space and em space', '\u3000\u2003'],
    ['line and paragraph separators', '\u2028\u2029'],
    ['checkbox false', false]
  ])('%s is not filled', (_label, value) => {
    expect(isFilled(value)).toBe(false);
  });

  it.each([
    ['text', 'Goals'],
    ['text with surrounding whitespace', '  x  '],
    ['non-ASCII text', 'ß'],
    ['emoji', '🚀'],
    // Apex String.isBlank (Java Character.isWhitespace) does not treat no-break spaces as blank
    ['no-break space', '\u00a0'],
    ['lookup Id', '003000000000001'],
    ['date string', '2026-12-01'],
    ['number 0', 0],
    ['negative number', -1],
    ['checkbox true', true],
    ['Date object', new Date(0)],
    ['object', {}]
  ])('%s is filled', (_label, value) => {
    expect(isFilled(value)).toBe(true);
  });
});

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [250000, '250,000'],
    [1000000, '1,000,000'],
    [1234567.891, '1,234,567.89'],
    [99999.5, '99,999.50'],
    [12.1, '12.10'],
    [0.5, '0.50'],
    [0.005, '0.01'],
    [0.004, '0'],
    [1.005, '1.01'],
    [2.675, '2.68'],
    [999.995, '1,000'],
    [999999.999, '1,000,000'],
    [-1234.5, '-1,234.50'],
    [-1000, '-1,000'],
    [-0.005, '-0.01'],
    [-0.001, '0'],
    [-0, '0'],
    [1e21, '1,000,000,000,000,000,000,000'],
    [1.5e-7, '0'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity']
  ])('formats %p as %p', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });
});

describe('formatMissing', () => {
  const label = (char: string, length: number): string => char.repeat(length);

  it('returns an empty string for no labels', () => {
    expect(formatMissing([])).toBe('');
  });

  it('joins labels with "; " when they fit', () => {
    expect(formatMissing(['Customer Goals', 'Champion', 'Target Go-Live'])).toBe(
      'Customer Goals; Champion; Target Go-Live'
    );
  });

  it('keeps a text of exactly 255 characters whole and truncates at 256', () => {
    const labels = [label('a', 69), label('b', 60), label('c', 60), label('d', 60)];
    expect(labels.join('; ')).toHaveLength(255);
    expect(formatMissing(labels)).toBe(labels.join('; '));

    const longer = [label('a', 70), ...labels.slice(1)];
    const text = formatMissing(longer);
    expect(text).toBe(`${longer.slice(0, 3).join('; ')}; and 1 more`);
    expect(text.length).toBeLessThanOrEqual(255);
  });

  it('keeps the longest prefix that fits with "; and N more"', () => {
    const labels = Array.from({ length: 10 }, (_, i) => label(String(i), 30));
    const text = formatMissing(labels);
    expect(text).toBe(`${labels.slice(0, 7).join('; ')}; and 3 more`);
    expect(text).toHaveLength(234);
  });

  it('counts a two-digit remainder in the length', () => {
    const labels = Array.from({ length: 30 }, (_, i) =>
      label(String.fromCharCode(65 + (i % 26)), 20)
    );
    const text = formatMissing(labels);
    expect(text).toBe(`${labels.slice(0, 11).join('; ')}; and 19 more`);
    expect(text).toHaveLength(253);
  });

  it('accepts a text that fits the maximum exactly', () => {
    const labels = ['aaaa', 'bbbb', 'cccc', 'dddd', 'eeee'];
    expect(formatMissing(labels, 22)).toBe('aaaa; bbbb; and 3 more');
    expect(formatMissing(labels, 21)).toBe('aaaa; and 4 more');
  });

  it('gives "<n> required fields" when not even one label fits (k = 0)', () => {
    const labels = [label('x', 40), 'Champion', 'Scope'];
    expect(formatMissing(labels, 20)).toBe('3 required fields');
    expect(formatMissing([label('x', 300)])).toBe('1 required fields');
  });

  it('honours a custom maxLength', () => {
    const labels = ['Customer Goals', 'Champion', 'Target Go-Live'];
    expect(formatMissing(labels, 40)).toBe('Customer Goals; Champion; Target Go-Live');
    expect(formatMissing(labels, 39)).toBe('Customer Goals; Champion; and 1 more');
    expect(formatMissing(labels, 30)).toBe('Customer Goals; and 2 more');
  });

  it('measures non-ASCII labels in UTF-16 code units, as Apex does', () => {
    const accented = [label('é', 100), label('é', 100), label('é', 100)];
    expect(formatMissing(accented)).toBe(`${accented.slice(0, 2).join('; ')}; and 1 more`);

    // 50 emoji = 100 code units each: 304 units in all (154 code points would have fitted)
    const emoji = [label('🎯', 50), label('🎯', 50), label('🎯', 50)];
    const text = formatMissing(emoji);
    expect(text).toBe(`${emoji.slice(0, 2).join('; ')}; and 1 more`);
    expect(text).toHaveLength(214);

    expect(formatMissing(['Kundenziele', 'Ansprechpartner für Technik', '東京'])).toBe(
      'Kundenziele; Ansprechpartner für Technik; 東京'
    );
  });
});

describe('selectRuleSet', () => {
  const settings = { expansionOpportunityTypes: ['Renewal', 'Existing Customer - Upgrade', ''] };

  it.each([
    ['Renewal', 'Expansion'],
    [' renewal ', 'Expansion'],
    ['RENEWAL', 'Expansion'],
    ['existing customer - upgrade', 'Expansion'],
    ['Renewals', 'New Business'],
    ['New Customer', 'New Business'],
    ['', 'New Business'],
    ['   ', 'New Business']
  ])('type %p → %p', (type, expected) => {
    expect(selectRuleSet(type, settings)).toBe(expected);
  });

  it('treats a null type as New Business', () => {
    expect(selectRuleSet(null, settings)).toBe('New Business');
  });

  it('is New Business for every type when no expansion types are set', () => {
    expect(selectRuleSet('Renewal', { expansionOpportunityTypes: [] })).toBe('New Business');
  });
});

describe('deriveSegment', () => {
  const policy = (overrides: Partial<SegmentPolicy>): SegmentPolicy => ({
    developerName: 'P',
    segment: 'P',
    order: 10,
    minAmount: null,
    minEmployees: null,
    matchLogic: 'Any',
    tier: 'Low-Touch',
    active: true,
    ...overrides
  });
  const deal = (overrides: Partial<DealInput>): DealInput => ({
    amount: null,
    employees: null,
    type: null,
    segmentOverride: null,
    values: {},
    ...overrides
  });
  const shipped: readonly SegmentPolicy[] = vectorFile.configs.shipped.segmentPolicies;

  it('tries policies by order, not by list position', () => {
    const policies = [
      policy({ developerName: 'Catch', segment: 'SMB', order: 30 }),
      policy({
        developerName: 'Big',
        segment: 'Enterprise',
        order: 10,
        minAmount: 100,
        tier: 'High-Touch'
      })
    ];
    expect(deriveSegment(deal({ amount: 100 }), policies)).toEqual({
      segment: 'Enterprise',
      tier: 'High-Touch',
      reason: 'Enterprise: amount 100 at or above 100'
    });
    expect(deriveSegment(deal({ amount: 99 }), policies).segment).toBe('SMB');
  });

  it('breaks an order tie by DeveloperName', () => {
    const policies = [
      policy({ developerName: 'B_Second', segment: 'Second', order: 10 }),
      policy({ developerName: 'A_First', segment: 'First', order: 10 })
    ];
    expect(deriveSegment(deal({}), policies).segment).toBe('First');
  });

  it('ignores inactive policies', () => {
    const policies = [
      policy({ developerName: 'Off', segment: 'Off', order: 1, active: false }),
      policy({ developerName: 'On', segment: 'On', order: 2 })
    ];
    expect(deriveSegment(deal({}), policies).segment).toBe('On');
  });

  it('lets a zero minimum be met by zero but never by a blank value', () => {
    const policies = [
      policy({ developerName: 'Zero', segment: 'Zero', minAmount: 0 }),
      policy({ developerName: 'Rest', segment: 'Rest', order: 20 })
    ];
    expect(deriveSegment(deal({ amount: 0 }), policies).reason).toBe(
      'Zero: amount 0 at or above 0'
    );
    expect(deriveSegment(deal({ amount: null }), policies).reason).toBe('Rest: no higher band met');
  });

  it('requires both minimums with All and either with Any', () => {
    const all = [policy({ segment: 'X', minAmount: 10, minEmployees: 5, matchLogic: 'All' })];
    const any = [policy({ segment: 'X', minAmount: 10, minEmployees: 5, matchLogic: 'Any' })];
    expect(deriveSegment(deal({ amount: 10, employees: 4 }), all).segment).toBeNull();
    expect(deriveSegment(deal({ amount: 10, employees: 5 }), all).reason).toBe(
      'X: amount 10 at or above 10 and 5 employees at or above 5'
    );
    expect(deriveSegment(deal({ amount: 9, employees: 5 }), any).reason).toBe(
      'X: 5 employees at or above 5'
    );
    expect(deriveSegment(deal({ amount: 9, employees: 4 }), any).reason).toBe(
      'No segment policy matched'
    );
  });

  it('formats fractional minimums in the reason', () => {
    const policies = [policy({ segment: 'X', minAmount: 99999.5 })];
    expect(deriveSegment(deal({ amount: 123456.78 }), policies).reason).toBe(
      'X: amount 123,456.78 at or above 99,999.50'
    );
  });

  it('uses the shipped bands', () => {
    expect(deriveSegment(deal({ amount: 250000 }), shipped)).toEqual({
      segment: 'Enterprise',
      tier: 'High-Touch',
      reason: 'Enterprise: amount 250,000 at or above 100,000'
    });
    expect(deriveSegment(deal({ employees: 200 }), shipped)).toEqual({
      segment: 'Mid-Market',
      tier: 'Low-Touch',
      reason: 'Mid-Market: 200 employees at or above 200'
    });
  });

  it('lets a trimmed override win, matching its policy case-insensitively for the tier', () => {
    expect(deriveSegment(deal({ amount: 250000, segmentOverride: '  SMB ' }), shipped)).toEqual({
      segment: 'SMB',
      tier: 'Low-Touch',
      reason: 'SMB: set by Sales manager override (bands say Enterprise)'
    });
    expect(deriveSegment(deal({ segmentOverride: 'enterprise' }), shipped)).toEqual({
      segment: 'enterprise',
      tier: 'High-Touch',
      reason: 'enterprise: set by Sales manager override (bands say SMB)'
    });
  });

  it('gives an unknown override a null tier', () => {
    expect(deriveSegment(deal({ segmentOverride: 'Strategic' }), shipped)).toEqual({
      segment: 'Strategic',
      tier: null,
      reason: 'Strategic: set by Sales manager override (bands say SMB)'
    });
  });

  it('reports no active policy', () => {
    const expected = { segment: null, tier: null, reason: 'No active segment policy' };
    expect(deriveSegment(deal({ amount: 1 }), [])).toEqual(expected);
    expect(deriveSegment(deal({ amount: 1 }), [policy({ active: false })])).toEqual(expected);
  });
});

describe('evaluate (beyond the vectors)', () => {
  const rule = (overrides: Partial<FieldRule>): FieldRule => ({
    developerName: 'NB_All_Customer_Goals',
    fieldApiName: 'Handoff_Customer_Goals__c',
    ruleSet: 'New Business',
    segment: 'All',
    requirement: 'Required',
    section: 'Customer & Goals',
    order: 10,
    weight: 1,
    guidance: 'Top outcomes.',
    active: true,
    ...overrides
  });
  const config = (fieldRules: FieldRule[]): RuleConfig => ({
    settings: { expansionOpportunityTypes: ['Renewal'] },
    segmentPolicies: [
      {
        developerName: 'SMB',
        segment: 'SMB',
        order: 30,
        minAmount: null,
        minEmployees: null,
        matchLogic: 'Any',
        tier: 'Low-Touch',
        active: true
      }
    ],
    fieldRules
  });
  const deal = (values: Record<string, unknown>): DealInput => ({
    amount: null,
    employees: null,
    type: 'New Customer',
    segmentOverride: null,
    values
  });

  it('without knownFields counts every well-formed field but still skips Account.Name', () => {
    const result = evaluate(
      deal({}),
      config([
        rule({ developerName: 'NB_All_Bad', fieldApiName: 'Handoff_Does_Not_Exist__c' }),
        rule({ developerName: 'NB_All_Account_Name', fieldApiName: 'Account.Name', order: 20 })
      ])
    );
    expect(result.missing).toEqual(['Handoff_Does_Not_Exist__c']);
    expect(result.skipped).toEqual([
      {
        developerName: 'NB_All_Account_Name',
        fieldApiName: 'Account.Name',
        reason: 'Field Account.Name does not exist on Opportunity'
      }
    ]);
  });

  it('matches knownFields and value keys case-insensitively', () => {
    const result = evaluate(
      deal({ HANDOFF_CUSTOMER_GOALS__C: 'Goals.' }),
      config([rule({ fieldApiName: 'handoff_customer_goals__c' })]),
      { knownFields: new Set(['Handoff_Customer_Goals__c']) }
    );
    expect(result.skipped).toEqual([]);
    expect(result.missing).toEqual([]);
    expect(result.rules.map((r) => r.filled)).toEqual([true]);
  });

  it('returns applied rules with every rule property and the filled flag', () => {
    const result = evaluate(deal({ Handoff_Customer_Goals__c: 'Goals.' }), config([rule({})]));
    expect(result.rules).toEqual([{ ...rule({}), filled: true }]);
    expect(result.complete).toBe(true);
  });

  it('resolves two rules of equal precedence for one field by the smaller DeveloperName', () => {
    const result = evaluate(
      deal({}),
      config([
        rule({ developerName: 'NB_All_Z', requirement: 'Required' }),
        rule({ developerName: 'NB_All_A', requirement: 'Optional' })
      ])
    );
    expect(result.rules.map((r) => r.developerName)).toEqual(['NB_All_A']);
    expect(result.missing).toEqual([]);
    expect(result.complete).toBe(true);
  });

  it('counts the integer part of a fractional weight, and at least 1', () => {
    const result = evaluate(
      deal({ Handoff_Customer_Goals__c: 'Goals.' }),
      config([
        rule({ weight: 2.7 }),
        rule({ developerName: 'NB_All_Notes', fieldApiName: 'Handoff_Notes__c', weight: 0.4 })
      ])
    );
    expect(result.completeness).toBe(67);
  });

  it('does not mutate its inputs', () => {
    const rules = [
      rule({ developerName: 'NB_All_Notes', fieldApiName: 'Handoff_Notes__c', order: 140 }),
      rule({})
    ];
    const cfg = config(rules);
    const snapshot = JSON.stringify(cfg);
    evaluate(deal({}), cfg);
    expect(JSON.stringify(cfg)).toBe(snapshot);
  });

  it('is deterministic whatever the order of the rules', () => {
    const cfg = vectorFile.configs.shipped;
    const reversed: RuleConfig = {
      ...cfg,
      fieldRules: [...cfg.fieldRules].reverse(),
      segmentPolicies: [...cfg.segmentPolicies].reverse()
    };
    const input: DealInput = { ...deal({}), amount: 30000 };
    expect(evaluate(input, reversed)).toEqual(evaluate(input, cfg));
  });
});

describe('whitespace as Apex String.isBlank sees it (Java Character.isWhitespace)', () => {
  // Each range's first and last member is blank, and the code points on either side are not.
  const blank = [
    0x09, 0x0d, 0x1c, 0x1f, 0x20, 0x1680, 0x2000, 0x2006, 0x2008, 0x200a, 0x2028, 0x2029, 0x205f,
    0x3000
  ];
  const notBlank = [
    0x08, 0x0e, 0x1b, 0x21, 0x85, 0xa0, 0x167f, 0x1681, 0x1fff, 0x2007, 0x200b, 0x2027, 0x202a,
    0x202f, 0x205e, 0x2060, 0x2fff, 0x3001
  ];

  test.each(blank.map((code) => [code.toString(16)]))('U+%s alone is blank', (hex) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    expect(isFilled(char)).toBe(false);
    expect(isFilled(` ${char}\t`)).toBe(false);
  });

  test.each(notBlank.map((code) => [code.toString(16)]))('U+%s alone is filled', (hex) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    expect(isFilled(char)).toBe(true);
    expect(isFilled(` ${char}\t`)).toBe(true);
  });
});

describe('formatNumber (tiny and carried values)', () => {
  it('rounds values below a thousandth (exponent form) to 0, without a sign', () => {
    expect(formatNumber(0.0000015)).toBe('0');
    expect(formatNumber(-0.0000015)).toBe('0');
    expect(formatNumber(0.000005)).toBe('0');
  });

  it('rounds 0.005 and 0.0049 at the half-cent boundary', () => {
    expect(formatNumber(0.005)).toBe('0.01');
    expect(formatNumber(0.0049)).toBe('0');
    expect(formatNumber(-0.005)).toBe('-0.01');
  });

  it('carries a rounded fraction into the whole part and its grouping', () => {
    expect(formatNumber(0.995)).toBe('1');
    expect(formatNumber(999.995)).toBe('1,000');
    expect(formatNumber(1e21)).toBe('1,000,000,000,000,000,000,000');
  });
});

describe('selectRuleSet and deriveSegment with bad settings and policies', () => {
  const policy = (overrides: Partial<SegmentPolicy>): SegmentPolicy => ({
    developerName: 'SMB',
    segment: 'SMB',
    order: 30,
    minAmount: null,
    minEmployees: null,
    matchLogic: 'Any',
    tier: 'Low-Touch',
    active: true,
    ...overrides
  });
  const smallDeal: DealInput = {
    amount: 10,
    employees: 1,
    type: null,
    segmentOverride: null,
    values: {}
  };

  it('never matches a null Type to a null entry in the expansion types', () => {
    const settings = { expansionOpportunityTypes: [null as unknown as string, 'Renewal'] };
    expect(selectRuleSet(null, settings)).toBe('New Business');
    expect(selectRuleSet('Renewal', settings)).toBe('Expansion');
  });

  it('reads missing expansion types as none', () => {
    const settings = { expansionOpportunityTypes: null as unknown as string[] };
    expect(selectRuleSet('Renewal', settings)).toBe('New Business');
  });

  it('gives a null tier for an empty, blank or missing tier, and keeps a tier as written', () => {
    for (const tier of ['', '  \t', null as unknown as string, undefined as unknown as string]) {
      expect(deriveSegment(smallDeal, [policy({ tier })])).toEqual({
        segment: 'SMB',
        tier: null,
        reason: 'SMB: no higher band met'
      });
    }
    expect(deriveSegment(smallDeal, [policy({ tier: ' Low-Touch ' })]).tier).toBe(' Low-Touch ');
  });

  it('gives an override the tier of its policy even when that policy is missing its tier', () => {
    const result = deriveSegment({ ...smallDeal, segmentOverride: 'smb' }, [
      policy({ tier: null as unknown as string })
    ]);
    expect(result).toEqual({
      segment: 'smb',
      tier: null,
      reason: 'smb: set by Sales manager override (bands say SMB)'
    });
  });

  it('matches an amount-only policy with All logic on the amount alone', () => {
    const only = policy({
      developerName: 'Big',
      segment: 'Big',
      order: 1,
      minAmount: 50,
      matchLogic: 'All',
      tier: 'T'
    });
    expect(deriveSegment({ ...smallDeal, amount: 50 }, [only]).reason).toBe(
      'Big: amount 50 at or above 50'
    );
    expect(deriveSegment({ ...smallDeal, amount: 49.99 }, [only]).reason).toBe(
      'No segment policy matched'
    );
  });
});

describe('evaluate: field names, precedence and section order', () => {
  const rule = (overrides: Partial<FieldRule>): FieldRule => ({
    developerName: 'NB_All_Notes',
    fieldApiName: 'Handoff_Notes__c',
    ruleSet: 'New Business',
    segment: 'All',
    requirement: 'Required',
    section: 'Notes',
    order: 10,
    weight: 1,
    active: true,
    ...overrides
  });
  const cfg = (fieldRules: FieldRule[], segmentPolicies: SegmentPolicy[] = []): RuleConfig => ({
    settings: { expansionOpportunityTypes: [] },
    segmentPolicies,
    fieldRules
  });
  const deal = (values: Record<string, unknown>): DealInput => ({
    amount: null,
    employees: null,
    type: null,
    segmentOverride: null,
    values
  });

  it('trims field API names in the rule, in knownFields and when reading the value', () => {
    const result = evaluate(
      deal({ Handoff_Notes__c: 'Noted.' }),
      cfg([rule({ fieldApiName: '  Handoff_Notes__c ' })]),
      { knownFields: new Set([' handoff_notes__c  ']) }
    );
    expect(result.skipped).toEqual([]);
    expect(result.rules.map((r) => [r.developerName, r.filled])).toEqual([['NB_All_Notes', true]]);
    expect(result.missing).toEqual([]);
  });

  it('treats padded spellings of one field as one field (one rule wins)', () => {
    const result = evaluate(
      deal({}),
      cfg([
        rule({ developerName: 'NB_All_B', fieldApiName: 'Handoff_Notes__c ' }),
        rule({
          developerName: 'NB_All_A',
          fieldApiName: ' HANDOFF_NOTES__C',
          requirement: 'Optional'
        })
      ])
    );
    expect(result.rules.map((r) => r.developerName)).toEqual(['NB_All_A']);
    expect(result.missing).toEqual([]);
  });

  it('reads the exact value key before a key that differs only in case', () => {
    const result = evaluate(
      deal({ HANDOFF_NOTES__C: '', Handoff_Notes__c: 'Noted.' }),
      cfg([rule({})])
    );
    expect(result.rules[0].filled).toBe(true);
    const other = evaluate(
      deal({ HANDOFF_NOTES__C: 'Noted.', Handoff_Notes__c: ' ' }),
      cfg([rule({})])
    );
    expect(other.rules[0].filled).toBe(false);
    expect(other.missing).toEqual(['Handoff_Notes__c']);
  });

  it('keeps the first-listed of two All rules when its DeveloperName is the smaller', () => {
    const result = evaluate(
      deal({}),
      cfg([
        rule({ developerName: 'NB_All_A', requirement: 'Optional' }),
        rule({ developerName: 'NB_All_Z', requirement: 'Required' })
      ])
    );
    expect(result.rules.map((r) => r.developerName)).toEqual(['NB_All_A']);
    expect(result.complete).toBe(true);
  });

  it('never applies a rule with a blank segment, even to a deal with no segment', () => {
    const result = evaluate(
      deal({}),
      cfg([
        rule({ developerName: 'NB_Blank_Notes', segment: '  ' }),
        rule({ developerName: 'NB_All_Risks', fieldApiName: 'Handoff_Risks__c' })
      ])
    );
    expect(result.segment).toBeNull();
    expect(result.rules.map((r) => r.developerName)).toEqual(['NB_All_Risks']);
    expect(result.missing).toEqual(['Handoff_Risks__c']);
  });

  it('places a section by its smallest order even when that rule is listed first', () => {
    const result = evaluate(
      deal({}),
      cfg([
        rule({
          developerName: 'NB_All_Goals',
          fieldApiName: 'Handoff_Customer_Goals__c',
          section: 'Late',
          order: 1
        }),
        rule({
          developerName: 'NB_All_Scope',
          fieldApiName: 'Handoff_Scope__c',
          section: 'Early',
          order: 5
        }),
        rule({
          developerName: 'NB_All_Risks',
          fieldApiName: 'Handoff_Risks__c',
          section: 'Late',
          order: 90
        })
      ])
    );
    expect(result.rules.map((r) => r.developerName)).toEqual([
      'NB_All_Goals',
      'NB_All_Risks',
      'NB_All_Scope'
    ]);
    expect(result.missing).toEqual([
      'Handoff_Customer_Goals__c',
      'Handoff_Risks__c',
      'Handoff_Scope__c'
    ]);
  });

  it('sorts rules of one section and order by field name whatever their listing', () => {
    const names = ['Handoff_Risks__c', 'Handoff_Business_Pain__c', 'Handoff_Scope__c'];
    const result = evaluate(
      deal({}),
      cfg(names.map((fieldApiName, i) => rule({ developerName: `NB_All_${i}`, fieldApiName })))
    );
    expect(result.missing).toEqual([
      'Handoff_Business_Pain__c',
      'Handoff_Risks__c',
      'Handoff_Scope__c'
    ]);
  });

  it('lists skipped rules by DeveloperName whatever their listing', () => {
    const result = evaluate(
      deal({}),
      cfg([
        rule({ developerName: 'NB_All_C', fieldApiName: 'Account.Name' }),
        rule({ developerName: 'NB_All_A', fieldApiName: 'Bad Name' }),
        rule({ developerName: 'NB_All_B', fieldApiName: '' })
      ])
    );
    expect(result.skipped.map((s) => s.developerName)).toEqual([
      'NB_All_A',
      'NB_All_B',
      'NB_All_C'
    ]);
    expect(result.skipped[1].reason).toBe('Field  does not exist on Opportunity');
    expect(result.completeness).toBe(100);
  });
});
