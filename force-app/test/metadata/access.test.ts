/**
 * Who may read and edit what. The matrix below is the product's access design written
 * independently of the permission-set files; the test fails when a file drifts from it,
 * and when a custom field is added without deciding who needs it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  componentName,
  filesIn,
  list,
  loadObjects,
  readXml,
  text,
  type Xml,
  SOURCE_ROOT,
  walk
} from './lib/metadata';

type Access = 'edit' | 'read' | 'none';
type Persona =
  'Handoff_Sales' | 'Handoff_Sales_Manager' | 'Handoff_CS' | 'Handoff_Leadership' | 'Handoff_Admin';
const PERSONAS: Persona[] = [
  'Handoff_Sales',
  'Handoff_Sales_Manager',
  'Handoff_CS',
  'Handoff_Leadership',
  'Handoff_Admin'
];

/** What the AE writes on the Opportunity. */
const AE_FIELDS = [
  'Handoff_Customer_Goals__c',
  'Handoff_Business_Pain__c',
  'Handoff_Champion__c',
  'Handoff_Executive_Sponsor__c',
  'Handoff_Technical_Contact__c',
  'Handoff_Scope__c',
  'Handoff_Integrations__c',
  'Handoff_Commitments__c',
  'Handoff_Risks__c',
  'Handoff_Communication_Preferences__c',
  'Handoff_Target_Go_Live__c',
  'Handoff_Competitive_Context__c',
  'Handoff_Contract_Notes__c',
  'Handoff_Notes__c',
  'Handoff_Stakeholders__c',
  // Written with the fields the AE accepts from pre-fill suggestions (issue 16).
  'Handoff_Prefilled_Fields__c'
];
/** Computed by Apex or formulas: nobody edits them by hand. */
const COMPUTED_OPPORTUNITY_FIELDS = [
  'Handoff_Segment__c',
  'Handoff_Segment_Reason__c',
  'Handoff_Tier__c',
  'Handoff_Missing_Fields__c',
  'Handoff_Missing_Count__c',
  'Handoff_Completeness__c',
  'Handoff_Entering_Won__c',
  'Handoff_Gate_Active__c',
  'Handoff_Rule_Set__c',
  'Handoff_Exception_Requested_At__c',
  'Handoff_Exception_Approver__c',
  'Handoff_Exception_Decided_At__c',
  'Handoff_Exception_Active__c',
  'Handoff_First_Filled_At__c',
  'Handoff_Completed_At__c'
];
const EXCEPTION_REQUEST_FIELDS = [
  'Handoff_Exception_Status__c',
  'Handoff_Exception_Reason__c',
  'Handoff_Exception_Due_Date__c'
];

/** Expected access per persona permission set (the groups add them up). */
function expected(object: string, field: string): Record<Persona, Access> {
  const all = (a: Access): Record<Persona, Access> => ({
    Handoff_Sales: a,
    Handoff_Sales_Manager: a,
    Handoff_CS: a,
    Handoff_Leadership: a,
    Handoff_Admin: a
  });
  if (object === 'Opportunity') {
    if (AE_FIELDS.includes(field) || EXCEPTION_REQUEST_FIELDS.includes(field)) {
      // The Sales manager holds Handoff_Sales too (group Handoff_Sales_Managers).
      return { ...all('read'), Handoff_Sales: 'edit', Handoff_Sales_Manager: 'none' };
    }
    if (field === 'Handoff_Segment_Override__c') {
      return { ...all('read'), Handoff_Sales_Manager: 'edit' };
    }
    if (COMPUTED_OPPORTUNITY_FIELDS.includes(field)) {
      return { ...all('read'), Handoff_Sales_Manager: 'none' };
    }
  }
  if (object === 'Account') {
    if (field === 'Handoff_CSM__c' || field === 'Handoff_Onboarding_Status__c') {
      return {
        ...all('read'),
        Handoff_CS: 'edit',
        Handoff_Admin: 'edit',
        Handoff_Sales_Manager: 'none'
      };
    }
    return { ...all('read'), Handoff_Sales_Manager: 'none' };
  }
  throw new Error(`no access decision for ${object}.${field}: add it to access.test.ts`);
}

const objects = loadObjects();
const sets = new Map(
  filesIn('permissionsets', '.permissionset-meta.xml').map((p) => [
    componentName(p, '.permissionset-meta.xml'),
    readXml(p)
  ])
);

