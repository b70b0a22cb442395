/**
 * The memoising scorer must give exactly what a direct `evaluate()` call gives, for every
 * configuration in the conformance vectors and deals built to sit on the band edges.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { evaluate, isFilled, type RuleConfig } from '../../lib/evaluator.ts';
import { fieldLabel } from '../../lib/fields.ts';
import { DealScorer } from '../scorer.ts';
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
  const out: Array<number | null> = [null, 0, 1, 999_999_999];
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
});
