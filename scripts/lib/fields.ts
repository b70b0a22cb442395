/**
 * The handoff fields of the contract (docs/behaviour.md, "What the AE writes"), with the
 * labels the reports show and the value type the readers parse. Rule configurations may name
 * other fields; those get a label derived from the API name and are read as text.
 */

/** How a source value is read before the evaluator sees it. */
export type FieldType = 'text' | 'lookup' | 'date' | 'checkbox' | 'number';

/** A handoff field the product ships. */
export interface HandoffField {
  apiName: string;
  label: string;
  type: FieldType;
}

/** The fourteen fields the AE writes, in the contract's order. */
export const HANDOFF_FIELDS: readonly HandoffField[] = [
  { apiName: 'Handoff_Customer_Goals__c', label: 'Customer Goals', type: 'text' },
  { apiName: 'Handoff_Business_Pain__c', label: 'Business Pain', type: 'text' },
  { apiName: 'Handoff_Champion__c', label: 'Champion', type: 'lookup' },
  { apiName: 'Handoff_Executive_Sponsor__c', label: 'Executive Sponsor', type: 'lookup' },
  { apiName: 'Handoff_Technical_Contact__c', label: 'Technical Contact', type: 'lookup' },
  { apiName: 'Handoff_Scope__c', label: 'Scope', type: 'text' },
  { apiName: 'Handoff_Integrations__c', label: 'Integrations', type: 'text' },
  { apiName: 'Handoff_Commitments__c', label: 'Commitments', type: 'text' },
  { apiName: 'Handoff_Target_Go_Live__c', label: 'Target Go-Live', type: 'date' },
  { apiName: 'Handoff_Risks__c', label: 'Risks', type: 'text' },
  { apiName: 'Handoff_Competitive_Context__c', label: 'Competitive Context', type: 'text' },
  { apiName: 'Handoff_Contract_Notes__c', label: 'Contract Notes', type: 'text' },
  {
    apiName: 'Handoff_Communication_Preferences__c',
    label: 'Communication Preferences',
    type: 'text'
  },
  { apiName: 'Handoff_Notes__c', label: 'Notes', type: 'text' }
];

const byName = new Map(HANDOFF_FIELDS.map((f) => [f.apiName.toLowerCase(), f]));

/** The shipped field with this API name (any case), if any. */
export function handoffField(apiName: string): HandoffField | undefined {
  return byName.get(apiName.trim().toLowerCase());
}

/** A readable label: the shipped one, else the API name without prefix, suffix and underscores. */
export function fieldLabel(apiName: string): string {
  const known = handoffField(apiName);
  if (known) {
    return known.label;
  }
  return apiName
    .trim()
    .replace(/__c$/i, '')
    .replace(/^Handoff_/i, '')
    .replace(/_/g, ' ');
}

/** The value type of a field: the shipped one, else text. */
export function fieldType(apiName: string): FieldType {
  return handoffField(apiName)?.type ?? 'text';
}
