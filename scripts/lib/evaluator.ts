/**
 * The one place the scripts import the shared rule evaluator (the Opportunity panel's
 * `c/handoffRules` module) from, through a relative path (LWC forbids relative imports across components; scripts may).
 */
export {
  deriveSegment,
  evaluate,
  formatMissing,
  formatNumber,
  isFilled,
  selectRuleSet
} from '../../force-app/main/default/lwc/handoffRules/handoffRules.ts';
export type {
  DealInput,
  Evaluation,
  FieldRule,
  RuleConfig,
  SegmentPolicy
} from '../../force-app/main/default/lwc/handoffRules/handoffRules.ts';