function actual(set: string, object: string, field: string): Access {
  const fp = list(sets.get(set), 'fieldPermissions').find(
    (f) => text(f, 'field') === `${object}.${field}`
  );
  if (!fp || text(fp, 'readable') !== 'true') {
    return 'none';
  }
  return text(fp, 'editable') === 'true' ? 'edit' : 'read';
}

describe('field access per persona', () => {
  const cases: [string, string][] = [];
  for (const object of ['Opportunity', 'Account']) {
    for (const field of objects.get(object)?.fields.keys() ?? []) {
      cases.push([object, field]);
    }
  }

  it('covers the Opportunity and Account fields', () => {
    expect(cases.length).toBeGreaterThanOrEqual(
      AE_FIELDS.length + COMPUTED_OPPORTUNITY_FIELDS.length + 4
    );
  });

  it.each(cases)('%s.%s', (object, field) => {
    const want = expected(object, field);
    const got = Object.fromEntries(PERSONAS.map((p) => [p, actual(p, object, field)]));
    expect(got).toEqual(want);
  });

  it('no permission set makes a formula or computed field editable', () => {
    const editable: string[] = [];
    for (const [name, xml] of sets) {
      for (const fp of list(xml, 'fieldPermissions')) {
        const [object, field] = (text(fp, 'field') ?? '').split('.');
        const meta = objects.get(object)?.fields.get(field);
        const computed =
          meta?.formula !== undefined ||
          meta?.type === 'AutoNumber' ||
          (object === 'Opportunity' && COMPUTED_OPPORTUNITY_FIELDS.includes(field));
        if (computed && text(fp, 'editable') === 'true') {
          editable.push(`${name}: ${object}.${field}`);
        }
      }
    }
    expect(editable).toEqual([]);
  });
});

describe('handoff and intake fields per persona', () => {
  /** What a CSM changes by hand; everything else on a handoff is written by the automation. */
  const CS_EDITS: Record<string, string[]> = {
    Handoff__c: [
      'Status__c',
      'First_Touch_At__c',
      'First_Touch_Channel__c',
      'Repeat_Ask_Count__c',
      // The CSM's answer on accept and return (issue 17, docs/behaviour.md "Handoff quality").
      'Quality_Score__c',
      'Quality_Gap_Fields__c',
      'Quality_Skip_Reason__c',
      // The customer's go-live, recorded by the CSM (issue 17, docs/behaviour.md "Time to first value").
      'Go_Live_Date__c'
    ],
    Handoff_Intake_Item__c: ['Status__c', 'Notes__c'],
    // Written at close and by the daily stakeholder check (issue 16): nobody edits a row.
    Handoff_Stakeholder__c: [],
    // Written at close, by the reassignment command and the daily inactive-member check
    // (issue 17, HandoffCsTeam): nobody edits a team member row by hand.
    Handoff_Team_Member__c: []
  };
  /**
   * The AE's answer to Customer Success's one question (issue 17): field-level edit for Sales, the
   * save itself is HandoffQuality's for the handoff's AE alone (Sales has no object edit).
   */
  const SALES_EDITS = ['Handoff__c.AE_Feedback__c'];
  const cases: [string, string][] = [];
  for (const object of Object.keys(CS_EDITS)) {
    for (const [field, meta] of objects.get(object)?.fields ?? []) {
      // A master-detail field cannot be granted: it follows the parent.
      if (meta.type !== 'MasterDetail') {
        cases.push([object, field]);
      }
    }
  }

  it('covers the handoff, intake, stakeholder and team member fields', () => {
    expect(cases.length).toBeGreaterThanOrEqual(49);
    expect(cases.filter(([object]) => object === 'Handoff_Stakeholder__c').length).toBe(8);
    expect(cases.filter(([object]) => object === 'Handoff_Team_Member__c').length).toBe(10);
    expect(cases).toContainEqual(['Handoff_Intake_Item__c', 'Role__c']);
  });

  it.each(cases)(
    '%s.%s is read by every persona who sees handoffs, edited only by CS (and admins)',
    (object, field) => {
      const got = Object.fromEntries(PERSONAS.map((p) => [p, actual(p, object, field)]));
      const csEdits = CS_EDITS[object].includes(field);
      expect(got.Handoff_Sales).toBe(SALES_EDITS.includes(`${object}.${field}`) ? 'edit' : 'read');
      expect(got.Handoff_Leadership).toBe('read');
      expect(got.Handoff_Sales_Manager).toBe('none');
      expect(got.Handoff_CS).toBe(csEdits ? 'edit' : 'read');
      expect(got.Handoff_Admin).not.toBe('none');
    }
  );
});

