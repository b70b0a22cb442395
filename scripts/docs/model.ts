/**
 * Reads the product's source-format metadata into one plain model that the configuration
 * guide and the generated blocks of the hand-written guides are rendered from.
 *
 * Built on the offline metadata readers of the metadata tests
 * (force-app/test/metadata/lib/metadata.ts): the same XML parser settings (`readXml`) and the
 * same helpers. The readers there are fixed to this project's source folder; the ones here take
 * the folder as a parameter so the unit tests can run them on a small fixture, and a test proves
 * that on this project they read the same objects, fields and records as `loadObjects` and
 * `loadCustomMetadata`.
 *
 * Every metadata type the product may ship is read when its folder exists, so the guide picks up
 * what other work adds (reports, dashboards, apps, tabs…) the next time `npm run docs` runs.
 * Everything is sorted by name (plain code-unit order, never the locale) so the output is the
 * same on every machine.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import {
  componentName,
  list,
  loadCustomMetadata,
  loadObjects,
  readXml,
  strings,
  text,
  type Xml,
  type XmlValue
} from '../../force-app/test/metadata/lib/metadata.ts';
import { parseApexClass, parseApexTrigger, type ApexClass, type ApexTrigger } from './apexdoc.ts';

/** Plain code-unit comparison: the same order on every machine and locale. */
export function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortBy<T>(items: T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => byCode(key(a), key(b)));
}

const bool = (value: string | undefined): boolean => (value ?? '').trim() === 'true';
const opt = (value: string | undefined): string | null => {
  const v = (value ?? '').trim();
  return v === '' ? null : v;
};

/** A child element (not a list) under `key`, or undefined. */
function child(node: Xml | undefined, key: string): Xml | undefined {
  return list(node, key)[0];
}

/** A leaf that may repeat (`value` is parsed as an array): its first string. */
function first(node: Xml | undefined, key: string): string {
  return text(node, key) ?? strings(node, key)[0] ?? '';
}

/** Every string value found under `key` anywhere in a tree. */
function deepStrings(node: XmlValue, key: string, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    node.forEach((n) => deepStrings(n, key, out));
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === key && typeof v === 'string') {
        out.push(v);
      } else if (k === key && Array.isArray(v)) {
        v.filter((s): s is string => typeof s === 'string').forEach((s) => out.push(s));
      }
      deepStrings(v, key, out);
    }
  }
  return out;
}

