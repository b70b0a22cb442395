/**
 * Truth tables for the record-level rules of issue 15 that a formula states (validation rules on
 * Handoff__c and the exception rules on Opportunity), evaluated by formulon through the harness
 * in lib/formula. Each table's expected value is written here independently of the formula, from
 * the rule in words; the loopholes the issue lists are rows of their own.
 *
 * The rules that need child records or other objects (required intake items before Accepted, the
 * deal's stage for On Hold and Cancelled, who makes a status change) live in Apex
 * (HandoffTriggerHandler) and are tested by HandoffTriggerHandlerTest in an org.
 */
import { isBlocked, RUNNING_USER_ID, saveContext, type FormulaContext } from './lib/formula';
import { loadObjects, type ObjectMeta } from './lib/metadata';

const objects = loadObjects();
const handoff = objects.get('Handoff__c') as ObjectMeta;
const opportunity = objects.get('Opportunity') as ObjectMeta;

const BYPASS = 'Handoff_Bypass_Validation';
const APPROVE = 'Handoff_Approve_Exceptions';
const OTHER_USER = '005000000000002AAA';
/**
 * Rules no permission exempts: a value outside its range is wrong in every save, a data load's
 * too (the metrics would count it).
 */
const NO_BYPASS = ['Handoff_Quality_Score_Range'];

function rule(object: ObjectMeta, name: string) {
  const vr = object.validationRules.get(name);
  if (!vr) {
    throw new Error(`validation rule ${object.name}.${name} is missing`);
  }
  return vr;
}

const HOUR = 3600_000;
const now = Date.now();
const closedAt = new Date(now - 48 * HOUR);
const beforeClose = new Date(now - 72 * HOUR);
const betweenCloseAndNow = new Date(now - 24 * HOUR);
const future = new Date(now + 24 * HOUR);

describe('every Handoff__c validation rule', () => {
  it('exists: first touch range, first touch kept, counts only increase, quality score range', () => {
    expect([...handoff.validationRules.keys()].sort()).toEqual(
      expect.arrayContaining([
        'Handoff_Counts_Only_Increase',
        'Handoff_First_Touch_Not_Cleared',
        'Handoff_First_Touch_Within_Close_And_Now',
        'Handoff_Quality_Score_Range'
      ])
    );
  });

  it.each([...handoff.validationRules.keys()])(
    '%s is active, described, exempts the bypass permission (unless it guards a range no load may break) and parses',
    (name) => {
      const vr = rule(handoff, name);
      expect(vr.active).toBe('true');
      expect(String(vr.description ?? '').length).toBeGreaterThan(20);
      expect(String(vr.errorMessage ?? '').length).toBeGreaterThan(20);
      const formula = String(vr.errorConditionFormula);
      const exempt = formula.includes(`NOT($Permission.${BYPASS})`);
      const mentionsPermissions = formula.includes('$Permission');
      // The bypass exempts every rule but a range rule, which names no permission at all.
      expect({ exempt, mentionsPermissions }).toEqual(
        NO_BYPASS.includes(name)
          ? { exempt: false, mentionsPermissions: false }
          : { exempt: true, mentionsPermissions: true }
      );
      expect(typeof isBlocked(vr, handoff, saveContext({}, null))).toBe('boolean');
    }
  );

  it('never blocks the creation of a handoff (the close automation and data loads create them)', () => {
    for (const [, vr] of handoff.validationRules) {
      const created = {
        Status__c: 'New',
        Closed_At__c: closedAt,
        First_Touch_At__c: null,
        Repeat_Ask_Count__c: 0,
        Return_Count__c: 0,
        Escalation_Count__c: 0
      };
      expect(isBlocked(vr, handoff, saveContext(created, null))).toBe(false);
    }
  });
});

