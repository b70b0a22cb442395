/**
 * The rule configuration as shipped: built from the custom metadata records in
 * force-app/main/default/customMetadata, the same records the org reads.
 */
import type {
  FieldRule,
  RuleConfig,
  SegmentPolicy
} from '../../../main/default/lwc/handoffRules/handoffRules';
import { loadCustomMetadata, recordsOf, type CustomMetadataRecord } from './metadata';

const num = (r: CustomMetadataRecord, f: string): number | null => {
  const v = r.values[f];
  return v === null || v === undefined || v === '' ? null : Number(v);
};
const str = (r: CustomMetadataRecord, f: string): string => r.values[f] ?? '';
const bool = (r: CustomMetadataRecord, f: string): boolean => r.values[f] === 'true';

/** The shipped rule configuration, in the evaluator's shape. */
export function shippedRuleConfig(): RuleConfig {
  const records = loadCustomMetadata();
  const settings = recordsOf(records, 'Handoff_Setting').find((r) => r.name === 'Default');
  const segmentPolicies: SegmentPolicy[] = recordsOf(records, 'Handoff_Segment_Policy').map(
    (r) => ({
      developerName: r.name,
      segment: str(r, 'Segment__c'),
      order: num(r, 'Order__c') ?? 0,
      minAmount: num(r, 'Min_Amount__c'),
      minEmployees: num(r, 'Min_Employees__c'),
      matchLogic: str(r, 'Match_Logic__c') === 'All' ? 'All' : 'Any',
      tier: str(r, 'Tier__c'),
      active: bool(r, 'Active__c')
    })
  );
  const fieldRules: FieldRule[] = recordsOf(records, 'Handoff_Field_Rule').map((r) => ({
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
