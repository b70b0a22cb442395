/**
 * The shipped Handoff_Prefill_Mapping records (issue 16): equal to the `shipped` section of
 * staticresources/handoffPrefillVectors.json (so the vectors test what the org gets), pointing at
 * handoff fields that exist, reading Opportunity fields that exist, with valid picklist values,
 * the stock ContactRole values, and Auto Fill off. See docs/behaviour.md, "Pre-fill".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PrefillMapping } from '../../main/default/lwc/handoffPrefill/handoffPrefill';
import {
  SOURCE_ROOT,
  fieldExists,
  loadCustomMetadata,
  loadObjects,
  recordsOf
} from './lib/metadata';

const objects = loadObjects();
const opportunity = objects.get('Opportunity');
const records = recordsOf(loadCustomMetadata(), 'Handoff_Prefill_Mapping');
const vectors = JSON.parse(
  readFileSync(join(SOURCE_ROOT, 'staticresources', 'handoffPrefillVectors.json'), 'utf8')
) as { shipped: PrefillMapping[]; fieldTypes: Record<string, string> };

/** Salesforce's stock OpportunityContactRole Role values (a customisable standard value set). */
const STOCK_ROLES = [
  'Business User',
  'Decision Maker',
  'Economic Buyer',
  'Economic Decision Maker',
  'Evaluator',
  'Executive Sponsor',
  'Influencer',
  'Technical Buyer',
  'Other'
];

function toMapping(r: (typeof records)[number]): PrefillMapping {
  const priority = r.values.Priority__c;
  return {
    developerName: r.name,
    source: r.values.Source__c ?? '',
    sourceValue: r.values.Source_Value__c ?? null,
    targetField: r.values.Target_Field__c ?? '',
    priority: priority === null || priority === undefined ? null : Number(priority),
    active: r.values.Active__c === 'true',
    autoFill: r.values.Auto_Fill__c === 'true'
  };
}

const shipped = records.map(toMapping);
const byName = (a: PrefillMapping, b: PrefillMapping) =>
  a.developerName < b.developerName ? -1 : a.developerName > b.developerName ? 1 : 0;

/** Handoff fields: those a Handoff_Field_Rule names, and the stakeholder map. */
const handoffFields = new Set([
  'Handoff_Stakeholders__c',
  ...recordsOf(loadCustomMetadata(), 'Handoff_Field_Rule').map(
    (r) => r.values.Field_API_Name__c ?? ''
  )
]);

describe('shipped pre-fill mappings', () => {
  it('exist: one per target the issue names', () => {
    expect(new Set(shipped.map((m) => m.targetField))).toEqual(
      new Set([
        'Handoff_Champion__c',
        'Handoff_Executive_Sponsor__c',
        'Handoff_Technical_Contact__c',
        'Handoff_Stakeholders__c',
        'Handoff_Competitive_Context__c',
        'Handoff_Scope__c',
        'Handoff_Commitments__c',
        'Handoff_Notes__c',
        'Handoff_Communication_Preferences__c',
        'Handoff_Integrations__c'
      ])
    );
  });

  it('equal the shipped section of the pre-fill vectors', () => {
    expect([...shipped].sort(byName)).toEqual([...vectors.shipped].sort(byName));
  });

  it.each(shipped.map((m) => [m.developerName, m]))(
    '%s: valid and pointing at what exists',
    (_n, m) => {
      const mapping = m as PrefillMapping;
      const sources = opportunity ? [] : ['no Opportunity folder'];
      const problems: string[] = [...sources];
      const picklist =
        objects.get('Handoff_Prefill_Mapping__mdt')?.fields.get('Source__c')?.picklistValues ?? [];
      if (!picklist.includes(mapping.source)) {
        problems.push(`source ${mapping.source} is not a Source__c value`);
      }
      if (!opportunity?.fields.has(mapping.targetField)) {
        problems.push(`target ${mapping.targetField} is not an Opportunity field of the project`);
      }
      if (!handoffFields.has(mapping.targetField)) {
        problems.push(`target ${mapping.targetField} is not a handoff field`);
      }
      if (!(mapping.targetField in vectors.fieldTypes)) {
        problems.push(`target ${mapping.targetField} has no type in the vectors' fieldTypes`);
      }
      if (mapping.source === 'Opportunity_Field') {
        if (!fieldExists(objects, 'Opportunity', mapping.sourceValue ?? '')) {
          problems.push(`Opportunity field ${mapping.sourceValue} does not exist`);
        }
      }
      if (mapping.source === 'Previous_Handoff') {
        const field = mapping.sourceValue ?? mapping.targetField;
        if (!opportunity?.fields.has(field) || !handoffFields.has(field)) {
          problems.push(`previous handoff field ${field} is not a handoff field`);
        }
      }
      if (mapping.source === 'Contact_Role') {
        for (const role of (mapping.sourceValue ?? '').split(';').map((s) => s.trim())) {
          if (role !== '*' && role !== '(none)' && !STOCK_ROLES.includes(role)) {
            problems.push(`role ${role} is not a stock ContactRole value`);
          }
        }
      }
      if (mapping.source === 'Competitor' || mapping.source === 'Product') {
        if (mapping.sourceValue !== null) {
          problems.push(`source value ${mapping.sourceValue} is unused for ${mapping.source}`);
        }
      }
      if (!Number.isInteger(mapping.priority) || (mapping.priority ?? 0) < 1) {
        problems.push(`priority ${mapping.priority} is not a positive whole number`);
      }
      if (!mapping.active) {
        problems.push('shipped inactive');
      }
      if (mapping.autoFill) {
        problems.push('Auto Fill is on (the shipped mappings only suggest)');
      }
      expect(problems).toEqual([]);
    }
  );

  it('give no target two mappings of one priority', () => {
    const keys = shipped.map((m) => `${m.targetField}@${m.priority}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("the vectors' field types", () => {
  const expectedType: Record<string, string> = {
    Lookup: 'reference',
    LongTextArea: 'textarea',
    TextArea: 'textarea',
    Text: 'string',
    Date: 'date'
  };

  // Fields the vectors invent to reach a type no handoff field has (a short text).
  const VECTOR_ONLY = ['Handoff_Short_Note__c'];

  it('invent only the fields they say they invent', () => {
    const invented = Object.keys(vectors.fieldTypes).filter(
      (field) => opportunity?.fields.get(field) === undefined
    );
    expect(invented).toEqual(VECTOR_ONLY);
  });

  it.each(Object.entries(vectors.fieldTypes).filter(([field]) => !VECTOR_ONLY.includes(field)))(
    '%s is typed as the project defines it',
    (field, type) => {
      expect(expectedType[opportunity?.fields.get(field)?.type ?? '']).toBe(type);
    }
  );
});
