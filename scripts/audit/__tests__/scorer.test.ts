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
