/**
 * Scores deals with the shared rule evaluator, fast enough for a million rows.
 *
 * `evaluate()` costs ~6 µs a call (it filters and sorts the rules and formats the segment
 * reason each time), so calling it per row would dominate a million-row audit. The scorer
 * memoises it on what the evaluator's result can depend on (docs/behaviour.md, "Rule
 * evaluation"):
 *
 * - the segment and tier depend on the override and on how the amount and the employee count
 *   compare with the policies' minimums. Every comparison is `value >= minimum`, so replacing a
 *   value by the largest minimum at or below it (or by blank when there is none) keeps every
 *   comparison, and so the segment and tier. That canonical deal is what `deriveSegment` sees;
 * - the applicable rules, the missing list and the completeness depend on the rule set (from the
 *   Type), the segment and which fields are filled (`isFilled`, also the evaluator's own).
 *
 * So each distinct (override, amount band, employee band) is derived once, and each distinct
 * (rule set, segment, filled applicable fields) is evaluated once, on a canonical deal carrying
 * this deal's values (as an override of its segment, which selects the same rules). Only the segment *reason* (which quotes the real amount) is not reproduced;
 * `explain()` gives it, with a direct `evaluate()` call, for the deals a report lists one by one.
 * A test holds the memoised scores equal to direct `evaluate()` calls on generated deals.
 *
 * An amount or employee count that is there but not a number (NaN) is not blank: the deal's
 * segment is what every possible value of it would give, when they all give the same (an
 * override, or the other band deciding alone); otherwise the segment is *unknown*, and the deal
 * is evaluated as one with no segment — on the rules every segment shares (segment `All`) —
 * instead of falling to the band a blank value reaches.
 */
import { safeCsvLine } from '../lib/csv.ts';
import { fieldLabel } from '../lib/fields.ts';
import {
  deriveSegment,
  evaluate,
  isFilled,
  selectRuleSet,
  type DealInput,
  type Evaluation,
  type RuleConfig
} from '../lib/evaluator.ts';

// Module-level references: calling through the import binding costs a getter per call in the
// CommonJS output tsx produces, which shows at a million rows.
const isFilledFn: typeof isFilled = isFilled;

/** The most fields a mapping may score (bit masks are 32-bit integers). */
export const MAX_FIELDS = 30;

/** The memoised result of evaluating one class of deals. */
export interface Score {
  /** index into the scorer's score list (stable for a run) */
  index: number;
  ruleSet: string;
  segment: string | null;
  tier: string | null;
  /** the amount or employee count is not a number and the segment depends on it */
  unknownSegment: boolean;
  completeness: number;
  complete: boolean;
  /** bit i: field i has an applicable rule */
  applicableMask: number;
  /** bit i: field i has an applicable Required rule */
  requiredMask: number;
  /** bit i: field i has an applicable rule and is filled */
  filledMask: number;
  /** bit i: field i is required and not filled */
  missingMask: number;
  /** labels of the missing required fields, `; `-separated, in evaluation order */
  missingText: string;
  /** the deal CSV's segment, tier, completeness, complete and missing cells (see {@link csvTailOf}) */
  csvTail: string | null;
}

/** The deal CSV's segment, tier, completeness, complete and missing cells, comma-ended. */
export function csvTailOf(score: Score): string {
  if (score.csvTail === null) {
    score.csvTail = `${safeCsvLine([
      score.unknownSegment ? 'Unknown' : (score.segment ?? ''),
      score.tier ?? '',
      score.completeness,
      score.complete ? 'yes' : 'no',
      score.missingText
    ])},`;
  }
  return score.csvTail;
}

/** Open-addressing table from a filled mask to a score index (faster than a Map here). */
class MaskTable {
  private keys = new Int32Array(64);
  private vals = new Int32Array(64);
  private size = 0;

