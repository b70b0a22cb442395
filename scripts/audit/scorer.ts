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
 * (rule set, segment and tier, filled applicable fields) is evaluated once: on this deal's values
 * with its segment as an override and no segment policies (the rules depend on the segment alone,
 * so this selects the same rules; a deal with no segment or of unknown segment has no override
 * and gets the rules of segment `All`). Only the segment *reason* (which quotes the real amount)
 * is not reproduced; `explain()` gives it, with a direct `evaluate()` call, for the deals a report
 * lists one by one. A test holds the memoised scores equal to direct `evaluate()` calls on
 * generated deals (the missing text included: the labels of the rule's spelling, as there).
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
  // Stryker disable next-line ConditionalExpression: a cache; formatting the same score again gives the same text
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

  /** Adds a mask that is not in the table (the scorer adds one only after `get` missed it). */
  add(mask: number, index: number): void {
    // Stryker disable next-line EqualityOperator: growing one entry later (>) changes only the load factor; the table never fills either way
    if (this.size >= this.keys.length >>> 1) {
      const oldKeys = this.keys;
      const oldVals = this.vals;
      this.keys = new Int32Array(oldKeys.length * 2);
      this.vals = new Int32Array(oldKeys.length * 2);
      this.size = 0;
      oldKeys.forEach((key, j) => {
        if (key !== 0) {
          this.add(key - 1, oldVals[j]);
        }
      });
    }
    const keys = this.keys;
    const m = keys.length - 1;
    const key = mask + 1;
    let i = (Math.imul(key, 0x9e3779b1) >>> 0) & m;
    while (keys[i] !== 0) {
      i = (i + 1) & m;
    }
    keys[i] = key;
    this.vals[i] = index;
    this.size++;
  }
}

interface RuleClass {
  /** the fields with an applicable rule (none until the class's first evaluation) */
  applicable: number;
  /** filled mask (applicable fields only) → score index */
  byMask: MaskTable;
}

interface SegmentClass {
  /** the rule classes of this segment and tier, by rule set index (shared by its classes) */
  classes: RuleClass[];
  segment: string | null;
  tier: string | null;
  /** the segments the possible values give, when the segment depends on a value that is not a number; else null */
  possible: string[] | null;
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

/**
 * How many of the minimums (sorted ascending) a value meets: 1 + the index of the largest one
 * at or below it. A blank or infinite value meets none, as in the evaluator.
 */
function band(value: number | null, mins: readonly number[]): number {
  let b = 0;
  if (Number.isFinite(value)) {
    for (const min of mins) {
      if ((value as number) >= min) {
        b++;
      }
    }
  }
  return b;
}

/** Memoising scorer over a fixed field list; see the file comment. */
export class DealScorer {
  readonly fields: readonly string[];
  readonly scores: Score[] = [];
  /** how many times the evaluator itself ran (for tests and the benchmark) */
  evaluations = 0;

  /** the field names trimmed, as the evaluator reads them */
  private readonly names: string[];
  /** field name in lower case → index */
  private readonly fieldIndex = new Map<string, number>();
  private readonly amountMins: number[];
  private readonly employeeMins: number[];
  /** the config without segment policies: the rules of a segment given as an override, or of none */
  private readonly rulesOnly: RuleConfig;
  // Stryker disable next-line StringLiteral: the key no override shares with null; any text no override is spelled as only costs another segment class
  private readonly overrides = new Map<string, number>([['', 0]]);
  private readonly segmentClasses: Array<SegmentClass | undefined> = [];
  /** rule classes by segment and tier, and those of the unknown segment */
  private readonly ruleClassesBySegment = new Map<string, RuleClass[]>();
  private readonly unknownRuleClasses: RuleClass[] = [];
  private readonly ruleSetByType = new Map<string, number>();
  private readonly ruleSetIndex = new Map<string, number>();
  private lastType: string | null = null;
  private lastRuleSet = 0;

  constructor(
    private readonly config: RuleConfig,
    fields: readonly string[]
  ) {
    if (fields.length > MAX_FIELDS) {
      throw new Error(`At most ${MAX_FIELDS} handoff fields can be scored (got ${fields.length})`);
    }
    this.fields = fields;
    this.names = fields.map((f) => f.trim());
    this.names.forEach((name, i) => this.fieldIndex.set(name.toLowerCase(), i));
    this.amountMins = thresholds(config.segmentPolicies.map((p) => p.minAmount));
    this.employeeMins = thresholds(config.segmentPolicies.map((p) => p.minEmployees));
    this.rulesOnly = { ...config, segmentPolicies: [] };
  }