describe('Handoff_First_Touch_Within_Close_And_Now truth table', () => {
  const vr = () => rule(handoff, 'Handoff_First_Touch_Within_Close_And_Now');
  const touches: [string, Date | null][] = [
    ['blank', null],
    ['before the close', beforeClose],
    ['between the close and now', betweenCloseAndNow],
    ['in the future', future]
  ];
  const rows: [string, string, boolean, boolean][] = [];
  for (const [oldLabel] of touches) {
    for (const [newLabel] of touches) {
      for (const hasClose of [true, false]) {
        for (const bypass of [false, true]) {
          rows.push([oldLabel, newLabel, hasClose, bypass]);
        }
      }
    }
  }
  const at = (label: string) => touches.find(([l]) => l === label)?.[1] ?? null;

  it.each(rows)(
    'first touch %s → %s, close recorded=%s, bypass=%s',
    (oldLabel, newLabel, hasClose, bypass) => {
      const oldTouch = at(oldLabel);
      const newTouch = at(newLabel);
      const close = hasClose ? closedAt : null;
      const changed = oldLabel !== newLabel;
      const outOfRange =
        newTouch !== null &&
        (newTouch.getTime() > now || (close !== null && newTouch.getTime() < close.getTime()));
      const expected = changed && outOfRange && !bypass;
      const record = { First_Touch_At__c: newTouch, Closed_At__c: close };
      const old = { First_Touch_At__c: oldTouch, Closed_At__c: close };
      expect(isBlocked(vr(), handoff, saveContext(record, old, bypass ? [BYPASS] : []))).toBe(
        expected
      );
    }
  );

  it('the loophole of issue 15: a CSM enters a first touch in the future or before the close', () => {
    const old = { First_Touch_At__c: null, Closed_At__c: closedAt };
    expect(isBlocked(vr(), handoff, saveContext({ ...old, First_Touch_At__c: future }, old))).toBe(
      true
    );
    expect(
      isBlocked(vr(), handoff, saveContext({ ...old, First_Touch_At__c: beforeClose }, old))
    ).toBe(true);
  });

  it('does not re-check a first touch that is not changing (other edits of an old record)', () => {
    const legacy = { First_Touch_At__c: beforeClose, Closed_At__c: closedAt, Status__c: 'New' };
    expect(
      isBlocked(vr(), handoff, saveContext({ ...legacy, Status__c: 'In Review' }, legacy))
    ).toBe(false);
  });

  it('names the field and both limits in its message', () => {
    const message = String(vr().errorMessage);
    expect(vr().errorDisplayField).toBe('First_Touch_At__c');
    expect(message).toMatch(/First Touch At/);
    expect(message).toMatch(/future/);
    expect(message).toMatch(/before the close/);
  });
});

describe('Handoff_First_Touch_Not_Cleared', () => {
  const vr = () => rule(handoff, 'Handoff_First_Touch_Not_Cleared');
  it.each([
    ['a recorded first touch cleared', betweenCloseAndNow, null, [], true],
    ['a recorded first touch cleared by a data load', betweenCloseAndNow, null, [BYPASS], false],
    ['a first touch recorded', null, betweenCloseAndNow, [], false],
    ['no first touch, still none', null, null, [], false],
    ['a first touch kept', betweenCloseAndNow, betweenCloseAndNow, [], false]
  ])('%s → blocked = %s', (_label, before, after, permissions, blocked) => {
    expect(
      isBlocked(
        vr(),
        handoff,
        saveContext({ First_Touch_At__c: after }, { First_Touch_At__c: before }, permissions)
      )
    ).toBe(blocked);
  });
});

describe('Handoff_Quality_Score_Range truth table', () => {
  const vr = () => rule(handoff, 'Handoff_Quality_Score_Range');
  const scores: (number | null)[] = [null, -9, -1, 0, 1, 2, 3, 4, 5, 6, 9];
  const rows: [number | null, number | null, boolean, boolean][] = [];
  for (const before of [null, 3]) {
    for (const after of scores) {
      for (const bypass of [false, true]) {
        for (const isNew of [false, true]) {
          rows.push([before, after, bypass, isNew]);
        }
      }
    }
  }

  it.each(rows)('score %s → %s, bypass=%s, new record=%s', (before, after, bypass, isNew) => {
    // Written from the rule in words: blank or 1 to 5 saves; anything else never does.
    const expected = after !== null && (after < 1 || after > 5);
    const record = { Quality_Score__c: after };
    const old = isNew ? null : { Quality_Score__c: before };
    expect(isBlocked(vr(), handoff, saveContext(record, old, bypass ? [BYPASS] : []))).toBe(
      expected
    );
  });

  it('never fires for a record without a score (every handoff saved before the question)', () => {
    const legacy = { Status__c: 'Complete', Quality_Score__c: null, First_Touch_At__c: null };
    expect(
      isBlocked(vr(), handoff, saveContext({ ...legacy, Status__c: 'Cancelled' }, legacy))
    ).toBe(false);
    expect(isBlocked(vr(), handoff, saveContext(legacy, null))).toBe(false);
  });

  it('shows on the score and says the range', () => {
    expect(vr().errorDisplayField).toBe('Quality_Score__c');
    expect(String(vr().errorMessage)).toMatch(/Quality Score/);
    expect(String(vr().errorMessage)).toMatch(/from 1 .* to 5/);
    expect(String(vr().errorMessage)).toMatch(/blank/);
  });
});

