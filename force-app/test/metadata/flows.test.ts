/**
 * Offline flow tests: the shape of the record-triggered SLA flows, their structure (every
 * connector resolves, every DML, query and action has a fault path that logs, nothing costly
 * inside a loop), cross-references (fields, objects, custom metadata records, notification
 * types, invocable Apex and the constants the flows share with it), the FlowTests (one per
 * decision outcome, each simulated offline against the flow and the shipped settings), and
 * Lightning Flow Scanner 6.6. See docs/flows.md for what only an org can prove.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseFlows, scan } from '@flow-scanner/lightning-flow-scanner-core';
import {
  LOG_ACTION,
  apexStringConstant,
  assertedOutcomes,
  danglingConnectors,
  duplicateNames,
  faultPathsNotLogging,
  isRecordTriggered,
  loadFlow,
  loadFlows,
  loadFlowTests,
  meetsEntryConditions,
  missingDescriptions,
  missingFaultConnectors,
  notificationTypeNames,
  outcomesOf,
  readInvocableClass,
  simulate,
  triggerObject,
  unreachableElements,
  unresolvedReferences,
  valueReference,
  workInsideLoops,
  type FlowModel,
  type FlowTestModel,
  type SimulationContext
} from './lib/flows';
import { fieldExists, list, loadCustomMetadata, loadObjects, text, type Xml } from './lib/metadata';

const objects = loadObjects();
const customMetadata = loadCustomMetadata();
const notificationTypes = notificationTypeNames();
const flows = loadFlows();
const recordTriggered = flows.filter(isRecordTriggered);
const flowTests = loadFlowTests();
const context: SimulationContext = {
  objects,
  customMetadata,
  notificationTypes,
  now: new Date()
};

const SLA_FLOWS = [
  'Handoff_After_Save_Exception_Followup',
  'Handoff_After_Save_SLA_Breach',
  'Handoff_After_Save_SLA_Warning'
];
/** Standard objects flows may read or write, with the fields metadata.ts knows for them. */
const STANDARD_OBJECTS = new Set(['Task', 'Event', 'User', 'Account', 'Opportunity', 'Contact']);
const SETUP_OBJECTS = new Set(['CustomNotificationType']);
const LOG_LEVELS = ['ERROR', 'WARN', 'INFO'];
/** Inputs of the standard Send Custom Notification action; targetId or targetPageRef is needed. */
const NOTIFICATION_INPUTS = new Set([
  'customNotifTypeId',
  'recipientIds',
  'title',
  'body',
  'targetId',
  'targetPageRef'
]);

const byName = (list: FlowModel[]): [string, FlowModel][] => list.map((f) => [f.name, f]);
const testsOf = (flow: FlowModel): FlowTestModel[] =>
  flowTests.filter((t) => t.flowApiName === flow.name);
const nodesOfType = (flow: FlowModel, type: string) =>
  [...flow.nodes.values()].filter((n) => n.type === type);