/** Every element found under `key` anywhere in a tree. */
function deepElements(node: XmlValue, key: string, out: Xml[] = []): Xml[] {
  if (Array.isArray(node)) {
    node.forEach((n) => deepElements(n, key, out));
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === key) {
        out.push(...list(node, k));
      }
      deepElements(v, key, out);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------------------------

export type ObjectKind = 'standard' | 'custom' | 'customMetadata' | 'platformEvent' | 'other';

export interface FieldDoc {
  object: string;
  name: string;
  label: string;
  type: string;
  /** Type as Setup shows it: `Text(255)`, `Lookup(Contact)`, `Formula (Checkbox)`… */
  typeDetail: string;
  description: string | null;
  helpText: string | null;
  formula: string | null;
  required: boolean;
  unique: boolean;
  externalId: boolean;
  picklistValues: string[];
  referenceTo: string | null;
  defaultValue: string | null;
}

export interface ValidationRuleDoc {
  object: string;
  name: string;
  active: boolean;
  description: string | null;
  formula: string;
  message: string;
  errorField: string | null;
}

export interface NamedDoc {
  name: string;
  label: string;
  description: string | null;
}

export interface CompactLayoutDoc extends NamedDoc {
  fields: string[];
}

export interface ObjectDoc {
  name: string;
  kind: ObjectKind;
  label: string;
  pluralLabel: string | null;
  description: string | null;
  sharingModel: string | null;
  nameField: string | null;
  fields: FieldDoc[];
  validationRules: ValidationRuleDoc[];
  listViews: NamedDoc[];
  compactLayouts: CompactLayoutDoc[];
}

/** One custom metadata record (`Type.Record`, type without `__mdt`). */
export interface RecordDoc {
  type: string;
  name: string;
  label: string;
  description: string | null;
  protected: boolean;
  values: Record<string, string | null>;
}

export interface FieldPermissionDoc {
  field: string;
  readable: boolean;
  editable: boolean;
}

export interface ObjectPermissionDoc {
  object: string;
  create: boolean;
  read: boolean;
  edit: boolean;
  delete: boolean;
  viewAll: boolean;
  modifyAll: boolean;
}

export interface PermissionSetDoc extends NamedDoc {
  license: string | null;
  fieldPermissions: FieldPermissionDoc[];
  objectPermissions: ObjectPermissionDoc[];
  classes: string[];
  customPermissions: string[];
  customMetadataTypes: string[];
  userPermissions: string[];
  tabs: { tab: string; visibility: string }[];
  applications: string[];
  pages: string[];
}

export interface PermissionSetGroupDoc extends NamedDoc {
  permissionSets: string[];
  mutingPermissionSets: string[];
}

export interface PublicGroupDoc extends NamedDoc {
  kind: 'group' | 'queue';
  includeBosses: boolean;
  queueObjects: string[];
}

export interface FlowFilterDoc {
  field: string;
  operator: string;
  value: string;
}

export interface ScheduledPathDoc {
  name: string;
  label: string;
  offset: string;
  description: string | null;
}

export interface FlowElementDoc {
  kind: string;
  name: string;
  label: string;
  detail: string;
  description: string | null;
}

export interface FlowDoc extends NamedDoc {
  processType: string;
  status: string;
  apiVersion: string | null;
  object: string | null;
  triggerType: string | null;
  recordTriggerType: string | null;
  triggerOrder: string | null;
  onlyWhenChanged: boolean;
  filterLogic: string | null;
  filters: FlowFilterDoc[];
  filterFormula: string | null;
  schedule: string | null;
  scheduledPaths: ScheduledPathDoc[];
  elements: FlowElementDoc[];
  tests: string[];
}

export interface QuickActionDoc extends NamedDoc {
  object: string | null;
  type: string;
  fields: { field: string; behavior: string }[];
  overrides: { field: string; value: string }[];
  successMessage: string | null;
  target: string | null;
}

export interface FlexiPageDoc extends NamedDoc {
  type: string;
  object: string | null;
  components: string[];
}

export interface AppDoc extends NamedDoc {
  navType: string | null;
  uiType: string | null;
  formFactors: string[];
  tabs: string[];
  utilityBar: string | null;
  overrides: { page: string; action: string; content: string; formFactor: string | null }[];
}

export interface TabDoc extends NamedDoc {
  kind: string;
  target: string;
  motif: string | null;
}

export interface FolderDoc extends NamedDoc {
  accessType: string | null;
  shares: string[];
}

export interface ReportDoc extends NamedDoc {
  folder: string;
  reportType: string | null;
  format: string | null;
  groupings: string[];
  columns: string[];
  filters: string[];
  timeFrame: string | null;
  chart: string | null;
}

export interface DashboardDoc extends NamedDoc {
  folder: string;
  type: string | null;
  runningUser: string | null;
  components: { title: string; type: string; report: string | null }[];
}

export interface ReportTypeDoc extends NamedDoc {
  baseObject: string;
  category: string | null;
  deployed: boolean;
  joins: string[];
}

export interface LayoutDoc extends NamedDoc {
  object: string;
  sections: { label: string; fields: string[] }[];
}

export interface PathDoc extends NamedDoc {
  object: string;
  field: string;
  recordType: string | null;
  active: boolean;
  steps: { value: string; fields: string[]; info: string | null }[];
}

export interface ApprovalProcessDoc extends NamedDoc {
  object: string;
  active: boolean;
  entryCriteria: string[];
  steps: { name: string; label: string; approver: string; description: string | null }[];
  approvalActions: string[];
  rejectionActions: string[];
  recordEditability: string | null;
  allowRecall: boolean;
}

export interface FieldUpdateDoc extends NamedDoc {
  object: string;
  field: string;
  value: string;
}

export interface SharingRuleDoc extends NamedDoc {
  object: string;
  kind: string;
  access: string;
  sharedTo: string;
  sharedFrom: string;
}

export interface EmailTemplateDoc extends NamedDoc {
  folder: string;
  subject: string | null;
  type: string | null;
}

export interface NotificationTypeDoc extends NamedDoc {
  desktop: boolean;
  mobile: boolean;
}

export interface StaticResourceDoc extends NamedDoc {
  contentType: string | null;
}

export interface LwcDoc extends NamedDoc {
  exposed: boolean;
  targets: string[];
  objects: string[];
}

export interface LabelFileDoc {
  name: string;
  count: number;
  prefixes: string[];
  /** Label name → its value (the shipped language). */
  values: Record<string, string>;
}

/** Everything the guides are rendered from. */
export interface DocModel {
  objects: ObjectDoc[];
  records: RecordDoc[];
  permissionSets: PermissionSetDoc[];
  permissionSetGroups: PermissionSetGroupDoc[];
  customPermissions: NamedDoc[];
  groups: PublicGroupDoc[];
  sharingRules: SharingRuleDoc[];
  flows: FlowDoc[];
  classes: ApexClass[];
  triggers: ApexTrigger[];
  quickActions: QuickActionDoc[];
  flexiPages: FlexiPageDoc[];
  apps: AppDoc[];
  tabs: TabDoc[];
  reportFolders: FolderDoc[];
  reports: ReportDoc[];
  dashboardFolders: FolderDoc[];
  dashboards: DashboardDoc[];
  reportTypes: ReportTypeDoc[];
  layouts: LayoutDoc[];
  paths: PathDoc[];
  approvalProcesses: ApprovalProcessDoc[];
  fieldUpdates: FieldUpdateDoc[];
  emailTemplates: EmailTemplateDoc[];
  notificationTypes: NotificationTypeDoc[];
  staticResources: StaticResourceDoc[];
  lwc: LwcDoc[];
  labels: LabelFileDoc[];
}

// ---------------------------------------------------------------------------------------------
// Readers
// ---------------------------------------------------------------------------------------------

/** Files directly in `root/folder` ending with `suffix`, sorted. */
function filesOf(root: string, folder: string, suffix: string): string[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(suffix) && statSync(join(dir, f)).isFile())
    .sort(byCode)
    .map((f) => join(dir, f));
}