describe('product objects per persona', () => {
  const crud = (set: string, object: string) => {
    const op = list(sets.get(set), 'objectPermissions').find((o) => text(o, 'object') === object);
    return {
      read: text(op, 'allowRead') === 'true',
      create: text(op, 'allowCreate') === 'true',
      edit: text(op, 'allowEdit') === 'true',
      delete: text(op, 'allowDelete') === 'true'
    };
  };

  it('CS edits handoffs and intake items but cannot delete them', () => {
    expect(crud('Handoff_CS', 'Handoff__c')).toMatchObject({
      read: true,
      edit: true,
      delete: false
    });
    expect(crud('Handoff_CS', 'Handoff_Intake_Item__c')).toMatchObject({
      read: true,
      edit: true,
      delete: false
    });
  });

  it('Sales and Leadership read handoffs and intake without editing them', () => {
    for (const set of ['Handoff_Sales', 'Handoff_Leadership']) {
      expect(crud(set, 'Handoff__c')).toEqual({
        read: true,
        create: false,
        edit: false,
        delete: false
      });
      expect(crud(set, 'Handoff_Intake_Item__c')).toEqual({
        read: true,
        create: false,
        edit: false,
        delete: false
      });
    }
  });

  it('stakeholder rows (issue 16) are read by Sales, CS and Leadership, changed only by the automation', () => {
    for (const set of ['Handoff_Sales', 'Handoff_CS', 'Handoff_Leadership']) {
      expect([set, crud(set, 'Handoff_Stakeholder__c')]).toEqual([
        set,
        { read: true, create: false, edit: false, delete: false }
      ]);
    }
    expect(crud('Handoff_Sales_Manager', 'Handoff_Stakeholder__c').read).toBe(false);
    expect(crud('Handoff_Admin', 'Handoff_Stakeholder__c').read).toBe(true);
  });

  it('CS team members (issue 17) are read by Sales, CS and Leadership, changed only by the automation', () => {
    for (const set of ['Handoff_Sales', 'Handoff_CS', 'Handoff_Leadership']) {
      expect([set, crud(set, 'Handoff_Team_Member__c')]).toEqual([
        set,
        { read: true, create: false, edit: false, delete: false }
      ]);
    }
    expect(crud('Handoff_Sales_Manager', 'Handoff_Team_Member__c').read).toBe(false);
    expect(crud('Handoff_Admin', 'Handoff_Team_Member__c').read).toBe(true);
  });

  it('the CS team controller is open to the personas who read handoffs; reassigning checks its own rule', () => {
    const withClass = [...sets.entries()]
      .filter(([, xml]) =>
        list(xml, 'classAccesses').some(
          (c) => text(c, 'apexClass') === 'HandoffTeamController' && text(c, 'enabled') === 'true'
        )
      )
      .map(([name]) => name)
      .sort();
    expect(withClass).toEqual([
      'Handoff_Admin',
      'Handoff_CS',
      'Handoff_Leadership',
      'Handoff_Sales'
    ]);
  });

  it('leaders and RevOps see every handoff, read only, for the org-wide metrics', () => {
    const op = list(sets.get('Handoff_Leadership'), 'objectPermissions').find(
      (o) => text(o, 'object') === 'Handoff__c'
    );
    expect(text(op, 'viewAllRecords')).toBe('true');
    expect(text(op, 'modifyAllRecords')).toBe('false');
    expect(crud('Handoff_Leadership', 'Handoff__c').edit).toBe(false);
  });

  it('only the admin reads the log', () => {
    for (const set of PERSONAS) {
      expect([set, crud(set, 'Handoff_Log__c').read]).toEqual([set, set === 'Handoff_Admin']);
    }
  });

  it('every persona that evaluates rules can read the rule metadata', () => {
    for (const set of ['Handoff_Sales', 'Handoff_CS', 'Handoff_Leadership', 'Handoff_Admin']) {
      const types = list(sets.get(set), 'customMetadataTypeAccesses')
        .filter((a) => text(a, 'enabled') === 'true')
        .map((a) => text(a, 'name'));
      expect([set, types.includes('Handoff_Field_Rule__mdt')]).toEqual([set, true]);
      expect([set, types.includes('Handoff_Segment_Policy__mdt')]).toEqual([set, true]);
    }
  });

  it('only the admin reads the test default values (configuration for deploys, not for users)', () => {
    const readers = [...sets.entries()]
      .filter(([, xml]) =>
        list(xml, 'customMetadataTypeAccesses').some(
          (a) => text(a, 'name') === 'Handoff_Test_Default__mdt' && text(a, 'enabled') === 'true'
        )
      )
      .map(([name]) => name);
    expect(readers).toEqual(['Handoff_Admin']);
  });
});

