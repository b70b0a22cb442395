/**
 * The rule configuration as shipped: built from the custom metadata records in
 * force-app/main/default/customMetadata, the same records the org reads. The docs generator
 * (scripts/docs/rules.ts) builds its tables through the same function.
 */
import type {
  FieldRule,
  RuleConfig,
  SegmentPolicy
} from '../../../main/default/lwc/handoffRules/handoffRules';
import { loadCustomMetadata } from './metadata';

/** A custom metadata record as the offline readers give it (type without `__mdt`). */
export interface MetadataRecord {
  type: string;
  name: string;
  values: Record<string, string | null | undefined>;
}

const num = (r: MetadataRecord, f: string): number | null => {
  const v = r.values[f];
  return v === null || v === undefined || v.trim() === '' ? null : Number(v);
};
const str = (r: MetadataRecord, f: string): string => r.values[f] ?? '';
const bool = (r: MetadataRecord, f: string): boolean => r.values[f] === 'true';
const byName = (a: MetadataRecord, b: MetadataRecord): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/**
 * The rule configuration in the evaluator's shape, from custom metadata records (as the org
 * reads them). Records are taken in DeveloperName order (by character code), so the result
 * does not depend on the order the files were read in.
 */
export function ruleConfigFromRecords(all: readonly MetadataRecord[]): RuleConfig {
  const of = (type: string): MetadataRecord[] => all.filter((r) => r.type === type).sort(byName);
  const settings = of('Handoff_Setting').find((r) => r.name === 'Default');
  const segmentPolicies: SegmentPolicy[] = of('Handoff_Segment_Policy').map((r) => ({
    developerName: r.name,
    segment: str(r, 'Segment__c'),
    order: num(r, 'Order__c') ?? 0,
    minAmount: num(r, 'Min_Amount__c'),
    minEmployees: num(r, 'Min_Employees__c'),
    matchLogic: str(r, 'Match_Logic__c') === 'All' ? 'All' : 'Any',
    tier: str(r, 'Tier__c'),
    active: bool(r, 'Active__c')
  }));
  const fieldRules: FieldRule[] = of('Handoff_Field_Rule').map((r) => ({
    developerName: r.name,
    fieldApiName: str(r, 'Field_API_Name__c'),
    ruleSet: str(r, 'Rule_Set__c'),
    segment: str(r, 'Segment__c'),
    requirement: str(r, 'Requirement__c') === 'Required' ? 'Required' : 'Optional',
    section: str(r, 'Section__c'),
    order: num(r, 'Order__c') ?? 0,
    weight: num(r, 'Weight__c'),
    guidance: r.values.Guidance__c ?? null,
    active: bool(r, 'Active__c')
  }));
  return {
    settings: {
      expansionOpportunityTypes: (settings?.values.Expansion_Opportunity_Types__c ?? '')
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s !== '')
    },
    segmentPolicies,
    fieldRules
  };
}

/** The shipped rule configuration, in the evaluator's shape. */
export function shippedRuleConfig(): RuleConfig {
  return ruleConfigFromRecords([...loadCustomMetadata().values()]);
}