/** `root/folder/<sub>/<file>` for files ending with `suffix` one folder down, sorted. */
function filesInSubfolders(root: string, folder: string, suffix: string): string[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => statSync(join(dir, f)).isDirectory())
    .sort(byCode)
    .flatMap((sub) => filesOf(root, join(folder, sub), suffix));
}

function typeDetailOf(xml: Xml, type: string): string {
  const length = text(xml, 'length');
  const precision = text(xml, 'precision');
  const scale = text(xml, 'scale') ?? '0';
  const reference = text(xml, 'referenceTo');
  const names: Record<string, string> = {
    Text: `Text(${length ?? ''})`,
    TextArea: 'Text Area(255)',
    LongTextArea: `Long Text Area(${length ?? ''})`,
    Html: `Rich Text Area(${length ?? ''})`,
    EncryptedText: `Text (Encrypted)(${length ?? ''})`,
    Number: `Number(${precision ?? ''}, ${scale})`,
    Percent: `Percent(${precision ?? ''}, ${scale})`,
    Currency: `Currency(${precision ?? ''}, ${scale})`,
    DateTime: 'Date/Time',
    Lookup: `Lookup(${reference ?? ''})`,
    MasterDetail: `Master-Detail(${reference ?? ''})`,
    MetadataRelationship: `Metadata Relationship(${reference ?? ''})`,
    MultiselectPicklist: 'Multi-Select Picklist',
    AutoNumber: 'Auto Number',
    Summary: 'Roll-Up Summary',
    Url: 'URL'
  };
  const base = names[type] ?? type;
  return text(xml, 'formula') !== undefined ? `Formula (${base})` : base;
}

function kindOf(name: string, hasObjectFile: boolean): ObjectKind {
  if (name.endsWith('__mdt')) return 'customMetadata';
  if (name.endsWith('__e')) return 'platformEvent';
  if (name.endsWith('__c')) return 'custom';
  return hasObjectFile ? 'other' : 'standard';
}

/** Every object folder under `objects/`, with its fields, rules, list views and compact layouts. */
export function readObjects(root: string): ObjectDoc[] {
  return sortBy([...loadObjects(root).values()], (o) => o.name).map((o) => {
    const xml = o.xml;
    const fields = [...o.fields.values()].map((meta): FieldDoc => {
      const f = meta.xml;
      const type = meta.type ?? '';
      return {
        object: o.name,
        name: meta.name,
        label: meta.label ?? '',
        type,
        typeDetail: typeDetailOf(f, type),
        description: opt(text(f, 'description')),
        helpText: opt(text(f, 'inlineHelpText')),
        formula: opt(meta.formula),
        required: bool(text(f, 'required')),
        unique: bool(text(f, 'unique')),
        externalId: bool(text(f, 'externalId')),
        picklistValues: meta.picklistValues,
        referenceTo: opt(text(f, 'referenceTo')),
        defaultValue: opt(text(f, 'defaultValue'))
      };
    });
    const validationRules = [...o.validationRules].map(([name, v]): ValidationRuleDoc => ({
      object: o.name,
      name,
      active: bool(text(v, 'active')),
      description: opt(text(v, 'description')),
      formula: (text(v, 'errorConditionFormula') ?? '').trim(),
      message: (text(v, 'errorMessage') ?? '').trim(),
      errorField: opt(text(v, 'errorDisplayField'))
    }));
    const listViews = [...o.listViews].map(([name, v]) => ({
      name,
      label: text(v, 'label') ?? name,
      description: null
    }));
    const compactLayouts = [...o.compactLayouts].map(([name, v]) => ({
      name,
      label: text(v, 'label') ?? name,
      description: null,
      fields: strings(v, 'fields')
    }));
    return {
      name: o.name,
      kind: kindOf(o.name, xml !== undefined),
      label: text(xml, 'label') ?? o.name,
      pluralLabel: opt(text(xml, 'pluralLabel')),
      description: opt(text(xml, 'description')),
      sharingModel: opt(text(xml, 'sharingModel')),
      nameField: xml ? nameFieldOf(child(xml, 'nameField')) : null,
      fields: sortBy(fields, (f) => f.name),
      validationRules: sortBy(validationRules, (v) => v.name),
      listViews: sortBy(listViews, (v) => v.name),
      compactLayouts: sortBy(compactLayouts, (v) => v.name)
    };
  });
}

function nameFieldOf(node: Xml | undefined): string | null {
  if (!node) return null;
  const type = text(node, 'type') ?? '';
  const format = text(node, 'displayFormat');
  const label = text(node, 'label') ?? 'Name';
  return type === 'AutoNumber' ? `${label} (Auto Number ${format ?? ''})` : `${label} (${type})`;
}

/** Every custom metadata record under `customMetadata/`. */
export function readRecords(root: string): RecordDoc[] {
  return sortBy([...loadCustomMetadata(root).values()], (r) => `${r.type}.${r.name}`).map((r) => ({
    type: r.type,
    name: r.name,
    label: r.label ?? r.name,
    description: opt(text(r.xml, 'description')),
    protected: bool(text(r.xml, 'protected')),
    values: r.values
  }));
}