describe('custom permissions', () => {
  const holders = (permission: string) =>
    [...sets.entries()]
      .filter(([, xml]) =>
        list(xml, 'customPermissions').some(
          (c) => text(c, 'name') === permission && text(c, 'enabled') === 'true'
        )
      )
      .map(([name]) => name)
      .sort();

  it('only the integration bypass set holds the bypass', () => {
    expect(holders('Handoff_Bypass_Validation')).toEqual(['Handoff_Integration_Bypass']);
  });

  it('Sales managers (and admins) approve exceptions and override segments; AEs do not', () => {
    expect(holders('Handoff_Approve_Exceptions')).toEqual([
      'Handoff_Admin',
      'Handoff_Sales_Manager'
    ]);
    expect(holders('Handoff_Override_Segment')).toEqual(['Handoff_Admin', 'Handoff_Sales_Manager']);
  });

  it('only admins use the Handoff Setup page: its permission, Apex class and tab', () => {
    const withClass = [...sets.entries()]
      .filter(([, xml]) =>
        list(xml, 'classAccesses').some(
          (c) => text(c, 'apexClass') === 'HandoffSetupController' && text(c, 'enabled') === 'true'
        )
      )
      .map(([name]) => name);
    const withTab = [...sets.entries()]
      .filter(([, xml]) =>
        list(xml, 'tabSettings').some(
          (t) => text(t, 'tab') === 'Handoff_Setup' && text(t, 'visibility') === 'Visible'
        )
      )
      .map(([name]) => name);
    expect(holders('Handoff_Manage_Setup')).toEqual(['Handoff_Admin']);
    expect(withClass).toEqual(['Handoff_Admin']);
    expect(withTab).toEqual(['Handoff_Admin']);
  });
});

describe('no profiles', () => {
  it('ships no profile metadata', () => {
    expect(filesIn('profiles', '.profile-meta.xml')).toEqual([]);
  });
});

describe('handoff record access (issue 15)', () => {
  const layout = readXml(
    filesIn('layouts', '.layout-meta.xml').find((p) =>
      p.endsWith('Handoff__c-Handoff Layout.layout-meta.xml')
    ) ?? ''
  );
  const editable = list(layout, 'layoutSections')
    .flatMap((section) => list(section, 'layoutColumns'))
    .flatMap((column) => list(column, 'layoutItems'))
    .filter((item) => text(item, 'behavior') === 'Edit' || text(item, 'behavior') === 'Required')
    .map((item) => text(item, 'field'))
    .sort();

  it('the record page edits only the status (Accepted → Complete) and who owns the handoff', () => {
    // Everything else changes through the checklist's actions, which record what goes with it
    // (first touch: its channel and hours; SLA pause: the deal reopened).
    expect(editable).toEqual(['CSM__c', 'OwnerId', 'Status__c']);
  });

  it('the AE reads through an Apex sharing reason, kept on owner change and recalculable', () => {
    const handoff = readXml(
      walk(join(SOURCE_ROOT, 'objects'), '.object-meta.xml').find((p) =>
        p.endsWith('Handoff__c.object-meta.xml')
      ) ?? ''
    );
    expect(text(handoff, 'sharingModel')).toBe('Private');
    expect(text(handoff.sharingRecalculations as Xml, 'className')).toBe(
      'HandoffSharingRecalculation'
    );
    expect(
      walk(join(SOURCE_ROOT, 'objects'), '.sharingReason-meta.xml').map((p) =>
        componentName(p, '.sharingReason-meta.xml')
      )
    ).toContain('Handoff_Participant__c');
  });

  it('no product Apex creates manual handoff shares (an owner change deletes them)', () => {
    const offenders = filesIn('classes', '.cls')
      .filter((p) => !p.endsWith('Test.cls'))
      .filter((p) => /Handoff__Share\.RowCause\.Manual/.test(readFileSync(p, 'utf8')))
      .map((p) => componentName(p, '.cls'));
    expect(offenders).toEqual([]);
  });
});