describe('Handoff_Counts_Only_Increase truth table', () => {
  const vr = () => rule(handoff, 'Handoff_Counts_Only_Increase');
  const counts = ['Repeat_Ask_Count__c', 'Return_Count__c', 'Escalation_Count__c'];
  const values: (number | null)[] = [null, 0, 1, 3];
  const rows: [string, number | null, number | null, boolean][] = [];
  for (const field of counts) {
    for (const before of values) {
      for (const after of values) {
        for (const bypass of [false, true]) {
          rows.push([field, before, after, bypass]);
        }
      }
    }
  }

  it.each(rows)('%s %s → %s, bypass=%s', (field, before, after, bypass) => {
    const expected = (after ?? 0) < (before ?? 0) && !bypass;
    const base = { Repeat_Ask_Count__c: 2, Return_Count__c: 2, Escalation_Count__c: 2 };
    expect(
      isBlocked(
        vr(),
        handoff,
        saveContext(
          { ...base, [field]: after },
          { ...base, [field]: before },
          bypass ? [BYPASS] : []
        )
      )
    ).toBe(expected);
  });

  it('the loophole of issue 15: a CSM lowers the repeat-ask count by hand', () => {
    expect(
      isBlocked(vr(), handoff, saveContext({ Repeat_Ask_Count__c: 0 }, { Repeat_Ask_Count__c: 4 }))
    ).toBe(true);
  });
});