function readPermissionSets(root: string): PermissionSetDoc[] {
  return filesOf(root, 'permissionsets', '.permissionset-meta.xml').map((path) => {
    const x = readXml(path);
    return {
      name: componentName(path, '.permissionset-meta.xml'),
      label: text(x, 'label') ?? '',
      description: opt(text(x, 'description')),
      license: opt(text(x, 'license')),
      fieldPermissions: sortBy(
        list(x, 'fieldPermissions').map((p) => ({
          field: text(p, 'field') ?? '',
          readable: bool(text(p, 'readable')),
          editable: bool(text(p, 'editable'))
        })),
        (p) => p.field
      ),
      objectPermissions: sortBy(
        list(x, 'objectPermissions').map((p) => ({
          object: text(p, 'object') ?? '',
          create: bool(text(p, 'allowCreate')),
          read: bool(text(p, 'allowRead')),
          edit: bool(text(p, 'allowEdit')),
          delete: bool(text(p, 'allowDelete')),
          viewAll: bool(text(p, 'viewAllRecords')),
          modifyAll: bool(text(p, 'modifyAllRecords'))
        })),
        (p) => p.object
      ),
      classes: enabledNames(x, 'classAccesses', 'apexClass'),
      customPermissions: enabledNames(x, 'customPermissions', 'name'),
      customMetadataTypes: enabledNames(x, 'customMetadataTypeAccesses', 'name'),
      userPermissions: enabledNames(x, 'userPermissions', 'name'),
      tabs: sortBy(
        list(x, 'tabSettings').map((t) => ({
          tab: text(t, 'tab') ?? '',
          visibility: text(t, 'visibility') ?? ''
        })),
        (t) => t.tab
      ),
      applications: list(x, 'applicationVisibilities')
        .filter((a) => bool(text(a, 'visible')))
        .map((a) => text(a, 'application') ?? '')
        .sort(byCode),
      pages: enabledNames(x, 'pageAccesses', 'apexPage')
    };
  });
}

function enabledNames(x: Xml, key: string, nameKey: string): string[] {
  return list(x, key)
    .filter((e) => bool(text(e, 'enabled')))
    .map((e) => text(e, nameKey) ?? '')
    .filter((n) => n !== '')
    .sort(byCode);
}

function readPermissionSetGroups(root: string): PermissionSetGroupDoc[] {
  return filesOf(root, 'permissionsetgroups', '.permissionsetgroup-meta.xml').map((path) => {
    const x = readXml(path);
    return {
      name: componentName(path, '.permissionsetgroup-meta.xml'),
      label: text(x, 'label') ?? '',
      description: opt(text(x, 'description')),
      permissionSets: strings(x, 'permissionSets').sort(byCode),
      mutingPermissionSets: strings(x, 'mutingPermissionSets').sort(byCode)
    };
  });
}

function readNamed(root: string, folder: string, suffix: string, labelKey = 'label'): NamedDoc[] {
  return filesOf(root, folder, suffix).map((path) => {
    const x = readXml(path);
    return {
      name: componentName(path, suffix),
      label: text(x, labelKey) ?? componentName(path, suffix),
      description: opt(text(x, 'description'))
    };
  });
}

function readGroups(root: string): PublicGroupDoc[] {
  const groups = filesOf(root, 'groups', '.group-meta.xml').map((path): PublicGroupDoc => {
    const x = readXml(path);
    return {
      name: componentName(path, '.group-meta.xml'),
      label: text(x, 'name') ?? componentName(path, '.group-meta.xml'),
      description: opt(text(x, 'description')),
      kind: 'group',
      includeBosses: bool(text(x, 'doesIncludeBosses')),
      queueObjects: []
    };
  });
  const queues = filesOf(root, 'queues', '.queue-meta.xml').map((path): PublicGroupDoc => {
    const x = readXml(path);
    return {
      name: componentName(path, '.queue-meta.xml'),
      label: text(x, 'name') ?? componentName(path, '.queue-meta.xml'),
      description: opt(text(x, 'description')),
      kind: 'queue',
      includeBosses: bool(text(x, 'doesIncludeBosses')),
      queueObjects: deepStrings(x, 'sobjectType').sort(byCode)
    };
  });
  return sortBy([...groups, ...queues], (g) => g.name);
}

function readSharingRules(root: string): SharingRuleDoc[] {
  const out: SharingRuleDoc[] = [];
  for (const path of filesOf(root, 'sharingRules', '.sharingRules-meta.xml')) {
    const object = componentName(path, '.sharingRules-meta.xml');
    const x = readXml(path);
    for (const [key, kind] of [
      ['sharingOwnerRules', 'owner-based'],
      ['sharingCriteriaRules', 'criteria-based'],
      ['sharingGuestRules', 'guest user']
    ]) {
      for (const r of list(x, key)) {
        const to = child(r, 'sharedTo');
        const from = child(r, 'sharedFrom');
        out.push({
          object,
          kind,
          name: text(r, 'fullName') ?? '',
          label: text(r, 'label') ?? '',
          description: opt(text(r, 'description')),
          access: text(r, 'accessLevel') ?? '',
          sharedTo: describeShare(to),
          sharedFrom:
            kind === 'criteria-based'
              ? list(r, 'criteriaItems')
                  .map((c) => `${first(c, 'field')} ${first(c, 'operation')} ${first(c, 'value')}`)
                  .join(', ')
              : describeShare(from)
        });
      }
    }
  }
  return sortBy(out, (r) => `${r.object}.${r.name}`);
}

