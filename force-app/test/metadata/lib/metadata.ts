/**
 * Reads the project's source-format metadata into plain objects, for the offline
 * cross-reference and formula tests. Nothing here talks to an org.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export const PROJECT_ROOT = join(__dirname, '..', '..', '..', '..');
export const SOURCE_ROOT = join(PROJECT_ROOT, 'force-app', 'main', 'default');

/** Elements that may repeat in the metadata we read: always parsed as arrays. */
const ARRAY_TAGS = new Set([
  'fields',
  'fieldPermissions',
  'objectPermissions',
  'classAccesses',
  'customPermissions',
  'customMetadataTypeAccesses',
  'permissionSets',
  'values',
  'value',
  'layoutSections',
  'layoutColumns',
  'layoutItems',
  'relatedLists',
  'platformActionListItems',
  'pathAssistantSteps',
  'fieldNames',
  'quickActionLayoutColumns',
  'quickActionLayoutItems',
  'fieldOverrides',
  'fieldUpdates',
  'approvalStep',
  'criteriaItems',
  'filters',
  'columns',
  'labels',
  'tabVisibilities',
  'applicationVisibilities',
  'recordTypeVisibilities',
  'pageAccesses',
  'userPermissions'
]);

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ARRAY_TAGS.has(name)
});

/** A parsed XML element: nested records, arrays and string leaves. */
export type Xml = { [key: string]: XmlValue };
export type XmlValue = string | Xml | XmlValue[] | undefined;

/** Parses one metadata file and returns its root element's content. */
export function readXml(path: string): Xml {
  const doc = parser.parse(readFileSync(path, 'utf8')) as Xml;
  const root = Object.keys(doc).find((k) => k !== '?xml');
  if (!root) {
    throw new Error(`${path}: no root element`);
  }
  const content = doc[root];
  return typeof content === 'object' && !Array.isArray(content) ? content : {};
}

/** A string leaf of an element, or undefined. */
export function text(node: Xml | undefined, key: string): string | undefined {
  const value = node?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** The child elements under `key` as an array (empty when absent). */
export function list(node: Xml | undefined, key: string): Xml[] {
  const value = node?.[key];
  if (value === undefined) {
    return [];
  }
  const items = Array.isArray(value) ? value : [value];
  return items.filter((v): v is Xml => typeof v === 'object' && v !== null && !Array.isArray(v));
}

/** The string leaves under `key` as an array. */
export function strings(node: Xml | undefined, key: string): string[] {
  const value = node?.[key];
  if (value === undefined) {
    return [];
  }
  const items = Array.isArray(value) ? value : [value];
  return items.filter((v): v is string => typeof v === 'string');
}

/** Files directly in a folder of the source tree (or of `root`) that end with `suffix`. */
export function filesIn(folder: string, suffix: string, root: string = SOURCE_ROOT): string[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .map((f) => join(dir, f))
    .sort();
}

/** All files under a folder (recursively) whose name ends with `suffix`. */
export function walk(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) {
    return [];
  }
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      out.push(...walk(path, suffix));
    } else if (entry.endsWith(suffix)) {
      out.push(path);
    }
  }
  return out.sort();
}

/** The component name of a source file: `Foo.field-meta.xml` → `Foo`. */
export function componentName(path: string, suffix: string): string {
  return basename(path).slice(0, -suffix.length);
}

export interface FieldMeta {
  object: string;
  name: string;
  path: string;
  xml: Xml;
  type: string | undefined;
  formula: string | undefined;
  label: string | undefined;
  picklistValues: string[];
}

export interface ObjectMeta {
  name: string;
  /** Undefined for standard objects, which the project extends without an object file. */
  xml: Xml | undefined;
  fields: Map<string, FieldMeta>;
  validationRules: Map<string, Xml>;
  listViews: Map<string, Xml>;
  compactLayouts: Map<string, Xml>;
}

/** A picklist value's full name, URL-decoded as the source format stores it (as is when not encoded). */
function decodeValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function picklistValuesOf(field: Xml): string[] {
  const set = field.valueSet;
  if (typeof set !== 'object' || Array.isArray(set)) {
    return [];
  }
  const definition = set.valueSetDefinition;
  if (typeof definition !== 'object' || Array.isArray(definition)) {
    return [];
  }
  return list(definition, 'value')
    .map((v) => text(v, 'fullName'))
    .filter((v): v is string => v !== undefined)
    .map(decodeValue);
}

function mapOf(dir: string, suffix: string): Map<string, Xml> {
  const out = new Map<string, Xml>();
  for (const path of walk(dir, suffix)) {
    out.set(componentName(path, suffix), readXml(path));
  }
  return out;
}

/** Every object folder under objects/ (of `sourceRoot`), with its fields and rules. */
export function loadObjects(sourceRoot: string = SOURCE_ROOT): Map<string, ObjectMeta> {
  const objects = new Map<string, ObjectMeta>();
  const root = join(sourceRoot, 'objects');
  if (!existsSync(root)) {
    return objects;
  }
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    if (!statSync(dir).isDirectory()) {
      continue;
    }
    const objectFile = join(dir, `${name}.object-meta.xml`);
    const fields = new Map<string, FieldMeta>();
    for (const path of walk(join(dir, 'fields'), '.field-meta.xml')) {
      const xml = readXml(path);
      const fieldName = componentName(path, '.field-meta.xml');
      fields.set(fieldName, {
        object: name,
        name: fieldName,
        path,
        xml,
        type: text(xml, 'type'),
        formula: text(xml, 'formula'),
        label: text(xml, 'label'),
        picklistValues: picklistValuesOf(xml)
      });
    }
    objects.set(name, {
      name,
      xml: existsSync(objectFile) ? readXml(objectFile) : undefined,
      fields,
      validationRules: mapOf(join(dir, 'validationRules'), '.validationRule-meta.xml'),
      listViews: mapOf(join(dir, 'listViews'), '.listView-meta.xml'),
      compactLayouts: mapOf(join(dir, 'compactLayouts'), '.compactLayout-meta.xml')
    });
  }
  return objects;
}

