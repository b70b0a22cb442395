/**
 * The memoising scorer must give exactly what a direct `evaluate()` call gives, for every
 * configuration in the conformance vectors and deals built to sit on the band edges.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { evaluate, isFilled, type RuleConfig } from '../../lib/evaluator.ts';
import { fieldLabel } from '../../lib/fields.ts';
import { DealScorer, csvTailOf } from '../scorer.ts';
import { mulberry32 } from '../synth.ts';

const vectors = JSON.parse(
  readFileSync(
    resolve(
      __dirname,
      '../../../force-app/main/default/staticresources/handoffConformanceVectors.json'
    ),
    'utf8'
  )
) as { configs: Record<string, RuleConfig> };

function edges(values: Array<number | null>): Array<number | null> {
  // ±Infinity meet no minimum in the evaluator, like a blank value
  const out: Array<number | null> = [null, 0, 1, 999_999_999, Infinity, -Infinity];
  for (const v of values) {
    if (typeof v === 'number') {
      out.push(v, v - 0.01, v + 0.01, v - 1);
    }
  }
  return out;
}

describe('DealScorer', () => {
  const names = Object.keys(vectors.configs);

  it('covers the shipped config and the edge-case configs', () => {
    expect(names).toContain('shipped');
    expect(names.length).toBeGreaterThan(3);
  });

  it.each(names)('matches evaluate() on 3,000 generated deals for config %s', (name) => {
    const config = vectors.configs[name];
    const fields = [...new Set(config.fieldRules.map((r) => r.fieldApiName))].slice(0, 30);
    const scorer = new DealScorer(config, fields);
    const rnd = mulberry32(name.length * 7919);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
    const amounts = edges(config.segmentPolicies.map((p) => p.minAmount));
    const employees = edges(config.segmentPolicies.map((p) => p.minEmployees));
    const types = [
      null,
      'New Customer',
      ' renewal ',
      'Upsell',
      'Existing Customer - Upgrade',
      'Other',
      ...config.settings.expansionOpportunityTypes
    ];
    const overrides = [
      null,
      null,
      null,
      ' ',
      'Enterprise',
      'mid-market',
      'SMB',
      'Strategic',
      ...config.segmentPolicies.map((p) => p.segment)
    ];
    const valuePool: unknown[] = [
      null,
      '',
      '  ',
      '\t\n',
      'Some text',
      '003000000000001',
      '2026-01-01',
      true,
      false,
      0,
      12
    ];
    let mismatches = 0;
    for (let i = 0; i < 3000; i++) {
      const deal = {
        amount: pick(amounts),
        employees: pick(employees),
        type: pick(types),
        override: pick(overrides),
        values: fields.map(() => pick(valuePool))
      };
      const score = scorer.score(
        deal.amount,
        deal.employees,
        deal.type,
        deal.override,
        deal.values
      );
      const values: Record<string, unknown> = {};
      fields.forEach((f, j) => (values[f] = deal.values[j]));
      const direct = evaluate(
        {
          amount: deal.amount,
          employees: deal.employees,
          type: deal.type,
          segmentOverride: deal.override,
          values
        },
        config
      );
      const same =
        score.ruleSet === direct.ruleSet &&
        score.segment === direct.segment &&
        score.tier === direct.tier &&
        score.completeness === direct.completeness &&
        score.complete === direct.complete &&
        score.missingText === direct.missing.map(fieldLabel).join('; ');
      if (!same) {
        mismatches++;
      }
    }
    expect(mismatches).toBe(0);
    // and it memoises: far fewer evaluations than deals (unless the config has no rules)
    expect(scorer.evaluations).toBeLessThan(3000);
  });

  it('decides filled exactly as the evaluator does, whitespace of every kind included', () => {
    const scorer = new DealScorer(vectors.configs.shipped, ['A__c']);
    const samples: unknown[] = [
      null,
      undefined,
      '',
      ' ',
      'x',
      ' x',
      '\u00a0',
      '\u2007',
      '\u202f',
      '\u2028',
      '\u3000',
      '\u1680x',
      '\u0085',
      '\u001c',
      0,
      false,
      true,
      3.5
    ];
    for (let c = 0; c < 0x3100; c++) {
      samples.push(String.fromCharCode(c), `${String.fromCharCode(c)} `);
    }
    const differ = samples.filter((v) => (scorer.filledMask([v]) === 1) !== isFilled(v));
    expect(differ).toEqual([]);
  });

  it('refuses more fields than its masks hold', () => {
    const config = vectors.configs.shipped;
    expect(
      () =>
        new DealScorer(
          config,
          Array.from({ length: 31 }, (_, i) => `F${i}__c`)
        )
    ).toThrow(/At most 30/);
  });
});

describe('DealScorer with an amount or employee count that is not a number', () => {
  const norm = (s: unknown): string =>
    String(s ?? '')
      .trim()
      .toLowerCase();

  it.each(Object.keys(vectors.configs))(
    'knows the segment exactly when every readable value would give the same one (config %s)',
    (name) => {
      const config = vectors.configs[name];
      const fields = [...new Set(config.fieldRules.map((r) => r.fieldApiName))].slice(0, 30);
      const scorer = new DealScorer(config, fields);
      const rnd = mulberry32(name.length * 104729);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
      const amounts = edges(config.segmentPolicies.map((p) => p.minAmount));
      const employees = edges(config.segmentPolicies.map((p) => p.minEmployees));
      const overrides = [
        null,
        null,
        null,
        'Enterprise',
        'SMB',
        ...config.segmentPolicies.map((p) => p.segment)
      ];
      for (let i = 0; i < 600; i++) {
        const badAmount = rnd() < 0.7;
        const badEmployees = !badAmount || rnd() < 0.3;
        const amount = badAmount ? NaN : pick(amounts);
        const count = badEmployees ? NaN : pick(employees);
        const override = pick(overrides);
        const values = fields.map(() => pick([null, 'filled', '  ']));
        const score = scorer.score(amount, count, null, override, values);
        // What the evaluator gives for every readable value in place of the unreadable ones.
        const outcomes = new Set<string>();
        for (const a of badAmount ? amounts : [amount]) {
          for (const e of badEmployees ? employees : [count]) {
            const d = evaluate(
              { amount: a, employees: e, type: null, segmentOverride: override, values: {} },
              config
            );
            outcomes.add(`${d.segment}|${d.tier}`);
          }
        }
        const explained = scorer.explain(amount, count, null, override, values);
        expect({
          unknown: score.unknownSegment,
          segment: score.segment,
          memoEqualsDirect:
            explained.segment === score.segment &&
            explained.completeness === score.completeness &&
            explained.missing.map(fieldLabel).join('; ') === score.missingText
        }).toEqual({
          unknown: outcomes.size > 1,
          segment:
            outcomes.size > 1 ? null : [...outcomes][0].split('|')[0].replace(/^null$/, '') || null,
          memoEqualsDirect: true
        });
      }
    }
  );

  it('scores a deal of unknown segment on the rules every segment shares (segment All), never as the band a blank value reaches', () => {
    const config = vectors.configs.shipped;
    const fields = [...new Set(config.fieldRules.map((r) => r.fieldApiName))];
    const scorer = new DealScorer(config, fields);
    const values = fields.map(() => null);
    const unknown = scorer.score(NaN, 300, null, null, values);
    expect([unknown.unknownSegment, unknown.segment, unknown.tier]).toEqual([true, null, null]);
    const shared = fields
      .map((f, i) =>
        config.fieldRules.some(
          (r) =>
            r.active &&
            norm(r.fieldApiName) === norm(f) &&
            norm(r.ruleSet) === 'new business' &&
            norm(r.segment) === 'all'
        )
          ? 1 << i
          : 0
      )
      .reduce((a, b) => a | b, 0);
    expect(unknown.applicableMask).toBe(shared);
    const blank = scorer.score(null, 300, null, null, values);
    expect(blank.segment).toBe('Mid-Market');
    expect(scorer.explain(NaN, 300, null, null, values).segmentReason).toBe(
      'Unknown: the amount is not a number, and the segment depends on it (Mid-Market or Enterprise)'
    );
    expect(scorer.explain(NaN, NaN, null, null, values).segmentReason).toBe(
      'Unknown: the amount and employee count are not a number, and the segment depends on them (SMB or Mid-Market or Enterprise)'
    );
    expect(scorer.explain(120000, NaN, null, null, values).segment).toBe('Enterprise');
  });

  it('keeps the segment an override or the other band settles alone', () => {
    const config = vectors.configs.shipped;
    const scorer = new DealScorer(config, ['Handoff_Customer_Goals__c']);
    expect(scorer.score(NaN, 1500, null, null, [null]).segment).toBe('Enterprise');
    expect(scorer.score(NaN, 10, null, 'SMB', [null]).segment).toBe('SMB');
    expect(scorer.score(250000, NaN, null, null, [null]).segment).toBe('Enterprise');
    expect(scorer.score(NaN, NaN, null, 'Mid-Market', [null]).unknownSegment).toBe(false);
    expect(scorer.score(NaN, 10, null, null, [null]).unknownSegment).toBe(true);
  });
});

describe('DealScorer results and memo', () => {
  const rule = (
    developerName: string,
    fieldApiName: string,
    requirement: string,
    segment = 'All'
  ): RuleConfig['fieldRules'][number] => ({
    developerName,
    fieldApiName,
    ruleSet: 'New Business',
    segment,
    requirement: requirement as 'Required',
    section: 'S',
    order: 10,
    weight: 1,
    active: true
  });
  const small: RuleConfig = {
    settings: { expansionOpportunityTypes: ['Renewal'] },
    segmentPolicies: [
      {
        developerName: 'Big',
        segment: 'Enterprise',
        order: 10,
        minAmount: 100_000,
        minEmployees: null,
        matchLogic: 'Any',
        tier: 'High-Touch',
        active: true
      },
      {
        developerName: 'Wide',
        segment: 'Enterprise',
        order: 20,
        minAmount: null,
        minEmployees: 500,
        matchLogic: 'Any',
        tier: 'Pooled',
        active: true
      },
      {
        developerName: 'Rest',
        segment: 'SMB',
        order: 30,
        minAmount: null,
        minEmployees: null,
        matchLogic: 'Any',
        tier: 'Low-Touch',
        active: true
      }
    ],
    fieldRules: [
      rule('NB_All_Goals', 'Pilot_Goals__c', 'Required'),
      rule('NB_All_Notes', 'Pilot_Notes__c', 'Optional'),
      rule('NB_All_Risks', 'Pilot_Risks__c', ' required '),
      rule('NB_SMB_Scope', 'Pilot_Scope__c', 'Required', 'SMB')
    ]
  };
  const fields = [
    'Pilot_Goals__c',
    'Pilot_Notes__c',
    'Pilot_Risks__c',
    'Pilot_Scope__c',
    'Other__c'
  ];

  it('gives the masks and missing text the report reads', () => {
    const scorer = new DealScorer(small, fields);
    const s = scorer.score(200_000, null, null, null, [null, 'n', ' ', 'scope', 'x']);
    expect(s).toMatchObject({
      ruleSet: 'New Business',
      segment: 'Enterprise',
      tier: 'High-Touch',
      unknownSegment: false,
      applicableMask: 0b00111,
      requiredMask: 0b00101,
      filledMask: 0b00010,
      missingMask: 0b00101,
      missingText: 'Pilot Goals; Pilot Risks',
      completeness: 33,
      complete: false
    });
    const smb = scorer.score(10, 1, null, null, ['g', null, 'r', null, null]);
    expect(smb).toMatchObject({
      segment: 'SMB',
      tier: 'Low-Touch',
      applicableMask: 0b01111,
      requiredMask: 0b01101,
      filledMask: 0b00101,
      missingMask: 0b01000,
      missingText: 'Pilot Scope',
      completeness: 50,
      complete: false
    });
  });

  it('keeps deals of one segment with different tiers apart', () => {
    const scorer = new DealScorer(small, fields);
    const values = ['g', 'n', 'r', null, null];
    const byAmount = scorer.score(100_000, null, null, null, values);
    const byEmployees = scorer.score(null, 500, null, null, values);
    expect([byAmount.segment, byAmount.tier]).toEqual(['Enterprise', 'High-Touch']);
    expect([byEmployees.segment, byEmployees.tier]).toEqual(['Enterprise', 'Pooled']);
    expect(byAmount.complete && byEmployees.complete).toBe(true);
  });

  it('counts an evaluation only for a class of deals it has not seen', () => {
    const scorer = new DealScorer(small, fields);
    expect(scorer.evaluations).toBe(0);
    const first = scorer.score(200_000, null, null, null, ['g', null, null, null, null]);
    expect(scorer.evaluations).toBe(1);
    // the same applicable fields filled: a different amount in the band, an unscored field filled
    expect(scorer.score(300_000, 7, null, null, ['g', null, null, 's', 'x'])).toBe(first);
    expect(scorer.evaluations).toBe(1);
    scorer.score(200_000, null, null, null, ['g', 'n', null, null, null]);
    expect(scorer.evaluations).toBe(2);
    scorer.score(200_000, null, 'Renewal', null, ['g', null, null, null, null]);
    expect(scorer.evaluations).toBe(3);
  });

  it('keeps every memoised class through the table growing (hundreds of filled masks)', () => {
    const config = vectors.configs.shipped;
    const shippedFields = [
      ...new Set(
        config.fieldRules.filter((r) => r.ruleSet === 'New Business').map((r) => r.fieldApiName)
      )
    ];
    const scorer = new DealScorer(config, shippedFields);
    const valuesOf = (n: number): Array<string | null> =>
      shippedFields.map((_, bit) => ((n >>> bit) & 1 ? 'filled' : null));
    const first = Array.from({ length: 400 }, (_, n) =>
      scorer.score(250_000, null, null, null, valuesOf(n * 37))
    );
    expect(scorer.evaluations).toBe(400);
    for (let n = 399; n >= 0; n--) {
      expect(scorer.score(250_000, null, null, null, valuesOf(n * 37))).toBe(first[n]);
    }
    expect(scorer.evaluations).toBe(400);
    for (const n of [0, 1, 199, 399]) {
      const record = Object.fromEntries(shippedFields.map((f, i) => [f, valuesOf(n * 37)[i]]));
      const direct = evaluate(
        { amount: 250_000, employees: null, type: null, segmentOverride: null, values: record },
        config
      );
      expect(first[n].completeness).toBe(direct.completeness);
      expect(first[n].missingMask === 0).toBe(direct.complete);
    }
  });

  it('scores up to 30 fields and refuses 31 with a message naming both numbers', () => {
    const many = (n: number): string[] => Array.from({ length: n }, (_, i) => `F${i}__c`);
    expect(new DealScorer(small, many(30)).fields).toHaveLength(30);
    expect(() => new DealScorer(small, many(31))).toThrow(
      'At most 30 handoff fields can be scored (got 31)'
    );
  });

  it('warms up without changing any result or the evaluation count, whatever the config', () => {
    for (const config of [small, vectors.configs.no_policies, vectors.configs.shipped]) {
      const cold = new DealScorer(config, fields);
      const warm = new DealScorer(config, fields);
      warm.warmUp(50);
      expect(warm.evaluations).toBe(0);
      const values = ['g', null, ' ', null, 'x'];
      expect(warm.score(200_000, null, null, null, values)).toEqual(
        cold.score(200_000, null, null, null, values)
      );
    }
  });
  it('writes the CSV cells of segment, tier, completeness, complete and missing', () => {
    const scorer = new DealScorer(small, fields);
    const partial = scorer.score(200_000, null, null, null, [null, 'n', ' ', 'scope', 'x']);
    expect(csvTailOf(partial)).toBe('Enterprise,High-Touch,33,no,Pilot Goals; Pilot Risks,');
    expect(csvTailOf(partial)).toBe('Enterprise,High-Touch,33,no,Pilot Goals; Pilot Risks,');
    const complete = scorer.score(10, 1, null, null, ['g', null, 'r', 's', null]);
    expect(csvTailOf(complete)).toBe('SMB,Low-Touch,75,yes,,');
    const unknown = scorer.score(NaN, null, null, null, ['g', null, null, null, null]);
    expect(csvTailOf(unknown)).toBe('Unknown,,33,no,Pilot Risks,');
    // an override is written as spelled, quoted when it holds a comma
    const named = scorer.score(null, null, null, 'Key, Accounts', ['g', 'n', 'r', null, null]);
    expect(csvTailOf(named)).toBe('"Key, Accounts",,100,yes,,');
    // no policy matches: no segment and no tier
    const noCatchAll = { ...small, segmentPolicies: small.segmentPolicies.slice(0, 2) };
    const none = new DealScorer(noCatchAll, fields).score(10, 1, null, null, [
      null,
      null,
      null,
      null,
      null
    ]);
    expect([none.segment, none.tier, none.unknownSegment]).toEqual([null, null, false]);
    expect(csvTailOf(none)).toBe(',,0,no,Pilot Goals; Pilot Risks,');
  });

  it('finds every class again through the memo table, colliding and growing (600 random filled masks)', () => {
    const many = Array.from({ length: 30 }, (_, i) => `F${i}__c`);
    const config: RuleConfig = {
      settings: { expansionOpportunityTypes: [] },
      segmentPolicies: [],
      fieldRules: many.map((f, i) => rule(`R${i}`, f, i % 3 === 0 ? 'Required' : 'Optional'))
    };
    const scorer = new DealScorer(config, many);
    const rnd = mulberry32(2026);
    const masks = new Set<number>();
    while (masks.size < 600) {
      masks.add(Math.floor(rnd() * 2 ** 30));
    }
    const list = [...masks];
    const valuesOf = (mask: number): Array<string | null> =>
      many.map((_, bit) => ((mask >>> bit) & 1 ? 'v' : null));
    const first = list.map((m) => scorer.score(null, null, null, null, valuesOf(m)));
    expect(scorer.evaluations).toBe(600);
    const again = [...list].reverse().map((m) => scorer.score(null, null, null, null, valuesOf(m)));
    expect(scorer.evaluations).toBe(600);
    expect(again.reverse().every((s, k) => s === first[k])).toBe(true);
    const wrong = list.filter((m, k) => {
      const record = Object.fromEntries(many.map((f, i) => [f, valuesOf(m)[i]]));
      const direct = evaluate(
        { amount: null, employees: null, type: null, segmentOverride: null, values: record },
        config
      );
      const s = first[k];
      return (
        s.filledMask !== m ||
        s.applicableMask !== 2 ** 30 - 1 ||
        s.completeness !== direct.completeness ||
        s.missingText !== direct.missing.map(fieldLabel).join('; ')
      );
    });
    expect(wrong).toEqual([]);
  });

  it('evaluates once per rule set, segment and tier, however the deal reached them', () => {
    const config: RuleConfig = {
      ...small,
      fieldRules: [
        ...small.fieldRules,
        { ...rule('EX_All_Goals', 'Pilot_Goals__c', 'Required'), ruleSet: 'Expansion' }
      ]
    };
    const scorer = new DealScorer(config, fields);
    const values = [null, 'n', null, null, null];
    const smb = scorer.score(10, 1, null, null, values);
    expect([smb.ruleSet, smb.segment, scorer.evaluations]).toEqual(['New Business', 'SMB', 1]);
    const byAmount = scorer.score(200_000, null, 'Renewal', null, values);
    expect(scorer.evaluations).toBe(2);
    expect(byAmount).toMatchObject({
      ruleSet: 'Expansion',
      segment: 'Enterprise',
      tier: 'High-Touch',
      applicableMask: 0b00001,
      requiredMask: 0b00001,
      missingText: 'Pilot Goals'
    });
    // both bands met, another spelling of the Type, an override of the segment (whose tier is
    // its first policy's): the same class
    expect(scorer.score(200_000, 600, ' renewal ', null, values)).toBe(byAmount);
    expect(scorer.score(null, null, 'Renewal', 'Enterprise', values)).toBe(byAmount);
    expect(scorer.score(5, 5, 'RENEWAL', ' Enterprise ', values)).toBe(byAmount);
    expect(scorer.evaluations).toBe(2);
    // the evaluator keeps an override's spelling, so the scorer keeps it apart
    const lower = scorer.score(null, null, 'Renewal', 'enterprise', values);
    expect([lower.segment, lower.tier, scorer.evaluations]).toEqual([
      'enterprise',
      'High-Touch',
      3
    ]);
    // the other rule set in the same segment is its own class
    const nb = scorer.score(200_000, 600, 'New Customer', null, values);
    expect([nb.ruleSet, nb.segment, nb.missingText, scorer.evaluations]).toEqual([
      'New Business',
      'Enterprise',
      'Pilot Goals; Pilot Risks',
      4
    ]);
  });

  it('matches rule fields trimmed and in any case, reads padded field names, and lists unscored missing fields', () => {
    const config: RuleConfig = {
      ...small,
      fieldRules: [
        rule('NB_All_Goals', ' pilot_goals__c ', 'REQUIRED'),
        rule('NB_All_Risks', 'PILOT_RISKS__C', ' required '),
        rule('NB_All_Notes', 'Pilot_Notes__c', 'Optional'),
        rule('NB_All_Scope', 'Pilot_Scope__c', 'Required-ish'),
        rule('NB_All_Unmapped', 'Unmapped__c', 'Required')
      ]
    };
    const scorer = new DealScorer(config, [
      'Pilot_Goals__c',
      ' Pilot_Risks__c ',
      'Pilot_Notes__c',
      'Pilot_Scope__c'
    ]);
    const filled = scorer.score(10, null, null, null, ['g', 'r', null, null]);
    expect(filled).toMatchObject({
      applicableMask: 0b1111,
      requiredMask: 0b0011,
      filledMask: 0b0011,
      missingMask: 0,
      missingText: 'Unmapped',
      completeness: 40,
      complete: false
    });
    const empty = scorer.score(10, null, null, null, [null, ' ', 'n', null]);
    expect(empty).toMatchObject({
      applicableMask: 0b1111,
      requiredMask: 0b0011,
      filledMask: 0b0100,
      missingMask: 0b0011,
      completeness: 20
    });
    // labels as the direct evaluation's missing list gives them (the rule's spelling)
    const direct = evaluate(
      {
        amount: 10,
        employees: null,
        type: null,
        segmentOverride: null,
        values: { Pilot_Goals__c: null, Pilot_Risks__c: ' ', Pilot_Notes__c: 'n' }
      },
      config
    );
    expect(empty.missingText).toBe(direct.missing.map(fieldLabel).join('; '));
    expect(empty.missingText.split('; ').sort()).toEqual([
      'PILOT RISKS',
      'Unmapped',
      'pilot goals'
    ]);
    expect(scorer.explain(10, null, null, null, ['g', 'r', null, null]).missing).toEqual([
      'Unmapped__c'
    ]);
  });

  it('never lets a blank or infinite value meet a minimum, not even 0', () => {
    const config: RuleConfig = {
      ...small,
      segmentPolicies: [
        { ...small.segmentPolicies[0], segment: 'Any Size', minAmount: 0, tier: 'Zero' },
        { ...small.segmentPolicies[2] }
      ]
    };
    const scorer = new DealScorer(config, fields);
    const segments = [null, 0, -1, 0.5, Infinity, -Infinity].map((amount) => {
      const s = scorer.score(
        amount,
        null,
        null,
        null,
        fields.map(() => null)
      );
      const direct = evaluate(
        { amount, employees: null, type: null, segmentOverride: null, values: {} },
        config
      );
      return [s.segment, direct.segment];
    });
    expect(segments).toEqual([
      ['SMB', 'SMB'],
      ['Any Size', 'Any Size'],
      ['SMB', 'SMB'],
      ['Any Size', 'Any Size'],
      ['SMB', 'SMB'],
      ['SMB', 'SMB']
    ]);
  });

  it('explains an unknown segment by the value that is not a number and the segments it could give', () => {
    const shipped = new DealScorer(vectors.configs.shipped, ['Handoff_Customer_Goals__c']);
    expect(shipped.explain(10, NaN, null, null, [null]).segmentReason).toBe(
      'Unknown: the employee count is not a number, and the segment depends on it (SMB or Mid-Market or Enterprise)'
    );
    const noCatchAll = { ...small, segmentPolicies: small.segmentPolicies.slice(0, 2) };
    const scorer = new DealScorer(noCatchAll, fields);
    const e = scorer.explain(NaN, null, null, null, ['g', null, null, null, null]);
    expect(e.segmentReason).toBe(
      'Unknown: the amount is not a number, and the segment depends on it ((no segment) or Enterprise)'
    );
    expect([e.segment, e.tier, e.missing]).toEqual([null, null, ['Pilot_Risks__c']]);
    expect(scorer.score(NaN, null, null, null, ['g', null, null, null, null])).toMatchObject({
      unknownSegment: true,
      segment: null,
      missingText: 'Pilot Risks'
    });
  });
});