function describeShare(node: Xml | undefined): string {
  if (!node) return '';
  return Object.entries(node)
    .filter(([k]) => k !== '#text')
    .map(([k, v]) => {
      const value = typeof v === 'string' ? v.trim() : '';
      return value === '' ? splitCamel(k) : `${splitCamel(k)} ${value}`;
    })
    .join(', ');
}

function splitCamel(value: string): string {
  return value.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A flow element value (`<value><stringValue>x</stringValue></value>`) as text. */
function flowValue(node: Xml | undefined): string {
  if (!node) return '';
  for (const [k, v] of Object.entries(node)) {
    if (typeof v === 'string' && k !== '#text') {
      return k === 'stringValue' ? `"${v}"` : v;
    }
  }
  return '';
}

function readFlows(root: string): FlowDoc[] {
  const tests = filesOf(root, 'flowtests', '.flowtest-meta.xml').map((path) => ({
    name: componentName(path, '.flowtest-meta.xml'),
    flow: text(readXml(path), 'flowApiName') ?? ''
  }));
  return filesOf(root, 'flows', '.flow-meta.xml').map((path): FlowDoc => {
    const name = componentName(path, '.flow-meta.xml');
    const x = readXml(path);
    const start = child(x, 'start');
    const schedule = child(start, 'schedule');
    const elements: FlowElementDoc[] = [];
    for (const d of list(x, 'decisions')) {
      const outcomes = list(d, 'rules').map((r) => `${text(r, 'name')} (${text(r, 'label')})`);
      outcomes.push(`default: ${text(d, 'defaultConnectorLabel') ?? 'Default Outcome'}`);
      elements.push(element('Decision', d, `outcomes ${outcomes.join('; ')}`));
    }
    for (const a of list(x, 'actionCalls')) {
      elements.push(
        element('Action', a, `${text(a, 'actionType') ?? ''} ${text(a, 'actionName') ?? ''}`)
      );
    }
    for (const [key, kind] of [
      ['recordCreates', 'Create Records'],
      ['recordUpdates', 'Update Records'],
      ['recordLookups', 'Get Records'],
      ['recordDeletes', 'Delete Records']
    ]) {
      for (const r of list(x, key)) {
        elements.push(
          element(kind, r, text(r, 'object') ?? text(r, 'inputReference') ?? '(record variable)')
        );
      }
    }
    for (const s of list(x, 'subflows')) {
      elements.push(element('Subflow', s, text(s, 'flowName') ?? ''));
    }
    for (const s of list(x, 'screens')) {
      elements.push(element('Screen', s, ''));
    }
    return {
      name,
      label: text(x, 'label') ?? name,
      description: opt(text(x, 'description')),
      processType: text(x, 'processType') ?? '',
      status: text(x, 'status') ?? '',
      apiVersion: opt(text(x, 'apiVersion')),
      object: opt(text(start, 'object')),
      triggerType: opt(text(start, 'triggerType')),
      recordTriggerType: opt(text(start, 'recordTriggerType')),
      triggerOrder: opt(text(x, 'triggerOrder')),
      onlyWhenChanged: bool(text(start, 'doesRequireRecordChangedToMeetCriteria')),
      filterLogic: opt(text(start, 'filterLogic')),
      filters: list(start, 'filters').map((f) => ({
        field: text(f, 'field') ?? '',
        operator: text(f, 'operator') ?? '',
        value: flowValue(child(f, 'value'))
      })),
      filterFormula: opt(text(start, 'filterFormula')),
      schedule: schedule
        ? [text(schedule, 'frequency'), text(schedule, 'startDate'), text(schedule, 'startTime')]
            .filter(Boolean)
            .join(', ')
        : null,
      scheduledPaths: list(start, 'scheduledPaths').map((p) => ({
        name: text(p, 'name') ?? '',
        label: text(p, 'label') ?? '',
        offset: describeOffset(p),
        description: opt(text(p, 'description'))
      })),
      elements: sortBy(elements, (e) => `${e.kind}|${e.name}`),
      tests: tests
        .filter((t) => t.flow === name)
        .map((t) => t.name)
        .sort(byCode)
    };
  });
}

function element(kind: string, node: Xml, detail: string): FlowElementDoc {
  return {
    kind,
    name: text(node, 'name') ?? '',
    label: text(node, 'label') ?? '',
    detail: detail.trim(),
    description: opt(text(node, 'description'))
  };
}

function describeOffset(p: Xml): string {
  const number = Number(text(p, 'offsetNumber') ?? '0');
  const unit = (text(p, 'offsetUnit') ?? '').toLowerCase();
  const source =
    text(p, 'timeSource') === 'RecordField'
      ? (text(p, 'recordField') ?? 'a record field')
      : 'the time the record was saved';
  if (number === 0) return `at ${source}`;
  const amount = `${Math.abs(number)} ${Math.abs(number) === 1 ? unit.replace(/s$/, '') : unit}`;
  return `${amount} ${number < 0 ? 'before' : 'after'} ${source}`;
}

function readClasses(root: string): ApexClass[] {
  return filesOf(root, 'classes', '.cls').map((path) =>
    parseApexClass(componentName(path, '.cls'), readFileSync(path, 'utf8'))
  );
}

function readTriggers(root: string): ApexTrigger[] {
  return filesOf(root, 'triggers', '.trigger').map((path) =>
    parseApexTrigger(componentName(path, '.trigger'), readFileSync(path, 'utf8'))
  );
}

function readQuickActions(root: string): QuickActionDoc[] {
  return filesOf(root, 'quickActions', '.quickAction-meta.xml').map((path) => {
    const name = componentName(path, '.quickAction-meta.xml');
    const x = readXml(path);
    const dot = name.indexOf('.');
    return {
      name,
      label: text(x, 'label') ?? name,
      description: opt(text(x, 'description')),
      object: dot > 0 ? name.slice(0, dot) : null,
      type: text(x, 'type') ?? '',
      fields: deepElements(child(x, 'quickActionLayout'), 'quickActionLayoutItems')
        .filter((i) => text(i, 'field'))
        .map((i) => ({ field: text(i, 'field') ?? '', behavior: text(i, 'uiBehavior') ?? '' })),
      overrides: list(x, 'fieldOverrides').map((o) => ({
        field: text(o, 'field') ?? '',
        value: text(o, 'literalValue') ?? text(o, 'formula') ?? ''
      })),
      successMessage: opt(text(x, 'successMessage')),
      target:
        opt(text(x, 'targetObject')) ??
        opt(text(x, 'flowDefinition')) ??
        opt(text(x, 'lightningWebComponent')) ??
        opt(text(x, 'lightningComponent'))
    };
  });
}

function readFlexiPages(root: string): FlexiPageDoc[] {
  return filesOf(root, 'flexipages', '.flexipage-meta.xml').map((path) => {
    const x = readXml(path);
    return {
      name: componentName(path, '.flexipage-meta.xml'),
      label: text(x, 'masterLabel') ?? componentName(path, '.flexipage-meta.xml'),
      description: opt(text(x, 'description')),
      type: text(x, 'type') ?? '',
      object: opt(text(x, 'sobjectType')),
      components: [...new Set(deepStrings(x, 'componentName'))].sort(byCode)
    };
  });
}

function readApps(root: string): AppDoc[] {
  return filesOf(root, 'applications', '.app-meta.xml').map((path) => {
    const x = readXml(path);
    const overrides = [...list(x, 'actionOverrides'), ...list(x, 'profileActionOverrides')].map(
      (o) => ({
        page: text(o, 'pageOrSobjectType') ?? '',
        action: text(o, 'actionName') ?? '',
        content: text(o, 'content') ?? '',
        formFactor: opt(text(o, 'formFactor'))
      })
    );
    return {
      name: componentName(path, '.app-meta.xml'),
      label: text(x, 'label') ?? componentName(path, '.app-meta.xml'),
      description: opt(text(x, 'description')),
      navType: opt(text(x, 'navType')),
      uiType: opt(text(x, 'uiType')),
      formFactors: strings(x, 'formFactors'),
      tabs: strings(x, 'tabs'),
      utilityBar: opt(text(x, 'utilityBar')),
      overrides: sortBy(overrides, (o) => `${o.page}|${o.action}|${o.formFactor ?? ''}`)
    };
  });
}

function readTabs(root: string): TabDoc[] {
  return filesOf(root, 'tabs', '.tab-meta.xml').map((path) => {
    const name = componentName(path, '.tab-meta.xml');
    const x = readXml(path);
    const [kind, target] = bool(text(x, 'customObject'))
      ? ['Object tab', name]
      : text(x, 'flexiPage')
        ? ['Lightning page tab', text(x, 'flexiPage') ?? '']
        : text(x, 'lwcComponent')
          ? ['Lightning component tab', text(x, 'lwcComponent') ?? '']
          : text(x, 'url')
            ? ['Web tab', text(x, 'url') ?? '']
            : text(x, 'page')
              ? ['Visualforce tab', text(x, 'page') ?? '']
              : ['Tab', ''];
    return {
      name,
      label: text(x, 'label') ?? name,
      description: opt(text(x, 'description')),
      kind,
      target,
      motif: opt(text(x, 'motif'))
    };
  });
}

function readFolders(root: string, folder: string, suffix: string): FolderDoc[] {
  return filesOf(root, folder, suffix).map((path) => {
    const x = readXml(path);
    return {
      name: componentName(path, suffix),
      label: text(x, 'name') ?? componentName(path, suffix),
      description: opt(text(x, 'description')),
      accessType: opt(text(x, 'accessType')),
      shares: list(x, 'folderShares')
        .map(
          (s) =>
            `${text(s, 'sharedToType') ?? ''} ${text(s, 'sharedTo') ?? ''} (${text(s, 'accessLevel') ?? ''})`
        )
        .sort(byCode)
    };
  });
}

function readReports(root: string): ReportDoc[] {
  return filesInSubfolders(root, 'reports', '.report-meta.xml').map((path) => {
    const x = readXml(path);
    const filter = child(x, 'filter');
    const timeFrame = child(x, 'timeFrameFilter');
    const chart = child(x, 'chart');
    return {
      folder: basename(dirname(path)),
      name: componentName(path, '.report-meta.xml'),
      label: text(x, 'name') ?? componentName(path, '.report-meta.xml'),
      description: opt(text(x, 'description')),
      reportType: opt(text(x, 'reportType')),
      format: opt(text(x, 'format')),
      groupings: [...list(x, 'groupingsDown'), ...list(x, 'groupingsAcross')].map((g) => {
        const granularity = text(g, 'dateGranularity');
        return `${text(g, 'field') ?? ''}${granularity && !['None', 'Day'].includes(granularity) ? ` (by ${granularity.toLowerCase()})` : ''}`;
      }),
      columns: list(x, 'columns').map((c) => text(c, 'field') ?? ''),
      filters: [
        ...list(filter, 'criteriaItems').map(
          (c) => `${first(c, 'column')} ${first(c, 'operator')} ${first(c, 'value')}`
        ),
        ...(text(filter, 'booleanFilter') ? [`logic: ${text(filter, 'booleanFilter')}`] : [])
      ].map((f) => f.trim()),
      timeFrame: timeFrame
        ? `${text(timeFrame, 'dateColumn') ?? ''}: ${text(timeFrame, 'interval') ?? ''}`
        : null,
      chart: chart ? (text(chart, 'chartType') ?? null) : null
    };
  });
}

function readDashboards(root: string): DashboardDoc[] {
  return filesInSubfolders(root, 'dashboards', '.dashboard-meta.xml').map((path) => {
    const x = readXml(path);
    const components = [
      ...deepElements(x, 'components'),
      ...deepElements(x, 'dashboardComponent')
    ].map((c) => ({
      title: text(c, 'header') ?? text(c, 'title') ?? '',
      type: text(c, 'componentType') ?? '',
      report: opt(text(c, 'report'))
    }));
    return {
      folder: basename(dirname(path)),
      name: componentName(path, '.dashboard-meta.xml'),
      label: text(x, 'title') ?? componentName(path, '.dashboard-meta.xml'),
      description: opt(text(x, 'description')),
      type: opt(text(x, 'dashboardType')),
      runningUser: opt(text(x, 'runningUser')),
      components: components.filter((c) => c.type !== '' || c.report !== null)
    };
  });
}

function readReportTypes(root: string): ReportTypeDoc[] {
  return filesOf(root, 'reportTypes', '.reportType-meta.xml').map((path) => {
    const x = readXml(path);
    const joins: string[] = [];
    let join = child(x, 'join');
    while (join) {
      joins.push(
        `${text(join, 'relationship') ?? ''}${bool(text(join, 'outerJoin')) ? ' (with or without)' : ''}`
      );
      join = child(join, 'join');
    }
    return {
      name: componentName(path, '.reportType-meta.xml'),
      label: text(x, 'label') ?? componentName(path, '.reportType-meta.xml'),
      description: opt(text(x, 'description')),
      baseObject: text(x, 'baseObject') ?? '',
      category: opt(text(x, 'category')),
      deployed: bool(text(x, 'deployed')),
      joins
    };
  });
}

function readLayouts(root: string): LayoutDoc[] {
  return filesOf(root, 'layouts', '.layout-meta.xml').map((path) => {
    const name = componentName(path, '.layout-meta.xml');
    const x = readXml(path);
    return {
      name,
      label: name.slice(name.indexOf('-') + 1),
      description: null,
      object: name.slice(0, name.indexOf('-')),
      sections: list(x, 'layoutSections').map((s) => ({
        label: text(s, 'label') ?? '',
        fields: deepElements(s, 'layoutItems')
          .map((i) => text(i, 'field'))
          .filter((f): f is string => f !== undefined)
      }))
    };
  });
}

function readPaths(root: string): PathDoc[] {
  return filesOf(root, 'pathAssistants', '.pathAssistant-meta.xml').map((path) => {
    const x = readXml(path);
    return {
      name: componentName(path, '.pathAssistant-meta.xml'),
      label: text(x, 'masterLabel') ?? componentName(path, '.pathAssistant-meta.xml'),
      description: null,
      object: text(x, 'entityName') ?? '',
      field: text(x, 'fieldName') ?? '',
      recordType: opt(text(x, 'recordTypeName')),
      active: bool(text(x, 'active')),
      steps: list(x, 'pathAssistantSteps').map((s) => ({
        value: text(s, 'picklistValueName') ?? '',
        fields: strings(s, 'fieldNames'),
        info: opt(text(s, 'info'))
      }))
    };
  });
}

function readApprovalProcesses(root: string): ApprovalProcessDoc[] {
  return filesOf(root, 'approvalProcesses', '.approvalProcess-meta.xml').map((path) => {
    const name = componentName(path, '.approvalProcess-meta.xml');
    const x = readXml(path);
    const actions = (key: string) =>
      list(child(x, key), 'action').map((a) => `${text(a, 'type') ?? ''} ${text(a, 'name') ?? ''}`);
    return {
      name,
      label: text(x, 'label') ?? name,
      description: opt(text(x, 'description')),
      object: name.slice(0, name.indexOf('.')),
      active: bool(text(x, 'active')),
      entryCriteria: list(child(x, 'entryCriteria'), 'criteriaItems').map(
        (c) => `${first(c, 'field')} ${first(c, 'operation')} ${first(c, 'value')}`
      ),
      steps: list(x, 'approvalStep').map((s) => {
        const approver = deepElements(s, 'approver')[0];
        const nextApprover = child(x, 'nextAutomatedApprover');
        const type = text(approver, 'type') ?? '';
        return {
          name: text(s, 'name') ?? '',
          label: text(s, 'label') ?? '',
          approver:
            type === 'userHierarchyField'
              ? `the record owner's ${text(nextApprover, 'userHierarchyField') ?? 'manager'} (user hierarchy field)`
              : `${type} ${text(approver, 'name') ?? ''}`.trim(),
          description: opt(text(s, 'description'))
        };
      }),
      approvalActions: actions('finalApprovalActions'),
      rejectionActions: actions('finalRejectionActions'),
      recordEditability: opt(text(x, 'recordEditability')),
      allowRecall: bool(text(x, 'allowRecall'))
    };
  });
}

function readFieldUpdates(root: string): FieldUpdateDoc[] {
  const out: FieldUpdateDoc[] = [];
  for (const path of filesOf(root, 'workflows', '.workflow-meta.xml')) {
    const object = componentName(path, '.workflow-meta.xml');
    for (const u of list(readXml(path), 'fieldUpdates')) {
      out.push({
        object,
        name: text(u, 'fullName') ?? '',
        label: text(u, 'name') ?? '',
        description: opt(text(u, 'description')),
        field: text(u, 'field') ?? '',
        value: text(u, 'literalValue') ?? text(u, 'formula') ?? text(u, 'operation') ?? ''
      });
    }
  }
  return sortBy(out, (u) => `${u.object}.${u.name}`);
}

function readEmailTemplates(root: string): EmailTemplateDoc[] {
  return filesInSubfolders(root, 'email', '.email-meta.xml').map((path) => {
    const x = readXml(path);
    return {
      folder: basename(dirname(path)),
      name: componentName(path, '.email-meta.xml'),
      label: text(x, 'name') ?? componentName(path, '.email-meta.xml'),
      description: opt(text(x, 'description')),
      subject: opt(text(x, 'subject')),
      type: opt(text(x, 'type'))
    };
  });
}

function readNotificationTypes(root: string): NotificationTypeDoc[] {
  return filesOf(root, 'notificationtypes', '.notiftype-meta.xml').map((path) => {
    const x = readXml(path);
    return {
      name: componentName(path, '.notiftype-meta.xml'),
      label: text(x, 'masterLabel') ?? componentName(path, '.notiftype-meta.xml'),
      description: opt(text(x, 'description')),
      desktop: bool(text(x, 'desktop')),
      mobile: bool(text(x, 'mobile'))
    };
  });
}

function readStaticResources(root: string): StaticResourceDoc[] {
  return filesOf(root, 'staticresources', '.resource-meta.xml').map((path) => {
    const x = readXml(path);
    return {
      name: componentName(path, '.resource-meta.xml'),
      label: componentName(path, '.resource-meta.xml'),
      description: opt(text(x, 'description')),
      contentType: opt(text(x, 'contentType'))
    };
  });
}

function readLwc(root: string): LwcDoc[] {
  const dir = join(root, 'lwc');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, `${name}.js-meta.xml`)))
    .sort(byCode)
    .map((name) => {
      const x = readXml(join(dir, name, `${name}.js-meta.xml`));
      return {
        name,
        label: text(x, 'masterLabel') ?? name,
        description: opt(text(x, 'description')),
        exposed: bool(text(x, 'isExposed')),
        targets: strings(child(x, 'targets'), 'target'),
        objects: [...new Set(deepStrings(x, 'object'))].sort(byCode)
      };
    });
}

