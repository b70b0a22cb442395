/**
 * The shipped rule configuration as the product evaluates it: the custom metadata records of
 * the model, turned into the shape of the shared rule evaluator (`c/handoffRules`), and the
 * required/optional matrix per rule set and segment computed by that evaluator, so the tables in
 * the guides say exactly what the Closed Won gate and the handoff panel do.
 */
import {
  evaluate,
  type RuleConfig
} from '../../force-app/main/default/lwc/handoffRules/handoffRules.ts';
import { ruleConfigFromRecords } from '../../force-app/test/metadata/lib/shippedConfig.ts';
import { STANDARD_FIELDS } from '../../force-app/test/metadata/lib/metadata.ts';
import { byCode, type DocModel, type RecordDoc } from './model.ts';

export const RULE_SETS = ['New Business', 'Expansion'] as const;

/** Records of one custom metadata type (type without `__mdt`), by DeveloperName. */
export function recordsOf(model: DocModel, type: string): RecordDoc[] {
  return model.records.filter((r) => r.type === type).sort((a, b) => byCode(a.name, b.name));
}

/** The `Default` settings record, if shipped. */
export function settingsOf(model: DocModel): RecordDoc | undefined {
  return recordsOf(model, 'Handoff_Setting').find((r) => r.name === 'Default');
}

/** The rule configuration in the evaluator's shape (as the org reads it). */
export function ruleConfigOf(model: DocModel): RuleConfig {
  return ruleConfigFromRecords(model.records);
}

/** The segments of the active policies, in band order, each once. */
export function segmentsOf(config: RuleConfig): string[] {
  const seen = new Map<string, string>();
  [...config.segmentPolicies]
    .filter((p) => p.active && p.segment.trim() !== '')
    .sort((a, b) => a.order - b.order || byCode(a.developerName, b.developerName))
    .forEach((p) => {
      const key = p.segment.trim().toLowerCase();
      if (!seen.has(key)) seen.set(key, p.segment.trim());
    });
  return [...seen.values()];
}

/** Opportunity fields the product knows exist: its own custom fields and the standard ones. */
export function opportunityFields(model: DocModel): Set<string> {
  const custom = model.objects.find((o) => o.name === 'Opportunity')?.fields.map((f) => f.name);
  return new Set([...(custom ?? []), ...STANDARD_FIELDS.Opportunity, ...STANDARD_FIELDS['*']]);
}

/** One field's row of the matrix. */
export interface MatrixRow {
  field: string;
  label: string;
  section: string;
  order: number;
  weight: number;
  /** Segment → `Required`, `Optional` or null (no rule applies). */
  bySegment: Record<string, 'Required' | 'Optional' | null>;
  /** Distinct guidance texts of the rules that apply, in segment order. */
  guidance: string[];
}

/** What the evaluator does for one rule set across the segments. */
export interface RuleSetMatrix {
  ruleSet: string;
  /** An Opportunity Type that selects this rule set, or null when none does. */
  exampleType: string | null;
  segments: string[];
  rows: MatrixRow[];
  /** Rules skipped because their field does not exist on Opportunity. */
  skipped: { developerName: string; fieldApiName: string }[];
}

/**
 * Runs the shared evaluator on an empty deal of each segment (through the segment override)
 * and reads which rules apply and whether each is required.
 */
export function ruleSetMatrix(model: DocModel, ruleSet: string): RuleSetMatrix {
  const config = ruleConfigOf(model);
  const known = opportunityFields(model);
  const labels = new Map(
    (model.objects.find((o) => o.name === 'Opportunity')?.fields ?? []).map((f) => [
      f.name,
      f.label
    ])
  );
  const exampleType =
    ruleSet === 'Expansion' ? (config.settings.expansionOpportunityTypes[0] ?? null) : null;
  const segments = segmentsOf(config);
  const rows = new Map<string, MatrixRow>();
  const skipped = new Map<string, { developerName: string; fieldApiName: string }>();
  const columns = segments.length > 0 ? segments : ['All'];
  columns.forEach((segment, column) => {
    if (ruleSet === 'Expansion' && exampleType === null) return;
    const evaluation = evaluate(
      {
        amount: null,
        employees: null,
        type: exampleType,
        segmentOverride: segments.length > 0 ? segment : null,
        values: {}
      },
      config,
      { knownFields: known }
    );
    evaluation.skipped.forEach((s) => skipped.set(s.developerName, s));
    evaluation.rules.forEach((rule, index) => {
      const row = rows.get(rule.fieldApiName) ?? {
        field: rule.fieldApiName,
        label: labels.get(rule.fieldApiName) ?? rule.fieldApiName,
        section: rule.section,
        order: column * 10000 + index,
        weight: Math.max(1, Math.trunc(rule.weight ?? 1)),
        bySegment: Object.fromEntries(columns.map((s) => [s, null])),
        guidance: []
      };
      row.bySegment[segment] = rule.requirement;
      const guidance = (rule.guidance ?? '').trim();
      if (guidance !== '' && !row.guidance.includes(guidance)) row.guidance.push(guidance);
      rows.set(rule.fieldApiName, row);
    });
  });
  return {
    ruleSet,
    exampleType,
    segments: columns,
    rows: [...rows.values()].sort((a, b) => a.order - b.order || byCode(a.field, b.field)),
    skipped: [...skipped.values()].sort((a, b) => byCode(a.developerName, b.developerName))
  };
}