  /** The score index for a mask, or -1. */
  get(mask: number): number {
    const keys = this.keys;
    const m = keys.length - 1;
    const key = mask + 1;
    let i = (Math.imul(key, 0x9e3779b1) >>> 0) & m;
    for (;;) {
      const k = keys[i];
      if (k === key) {
        return this.vals[i];
      }
      if (k === 0) {
        return -1;
      }
      i = (i + 1) & m;
    }
  }

  set(mask: number, index: number): void {
    if ((this.size + 1) * 2 > this.keys.length) {
      const oldKeys = this.keys;
      const oldVals = this.vals;
      this.keys = new Int32Array(oldKeys.length * 2);
      this.vals = new Int32Array(oldKeys.length * 2);
      this.size = 0;
      for (let j = 0; j < oldKeys.length; j++) {
        if (oldKeys[j] !== 0) {
          this.set(oldKeys[j] - 1, oldVals[j]);
        }
      }
    }
    const keys = this.keys;
    const m = keys.length - 1;
    const key = mask + 1;
    let i = (Math.imul(key, 0x9e3779b1) >>> 0) & m;
    while (keys[i] !== 0 && keys[i] !== key) {
      i = (i + 1) & m;
    }
    if (keys[i] === 0) {
      this.size++;
    }
    keys[i] = key;
    this.vals[i] = index;
  }
}

interface RuleClass {
  /** the fields with an applicable rule; -1 until the first evaluation */
  applicable: number;
  /** filled mask (applicable fields only) → score index */
  byMask: MaskTable;
}

interface SegmentClass {
  /** the rule classes of this segment, by rule set index */
  classes: RuleClass[];
  segment: string | null;
  tier: string | null;
  /** the segment depends on a value that is not a number */
  unknown: boolean;
  /** unknown: the segments the possible values give */
  possible: string[];
  segmentIndex: number;
  amount: number | null;
  employees: number | null;
  override: string | null;
}

/** Sorted distinct finite minimums. */
function thresholds(values: Array<number | null>): number[] {
  const set = new Set<number>();
  for (const v of values) {
    if (typeof v === 'number' && Number.isFinite(v)) {
      set.add(v);
    }
  }
  return [...set].sort((a, b) => a - b);
}

/** 0 when blank or below every minimum, else 1 + the index of the largest minimum <= value. */
function band(value: number | null, mins: readonly number[]): number {
  if (value === null || !(value >= mins[0])) {
    return 0;
  }
  let b = 0;
  while (b < mins.length && value >= mins[b]) {
    b++;
  }
  return b;
}

/** Memoising scorer over a fixed field list; see the file comment. */
export class DealScorer {
  readonly fields: readonly string[];
  readonly scores: Score[] = [];
  /** how many times the evaluator itself ran (for tests and the benchmark) */
  evaluations = 0;

  private readonly fieldIndex = new Map<string, number>();
  private readonly fieldLabels: string[];
  private readonly amountMins: number[];
  private readonly employeeMins: number[];
  /** the config without segment policies: how a deal of unknown segment is evaluated */
  private readonly noSegmentConfig: RuleConfig;
  private readonly overrides = new Map<string, number>([['', 0]]);
  private readonly segmentClasses: Array<SegmentClass | undefined> = [];
  private readonly segmentNames = new Map<string, number>();
  private readonly ruleSetByType = new Map<string, number>();
  private readonly ruleSets: string[] = [];
  private lastType: string | null = null;
  private lastRuleSet = 0;
  /** per (rule set, segment) class */
  private readonly byClass = new Map<number, RuleClass>();

  constructor(
    private readonly config: RuleConfig,
    fields: readonly string[]
  ) {
    if (fields.length > MAX_FIELDS) {
      throw new Error(`At most ${MAX_FIELDS} handoff fields can be scored (got ${fields.length})`);
    }
    this.fields = fields;
    fields.forEach((f, i) => {
      this.fieldIndex.set(f, i);
      this.fieldIndex.set(f.trim().toLowerCase(), i);
    });
    this.fieldLabels = fields.map(fieldLabel);
    this.amountMins = thresholds(config.segmentPolicies.map((p) => p.minAmount));
    this.employeeMins = thresholds(config.segmentPolicies.map((p) => p.minEmployees));
    this.noSegmentConfig = { ...config, segmentPolicies: [] };
  }