/** Standard fields the project's metadata may name without defining them. */
export const STANDARD_FIELDS: Record<string, string[]> = {
  Opportunity: [
    'Id',
    'Name',
    'AccountId',
    'Amount',
    'CloseDate',
    'StageName',
    'Probability',
    'Type',
    'LeadSource',
    'NextStep',
    'Description',
    'OwnerId',
    'IsWon',
    'IsClosed',
    'ForecastCategoryName',
    'CampaignId',
    'ExpectedRevenue',
    'TotalOpportunityQuantity',
    'IsPrivate',
    'CreatedById',
    'LastModifiedById',
    'CreatedDate',
    'LastModifiedDate',
    'RecordTypeId',
    'ContactId',
    'Pricebook2Id',
    'FiscalYear',
    'FiscalQuarter'
  ],
  Account: [
    'Id',
    'Name',
    'OwnerId',
    'NumberOfEmployees',
    'Industry',
    'Type',
    'AnnualRevenue',
    'Phone',
    'Website',
    'ParentId',
    'BillingCity',
    'BillingCountry',
    'CreatedDate'
  ],
  Contact: ['Id', 'Name', 'FirstName', 'LastName', 'Email', 'Phone', 'Title', 'AccountId'],
  User: [
    'Id',
    'Name',
    'FirstName',
    'LastName',
    'Email',
    'Username',
    'IsActive',
    'ManagerId',
    'ProfileId',
    'UserRoleId',
    'TimeZoneSidKey',
    'LanguageLocaleKey',
    'LocaleSidKey',
    'EmailEncodingKey',
    'Alias'
  ],
  Task: [
    'Id',
    'Subject',
    'OwnerId',
    'WhatId',
    'WhoId',
    'ActivityDate',
    'Status',
    'Priority',
    'Description',
    'IsClosed',
    'CompletedDateTime',
    'ReminderDateTime',
    'IsReminderSet',
    'Type',
    'TaskSubtype'
  ],
  Event: ['Id', 'Subject', 'OwnerId', 'WhatId', 'WhoId', 'StartDateTime', 'EndDateTime', 'Type'],
  '*': [
    'Id',
    'Name',
    'OwnerId',
    'CreatedById',
    'CreatedDate',
    'LastModifiedById',
    'LastModifiedDate',
    'SystemModstamp',
    'RecordTypeId',
    'IsDeleted',
    'DeveloperName',
    'MasterLabel',
    'Label',
    'QualifiedApiName',
    'NamespacePrefix',
    'EventUuid',
    'ReplayId'
  ]
};

/** Whether `object.field` exists: a field file of the project, or a known standard field. */
export function fieldExists(
  objects: Map<string, ObjectMeta>,
  object: string,
  field: string
): boolean {
  if (objects.get(object)?.fields.has(field)) {
    return true;
  }
  if (field.endsWith('__c')) {
    return false;
  }
  return (STANDARD_FIELDS[object] ?? []).includes(field) || STANDARD_FIELDS['*'].includes(field);
}

export interface CustomMetadataRecord {
  type: string;
  name: string;
  label: string | undefined;
  values: Record<string, string | null>;
  /** the whole record file, for readers that need more than the values */
  xml: Xml;
}

/** Every record under customMetadata/ (of `root`), keyed `Type.Record` (type without `__mdt`). */
export function loadCustomMetadata(root: string = SOURCE_ROOT): Map<string, CustomMetadataRecord> {
  const out = new Map<string, CustomMetadataRecord>();
  for (const path of filesIn('customMetadata', '.md-meta.xml', root)) {
    const fullName = componentName(path, '.md-meta.xml');
    const dot = fullName.indexOf('.');
    const xml = readXml(path);
    const values: Record<string, string | null> = {};
    for (const v of list(xml, 'values')) {
      const field = text(v, 'field');
      if (!field) {
        continue;
      }
      // `value` is an array tag (picklist values repeat); a record field has exactly one.
      const raw = Array.isArray(v.value) ? v.value[0] : v.value;
      // <value xsi:nil="true"/> parses to an empty string once attributes are ignored.
      values[field] = typeof raw === 'string' && raw !== '' ? raw : null;
    }
    out.set(fullName, {
      type: fullName.slice(0, dot),
      name: fullName.slice(dot + 1),
      label: text(xml, 'label'),
      values,
      xml
    });
  }
  return out;
}

/** Records of one custom metadata type (pass the type without `__mdt`). */
export function recordsOf(
  records: Map<string, CustomMetadataRecord>,
  type: string
): CustomMetadataRecord[] {
  return [...records.values()].filter((r) => r.type === type);
}

/** Component names (file name without the suffix) in a source folder. */
export function namesIn(folder: string, suffix: string): Set<string> {
  return new Set(filesIn(folder, suffix).map((p) => componentName(p, suffix)));
}