describe('the SLA flows', () => {
  it('ship as the record-triggered flows of the product', () => {
    expect(recordTriggered.map((f) => f.name).sort()).toEqual(expect.arrayContaining(SLA_FLOWS));
  });

  it.each(byName(recordTriggered))(
    '%s is an active after-save flow at API 66.0 named <Object>_<Timing>_<Purpose>',
    (name, flow) => {
      const object = triggerObject(flow).replace(/__c$/, '');
      expect(name).toMatch(
        new RegExp(`^${object}_(After|Before)_(Save|Delete)_[A-Z][A-Za-z]*(_[A-Z][A-Za-z]*)*$`)
      );
      expect({
        apiVersion: text(flow.xml, 'apiVersion'),
        processType: text(flow.xml, 'processType'),
        status: text(flow.xml, 'status'),
        triggerType: text(flow.start, 'triggerType'),
        recordTriggerType: text(flow.start, 'recordTriggerType'),
        onlyWhenChangedToMeet: text(flow.start, 'doesRequireRecordChangedToMeetCriteria')
      }).toEqual({
        apiVersion: '66.0',
        processType: 'AutoLaunchedFlow',
        status: 'Active',
        triggerType: 'RecordAfterSave',
        recordTriggerType: 'CreateAndUpdate',
        onlyWhenChangedToMeet: 'true'
      });
      expect((text(flow.xml, 'label') ?? '').length).toBeGreaterThan(5);
      expect(Number(text(flow.xml, 'triggerOrder'))).toBeGreaterThan(0);
    }
  );

  it('give each flow on an object its own trigger order', () => {
    const keys = recordTriggered.map((f) => `${triggerObject(f)}#${text(f.xml, 'triggerOrder')}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(byName(recordTriggered))(
    '%s has entry criteria on fields that exist, and scheduled paths on date fields',
    (_name, flow) => {
      const object = triggerObject(flow);
      expect(objects.has(object)).toBe(true);
      const filters = list(flow.start, 'filters');
      expect(filters.length > 0 || Boolean(text(flow.start, 'filterFormula'))).toBe(true);
      const problems: string[] = [];
      for (const filter of filters) {
        const field = text(filter, 'field') ?? '';
        if (!fieldExists(objects, object, field)) {
          problems.push(`entry filter on ${object}.${field}`);
        }
      }
      const paths = list(flow.start, 'scheduledPaths');
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) {
        const field = text(path, 'recordField') ?? '';
        const type = objects.get(object)?.fields.get(field)?.type;
        if (
          text(path, 'timeSource') !== 'RecordField' ||
          !['Date', 'DateTime'].includes(type ?? '')
        ) {
          problems.push(`scheduled path ${text(path, 'name')} on ${field} (${type})`);
        }
        if (!text(path, 'offsetUnit') || text(path, 'offsetNumber') === undefined) {
          problems.push(`scheduled path ${text(path, 'name')} has no offset`);
        }
      }
      expect(problems).toEqual([]);
    }
  );

  it.each(byName(flows))('%s describes itself and every element and resource', (_name, flow) => {
    expect(missingDescriptions(flow)).toEqual([]);
  });
});

describe('flow structure', () => {
  it.each(byName(flows))('%s: API names are unique and every connector resolves', (_n, flow) => {
    expect([...duplicateNames(flow), ...danglingConnectors(flow)]).toEqual([]);
  });

  it.each(byName(flows))('%s: every element is reached from the start', (_n, flow) => {
    expect(unreachableElements(flow)).toEqual([]);
  });

  it.each(byName(flows))('%s: every DML, query and action has a fault connector', (_n, flow) => {
    expect(missingFaultConnectors(flow)).toEqual([]);
  });

  it.each(byName(flows))(`%s: every fault path logs through ${LOG_ACTION}`, (_n, flow) => {
    expect(faultPathsNotLogging(flow)).toEqual([]);
  });

  it.each(byName(flows))('%s: no query, DML or action runs inside a loop', (_n, flow) => {
    expect(workInsideLoops(flow)).toEqual([]);
  });
});

/** A deliberately broken flow: proves the checks above are not vacuous. */
const BROKEN_FLOW = `<?xml version="1.0" encoding="UTF-8"?>
<Flow xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>66.0</apiVersion>
    <label>Broken</label>
    <processType>AutoLaunchedFlow</processType>
    <status>Active</status>
    <start>
        <locationX>0</locationX><locationY>0</locationY>
        <connector><targetReference>Get_Tasks</targetReference></connector>
        <object>Handoff__c</object>
        <recordTriggerType>Create</recordTriggerType>
        <triggerType>RecordAfterSave</triggerType>
    </start>
    <recordLookups>
        <name>Get_Tasks</name><locationX>0</locationX><locationY>0</locationY>
        <connector><targetReference>Each_Task</targetReference></connector>
        <object>Task</object>
        <faultConnector><targetReference>Note_Fault</targetReference></faultConnector>
    </recordLookups>
    <loops>
        <name>Each_Task</name><locationX>0</locationX><locationY>0</locationY>
        <collectionReference>Get_Tasks</collectionReference>
        <nextValueConnector><targetReference>Close_Task</targetReference></nextValueConnector>
        <noMoreValuesConnector><targetReference>Nowhere</targetReference></noMoreValuesConnector>
    </loops>
    <recordUpdates>
        <name>Close_Task</name><locationX>0</locationX><locationY>0</locationY>
        <connector><targetReference>Each_Task</targetReference></connector>
        <inputReference>Each_Task</inputReference>
    </recordUpdates>
    <assignments>
        <name>Note_Fault</name><locationX>0</locationX><locationY>0</locationY>
        <assignmentItems>
            <assignToReference>undeclaredVariable</assignToReference>
            <operator>Assign</operator>
            <value><elementReference>$Record.No_Such_Field__c</elementReference></value>
        </assignmentItems>
    </assignments>
    <actionCalls>
        <name>Orphan_Action</name><locationX>0</locationX><locationY>0</locationY>
        <actionName>HandoffLogAction</actionName>
        <actionType>apex</actionType>
    </actionCalls>
</Flow>
`;

describe('the structure checks catch what they look for', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'flows-')), 'Broken.flow-meta.xml');
  writeFileSync(path, BROKEN_FLOW);
  const broken = loadFlow(path);

  it('finds the dangling connector, the unreached element and the missing fault paths', () => {
    expect(danglingConnectors(broken)).toEqual(['Broken: Each_Task (noMoreValues) → Nowhere']);
    expect(unreachableElements(broken)).toEqual(['Broken: Orphan_Action is never reached']);
    expect(missingFaultConnectors(broken)).toEqual([
      'Broken: actionCalls Orphan_Action has no fault connector',
      'Broken: recordUpdates Close_Task has no fault connector'
    ]);
    expect(faultPathsNotLogging(broken)).toEqual([
      `Broken: fault path of Get_Tasks goes to Note_Fault, not ${LOG_ACTION}`
    ]);
  });

  it('finds DML inside a loop, undeclared references, missing fields and descriptions', () => {
    expect(workInsideLoops(broken)).toEqual([
      'Broken: recordUpdates Close_Task runs inside loop Each_Task'
    ]);
    expect(unresolvedReferences(broken, { objects })).toEqual([
      'Broken.Note_Fault: undeclaredVariable is not declared in the flow',
      'Broken.Note_Fault: $Record.No_Such_Field__c is not a field of Handoff__c'
    ]);
    expect(missingDescriptions(broken).length).toBeGreaterThan(4);
  });

  it('is also what Lightning Flow Scanner reports', async () => {
    const parsed = await parseFlows([path]);
    const rules = scan(parsed)
      .flatMap((r) => r.ruleResults)
      .filter((r) => r.occurs)
      .map((r) => r.ruleName);
    expect(rules).toEqual(
      expect.arrayContaining(['DMLStatementInLoop', 'MissingFaultPath', 'UnconnectedElement'])
    );
  });
});

describe('flow cross-references', () => {
  it.each(byName(flows))(
    '%s: every reference names a resource, an element or a field',
    (_n, flow) => {
      expect(unresolvedReferences(flow, { objects })).toEqual([]);
    }
  );

  it.each(byName(flows))(
    '%s: Get/Create/Update/Delete Records name objects, fields, records and types that exist',
    (_n, flow) => {
      const problems: string[] = [];
      for (const type of ['recordLookups', 'recordCreates', 'recordUpdates', 'recordDeletes']) {
        for (const node of nodesOfType(flow, type)) {
          const object = text(node.xml, 'object');
          if (!object) {
            continue; // works on a record variable, checked as a reference
          }
          if (!objects.has(object) && !STANDARD_OBJECTS.has(object) && !SETUP_OBJECTS.has(object)) {
            problems.push(`${node.name}: object ${object}`);
            continue;
          }
          const fields = [
            ...list(node.xml, 'filters').map((f) => text(f, 'field')),
            ...list(node.xml, 'outputAssignments').map((f) => text(f, 'field')),
            ...list(node.xml, 'inputAssignments').map((f) => text(f, 'field')),
            ...list(node.xml, 'queriedFields').map((f) => (typeof f === 'string' ? f : undefined))
          ].filter((f): f is string => Boolean(f));
          for (const field of fields) {
            if (!fieldExists(objects, object, field)) {
              problems.push(`${node.name}: field ${object}.${field}`);
            }
          }
          const developerName = list(node.xml, 'filters').find(
            (f) => text(f, 'field') === 'DeveloperName' && text(f, 'operator') === 'EqualTo'
          );
          const wanted = text(list(developerName, 'value')[0], 'stringValue');
          if (object.endsWith('__mdt') && wanted !== undefined) {
            if (!customMetadata.has(`${object.replace(/__mdt$/, '')}.${wanted}`)) {
              problems.push(`${node.name}: custom metadata record ${object}.${wanted}`);
            }
          }
          if (object === 'CustomNotificationType' && !notificationTypes.has(wanted ?? '')) {
            problems.push(`${node.name}: custom notification type ${wanted}`);
          }
        }
      }
      expect(problems).toEqual([]);
    }
  );

  it.each(byName(flows))(
    '%s: Apex actions exist, are invocable and get only inputs they declare',
    (_n, flow) => {
      const problems: string[] = [];
      for (const node of nodesOfType(flow, 'actionCalls')) {
        if (text(node.xml, 'actionType') !== 'apex') {
          continue;
        }
        const className = text(node.xml, 'actionName') ?? '';
        const apex = readInvocableClass(className);
        if (!apex?.hasInvocableMethod) {
          problems.push(`${node.name}: ${className} is not an invocable Apex class`);
          continue;
        }
        const passed = list(node.xml, 'inputParameters').map((p) => text(p, 'name') ?? '');
        for (const name of passed) {
          if (!apex.variables.has(name)) {
            problems.push(`${node.name}: ${className} has no input ${name}`);
          }
        }
        for (const [name, variable] of apex.variables) {
          if (variable.required && !passed.includes(name) && className === LOG_ACTION) {
            problems.push(`${node.name}: required input ${name} of ${className} not passed`);
          }
        }
      }
      expect(problems).toEqual([]);
    }
  );

  it('the required inputs of the invocable actions are passed by every call', () => {
    const problems: string[] = [];
    for (const flow of flows) {
      for (const node of nodesOfType(flow, 'actionCalls')) {
        const apex =
          text(node.xml, 'actionType') === 'apex'
            ? readInvocableClass(text(node.xml, 'actionName') ?? '')
            : undefined;
        const passed = new Set(list(node.xml, 'inputParameters').map((p) => text(p, 'name')));
        for (const [name, variable] of apex?.variables ?? []) {
          if (variable.required && !passed.has(name)) {
            problems.push(`${flow.name}.${node.name}: ${name}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(byName(flows))(
    '%s: Send Custom Notification calls pass a type, recipients, a title, a body and a target',
    (_n, flow) => {
      const problems: string[] = [];
      for (const node of nodesOfType(flow, 'actionCalls')) {
        if (text(node.xml, 'actionType') !== 'customNotificationAction') {
          continue;
        }
        const passed = list(node.xml, 'inputParameters').map((p) => text(p, 'name') ?? '');
        for (const name of passed) {
          if (!NOTIFICATION_INPUTS.has(name)) {
            problems.push(`${node.name}: unknown input ${name}`);
          }
        }
        for (const name of ['customNotifTypeId', 'recipientIds', 'title', 'body']) {
          if (!passed.includes(name)) {
            problems.push(`${node.name}: missing ${name}`);
          }
        }
        if (!passed.includes('targetId') && !passed.includes('targetPageRef')) {
          problems.push(`${node.name}: no target`);
        }
        const recipients = list(node.xml, 'inputParameters').find(
          (p) => text(p, 'name') === 'recipientIds'
        );
        const variable = flow.resources.get(valueReference(recipients) ?? '');
        if (text(variable?.xml, 'isCollection') !== 'true') {
          problems.push(`${node.name}: recipientIds must be a text collection`);
        }
      }
      expect(problems).toEqual([]);
    }
  );

  it.each(byName(recordTriggered))(
    '%s: picklist values it compares are values of the picklist',
    (_n, flow) => {
      const object = objects.get(triggerObject(flow));
      const problems: string[] = [];
      const check = (field: string, value: string | undefined, where: string): void => {
        const meta = object?.fields.get(field);
        if (
          value !== undefined &&
          meta?.type === 'Picklist' &&
          !meta.picklistValues.includes(value)
        ) {
          problems.push(`${where}: ${value} is not a value of ${field}`);
        }
      };
      for (const filter of list(flow.start, 'filters')) {
        check(text(filter, 'field') ?? '', text(list(filter, 'value')[0], 'stringValue'), 'start');
      }
      for (const decision of nodesOfType(flow, 'decisions')) {
        for (const rule of list(decision.xml, 'rules')) {
          for (const condition of list(rule, 'conditions')) {
            const left = text(condition, 'leftValueReference') ?? '';
            if (left.startsWith('$Record.')) {
              check(
                left.slice('$Record.'.length),
                text(list(condition, 'rightValue')[0], 'stringValue'),
                `${decision.name}.${text(rule, 'name')}`
              );
            }
          }
        }
      }
      expect(problems).toEqual([]);
    }
  );

  it('fault and warning logs use a level HandoffLogAction knows', () => {
    const levels = flows.flatMap((flow) =>
      [...flow.nodes.values()]
        .filter((n) => text(n.xml, 'actionName') === LOG_ACTION)
        .map((n) => list(n.xml, 'inputParameters').find((p) => text(p, 'name') === 'level'))
        .map((p) => text(list(p, 'value')[0], 'stringValue') ?? '(none)')
    );
    expect(levels.length).toBeGreaterThanOrEqual(8);
    expect(levels.filter((l) => !LOG_LEVELS.includes(l))).toEqual([]);
  });

  it('the flows, HandoffEscalationAction and HandoffTaskService use the same reasons and task subject', () => {
    const constant = (flowName: string, name: string): string | undefined => {
      const flow = flows.find((f) => f.name === flowName);
      const resource = flow?.resources.get(name);
      return text(list(resource?.xml, 'value')[0], 'stringValue');
    };
    expect(constant('Handoff_After_Save_SLA_Breach', 'firstTouchBreachReason')).toBe(
      apexStringConstant('HandoffEscalationAction', 'REASON_FIRST_TOUCH_BREACHED')
    );
    expect(constant('Handoff_After_Save_Exception_Followup', 'exceptionOverdueReason')).toBe(
      apexStringConstant('HandoffEscalationAction', 'REASON_EXCEPTION_OVERDUE')
    );
    // The AE's exception task is created by HandoffTaskService; the action reuses its constant.
    expect(constant('Handoff_After_Save_Exception_Followup', 'exceptionTaskSubject')).toBe(
      apexStringConstant('HandoffTaskService', 'SUBJECT_EXCEPTION')
    );
    expect(readInvocableClass('HandoffEscalationAction')?.source).toMatch(
      /EXCEPTION_TASK_SUBJECT_PREFIX\s*=\s*HandoffTaskService\.SUBJECT_EXCEPTION;/
    );
  });

  it('the shipped Default settings switch the SLA warning on and give the exception grace days', () => {
    const setting = customMetadata.get('Handoff_Setting.Default');
    expect(setting?.values.SLA_Warning_Enabled__c).toBe('true');
    expect(setting?.values.Notify_Escalation_Owner__c).toBe('true');
    // The exception follow-up path runs 1 day after the due date; a larger setting would only warn.
    const path = list(
      recordTriggered.find((f) => f.name === 'Handoff_After_Save_Exception_Followup')?.start,
      'scheduledPaths'
    )[0] as Xml | undefined;
    expect(Number(setting?.values.Exception_Escalation_Days__c ?? 1)).toBeLessThanOrEqual(
      Number(text(path, 'offsetNumber'))
    );
  });
});

describe('flow tests', () => {
  it('exist for the record-triggered flows and name flows and scheduled paths that exist', () => {
    expect(flowTests.length).toBeGreaterThanOrEqual(recordTriggered.length * 2);
    const problems: string[] = [];
    for (const test of flowTests) {
      const flow = flows.find((f) => f.name === test.flowApiName);
      if (!flow) {
        problems.push(`${test.name}: no flow ${test.flowApiName}`);
        continue;
      }
      const paths = list(flow.start, 'scheduledPaths').map((p) => text(p, 'name'));
      if (test.scheduledPath !== undefined && !paths.includes(test.scheduledPath)) {
        problems.push(`${test.name}: no scheduled path ${test.scheduledPath}`);
      }
      if (!test.record) {
        problems.push(`${test.name}: no triggering record`);
        continue;
      }
      for (const field of Object.keys(test.record).filter((f) => f !== 'attributes')) {
        if (!fieldExists(objects, triggerObject(flow), field)) {
          problems.push(`${test.name}: ${triggerObject(flow)}.${field} does not exist`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(flowTests.map((t): [string, FlowTestModel] => [t.name, t]))(
    '%s is labelled, described and asserts with messages',
    (_n, test) => {
      expect(text(test.xml, 'testType')).toBe('WithAssertion');
      expect((text(test.xml, 'label') ?? '').length).toBeGreaterThan(5);
      expect((text(test.xml, 'description') ?? '').length).toBeGreaterThan(40);
      expect(test.assertions.length).toBeGreaterThan(1);
      expect(test.assertions.filter((a) => !a.message)).toEqual([]);
    }
  );

  it.each(flowTests.map((t): [string, FlowTestModel] => [t.name, t]))(
    '%s: its record meets the entry conditions and its assertions hold in an offline run',
    (_n, test) => {
      const flow = flows.find((f) => f.name === test.flowApiName) as FlowModel;
      const record = test.updatedRecord ?? test.record ?? {};
      expect(meetsEntryConditions(flow, record, context)).toBe(true);
      const run = simulate(flow, record, test.scheduledPath, context);
      const failures: string[] = [];
      for (const assertion of test.assertions) {
        let actual: unknown;
        switch (assertion.operator) {
          case 'WasVisited':
            actual = run.visited.includes(assertion.ref);
            break;
          case 'HasError':
            // Whether an action fails is decided in the org; offline, an element that is not
            // even reached cannot be claimed error-free.
            actual = run.visited.includes(assertion.ref) ? false : 'not reached';
            break;
          case 'EqualTo':
            actual = run.outcomes.has(assertion.ref)
              ? run.outcomes.get(assertion.ref)
              : run.variables.get(assertion.ref);
            break;
          default:
            actual = `operator ${assertion.operator} not simulated`;
        }
        if (actual !== assertion.value) {
          failures.push(
            `${assertion.ref} ${assertion.operator} ${String(assertion.value)}: got ${String(actual)} (${assertion.message})`
          );
        }
      }
      expect(failures).toEqual([]);
    }
  );

  it.each(byName(recordTriggered))(
    '%s: every decision outcome has a flow test that asserts it and an offline run that takes it',
    (_n, flow) => {
      const asserted = new Set<string>();
      const taken = new Set<string>();
      for (const test of testsOf(flow)) {
        assertedOutcomes(flow, test).forEach((o) => asserted.add(o));
        const run = simulate(
          flow,
          test.updatedRecord ?? test.record ?? {},
          test.scheduledPath,
          context
        );
        for (const outcome of outcomesOf(flow)) {
          const decisionReached = run.visited.includes(outcome.decision);
          const siblings = outcomesOf(flow).filter(
            (o) => o.decision === outcome.decision && !o.isDefault
          );
          const defaultTaken = siblings.every((o) => run.outcomes.get(o.name) !== true);
          if (
            decisionReached &&
            (outcome.isDefault ? defaultTaken : run.outcomes.get(outcome.name) === true)
          ) {
            taken.add(outcome.name);
          }
        }
      }
      const all = outcomesOf(flow).map((o) => o.name);
      expect(all.length).toBeGreaterThan(1);
      expect(all.filter((o) => !asserted.has(o))).toEqual([]);
      expect(all.filter((o) => !taken.has(o))).toEqual([]);
    }
  );
});

describe('Lightning Flow Scanner 6.6', () => {
  it('reports nothing for the shipped flows, with every rule and the beta rules on', async () => {
    const parsed = await parseFlows(flows.map((f) => f.path));
    expect(parsed.filter((p) => p.errorMessage).map((p) => `${p.uri}: ${p.errorMessage}`)).toEqual(
      []
    );
    const results = scan(parsed, { betaMode: true });
    expect(results.length).toBe(flows.length);
    const violations = results.flatMap((result) =>
      result.ruleResults
        .filter((rule) => rule.occurs || rule.errorMessage)
        .map(
          (rule) =>
            `${result.flow.name}: ${rule.ruleName} (${rule.severity}) ${rule.errorMessage ?? ''}` +
            rule.details.map((d) => d.name).join(', ')
        )
    );
    expect(violations).toEqual([]);
  });
});
