/**
 * Truth tables for every validation rule and formula field, evaluated by formulon with
 * the record context (old and new record, permissions, custom metadata) the harness supplies.
 */
import { evaluate, type DealInput } from '../../main/default/lwc/handoffRules/handoffRules';
import { evaluateFormula, isBlocked, saveContext } from './lib/formula';
import { loadObjects, type ObjectMeta } from './lib/metadata';
import { shippedRuleConfig } from './lib/shippedConfig';

const objects = loadObjects();
const opportunity = objects.get('Opportunity') as ObjectMeta;
const rule = (name: string) => {
  const vr = opportunity.validationRules.get(name);
  if (!vr) {
    throw new Error(`validation rule Opportunity.${name} is missing`);
  }
  return vr;
};

const ALL_PERMISSIONS = [
  'Handoff_Bypass_Validation',
  'Handoff_Approve_Exceptions',
  'Handoff_Override_Segment'
];

describe('every Opportunity validation rule', () => {
  it.each([...opportunity.validationRules.keys()])('%s is active, described and parses', (name) => {
    const vr = rule(name);
    expect(vr.active).toBe('true');
    expect(String(vr.description ?? '').length).toBeGreaterThan(20);
    expect(String(vr.errorMessage ?? '').length).toBeGreaterThan(20);
    // Evaluates (does not throw) on an empty insert with no permissions.
    expect(typeof isBlocked(vr, opportunity, saveContext({}, null))).toBe('boolean');
  });
});

describe('Handoff_Required_Before_Closed_Won truth table', () => {
  const gate = () => rule('Handoff_Required_Before_Closed_Won');
  const statuses = [null, 'Requested', 'Approved', 'Rejected'];
  const missingCounts = [null, 0, 1, 7];
  const rows: [boolean, number | null, string | null, boolean, boolean][] = [];
  for (const enteringWon of [true, false]) {
    for (const missing of missingCounts) {
      for (const status of statuses) {
        for (const bypass of [false, true]) {
          for (const gateActive of [true, false]) {
            rows.push([enteringWon, missing, status, bypass, gateActive]);
          }
        }
      }
    }
  }

  it.each(rows)(
    'entering won=%s, missing=%s, exception=%s, bypass=%s, gate active (rollout mode)=%s',
    (enteringWon, missing, status, bypass, gateActive) => {
      const record = {
        Handoff_Gate_Active__c: gateActive,
        Handoff_Entering_Won__c: enteringWon,
        Handoff_Missing_Count__c: missing,
        Handoff_Exception_Status__c: status
      };
      const expected =
        gateActive && enteringWon && (missing ?? 0) > 0 && status !== 'Approved' && !bypass;
      const permissions = bypass ? ['Handoff_Bypass_Validation'] : [];
      expect(isBlocked(gate(), opportunity, saveContext(record, {}, permissions))).toBe(expected);
    }
  );

  it('says where the missing fields are listed and how to request an exception', () => {
    const message = String(gate().errorMessage);
    expect(message).toMatch(/Handoff Missing Fields/);
    expect(message).toMatch(/Request Handoff Exception/);
  });

  it('never blocks editing a deal that was won before the product was installed', () => {
    // A legacy won deal: the handler computes Entering_Won false because the old stage was won.
    const legacy = {
      Handoff_Gate_Active__c: true,
      Handoff_Entering_Won__c: false,
      Handoff_Missing_Count__c: 12
    };
    expect(isBlocked(gate(), opportunity, saveContext(legacy, { ...legacy }))).toBe(false);
  });

  it('the approval of an exception is the only exception status that lets the deal close', () => {
    const closing = (status: string | null) => ({
      Handoff_Gate_Active__c: true,
      Handoff_Entering_Won__c: true,
      Handoff_Missing_Count__c: 3,
      Handoff_Exception_Status__c: status
    });
    expect(isBlocked(gate(), opportunity, saveContext(closing('Approved'), {}))).toBe(false);
    expect(isBlocked(gate(), opportunity, saveContext(closing('Requested'), {}))).toBe(true);
    expect(isBlocked(gate(), opportunity, saveContext(closing('Rejected'), {}))).toBe(true);
  });
});

