/**
 * Metadata cross-reference tests: everything a formula, rule record, permission set,
 * layout, path, quick action, approval process, Apex class or LWC names must exist, and
 * every custom object and field must be documented. The Metadata API schema check
 * (../shared/tools/check-metadata) validates each file alone; these tests check the
 * references between files, which only a deploy would otherwise catch.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from 'formulon';
import {
  SOURCE_ROOT,
  componentName,
  fieldExists,
  filesIn,
  list,
  loadCustomMetadata,
  loadObjects,
  namesIn,
  readXml,
  recordsOf,
  strings,
  text,
  walk,
  type Xml
} from './lib/metadata';
import { shippedRuleConfig } from './lib/shippedConfig';

const objects = loadObjects();
const records = loadCustomMetadata();
const customPermissions = namesIn('customPermissions', '.customPermission-meta.xml');
const permissionSets = namesIn('permissionsets', '.permissionset-meta.xml');
const classes = namesIn('classes', '.cls');
const groups = namesIn('groups', '.group-meta.xml');
const staticResources = namesIn('staticresources', '.resource-meta.xml');
const quickActions = namesIn('quickActions', '.quickAction-meta.xml');
const labels = new Set(
  filesIn('labels', '.labels-meta.xml').flatMap((p) =>
    list(readXml(p), 'labels').map((l) => text(l, 'fullName') ?? '')
  )
);

const customObjects = [...objects.values()].filter((o) => /__(c|mdt|e)$/.test(o.name));
const customFields = [...objects.values()].flatMap((o) =>
  [...o.fields.values()].filter((f) => f.name.endsWith('__c'))
);
/** Apex sharing reasons (a share object's RowCause), e.g. Handoff_Participant__c. */
const sharingReasons = new Set(
  [...objects.keys()].flatMap((o) =>
    walk(join(SOURCE_ROOT, 'objects', o, 'sharingReasons'), '.sharingReason-meta.xml').map((p) =>
      componentName(p, '.sharingReason-meta.xml')
    )
  )
);

/** Checks an identifier from a formula on `object`: a field, a permission or a CMDT value. */
function formulaReferenceProblem(object: string, identifier: string): string | null {
  if (identifier.startsWith('$Permission.')) {
    const name = identifier.slice('$Permission.'.length);
    return customPermissions.has(name) ? null : `custom permission ${name} does not exist`;
  }
  if (identifier.startsWith('$CustomMetadata.')) {
    const [type, record, field] = identifier.slice('$CustomMetadata.'.length).split('.');
    if (!objects.get(type)?.fields.has(field)) {
      return `${type}.${field} does not exist`;
    }
    return records.has(`${type.replace(/__mdt$/, '')}.${record}`)
      ? null
      : `record ${type}.${record} does not exist`;
  }
  if (identifier.startsWith('$')) {
    return null; // $User, $Profile and the like are global variables of the platform.
  }
  const parts = identifier.split('.');
  if (parts.length === 1) {
    return fieldExists(objects, object, identifier)
      ? null
      : `${object}.${identifier} does not exist`;
  }
  return null; // Cross-object paths (Account.Name) are checked by the platform at deploy.
}

describe('documentation', () => {
  it('ships custom objects and fields', () => {
    expect(customObjects.length).toBeGreaterThanOrEqual(9);
    expect(customFields.length).toBeGreaterThanOrEqual(60);
  });

  it.each(customObjects.map((o) => [o.name]))('object %s has a label and a description', (name) => {
    const xml = objects.get(name)?.xml;
    expect(xml).toBeDefined();
    expect(text(xml, 'label')).toBeTruthy();
    expect((text(xml, 'description') ?? '').length).toBeGreaterThan(15);
  });

  it.each(customFields.map((f) => [`${f.object}.${f.name}`, f.xml]))(
    '%s has a label, a description and help text',
    (name, xml) => {
      expect(text(xml, 'label')).toBeTruthy();
      expect((text(xml, 'description') ?? '').length).toBeGreaterThan(10);
      // Platform event fields are never shown on a page: no help text to give.
      const needsHelp = !name.includes('__e.');
      expect(needsHelp ? (text(xml, 'inlineHelpText') ?? '').length > 10 : true).toBe(true);
    }
  );
});