describe('the exception rules on Opportunity', () => {
  const statuses = [null, 'Requested', 'Approved', 'Rejected'];
  const decided = (status: string | null) => status === 'Approved' || status === 'Rejected';

  describe('Handoff_Exception_Decision_Needs_Request truth table', () => {
    const vr = () => rule(opportunity, 'Handoff_Exception_Decision_Needs_Request');
    const rows: [string | null | 'insert', string | null, boolean, boolean][] = [];
    for (const prior of ['insert' as const, ...statuses]) {
      for (const status of statuses) {
        for (const termsGiven of [true, false]) {
          for (const bypass of [false, true]) {
            rows.push([prior, status, termsGiven, bypass]);
          }
        }
      }
    }

    it.each(rows)(
      'prior %s → %s, reason and due date given=%s, bypass=%s',
      (prior, status, termsGiven, bypass) => {
        const isNew = prior === 'insert';
        const changed = isNew || prior !== status;
        const terms = termsGiven
          ? {
              Handoff_Exception_Reason__c: 'Sponsor named next week',
              Handoff_Exception_Due_Date__c: '2099-01-31'
            }
          : { Handoff_Exception_Reason__c: null, Handoff_Exception_Due_Date__c: null };
        const expected =
          changed &&
          decided(status) &&
          (isNew || prior !== 'Requested' || (status === 'Approved' && !termsGiven)) &&
          !bypass;
        const record = { Handoff_Exception_Status__c: status, ...terms };
        const old = isNew ? null : { Handoff_Exception_Status__c: prior, ...terms };
        expect(
          isBlocked(vr(), opportunity, saveContext(record, old, bypass ? [BYPASS] : [APPROVE]))
        ).toBe(expected);
      }
    );
  });

  describe('Handoff_Exception_Not_Own_Deal truth table', () => {
    const vr = () => rule(opportunity, 'Handoff_Exception_Not_Own_Deal');
    const rows: [string | null, string | null, boolean, boolean][] = [];
    for (const prior of statuses) {
      for (const status of statuses) {
        for (const ownDeal of [true, false]) {
          for (const bypass of [false, true]) {
            rows.push([prior, status, ownDeal, bypass]);
          }
        }
      }
    }

    it.each(rows)('prior %s → %s, own deal=%s, bypass=%s', (prior, status, ownDeal, bypass) => {
      const owner = ownDeal ? RUNNING_USER_ID : OTHER_USER;
      const expected = prior !== status && decided(status) && ownDeal && !bypass;
      const record = { Handoff_Exception_Status__c: status, OwnerId: owner };
      const old = { Handoff_Exception_Status__c: prior, OwnerId: owner };
      expect(
        isBlocked(
          vr(),
          opportunity,
          saveContext(record, old, bypass ? [BYPASS, APPROVE] : [APPROVE])
        )
      ).toBe(expected);
    });

    it('compares the owner with the running user, not with a constant', () => {
      const record = { Handoff_Exception_Status__c: 'Approved', OwnerId: OTHER_USER };
      const old = { Handoff_Exception_Status__c: 'Requested', OwnerId: OTHER_USER };
      const asOwner: FormulaContext = {
        ...saveContext(record, old, [APPROVE]),
        user: { Id: OTHER_USER }
      };
      expect(isBlocked(vr(), opportunity, asOwner)).toBe(true);
      expect(isBlocked(vr(), opportunity, saveContext(record, old, [APPROVE]))).toBe(false);
    });
  });

  describe('Handoff_Exception_Locked_While_Approved truth table', () => {
    const vr = () => rule(opportunity, 'Handoff_Exception_Locked_While_Approved');
    const rows: [string | null, string | null, 'reason' | 'due date' | 'nothing', boolean][] = [];
    for (const prior of statuses) {
      for (const status of statuses) {
        for (const change of ['reason', 'due date', 'nothing'] as const) {
          for (const bypass of [false, true]) {
            rows.push([prior, status, change, bypass]);
          }
        }
      }
    }

    it.each(rows)('prior %s → %s, changing %s, bypass=%s', (prior, status, change, bypass) => {
      const old = {
        Handoff_Exception_Status__c: prior,
        Handoff_Exception_Reason__c: 'Sponsor named next week',
        Handoff_Exception_Due_Date__c: '2099-01-31'
      };
      const record = {
        ...old,
        Handoff_Exception_Status__c: status,
        ...(change === 'reason' ? { Handoff_Exception_Reason__c: 'Something else' } : {}),
        ...(change === 'due date' ? { Handoff_Exception_Due_Date__c: '2099-06-30' } : {})
      };
      const expected = status === 'Approved' && change !== 'nothing' && !bypass;
      expect(isBlocked(vr(), opportunity, saveContext(record, old, bypass ? [BYPASS] : []))).toBe(
        expected
      );
    });

    it('lets the AE request again with a new date (status back to Requested)', () => {
      const old = {
        Handoff_Exception_Status__c: 'Approved',
        Handoff_Exception_Reason__c: 'Sponsor named next week',
        Handoff_Exception_Due_Date__c: '2099-01-31'
      };
      const again = {
        ...old,
        Handoff_Exception_Status__c: 'Requested',
        Handoff_Exception_Due_Date__c: '2099-06-30'
      };
      expect(isBlocked(vr(), opportunity, saveContext(again, old))).toBe(false);
    });
  });

  describe('the loopholes of issue 15, across every Opportunity rule', () => {
    const blockedByAny = (ctx: FormulaContext) =>
      [...opportunity.validationRules.entries()]
        .filter(([, vr]) => isBlocked(vr, opportunity, ctx))
        .map(([name]) => name);

    it('a manager approves directly on their own new deal, with no reason or due date', () => {
      const record = {
        Handoff_Exception_Status__c: 'Approved',
        Handoff_Exception_Reason__c: null,
        Handoff_Exception_Due_Date__c: null,
        OwnerId: RUNNING_USER_ID
      };
      expect(blockedByAny(saveContext(record, null, [APPROVE]))).toEqual(
        expect.arrayContaining([
          'Handoff_Exception_Decision_Needs_Request',
          'Handoff_Exception_Not_Own_Deal'
        ])
      );
    });

    it('an admin approves a deal nobody requested an exception for', () => {
      const record = { Handoff_Exception_Status__c: 'Approved', OwnerId: OTHER_USER };
      const old = { Handoff_Exception_Status__c: null, OwnerId: OTHER_USER };
      expect(blockedByAny(saveContext(record, old, [APPROVE, 'Handoff_Override_Segment']))).toEqual(
        ['Handoff_Exception_Decision_Needs_Request']
      );
    });

    it('the AE moves the due date after the approval', () => {
      const old = {
        Handoff_Exception_Status__c: 'Approved',
        Handoff_Exception_Reason__c: 'Sponsor named next week',
        Handoff_Exception_Due_Date__c: '2099-01-31',
        OwnerId: RUNNING_USER_ID
      };
      expect(
        blockedByAny(saveContext({ ...old, Handoff_Exception_Due_Date__c: '2099-12-31' }, old))
      ).toEqual(['Handoff_Exception_Locked_While_Approved']);
    });

    it("the legitimate path stays open: the manager decides a request on the AE's deal", () => {
      const requested = {
        Handoff_Exception_Status__c: 'Requested',
        Handoff_Exception_Reason__c: 'Sponsor named next week',
        Handoff_Exception_Due_Date__c: '2099-01-31',
        OwnerId: OTHER_USER
      };
      for (const decision of ['Approved', 'Rejected']) {
        expect(
          blockedByAny(
            saveContext({ ...requested, Handoff_Exception_Status__c: decision }, requested, [
              APPROVE
            ])
          )
        ).toEqual([]);
      }
    });

    it('a data load with the bypass permission may carry decided exceptions', () => {
      const loaded = {
        Handoff_Exception_Status__c: 'Approved',
        Handoff_Exception_Reason__c: 'Migrated',
        Handoff_Exception_Due_Date__c: '2020-01-31',
        OwnerId: RUNNING_USER_ID
      };
      expect(blockedByAny(saveContext(loaded, null, [BYPASS]))).toEqual([]);
    });
  });
});
