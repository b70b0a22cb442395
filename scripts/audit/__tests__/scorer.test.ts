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