describe('the gate for each shipped segment and each rule field: blank blocks exactly when required', () => {
  const config = shippedRuleConfig();
  const typedSample = (field: string): unknown => {
    const type = opportunity.fields.get(field)?.type;
    if (type === undefined) {
      throw new Error(`rule field Opportunity.${field} does not exist`);
    }
    if (type === 'Lookup') {
      return '003000000000001';
    }
    if (type === 'Date') {
      return '2026-12-01';
    }
    if (type === 'Checkbox') {
      return true;
    }
    return 'Filled by the AE';
  };
  const isText = (field: string) =>
    ['Text', 'TextArea', 'LongTextArea'].includes(opportunity.fields.get(field)?.type ?? '');
  const cases: [string, string, string, string, boolean][] = [];
  for (const policy of config.segmentPolicies.filter((p) => p.active)) {
    for (const [ruleSet, type] of [
      ['New Business', 'New Customer'],
      ['Expansion', config.settings.expansionOpportunityTypes[0] ?? 'Renewal']
    ]) {
      const deal: DealInput = {
        amount: policy.minAmount,
        employees: null,
        type,
        segmentOverride: null,
        values: {}
      };
      const applicable = evaluate(deal, config).rules;
      for (const r of applicable) {
        cases.push([policy.segment, ruleSet, type, r.fieldApiName, r.requirement === 'Required']);
      }
    }
  }

  it('covers every segment and both rule sets', () => {
    const segments = new Set(cases.map((c) => c[0]));
    expect(segments).toEqual(new Set(['Enterprise', 'Mid-Market', 'SMB']));
    expect(new Set(cases.map((c) => c[1]))).toEqual(new Set(['New Business', 'Expansion']));
    expect(cases.length).toBeGreaterThanOrEqual(3 * 14);
  });

  it.each(cases)(
    '%s / %s (type %s): %s blank → blocked = %s',
    (segment, _ruleSet, type, field, required) => {
      const policy = config.segmentPolicies.find((p) => p.segment === segment);
      const values: Record<string, unknown> = {};
      for (const r of config.fieldRules) {
        values[r.fieldApiName] = typedSample(r.fieldApiName);
      }
      // Text is blank when it holds only whitespace; other types when null.
      values[field] = isText(field) ? '   ' : null;
      const result = evaluate(
        { amount: policy?.minAmount ?? null, employees: null, type, segmentOverride: null, values },
        config
      );
      expect(result.segment).toBe(segment);
      const record = {
        Handoff_Gate_Active__c: true,
        Handoff_Entering_Won__c: true,
        Handoff_Missing_Count__c: result.missing.length,
        Handoff_Exception_Status__c: null
      };
      expect(
        isBlocked(rule('Handoff_Required_Before_Closed_Won'), opportunity, saveContext(record, {}))
      ).toBe(required);
      // With every field filled, the same deal closes.
      const full = evaluate(
        {
          amount: policy?.minAmount ?? null,
          employees: null,
          type,
          segmentOverride: null,
          values: { ...values, [field]: typedSample(field) }
        },
        config
      );
      expect(full.missing).toEqual([]);
    }
  );
});

describe('Handoff_Exception_Needs_Reason_And_Date', () => {
  const vr = () => rule('Handoff_Exception_Needs_Reason_And_Date');
  const future = '2099-01-31';
  const past = '2000-01-31';
  it.each([
    ['reason and future date', 'Data arrives after signature', future, false],
    ['no reason', null, future, true],
    ['no due date', 'Customer IT owner not named yet', null, true],
    ['due date in the past', 'Customer IT owner not named yet', past, true]
  ])('requesting with %s → blocked = %s', (_label, reason, due, blocked) => {
    const record = {
      Handoff_Exception_Status__c: 'Requested',
      Handoff_Exception_Reason__c: reason,
      Handoff_Exception_Due_Date__c: due
    };
    expect(
      isBlocked(vr(), opportunity, saveContext(record, { Handoff_Exception_Status__c: null }))
    ).toBe(blocked);
  });

  it('does not apply when no exception is requested', () => {
    const record = { Handoff_Exception_Status__c: null, Handoff_Exception_Reason__c: null };
    expect(isBlocked(vr(), opportunity, saveContext(record, {}))).toBe(false);
  });

  it('does not block later edits of an approved exception whose due date has passed', () => {
    const record = {
      Handoff_Exception_Status__c: 'Approved',
      Handoff_Exception_Reason__c: 'Waiting on the customer',
      Handoff_Exception_Due_Date__c: past
    };
    expect(isBlocked(vr(), opportunity, saveContext(record, { ...record }))).toBe(false);
  });
});

describe('Handoff_Exception_Decision_By_Approver', () => {
  const vr = () => rule('Handoff_Exception_Decision_By_Approver');
  it.each([
    ['Approved', [], true],
    ['Rejected', [], true],
    ['Approved', ['Handoff_Approve_Exceptions'], false],
    ['Rejected', ['Handoff_Approve_Exceptions'], false],
    ['Requested', [], false]
  ])('setting %s with permissions %j → blocked = %s', (status, permissions, blocked) => {
    const record = { Handoff_Exception_Status__c: status };
    const old = { Handoff_Exception_Status__c: status === 'Requested' ? null : 'Requested' };
    expect(isBlocked(vr(), opportunity, saveContext(record, old, permissions))).toBe(blocked);
  });

  it('does not block other edits of a record whose exception is already approved', () => {
    const record = { Handoff_Exception_Status__c: 'Approved', Handoff_Notes__c: 'new note' };
    expect(
      isBlocked(vr(), opportunity, saveContext(record, { Handoff_Exception_Status__c: 'Approved' }))
    ).toBe(false);
  });
});