function readLabels(root: string): LabelFileDoc[] {
  return filesOf(root, 'labels', '.labels-meta.xml').map((path) => {
    const labels = list(readXml(path), 'labels');
    const names = labels.map((l) => text(l, 'fullName') ?? '');
    const prefixes = [...new Set(names.map((n) => n.split('_').slice(0, 2).join('_') + '_*'))].sort(
      byCode
    );
    const values = Object.fromEntries(
      labels.map((l) => [text(l, 'fullName') ?? '', first(l, 'value')])
    );
    return { name: componentName(path, '.labels-meta.xml'), count: names.length, prefixes, values };
  });
}

/** Reads every metadata type the guides describe from a source folder (`force-app/main/default`). */
export function readModel(root: string): DocModel {
  return {
    objects: readObjects(root),
    records: readRecords(root),
    permissionSets: readPermissionSets(root),
    permissionSetGroups: readPermissionSetGroups(root),
    customPermissions: readNamed(root, 'customPermissions', '.customPermission-meta.xml'),
    groups: readGroups(root),
    sharingRules: readSharingRules(root),
    flows: readFlows(root),
    classes: readClasses(root),
    triggers: readTriggers(root),
    quickActions: readQuickActions(root),
    flexiPages: readFlexiPages(root),
    apps: readApps(root),
    tabs: readTabs(root),
    reportFolders: readFolders(root, 'reports', '.reportFolder-meta.xml'),
    reports: readReports(root),
    dashboardFolders: readFolders(root, 'dashboards', '.dashboardFolder-meta.xml'),
    dashboards: readDashboards(root),
    reportTypes: readReportTypes(root),
    layouts: readLayouts(root),
    paths: readPaths(root),
    approvalProcesses: readApprovalProcesses(root),
    fieldUpdates: readFieldUpdates(root),
    emailTemplates: readEmailTemplates(root),
    notificationTypes: readNotificationTypes(root),
    staticResources: readStaticResources(root),
    lwc: readLwc(root),
    labels: readLabels(root)
  };
}

/** A path relative to the project root, with forward slashes (for messages and links). */
export function displayPath(projectRoot: string, path: string): string {
  return relative(projectRoot, path).split('\\').join('/');
}