  /** The filled mask of a value list aligned with `fields`, by the evaluator's `isFilled`. */
  filledMask(values: readonly unknown[]): number {
    let mask = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v === 'string') {
        // A shortcut for the common case: a string whose first character is visible (between
        // U+0020 and U+1680, where the evaluator's whitespace set has no member) is filled;
        // anything else is asked of the evaluator itself. The scorer test holds the two to the
        // same answers, so a change to the evaluator's notion of whitespace fails it.
        // Stryker disable next-line ConditionalExpression,BlockStatement: a shortcut only; isFilled('') is false too
        if (v.length === 0) {
          continue;
        }
        const c = v.charCodeAt(0);
        if ((c > 0x20 && c < 0x1680) || isFilledFn(v)) {
          mask |= 1 << i;
        }
      } else if (isFilledFn(v)) {
        mask |= 1 << i;
      }
    }
    return mask;
  }

  /**
   * Scores one deal.
   * @param values field values aligned with `fields` (already parsed: strings, dates as
   *   `YYYY-MM-DD`, booleans for checkboxes, null for blank)
   * @param mask `filledMask(values)`, when the caller has it
   */
  score(
    amount: number | null,
    employees: number | null,
    type: string | null,
    override: string | null,
    values: readonly unknown[],
    mask: number = this.filledMask(values)
  ): Score {
    const seg = this.segmentClass(amount, employees, override);
    const typeKey = type ?? '';
    let rs = typeKey === this.lastType ? this.lastRuleSet : this.ruleSetByType.get(typeKey);
    if (rs === undefined) {
      const name = selectRuleSet(type, this.config.settings);
      rs = this.ruleSets.indexOf(name);
      if (rs === -1) {
        rs = this.ruleSets.push(name) - 1;
      }
      this.ruleSetByType.set(typeKey, rs);
    }
    this.lastType = typeKey;
    this.lastRuleSet = rs;
    let ruleClass = seg.classes[rs];
    if (ruleClass === undefined) {
      ruleClass = { applicable: -1, byMask: new MaskTable() };
      // Shared by every segment class with the same segment and tier.
      const shared = this.byClass.get(rs * 4096 + seg.segmentIndex);
      if (shared !== undefined) {
        ruleClass = shared;
      } else {
        this.byClass.set(rs * 4096 + seg.segmentIndex, ruleClass);
      }
      seg.classes[rs] = ruleClass;
    }
    // Only the fields with an applicable rule can change the result.
    if (ruleClass.applicable !== -1) {
      const hit = ruleClass.byMask.get(mask & ruleClass.applicable);
      if (hit !== -1) {
        return this.scores[hit];
      }
    }
    const evaluation = this.run(seg, type, values);
    const score = this.toScore(evaluation, seg, mask);
    ruleClass.applicable = score.applicableMask;
    ruleClass.byMask.set(score.filledMask, score.index);
    return score;
  }

  // Stryker disable all: warming up changes only how fast later calls run (bench:audit measures
  // it); the scorer test holds it to leaving every result and the evaluation count unchanged
  /**
   * Warms the evaluator up before a large run: V8 optimises a function only after many calls,
   * and `evaluate()` costs 20–40 µs a call until then against 5–9 µs after — at a million
   * rows, thousands of the memo's misses would otherwise fall in the slow phase. Runs it on
   * made-up deals in every segment and rule set; nothing is kept.
   */
  warmUp(calls = 3000): void {
    const segments = [...new Set(this.config.segmentPolicies.map((p) => p.segment))];
    const types = [null, ...this.config.settings.expansionOpportunityTypes.slice(0, 1)];
    let x = 0x2545f491;
    for (let i = 0; i < calls; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const values: Record<string, unknown> = {};
      this.fields.forEach((f, k) => {
        values[f] = (x >>> k) & 1 ? 'filled' : null;
      });
      evaluate(
        {
          amount: null,
          employees: null,
          type: types[i % types.length],
          segmentOverride: segments.length > 0 ? segments[i % segments.length] : null,
          values
        },
        this.config
      );
    }
  }
  // Stryker restore all

  /** A direct, unmemoised evaluation (with the real segment reason), for per-deal detail. */
  explain(
    amount: number | null,
    employees: number | null,
    type: string | null,
    override: string | null,
    values: readonly unknown[]
  ): Evaluation {
    const record = this.valueRecord(values);
    const badAmount = amount !== null && Number.isNaN(amount);
    const badEmployees = employees !== null && Number.isNaN(employees);
    if (badAmount || badEmployees) {
      const seg = this.segmentClass(amount, employees, override);
      if (seg.unknown) {
        const e = evaluate(
          { amount: null, employees: null, type, segmentOverride: null, values: record },
          this.noSegmentConfig
        );
        const what =
          badAmount && badEmployees
            ? 'amount and employee count are'
            : badAmount
              ? 'amount is'
              : 'employee count is';
        return {
          ...e,
          segmentReason: `Unknown: the ${what} not a number, and the segment depends on ${badAmount && badEmployees ? 'them' : 'it'} (${seg.possible.join(' or ')})`
        };
      }
    }
    return evaluate(
      {
        amount: badAmount ? null : amount,
        employees: badEmployees ? null : employees,
        type,
        segmentOverride: override,
        values: record
      },
      this.config
    );
  }

  private segmentClass(
    amount: number | null,
    employees: number | null,
    override: string | null
  ): SegmentClass {
    let oi = override === null ? 0 : this.overrides.get(override);
    if (oi === undefined) {
      oi = this.overrides.size;
      this.overrides.set(override as string, oi);
    }
    const A = this.amountMins.length;
    const E = this.employeeMins.length;
    // Band A + 1 (E + 1): the value is there but not a number.
    const a =
      amount !== null && Number.isNaN(amount) ? A + 1 : A === 0 ? 0 : band(amount, this.amountMins);
    const e =
      employees !== null && Number.isNaN(employees)
        ? E + 1
        : E === 0
          ? 0
          : band(employees, this.employeeMins);
    const key = (oi * (A + 2) + a) * (E + 2) + e;
    let seg = this.segmentClasses[key];
    if (seg === undefined && (a === A + 1 || e === E + 1)) {
      seg = this.unreadableClass(amount, employees, override, a === A + 1, e === E + 1);
      this.segmentClasses[key] = seg;
    }
    if (seg === undefined) {
      const canonical: DealInput = {
        amount: a === 0 ? null : this.amountMins[a - 1],
        employees: e === 0 ? null : this.employeeMins[e - 1],
        type: null,
        segmentOverride: override,
        values: {}
      };
      const derived = deriveSegment(canonical, this.config.segmentPolicies);
      // Scores are shared by deals with the same segment and tier as spelled (an override may
      // spell a segment differently from its policy; the evaluator keeps the spelling).
      const name = `${derived.segment ?? '\u0000'}\u0000${derived.tier ?? '\u0000'}`;
      let si = this.segmentNames.get(name);
      if (si === undefined) {
        si = this.segmentNames.size;
        this.segmentNames.set(name, si);
      }
      seg = {
        classes: [],
        segment: derived.segment,
        tier: derived.tier,
        unknown: false,
        possible: [],
        segmentIndex: si,
        amount: canonical.amount,
        employees: canonical.employees,
        override
      };
      this.segmentClasses[key] = seg;
    }
    return seg;
  }

  /**
   * The class of a deal whose amount and/or employee count is not a number: the segment every
   * possible value gives when they agree, else the unknown segment.
   */
  private unreadableClass(
    amount: number | null,
    employees: number | null,
    override: string | null,
    badAmount: boolean,
    badEmployees: boolean
  ): SegmentClass {
    const amounts: Array<number | null> = badAmount ? [null, ...this.amountMins] : [amount];
    const employeeCounts: Array<number | null> = badEmployees
      ? [null, ...this.employeeMins]
      : [employees];
    const possible = new Map<string, string>();
    for (const am of amounts) {
      for (const em of employeeCounts) {
        const d = this.segmentClass(am, em, override);
        possible.set(
          `${d.segment ?? '\u0000'}\u0000${d.tier ?? '\u0000'}`,
          d.segment ?? '(no segment)'
        );
      }
    }
    if (possible.size === 1) {
      // Every value gives the same segment: the value does not matter.
      return this.segmentClass(
        badAmount ? null : amount,
        badEmployees ? null : employees,
        override
      );
    }
    const name = '\u0001unknown';
    let si = this.segmentNames.get(name);
    if (si === undefined) {
      si = this.segmentNames.size;
      this.segmentNames.set(name, si);
    }
    return {
      classes: [],
      segment: null,
      tier: null,
      unknown: true,
      possible: [...new Set(possible.values())],
      segmentIndex: si,
      amount: null,
      employees: null,
      override: null
    };
  }

  private valueRecord(values: readonly unknown[]): Record<string, unknown> {
    const record: Record<string, unknown> = {};
    for (let i = 0; i < this.fields.length; i++) {
      record[this.fields[i]] = values[i] ?? null;
    }
    return record;
  }

  private run(seg: SegmentClass, type: string | null, values: readonly unknown[]): Evaluation {
    this.evaluations++;
    // The rules depend on the segment only (not on how it was reached), so a deal with a
    // segment is evaluated as an override of it, with no amount or employees: the same rules,
    // without formatting a band reason. A deal with no segment keeps its canonical bands.
    const deal: DealInput =
      seg.segment === null
        ? {
            amount: seg.amount,
            employees: seg.employees,
            type,
            segmentOverride: seg.override,
            values: {}
          }
        : { amount: null, employees: null, type, segmentOverride: seg.segment, values: {} };
    deal.values = this.valueRecord(values);
    const evaluation = evaluate(deal, seg.unknown ? this.noSegmentConfig : this.config);
    const norm = (s: string | null): string | null => (s === null ? null : s.trim().toLowerCase());
    if (norm(evaluation.segment) !== norm(seg.segment)) {
      throw new Error(
        `Scorer invariant broken: evaluate() gave segment ${String(evaluation.segment)}, ` +
          `deriveSegment() gave ${String(seg.segment)}`
      );
    }
    return evaluation;
  }

  /** The index of a field, by its name as written or compared trimmed and in any case. */
  private indexOf(name: string): number | undefined {
    return this.fieldIndex.get(name) ?? this.fieldIndex.get(name.trim().toLowerCase());
  }

  private toScore(e: Evaluation, seg: SegmentClass, mask: number): Score {
    let applicableMask = 0;
    let requiredMask = 0;
    for (const rule of e.rules) {
      const i = this.indexOf(rule.fieldApiName);
      if (i === undefined) {
        continue;
      }
      applicableMask |= 1 << i;
      if (rule.requirement === 'Required' || rule.requirement.trim().toLowerCase() === 'required') {
        requiredMask |= 1 << i;
      }
    }
    let missingMask = 0;
    const labels: string[] = [];
    for (const f of e.missing) {
      const i = this.indexOf(f);
      if (i !== undefined) {
        missingMask |= 1 << i;
        labels.push(this.fieldLabels[i]);
      } else {
        labels.push(fieldLabel(f));
      }
    }
    const score: Score = {
      index: this.scores.length,
      ruleSet: e.ruleSet,
      segment: seg.segment,
      tier: seg.tier,
      unknownSegment: seg.unknown,
      completeness: e.completeness,
      complete: e.complete,
      applicableMask,
      requiredMask,
      filledMask: mask & applicableMask,
      missingMask,
      missingText: labels.join('; '),
      csvTail: null
    };
    this.scores.push(score);
    return score;
  }
}