  /** The filled mask of a value list aligned with `fields`, by the evaluator's `isFilled`. */
  filledMask(values: readonly unknown[]): number {
    let mask = 0;
    // Stryker disable next-line EqualityOperator: values[values.length] is undefined, which is not filled
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
        // Stryker disable next-line ConditionalExpression: a shortcut; without it isFilled gives the same answer (the whitespace test above holds them equal)
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
    // Stryker disable next-line StringLiteral: the cache's key for a blank Type (null and '' select the same rule set); any text does that no Type is spelled as
    const typeKey = type ?? '';
    // Stryker disable next-line ConditionalExpression: a cache of the last Type's rule set; looking it up again gives the same index
    let rs = typeKey === this.lastType ? this.lastRuleSet : this.ruleSetByType.get(typeKey);
    // Stryker disable next-line ConditionalExpression: a cache of each Type's rule set; selecting it again gives the same index
    if (rs === undefined) {
      const name = selectRuleSet(type, this.config.settings);
      rs = this.ruleSetIndex.get(name);
      if (rs === undefined) {
        rs = this.ruleSetIndex.size;
        this.ruleSetIndex.set(name, rs);
      }
      // Stryker disable next-line CallExpression: a cache; without it the Type's rule set is selected again, the same
      this.ruleSetByType.set(typeKey, rs);
    }
    this.lastType = typeKey;
    this.lastRuleSet = rs;
    let ruleClass = seg.classes[rs];
    if (ruleClass === undefined) {
      ruleClass = { applicable: 0, byMask: new MaskTable() };
      seg.classes[rs] = ruleClass;
    }
    // Only the fields with an applicable rule can change the result.
    const hit = ruleClass.byMask.get(mask & ruleClass.applicable);
    if (hit !== -1) {
      return this.scores[hit];
    }
    const evaluation = this.run(seg, type, values);
    const score = this.toScore(evaluation, seg, mask);
    ruleClass.applicable = score.applicableMask;
    ruleClass.byMask.add(score.filledMask, score.index);
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
    // A value that is not a number meets no minimum in the evaluator, like a blank one: right
    // when the segment does not depend on it; when it does, the segment is unknown.
    const seg = this.segmentClass(amount, employees, override);
    const e = evaluate(
      { amount, employees, type, segmentOverride: override, values: this.valueRecord(values) },
      seg.possible === null ? this.config : this.rulesOnly
    );
    if (seg.possible === null) {
      return e;
    }
    const badAmount = Number.isNaN(amount);
    const badEmployees = Number.isNaN(employees);
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
    const a = Number.isNaN(amount) ? A + 1 : band(amount, this.amountMins);
    const e = Number.isNaN(employees) ? E + 1 : band(employees, this.employeeMins);
    // Stryker disable next-line ArithmeticOperator: any one-to-one packing of (override, a, e) will do, and + → - keeps it one-to-one (0 ≤ a ≤ A + 1, 0 ≤ e ≤ E + 1)
    const key = (oi * (A + 2) + a) * (E + 2) + e;
    let seg = this.segmentClasses[key];
    // Stryker disable next-line ConditionalExpression: a cache; the class derived again is equal and shares the same rule classes
    if (seg === undefined) {
      seg =
        a === A + 1 || e === E + 1
          ? this.unreadableClass(amount, employees, override, a === A + 1, e === E + 1)
          : this.bandClass(a, e, override);
      this.segmentClasses[key] = seg;
    }
    return seg;
  }

  /** The class of deals with an override (or none) whose values are in bands `a` and `e`. */
  private bandClass(a: number, e: number, override: string | null): SegmentClass {
    // The largest minimum a value of the band meets stands for every value of it.
    const derived = deriveSegment(
      {
        amount: this.amountMins[a - 1] ?? null,
        employees: this.employeeMins[e - 1] ?? null,
        type: null,
        segmentOverride: override,
        values: {}
      },
      this.config.segmentPolicies
    );
    // Scores are shared by deals with the same segment and tier as spelled (an override may
    // spell a segment differently from its policy; the evaluator keeps the spelling).
    const name = JSON.stringify([derived.segment, derived.tier]);
    let classes = this.ruleClassesBySegment.get(name);
    if (classes === undefined) {
      classes = [];
      this.ruleClassesBySegment.set(name, classes);
    }
    return { classes, segment: derived.segment, tier: derived.tier, possible: null };
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
        possible.set(JSON.stringify([d.segment, d.tier]), d.segment ?? '(no segment)');
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
    return {
      classes: this.unknownRuleClasses,
      segment: null,
      tier: null,
      possible: [...new Set(possible.values())]
    };
  }

  private valueRecord(values: readonly unknown[]): Record<string, unknown> {
    const record: Record<string, unknown> = {};
    this.names.forEach((name, i) => {
      record[name] = values[i];
    });
    return record;
  }

  /**
   * Evaluates a class of deals: the rules depend on the segment only (not on how it was reached),
   * so the deal is evaluated as an override of its segment (none when it has none or it is
   * unknown) against the rules alone, without formatting a band reason.
   */
  private run(seg: SegmentClass, type: string | null, values: readonly unknown[]): Evaluation {
    this.evaluations++;
    return evaluate(
      {
        amount: null,
        employees: null,
        type,
        segmentOverride: seg.segment,
        values: this.valueRecord(values)
      },
      this.rulesOnly
    );
  }

  private toScore(e: Evaluation, seg: SegmentClass, mask: number): Score {
    let applicableMask = 0;
    let requiredMask = 0;
    for (const rule of e.rules) {
      // A rule's field is compared trimmed and in any case, as the evaluator does.
      const i = this.fieldIndex.get(rule.fieldApiName.trim().toLowerCase());
      if (i === undefined) {
        continue;
      }
      applicableMask |= 1 << i;
      if (rule.requirement.trim().toLowerCase() === 'required') {
        requiredMask |= 1 << i;
      }
    }
    let missingMask = 0;
    for (const f of e.missing) {
      const i = this.fieldIndex.get(f.trim().toLowerCase());
      if (i !== undefined) {
        missingMask |= 1 << i;
      }
    }
    const score: Score = {
      index: this.scores.length,
      ruleSet: e.ruleSet,
      segment: seg.segment,
      tier: seg.tier,
      unknownSegment: seg.possible !== null,
      completeness: e.completeness,
      complete: e.complete,
      applicableMask,
      requiredMask,
      filledMask: mask & applicableMask,
      missingMask,
      missingText: e.missing.map(fieldLabel).join('; '),
      csvTail: null
    };
    this.scores.push(score);
    return score;
  }
}