describe('formulas name only what exists', () => {
  const formulas: [string, string, string][] = [];
  for (const o of objects.values()) {
    for (const [name, vr] of o.validationRules) {
      formulas.push([o.name, `validation rule ${name}`, text(vr, 'errorConditionFormula') ?? '']);
    }
    for (const f of o.fields.values()) {
      if (f.formula) {
        formulas.push([o.name, `formula field ${f.name}`, f.formula]);
      }
    }
  }

  it('finds the validation rules and formula fields', () => {
    expect(formulas.length).toBeGreaterThanOrEqual(6);
  });

  it.each(formulas)('%s %s', (object, _what, formula) => {
    const normalised = formula
      .replace(/\bISCHANGED\s*\(/gi, 'NOT(')
      .replace(/\bPRIORVALUE\s*\(/gi, 'BLANKVALUE(')
      .replace(/\bISNEW\s*\(\s*\)/gi, 'TRUE');
    const problems = (extract(normalised) as string[])
      .map((id) => formulaReferenceProblem(object, id))
      .filter((p): p is string => p !== null);
    expect(problems).toEqual([]);
  });

  it('each validation rule error field exists on its object', () => {
    const unknown: string[] = [];
    for (const o of objects.values()) {
      for (const [name, vr] of o.validationRules) {
        const field = text(vr, 'errorDisplayField');
        if (field && !fieldExists(objects, o.name, field)) {
          unknown.push(`${name}: ${field}`);
        }
      }
    }
    expect(unknown).toEqual([]);
  });
});

describe('the shipped rule records', () => {
  const config = shippedRuleConfig();
  const opportunity = objects.get('Opportunity');
  const segments = config.segmentPolicies.map((p) => p.segment);

  it('name Opportunity fields that exist, with a valid rule set, segment and requirement', () => {
    expect(config.fieldRules.length).toBeGreaterThanOrEqual(14);
    for (const r of config.fieldRules) {
      expect([r.developerName, opportunity?.fields.has(r.fieldApiName)]).toEqual([
        r.developerName,
        true
      ]);
      expect(['New Business', 'Expansion']).toContain(r.ruleSet);
      expect([...segments, 'All']).toContain(r.segment);
      expect(r.section).not.toBe('');
      expect(r.active).toBe(true);
    }
  });

  it('have guidance on every field rule', () => {
    for (const r of recordsOf(records, 'Handoff_Field_Rule')) {
      expect([r.name, (r.values.Guidance__c ?? '').length > 20]).toEqual([r.name, true]);
    }
  });

  it('define one rule per field, rule set and segment', () => {
    const keys = config.fieldRules.map((r) => `${r.ruleSet}|${r.segment}|${r.fieldApiName}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('segment policies name tiers and segments the Opportunity picklists offer', () => {
    const segmentValues = opportunity?.fields.get('Handoff_Segment__c')?.picklistValues ?? [];
    const overrideValues =
      opportunity?.fields.get('Handoff_Segment_Override__c')?.picklistValues ?? [];
    const tierValues = opportunity?.fields.get('Handoff_Tier__c')?.picklistValues ?? [];
    expect(segments.sort()).toEqual(['Enterprise', 'Mid-Market', 'SMB']);
    for (const p of config.segmentPolicies) {
      expect(segmentValues).toContain(p.segment);
      expect(overrideValues).toContain(p.segment);
      expect(tierValues).toContain(p.tier);
    }
  });

  it('segment policies name assignment pools and escalation owners that exist as groups', () => {
    for (const p of recordsOf(records, 'Handoff_Segment_Policy')) {
      expect([p.name, groups.has(p.values.Assignment_Pool__c ?? '')]).toEqual([p.name, true]);
      expect([p.name, groups.has(p.values.Escalation_Owner__c ?? '')]).toEqual([p.name, true]);
      const review = Number(p.values.Review_SLA_Hours__c);
      const firstTouch = Number(p.values.First_Touch_SLA_Hours__c);
      expect(review).toBeGreaterThan(0);
      expect(firstTouch).toBeGreaterThanOrEqual(review);
      // The seed's red flag: first touch above 48 hours. No shipped SLA may exceed it.
      expect(firstTouch).toBeLessThanOrEqual(48);
    }
  });

  it('intake templates exist for every shipped tier', () => {
    const tiers = new Set(
      recordsOf(records, 'Handoff_Intake_Template').map((r) => r.values.Tier__c)
    );
    expect(tiers).toEqual(new Set(['All', 'High-Touch', 'Low-Touch']));
  });

  it('health thresholds carry the seed maintenance schedule', () => {
    const byName = new Map(
      recordsOf(records, 'Handoff_Health_Threshold').map((r) => [r.name, r.values])
    );
    expect(byName.get('Completion_Rate')).toMatchObject({
      Comparator__c: 'Below',
      Threshold__c: '85',
      Consecutive_Periods__c: '2'
    });
    expect(byName.get('First_Touch_Hours')).toMatchObject({
      Comparator__c: 'Above',
      Threshold__c: '48'
    });
    expect(byName.get('Escalation_Rate')).toMatchObject({
      Comparator__c: 'Above',
      Threshold__c: '20'
    });
    expect(byName.get('Hypercare_Week_1_Completion')).toMatchObject({
      Comparator__c: 'Below',
      Threshold__c: '50',
      Hypercare_Week__c: '1'
    });
  });

  it('match the `shipped` configuration of the conformance vectors exactly', () => {
    const vectors = JSON.parse(
      readFileSync(join(SOURCE_ROOT, 'staticresources', 'handoffConformanceVectors.json'), 'utf8')
    ) as { configs: Record<string, typeof config> };
    const shipped = vectors.configs.shipped;
    const byName = <T extends { developerName: string }>(items: T[]) =>
      [...items].sort((a, b) => a.developerName.localeCompare(b.developerName));
    const strip = (r: (typeof config.fieldRules)[number]) => ({ ...r, guidance: undefined });
    expect(byName(shipped.fieldRules).map(strip)).toEqual(byName(config.fieldRules).map(strip));
    expect(byName(shipped.segmentPolicies)).toEqual(byName(config.segmentPolicies));
    expect([...shipped.settings.expansionOpportunityTypes].sort()).toEqual(
      [...config.settings.expansionOpportunityTypes].sort()
    );
  });
});

describe('permission sets and groups name what exists', () => {
  const sets = filesIn('permissionsets', '.permissionset-meta.xml').map((p) => ({
    name: componentName(p, '.permissionset-meta.xml'),
    xml: readXml(p)
  }));

  it('ship every persona set', () => {
    expect([...permissionSets].sort()).toEqual(
      expect.arrayContaining([
        'Handoff_Admin',
        'Handoff_CS',
        'Handoff_Integration_Bypass',
        'Handoff_Leadership',
        'Handoff_Sales',
        'Handoff_Sales_Manager'
      ])
    );
  });

  it.each(sets.map((s) => [s.name, s.xml]))('%s', (_name, xml) => {
    const problems: string[] = [];
    for (const fp of list(xml, 'fieldPermissions')) {
      const [object, field] = (text(fp, 'field') ?? '').split('.');
      if (!fieldExists(objects, object, field)) {
        problems.push(`field ${object}.${field}`);
      }
      if (text(fp, 'editable') === 'true' && text(fp, 'readable') !== 'true') {
        problems.push(`field ${object}.${field} editable but not readable`);
      }
    }
    for (const op of list(xml, 'objectPermissions')) {
      const object = text(op, 'object') ?? '';
      if (object.includes('__') && !objects.has(object)) {
        problems.push(`object ${object}`);
      }
    }
    for (const cp of list(xml, 'customPermissions')) {
      if (!customPermissions.has(text(cp, 'name') ?? '')) {
        problems.push(`custom permission ${text(cp, 'name')}`);
      }
    }
    for (const ca of list(xml, 'classAccesses')) {
      if (!classes.has(text(ca, 'apexClass') ?? '')) {
        problems.push(`class ${text(ca, 'apexClass')}`);
      }
    }
    for (const ma of list(xml, 'customMetadataTypeAccesses')) {
      if (!objects.has(text(ma, 'name') ?? '')) {
        problems.push(`custom metadata type ${text(ma, 'name')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('groups contain only permission sets that exist', () => {
    const groupsFiles = filesIn('permissionsetgroups', '.permissionsetgroup-meta.xml');
    expect(groupsFiles.length).toBe(5);
    for (const path of groupsFiles) {
      const members = strings(readXml(path), 'permissionSets');
      expect(members.length).toBeGreaterThan(0);
      for (const m of members) {
        expect([
          componentName(path, '.permissionsetgroup-meta.xml'),
          permissionSets.has(m)
        ]).toEqual([componentName(path, '.permissionsetgroup-meta.xml'), true]);
      }
    }
  });
});

describe('layouts, compact layouts, list views, path and actions name what exists', () => {
  const missing: string[] = [];
  for (const path of filesIn('layouts', '.layout-meta.xml')) {
    const name = componentName(path, '.layout-meta.xml');
    const object = name.slice(0, name.indexOf('-'));
    const xml = readXml(path);
    for (const section of list(xml, 'layoutSections')) {
      for (const column of list(section, 'layoutColumns')) {
        for (const item of list(column, 'layoutItems')) {
          const field = text(item, 'field');
          if (field && !fieldExists(objects, object, field)) {
            missing.push(`${name}: field ${field}`);
          }
        }
      }
    }
    const actions = list(xml, 'platformActionList').flatMap((l) =>
      list(l, 'platformActionListItems')
    );
    for (const action of actions) {
      const actionName = text(action, 'actionName') ?? '';
      if (text(action, 'actionType') === 'QuickAction' && actionName.includes('Handoff')) {
        if (!quickActions.has(actionName)) {
          missing.push(`${name}: quick action ${actionName}`);
        }
      }
    }
  }
  for (const o of objects.values()) {
    for (const [name, cl] of o.compactLayouts) {
      for (const field of strings(cl, 'fields')) {
        if (!fieldExists(objects, o.name, field)) {
          missing.push(`compact layout ${o.name}.${name}: ${field}`);
        }
      }
    }
    for (const [name, lv] of o.listViews) {
      for (const column of strings(lv, 'columns')) {
        const field = column.includes('.') ? (column.split('.').pop() ?? column) : column;
        if (field.endsWith('__c') && !fieldExists(objects, o.name, field)) {
          missing.push(`list view ${o.name}.${name}: ${column}`);
        }
      }
      for (const filter of list(lv, 'filters')) {
        const field = text(filter, 'field') ?? '';
        if (field.endsWith('__c') && !fieldExists(objects, o.name, field)) {
          missing.push(`list view ${o.name}.${name} filter: ${field}`);
        }
      }
    }
  }
  for (const path of filesIn('pathAssistants', '.pathAssistant-meta.xml')) {
    const xml = readXml(path);
    const object = text(xml, 'entityName') ?? '';
    for (const step of list(xml, 'pathAssistantSteps')) {
      for (const field of strings(step, 'fieldNames')) {
        if (!fieldExists(objects, object, field)) {
          missing.push(`path ${componentName(path, '.pathAssistant-meta.xml')}: ${field}`);
        }
      }
    }
  }
  for (const path of filesIn('quickActions', '.quickAction-meta.xml')) {
    const name = componentName(path, '.quickAction-meta.xml');
    const object = name.split('.')[0];
    const xml = readXml(path);
    const layout = xml.quickActionLayout as Xml | undefined;
    for (const column of list(layout, 'quickActionLayoutColumns')) {
      for (const item of list(column, 'quickActionLayoutItems')) {
        const field = text(item, 'field');
        if (field && !fieldExists(objects, object, field)) {
          missing.push(`quick action ${name}: ${field}`);
        }
      }
    }
    for (const override of list(xml, 'fieldOverrides')) {
      const field = objects.get(object)?.fields.get(text(override, 'field') ?? '');
      const literal = text(override, 'literalValue');
      if (!field) {
        missing.push(`quick action ${name} override: ${text(override, 'field')}`);
      } else if (
        literal &&
        field.picklistValues.length > 0 &&
        !field.picklistValues.includes(literal)
      ) {
        missing.push(`quick action ${name} override: ${literal} is not a value of ${field.name}`);
      }
    }
  }

  it('every referenced field and action exists', () => {
    expect(missing).toEqual([]);
  });

  it('the Opportunity layout has the handoff section with every AE handoff field', () => {
    const path = filesIn('layouts', '.layout-meta.xml').find((p) => p.includes('Opportunity-'));
    expect(path).toBeDefined();
    const content = readFileSync(String(path), 'utf8');
    for (const field of shippedRuleConfig().fieldRules.map((r) => r.fieldApiName)) {
      expect(content).toContain(`<field>${field}</field>`);
    }
    expect(content).toContain('Request_Handoff_Exception');
  });

  it('the sales path gives guidance on the won stage', () => {
    const path = filesIn('pathAssistants', '.pathAssistant-meta.xml')[0];
    const content = readFileSync(path, 'utf8');
    expect(content).toMatch(/Closed Won/);
    expect(content).toMatch(/exception/i);
  });
});

describe('the exception approval process', () => {
  const path = join(
    SOURCE_ROOT,
    'approvalProcesses',
    'Opportunity.Handoff_Exception_Approval.approvalProcess-meta.xml'
  );
  const workflowPath = join(SOURCE_ROOT, 'workflows', 'Opportunity.workflow-meta.xml');

  it('enters on a requested exception and ends in field updates that exist', () => {
    const xml = readXml(path);
    expect(text(xml, 'active')).toBe('true');
    const content = readFileSync(path, 'utf8');
    expect(content).toContain('Handoff_Exception_Status__c');
    expect(content).toContain('Requested');
    const workflow = readXml(workflowPath);
    const updates = new Map(list(workflow, 'fieldUpdates').map((u) => [text(u, 'fullName'), u]));
    const named = [...content.matchAll(/<name>(Handoff_[A-Za-z_]+)<\/name>/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThanOrEqual(2);
    for (const name of named) {
      expect([name, updates.has(name)]).toEqual([name, true]);
    }
    const status = objects.get('Opportunity')?.fields.get('Handoff_Exception_Status__c');
    const problems: string[] = [];
    for (const update of updates.values()) {
      const field = text(update, 'field') ?? '';
      const literal = text(update, 'literalValue');
      if (!fieldExists(objects, 'Opportunity', field)) {
        problems.push(`field ${field}`);
      } else if (literal && !status?.picklistValues.includes(literal)) {
        problems.push(`value ${literal}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('Apex names only what exists', () => {
  const apexFiles = [
    ...walk(join(SOURCE_ROOT, 'classes'), '.cls'),
    ...walk(join(SOURCE_ROOT, 'triggers'), '.trigger')
  ];
  const allFields = new Set(customFields.map((f) => f.name));
  const sources = apexFiles.map((p) => ({ path: p, source: readFileSync(p, 'utf8') }));

  it('ships Apex', () => {
    expect(apexFiles.length).toBeGreaterThan(5);
  });

  it.each(sources.map((s) => [componentName(s.path, ''), s.source]))('%s', (_name, source) => {
    const problems: string[] = [];
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    for (const m of code.matchAll(/\b([A-Za-z][A-Za-z0-9_]*__c)\b/g)) {
      if (!allFields.has(m[1]) && !objects.has(m[1]) && !sharingReasons.has(m[1])) {
        problems.push(`field or object ${m[1]}`);
      }
    }
    for (const m of code.matchAll(/\b([A-Za-z][A-Za-z0-9_]*__(?:mdt|e))\b/g)) {
      if (!objects.has(m[1])) {
        problems.push(`type ${m[1]}`);
      }
    }
    for (const m of code.matchAll(/checkPermission\(\s*'([^']+)'/g)) {
      if (!customPermissions.has(m[1])) {
        problems.push(`custom permission ${m[1]}`);
      }
    }
    for (const m of code.matchAll(/\bStaticResource\b[\s\S]{0,120}?Name\s*=\s*'([^']+)'/g)) {
      if (!staticResources.has(m[1])) {
        problems.push(`static resource ${m[1]}`);
      }
    }
    for (const m of code.matchAll(
      /'(Handoff_(?:Sales|Sales_Manager|CS|Leadership|Admin|Integration_Bypass))'/g
    )) {
      if (!permissionSets.has(m[1])) {
        problems.push(`permission set ${m[1]}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('Lightning Web Components name only what exists', () => {
  const sources = walk(join(SOURCE_ROOT, 'lwc'), '.ts')
    .filter((p) => !p.includes('__tests__'))
    .map((p) => ({ path: p, source: readFileSync(p, 'utf8') }));
  const apexMethods = (cls: string): string => {
    const path = join(SOURCE_ROOT, 'classes', `${cls}.cls`);
    return readFileSync(path, 'utf8');
  };

  it.each(sources.map((s) => [componentName(s.path, '.ts'), s.source]))('%s', (_name, source) => {
    const problems: string[] = [];
    for (const m of source.matchAll(/'@salesforce\/schema\/([A-Za-z0-9_]+)\.([A-Za-z0-9_.]+)'/g)) {
      const field = m[2].split('.')[0];
      if (!objects.has(m[1]) && !['Opportunity', 'Account', 'User', 'Contact'].includes(m[1])) {
        problems.push(`object ${m[1]}`);
      } else if (!m[2].includes('.') && !fieldExists(objects, m[1], field)) {
        problems.push(`field ${m[1]}.${m[2]}`);
      }
    }
    for (const m of source.matchAll(/'@salesforce\/apex\/([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)'/g)) {
      if (!classes.has(m[1])) {
        problems.push(`class ${m[1]}`);
      } else if (!new RegExp(`@AuraEnabled[^]*?\\b${m[2]}\\s*\\(`).test(apexMethods(m[1]))) {
        problems.push(`@AuraEnabled method ${m[1]}.${m[2]}`);
      }
    }
    for (const m of source.matchAll(/'@salesforce\/label\/c\.([A-Za-z0-9_]+)'/g)) {
      if (!labels.has(m[1])) {
        problems.push(`label ${m[1]}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