describe('Handoff_Segment_Override_Manager_Only', () => {
  const vr = () => rule('Handoff_Segment_Override_Manager_Only');
  it.each([
    ['an AE changes the override', 'Enterprise', null, [], true],
    [
      'a Sales manager changes the override',
      'Enterprise',
      null,
      ['Handoff_Override_Segment'],
      false
    ],
    ['an AE clears the override', null, 'SMB', [], true],
    ['an AE edits something else', 'SMB', 'SMB', [], false]
  ])('%s → blocked = %s', (_label, value, oldValue, permissions, blocked) => {
    expect(
      isBlocked(
        vr(),
        opportunity,
        saveContext(
          { Handoff_Segment_Override__c: value },
          { Handoff_Segment_Override__c: oldValue },
          permissions
        )
      )
    ).toBe(blocked);
  });

  it('blocks an AE creating a deal with an override, allows a manager', () => {
    const record = { Handoff_Segment_Override__c: 'Enterprise' };
    expect(isBlocked(vr(), opportunity, saveContext(record, null))).toBe(true);
    expect(
      isBlocked(vr(), opportunity, saveContext(record, null, ['Handoff_Override_Segment']))
    ).toBe(false);
    expect(
      isBlocked(vr(), opportunity, saveContext({ Handoff_Segment_Override__c: null }, null))
    ).toBe(false);
  });

  it('has no rule that an admin with every permission is blocked by on a plain edit', () => {
    for (const [, vrXml] of opportunity.validationRules) {
      expect(isBlocked(vrXml, opportunity, saveContext({}, {}, ALL_PERMISSIONS))).toBe(false);
    }
  });
});

describe('the formula harness models Salesforce, not formulon, where they differ', () => {
  it('TEXT() of a blank picklist is blank', () => {
    const blank = saveContext({ Handoff_Segment_Override__c: null }, null);
    expect(evaluateFormula('ISBLANK(TEXT(Handoff_Segment_Override__c))', opportunity, blank)).toBe(
      true
    );
    const set = saveContext({ Handoff_Segment_Override__c: 'SMB' }, null);
    expect(evaluateFormula('TEXT(Handoff_Segment_Override__c)', opportunity, set)).toBe('SMB');
  });

  it('ISCHANGED is false and PRIORVALUE is the new value on insert', () => {
    const insert = saveContext({ Handoff_Notes__c: 'a' }, null);
    expect(evaluateFormula('ISCHANGED(Handoff_Notes__c)', opportunity, insert)).toBe(false);
    expect(evaluateFormula('PRIORVALUE(Handoff_Notes__c)', opportunity, insert)).toBe('a');
    const update = saveContext({ Handoff_Notes__c: 'b' }, { Handoff_Notes__c: 'a' });
    expect(evaluateFormula('ISCHANGED(Handoff_Notes__c)', opportunity, update)).toBe(true);
    expect(evaluateFormula('PRIORVALUE(Handoff_Notes__c)', opportunity, update)).toBe('a');
  });
});

describe('formula fields', () => {
  it.each([
    [null, false],
    ['Requested', false],
    ['Approved', true],
    ['Rejected', false]
  ])('Opportunity.Handoff_Exception_Active__c with status %s is %s', (status, active) => {
    const field = opportunity.fields.get('Handoff_Exception_Active__c');
    expect(field?.formula).toBeDefined();
    expect(
      evaluateFormula(
        String(field?.formula),
        opportunity,
        saveContext({ Handoff_Exception_Status__c: status }, {})
      )
    ).toBe(active);
  });

  describe('Handoff__c.SLA_Breached__c', () => {
    const handoff = objects.get('Handoff__c') as ObjectMeta;
    const breached = (record: Record<string, unknown>) =>
      evaluateFormula(
        String(handoff.fields.get('SLA_Breached__c')?.formula),
        handoff,
        saveContext(record, {})
      );
    const past = new Date(Date.now() - 3600_000);
    const future = new Date(Date.now() + 3600_000);
    it.each([
      ['due in the past, no first touch', { First_Touch_Due_At__c: past, Status__c: 'New' }, true],
      ['due in the future', { First_Touch_Due_At__c: future, Status__c: 'New' }, false],
      [
        'first touch logged',
        { First_Touch_Due_At__c: past, First_Touch_At__c: past, Status__c: 'Accepted' },
        false
      ],
      [
        'SLA paused (deal reopened)',
        { First_Touch_Due_At__c: past, SLA_Paused__c: true, Status__c: 'On Hold' },
        false
      ],
      ['cancelled', { First_Touch_Due_At__c: past, Status__c: 'Cancelled' }, false],
      ['complete', { First_Touch_Due_At__c: past, Status__c: 'Complete' }, false],
      ['no due time yet', { Status__c: 'New' }, false]
    ])('%s → %s', (_label, record, expected) => {
      expect(breached(record)).toBe(expected);
    });
  });
});
