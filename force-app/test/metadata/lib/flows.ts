/**
 * Reads the project's flows and flow tests into a graph, checks their structure, resolves what
 * they name, and simulates a FlowTest run offline. Nothing here talks to an org.
 *
 * The simulator interprets the few element kinds and operators the product's record-triggered
 * flows use (Get Records on custom metadata and on other objects, decisions, assignments,
 * actions, formulas through formulon) in the conditions a FlowTest runs in: the triggering
 * record is the test's JSON, custom metadata is the shipped records, and other objects have no
 * rows (a FlowTest cannot create data before API 66's reserved data sources). Anything else
 * throws, so a flow that outgrows it fails loudly instead of being half simulated.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as evaluate } from 'formulon';
import { literalFor } from './formula';
import {
  SOURCE_ROOT,
  componentName,
  fieldExists,
  filesIn,
  list,
  readXml,
  text,
  type CustomMetadataRecord,
  type FieldMeta,
  type ObjectMeta,
  type Xml,
  type XmlValue
} from './metadata';

export const FLOW_SUFFIX = '.flow-meta.xml';
export const FLOW_TEST_SUFFIX = '.flowtest-meta.xml';
/** The pseudo element every flow starts from. */
export const START = '$Start';

/** Elements on the canvas: they have connectors. */
export const NODE_TYPES = [
  'actionCalls',
  'apexPluginCalls',
  'assignments',
  'collectionProcessors',
  'customErrors',
  'decisions',
  'loops',
  'orchestratedStages',
  'recordCreates',
  'recordDeletes',
  'recordLookups',
  'recordRollbacks',
  'recordUpdates',
  'screens',
  'steps',
  'subflows',
  'transforms',
  'waits'
] as const;

/** Resources: named and referenced, never connected. */
export const RESOURCE_TYPES = [
  'variables',
  'constants',
  'formulas',
  'textTemplates',
  'choices',
  'dynamicChoiceSets'
] as const;

/** Elements that can fail at run time and so need a fault connector. */
export const FAILABLE_TYPES: ReadonlySet<string> = new Set([
  'actionCalls',
  'apexPluginCalls',
  'recordCreates',
  'recordDeletes',
  'recordLookups',
  'recordUpdates'
]);

/** Elements that spend a query, a DML statement or an action: never inside a loop. */
export const WORK_TYPES: ReadonlySet<string> = new Set([
  ...FAILABLE_TYPES,
  'subflows',
  'recordRollbacks'
]);

/** The invocable action every fault path calls. */
export const LOG_ACTION = 'HandoffLogAction';

/** Global variables a flow may name without declaring them. */
const FLOW_GLOBALS = new Set([
  'FaultMessage',
  'CurrentDateTime',
  'CurrentDate',
  'InterviewGuid',
  'InterviewStartTime',
  'CurrentRecord',
  'CurrentStage',
  'ActiveStages'
]);
const OTHER_GLOBALS = [
  '$User',
  '$Organization',
  '$Profile',
  '$UserRole',
  '$Label',
  '$Setup',
  '$Permission',
  '$System',
  '$Api',
  '$CustomMetadata',
  '$GlobalConstant'
];

export interface FlowNode {
  name: string;
  type: string;
  xml: Xml;
}

export type EdgeKind =
  | 'connector'
  | 'fault'
  | 'default'
  | 'outcome'
  | 'nextValue'
  | 'noMoreValues'
  | 'scheduledPath'
  | 'timeout'
  | 'waitEvent';

export interface FlowEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  /** The decision outcome, scheduled path or wait event the edge belongs to. */
  via?: string;
}

export interface FlowModel {
  name: string;
  path: string;
  xml: Xml;
  start: Xml | undefined;
  nodes: Map<string, FlowNode>;
  resources: Map<string, { type: string; xml: Xml }>;
  edges: FlowEdge[];
}

export interface Outcome {
  decision: string;
  /** The rule's API name, or `<decision>.default` for the default outcome. */
  name: string;
  isDefault: boolean;
  target: string | undefined;
}

function child(node: Xml | undefined, key: string): Xml | undefined {
  const value = node?.[key];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'object' && first !== null && !Array.isArray(first) ? first : undefined;
}

function targetOf(connector: Xml | undefined): string | undefined {
  return text(connector, 'targetReference');
}

/** Parses one flow file into its graph. */
export function loadFlow(path: string): FlowModel {
  const xml = readXml(path);
  const nodes = new Map<string, FlowNode>();
  for (const type of NODE_TYPES) {
    for (const node of list(xml, type)) {
      const name = text(node, 'name') ?? '';
      nodes.set(name, { name, type, xml: node });
    }
  }
  const resources = new Map<string, { type: string; xml: Xml }>();
  for (const type of RESOURCE_TYPES) {
    for (const resource of list(xml, type)) {
      resources.set(text(resource, 'name') ?? '', { type, xml: resource });
    }
  }
  const edges: FlowEdge[] = [];
  const add = (from: string, connector: Xml | undefined, kind: EdgeKind, via?: string): void => {
    const to = targetOf(connector);
    if (to !== undefined) {
      edges.push({ from, to, kind, via });
    }
  };
  const start = child(xml, 'start');
  add(START, child(start, 'connector'), 'connector');
  for (const path of list(start, 'scheduledPaths')) {
    add(START, child(path, 'connector'), 'scheduledPath', text(path, 'name'));
  }
  const legacyStart = text(xml, 'startElementReference');
  if (legacyStart) {
    edges.push({ from: START, to: legacyStart, kind: 'connector' });
  }
  for (const node of nodes.values()) {
    add(node.name, child(node.xml, 'connector'), 'connector');
    add(node.name, child(node.xml, 'faultConnector'), 'fault');
    add(node.name, child(node.xml, 'defaultConnector'), 'default');
    add(node.name, child(node.xml, 'nextValueConnector'), 'nextValue');
    add(node.name, child(node.xml, 'noMoreValuesConnector'), 'noMoreValues');
    add(node.name, child(node.xml, 'timeoutConnector'), 'timeout');
    for (const rule of list(node.xml, 'rules')) {
      add(node.name, child(rule, 'connector'), 'outcome', text(rule, 'name'));
    }
    for (const event of list(node.xml, 'waitEvents')) {
      add(node.name, child(event, 'connector'), 'waitEvent', text(event, 'name'));
    }
  }
  return {
    name: componentName(path, FLOW_SUFFIX),
    path,
    xml,
    start,
    nodes,
    resources,
    edges
  };
}

/** Every flow under flows/. */
export function loadFlows(): FlowModel[] {
  return filesIn('flows', FLOW_SUFFIX).map(loadFlow);
}

/** Whether the flow is record-triggered (before or after save, or before delete). */
export function isRecordTriggered(flow: FlowModel): boolean {
  return (text(flow.start, 'triggerType') ?? '').startsWith('Record');
}

/** The object a record-triggered flow runs on. */
export function triggerObject(flow: FlowModel): string {
  return text(flow.start, 'object') ?? '';
}

/** Every decision outcome, the default outcome of each decision included. */
export function outcomesOf(flow: FlowModel): Outcome[] {
  const out: Outcome[] = [];
  for (const node of flow.nodes.values()) {
    if (node.type !== 'decisions') {
      continue;
    }
    for (const rule of list(node.xml, 'rules')) {
      out.push({
        decision: node.name,
        name: text(rule, 'name') ?? '',
        isDefault: false,
        target: targetOf(child(rule, 'connector'))
      });
    }
    out.push({
      decision: node.name,
      name: `${node.name}.default`,
      isDefault: true,
      target: targetOf(child(node.xml, 'defaultConnector'))
    });
  }
  return out;
}

// ------------------------------------------------------------------------------------------
// Structure checks: each returns the problems it finds (empty = clean)
// ------------------------------------------------------------------------------------------

/** API names used twice (elements, resources, outcomes, scheduled paths share one namespace). */
export function duplicateNames(flow: FlowModel): string[] {
  const names: string[] = [];
  for (const type of [...NODE_TYPES, ...RESOURCE_TYPES]) {
    for (const element of list(flow.xml, type)) {
      names.push(text(element, 'name') ?? '');
      for (const rule of list(element, 'rules')) {
        names.push(text(rule, 'name') ?? '');
      }
    }
  }
  for (const path of list(flow.start, 'scheduledPaths')) {
    names.push(text(path, 'name') ?? '');
  }
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const name of names) {
    if (name === '' || seen.has(name)) {
      duplicates.add(name === '' ? '(blank name)' : name);
    }
    seen.add(name);
  }
  return [...duplicates].map((n) => `${flow.name}: ${n} is not a unique API name`);
}

/** Connectors whose target is not an element of the flow. */
export function danglingConnectors(flow: FlowModel): string[] {
  return flow.edges
    .filter((e) => !flow.nodes.has(e.to))
    .map((e) => `${flow.name}: ${e.from} (${e.kind}${e.via ? ` ${e.via}` : ''}) → ${e.to}`);
}

/** Names reachable from the start, following every connector (fault paths included). */
export function reachable(flow: FlowModel, from: string = START, avoid?: string): Set<string> {
  const seen = new Set<string>();
  const queue = flow.edges.filter((e) => e.from === from).map((e) => e.to);
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (seen.has(name) || name === avoid) {
      continue;
    }
    seen.add(name);
    for (const edge of flow.edges) {
      if (edge.from === name) {
        queue.push(edge.to);
      }
    }
  }
  return seen;
}

/** Elements no path from the start reaches. */
export function unreachableElements(flow: FlowModel): string[] {
  const seen = reachable(flow);
  return [...flow.nodes.keys()]
    .filter((n) => !seen.has(n))
    .map((n) => `${flow.name}: ${n} is never reached`);
}

/** Whether an element is an invocable Apex call of the given class. */
export function isApexAction(node: FlowNode | undefined, className: string): boolean {
  return (
    node?.type === 'actionCalls' &&
    text(node.xml, 'actionType') === 'apex' &&
    text(node.xml, 'actionName') === className
  );
}

/** The elements some fault connector leads to. */
export function faultHandlers(flow: FlowModel): Set<string> {
  return new Set(flow.edges.filter((e) => e.kind === 'fault').map((e) => e.to));
}

/**
 * DML, query and action elements without a fault connector. The one exemption: the
 * HandoffLogAction call a fault connector leads to is the fault handler itself, and a handler
 * for the handler could only hide its failure (the platform's unhandled-fault email to the
 * admin is then the last word).
 */
export function missingFaultConnectors(flow: FlowModel): string[] {
  const handlers = faultHandlers(flow);
  return [...flow.nodes.values()]
    .filter((node) => FAILABLE_TYPES.has(node.type))
    .filter((node) => !child(node.xml, 'faultConnector'))
    .filter((node) => !(handlers.has(node.name) && isApexAction(node, LOG_ACTION)))
    .map((node) => `${flow.name}: ${node.type} ${node.name} has no fault connector`);
}

/** Fault connectors that do not lead to a HandoffLogAction call logging $Flow.FaultMessage. */
export function faultPathsNotLogging(flow: FlowModel): string[] {
  const problems: string[] = [];
  for (const edge of flow.edges.filter((e) => e.kind === 'fault')) {
    const handler = flow.nodes.get(edge.to);
    if (!isApexAction(handler, LOG_ACTION)) {
      problems.push(
        `${flow.name}: fault path of ${edge.from} goes to ${edge.to}, not ${LOG_ACTION}`
      );
      continue;
    }
    const message = list(handler?.xml, 'inputParameters').find(
      (p) => text(p, 'name') === 'message'
    );
    if (valueReference(message) !== '$Flow.FaultMessage') {
      problems.push(`${flow.name}: ${edge.to} does not log {!$Flow.FaultMessage}`);
    }
  }
  return problems;
}

/** DML, query and action elements reachable inside a loop body. */
export function workInsideLoops(flow: FlowModel): string[] {
  const problems: string[] = [];
  for (const loop of [...flow.nodes.values()].filter((n) => n.type === 'loops')) {
    const body = new Set<string>();
    for (const edge of flow.edges.filter((e) => e.from === loop.name && e.kind === 'nextValue')) {
      body.add(edge.to);
      for (const name of reachable(flow, edge.to, loop.name)) {
        body.add(name);
      }
    }
    body.delete(loop.name);
    for (const name of body) {
      const node = flow.nodes.get(name);
      if (node && WORK_TYPES.has(node.type)) {
        problems.push(`${flow.name}: ${node.type} ${name} runs inside loop ${loop.name}`);
      }
    }
  }
  return problems;
}

/** Elements and resources without a description (the flow itself included). */
export function missingDescriptions(flow: FlowModel): string[] {
  const problems: string[] = [];
  if ((text(flow.xml, 'description') ?? '').length < 40) {
    problems.push(`${flow.name}: the flow has no real description`);
  }
  for (const type of [...NODE_TYPES, ...RESOURCE_TYPES]) {
    for (const element of list(flow.xml, type)) {
      if ((text(element, 'description') ?? '').length < 15) {
        problems.push(`${flow.name}: ${type} ${text(element, 'name')} has no description`);
      }
    }
  }
  return problems;
}

// ------------------------------------------------------------------------------------------
// References
// ------------------------------------------------------------------------------------------

/** The element reference of a `value`/`rightValue` holder, if it holds one. */
export function valueReference(holder: Xml | undefined, key = 'value'): string | undefined {
  return text(child(holder, key), 'elementReference');
}

const REFERENCE_KEYS = new Set([
  'elementReference',
  'leftValueReference',
  'assignToReference',
  'inputReference',
  'outputReference',
  'assignRecordIdToReference',
  'collectionReference'
]);
const MERGE_FIELD = /\{!([^}]+)\}/g;

export interface Reference {
  /** Where it was found (element name). */
  where: string;
  ref: string;
}

function collect(value: XmlValue, where: string, out: Reference[]): void {
  if (value === undefined || typeof value === 'string') {
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v) => collect(v, where, out));
    return;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (REFERENCE_KEYS.has(key) && typeof inner === 'string' && inner.trim() !== '') {
      out.push({ where, ref: inner.trim() });
    } else if (
      ['expression', 'text', 'stringValue', 'formulaExpression'].includes(key) &&
      typeof inner === 'string'
    ) {
      for (const match of inner.matchAll(MERGE_FIELD)) {
        out.push({ where, ref: match[1].trim() });
      }
    } else {
      collect(inner, where, out);
    }
  }
}

/** Every reference the flow's elements and resources make (`{!…}` merge fields included). */
export function referencesOf(flow: FlowModel): Reference[] {
  const out: Reference[] = [];
  for (const type of [...NODE_TYPES, ...RESOURCE_TYPES]) {
    for (const element of list(flow.xml, type)) {
      collect(element, text(element, 'name') ?? type, out);
    }
  }
  for (const match of (text(flow.xml, 'interviewLabel') ?? '').matchAll(MERGE_FIELD)) {
    out.push({ where: 'interviewLabel', ref: match[1].trim() });
  }
  return out;
}

export interface ReferenceContext {
  objects: Map<string, ObjectMeta>;
}

/** Whether `object.path` names a field (a relationship path checks its first hop only). */
function pathExists(objects: Map<string, ObjectMeta>, object: string, path: string): boolean {
  const [first, ...rest] = path.split('.');
  if (rest.length === 0) {
    return fieldExists(objects, object, first);
  }
  if (first.endsWith('__r')) {
    return fieldExists(objects, object, first.replace(/__r$/, '__c'));
  }
  return fieldExists(objects, object, `${first}Id`);
}

/** References that name nothing: an undeclared resource, a missing field, an unknown global. */
export function unresolvedReferences(flow: FlowModel, context: ReferenceContext): string[] {
  const declared = new Set<string>([...flow.nodes.keys(), ...flow.resources.keys()]);
  for (const outcome of outcomesOf(flow)) {
    declared.add(outcome.name);
  }
  const object = triggerObject(flow);
  const problems: string[] = [];
  for (const { where, ref } of referencesOf(flow)) {
    if (ref.startsWith('$Record.') || ref.startsWith('$Record__Prior.')) {
      const path = ref.slice(ref.indexOf('.') + 1);
      if (!pathExists(context.objects, object, path)) {
        problems.push(`${flow.name}.${where}: ${ref} is not a field of ${object}`);
      }
    } else if (ref === '$Record' || ref === '$Record__Prior') {
      continue;
    } else if (ref.startsWith('$Flow.')) {
      if (!FLOW_GLOBALS.has(ref.slice('$Flow.'.length))) {
        problems.push(`${flow.name}.${where}: ${ref} is not a $Flow global variable`);
      }
    } else if (ref.startsWith('$')) {
      if (!OTHER_GLOBALS.some((g) => ref.startsWith(`${g}.`))) {
        problems.push(`${flow.name}.${where}: ${ref} is not a global variable`);
      }
    } else if (!declared.has(ref.split('.')[0])) {
      problems.push(`${flow.name}.${where}: ${ref} is not declared in the flow`);
    }
  }
  return problems;
}

// ------------------------------------------------------------------------------------------
// Apex invocable actions
// ------------------------------------------------------------------------------------------

export interface InvocableClass {
  name: string;
  hasInvocableMethod: boolean;
  /** @InvocableVariable members of the class's request and result classes, by name. */
  variables: Map<string, { required: boolean }>;
  source: string;
}

/** Skips a balanced `( … )` starting at `open`, honouring Apex string literals. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === "'") {
      i++;
      while (i < source.length && source[i] !== "'") {
        i += source[i] === '\\' ? 2 : 1;
      }
    } else if (c === '(') {
      depth++;
    } else if (c === ')') {
      depth--;
      if (depth === 0) {
        return i;
      }
    }
  }
  return -1;
}

/** The invocable surface of an Apex class, or undefined when the class does not exist. */
export function readInvocableClass(className: string): InvocableClass | undefined {
  const path = join(SOURCE_ROOT, 'classes', `${className}.cls`);
  if (!existsSync(path)) {
    return undefined;
  }
  const source = readFileSync(path, 'utf8');
  const variables = new Map<string, { required: boolean }>();
  const marker = /@InvocableVariable\s*(\()?/gi;
  for (const match of source.matchAll(marker)) {
    let end = (match.index ?? 0) + match[0].length;
    let annotation = '';
    if (match[1]) {
      const close = closingParen(source, end - 1);
      annotation = source.slice(end, close);
      end = close + 1;
    }
    const declaration = /^\s*(?:(?:public|global)\s+)?[\w<>.,\s]+?\s+(\w+)\s*(?:=[^;]*)?;/.exec(
      source.slice(end)
    );
    if (declaration) {
      variables.set(declaration[1], { required: /required\s*=\s*true/i.test(annotation) });
    }
  }
  return {
    name: className,
    hasInvocableMethod: /@InvocableMethod\b/i.test(source),
    variables,
    source
  };
}

/** The value of `static final String NAME = '…';` in an Apex class, or undefined. */
export function apexStringConstant(className: string, constant: string): string | undefined {
  const path = join(SOURCE_ROOT, 'classes', `${className}.cls`);
  if (!existsSync(path)) {
    return undefined;
  }
  const source = readFileSync(path, 'utf8');
  const match = new RegExp(
    `static\\s+final\\s+String\\s+${constant}\\s*=\\s*'((?:[^'\\\\]|\\\\.)*)'\\s*;`
  ).exec(source);
  return match ? match[1].replace(/\\'/g, "'") : undefined;
}

// ------------------------------------------------------------------------------------------
// Flow tests
// ------------------------------------------------------------------------------------------

export interface FlowTestAssertion {
  ref: string;
  operator: string;
  value: unknown;
  message: string | undefined;
}

export interface FlowTestModel {
  name: string;
  path: string;
  xml: Xml;
  flowApiName: string;
  record: Record<string, unknown> | undefined;
  updatedRecord: Record<string, unknown> | undefined;
  scheduledPath: string | undefined;
  assertions: FlowTestAssertion[];
}

/** The typed value of a FlowTestReferenceOrValue. */
export function testValue(holder: Xml | undefined): unknown {
  if (!holder) {
    return undefined;
  }
  const boolean = text(holder, 'booleanValue');
  if (boolean !== undefined) {
    return boolean === 'true';
  }
  const number = text(holder, 'numberValue');
  if (number !== undefined) {
    return Number(number);
  }
  for (const key of ['stringValue', 'dateValue', 'dateTimeValue', 'timeValue']) {
    const value = text(holder, key);
    if (value !== undefined) {
      return value;
    }
  }
  const sobject = text(holder, 'sobjectValue');
  return sobject === undefined ? undefined : (JSON.parse(sobject) as Record<string, unknown>);
}

/** Parses one flow test file. */
export function loadFlowTest(path: string): FlowTestModel {
  const xml = readXml(path);
  let record: Record<string, unknown> | undefined;
  let updatedRecord: Record<string, unknown> | undefined;
  let scheduledPath: string | undefined;
  const assertions: FlowTestAssertion[] = [];
  for (const point of list(xml, 'testPoints')) {
    for (const parameter of list(point, 'parameters')) {
      const value = testValue(child(parameter, 'value'));
      switch (text(parameter, 'type')) {
        case 'InputTriggeringRecordInitial':
          record = value as Record<string, unknown>;
          break;
        case 'InputTriggeringRecordUpdated':
          updatedRecord = value as Record<string, unknown>;
          break;
        case 'ScheduledPath':
          scheduledPath = value as string;
          break;
        default:
          break;
      }
    }
    for (const assertion of list(point, 'assertions')) {
      for (const condition of list(assertion, 'conditions')) {
        assertions.push({
          ref: text(condition, 'leftValueReference') ?? '',
          operator: text(condition, 'operator') ?? '',
          value: testValue(child(condition, 'rightValue')),
          message: text(assertion, 'errorMessage')
        });
      }
    }
  }
  return {
    name: componentName(path, FLOW_TEST_SUFFIX),
    path,
    xml,
    flowApiName: text(xml, 'flowApiName') ?? '',
    record,
    updatedRecord,
    scheduledPath,
    assertions
  };
}

/** Every flow test under flowtests/. */
export function loadFlowTests(): FlowTestModel[] {
  return filesIn('flowtests', FLOW_TEST_SUFFIX).map(loadFlowTest);
}

/**
 * The outcomes a flow test asserts were taken: a named outcome asserted `EqualTo true`; a
 * default outcome when the test asserts its decision `WasVisited true` and every named outcome
 * of that decision `EqualTo false`.
 */
export function assertedOutcomes(flow: FlowModel, test: FlowTestModel): Set<string> {
  const isTrue = (ref: string, operator: string): boolean =>
    test.assertions.some((a) => a.ref === ref && a.operator === operator && a.value === true);
  const isFalse = (ref: string): boolean =>
    test.assertions.some((a) => a.ref === ref && a.operator === 'EqualTo' && a.value === false);
  const covered = new Set<string>();
  const outcomes = outcomesOf(flow);
  for (const outcome of outcomes) {
    if (!outcome.isDefault && isTrue(outcome.name, 'EqualTo')) {
      covered.add(outcome.name);
    }
    if (outcome.isDefault && isTrue(outcome.decision, 'WasVisited')) {
      const siblings = outcomes.filter((o) => o.decision === outcome.decision && !o.isDefault);
      if (siblings.every((o) => isFalse(o.name))) {
        covered.add(outcome.name);
      }
    }
  }
  return covered;
}

// ------------------------------------------------------------------------------------------
// Offline simulation of a FlowTest run
// ------------------------------------------------------------------------------------------

export interface SimulationContext {
  objects: Map<string, ObjectMeta>;
  customMetadata: Map<string, CustomMetadataRecord>;
  /** DeveloperNames of the custom notification types the project ships. */
  notificationTypes: ReadonlySet<string>;
  now: Date;
}

export interface Simulation {
  /** False when the record does not meet the start conditions (the flow does not run). */
  entered: boolean;
  visited: string[];
  /** Named outcomes by name: true when taken. */
  outcomes: Map<string, boolean>;
  variables: Map<string, unknown>;
}

type Scalar = string | number | boolean | Date | null;

function fieldOf(context: SimulationContext, object: string, field: string): FieldMeta | undefined {
  return context.objects.get(object)?.fields.get(field);
}

function asScalar(field: FieldMeta | undefined, raw: unknown): Scalar {
  if (raw === undefined || raw === null || raw === '') {
    return null;
  }
  switch (field?.type) {
    case 'Checkbox':
      return raw === true || raw === 'true';
    case 'Number':
    case 'Percent':
    case 'Currency':
      return Number(raw);
    case 'Date':
      return new Date(`${String(raw).slice(0, 10)}T00:00:00Z`);
    case 'DateTime':
      return new Date(String(raw));
    default:
      return typeof raw === 'boolean' || typeof raw === 'number' ? raw : String(raw);
  }
}

function rightValue(holder: Xml | undefined, resolve: (ref: string) => Scalar): Scalar {
  if (!holder) {
    return null;
  }
  const reference = text(holder, 'elementReference');
  if (reference !== undefined) {
    return resolve(reference);
  }
  const boolean = text(holder, 'booleanValue');
  if (boolean !== undefined) {
    return boolean === 'true';
  }
  const number = text(holder, 'numberValue');
  if (number !== undefined) {
    return Number(number);
  }
  const date = text(holder, 'dateValue');
  if (date !== undefined) {
    return new Date(`${date}T00:00:00Z`);
  }
  const dateTime = text(holder, 'dateTimeValue');
  if (dateTime !== undefined) {
    return new Date(dateTime);
  }
  return text(holder, 'stringValue') ?? null;
}

function comparable(value: Scalar): string | number | boolean | null {
  return value instanceof Date ? value.getTime() : value;
}

/** Evaluates one condition the way a decision or a start filter does. */
export function compare(left: Scalar, operator: string, right: Scalar): boolean {
  const l = comparable(left);
  const r = comparable(right);
  switch (operator) {
    case 'IsNull':
      return (l === null || l === '') === (r === true);
    case 'IsBlank':
      return (l === null || (typeof l === 'string' && l.trim() === '')) === (r === true);
    case 'EqualTo':
      return l === r;
    case 'NotEqualTo':
      return l !== r;
    case 'GreaterThan':
      return l !== null && r !== null && l > r;
    case 'GreaterThanOrEqualTo':
      return l !== null && r !== null && l >= r;
    case 'LessThan':
      return l !== null && r !== null && l < r;
    case 'LessThanOrEqualTo':
      return l !== null && r !== null && l <= r;
    default:
      throw new Error(`the simulator does not know the operator ${operator}`);
  }
}

function combine(logic: string | undefined, results: boolean[]): boolean {
  const mode = (logic ?? 'and').trim().toLowerCase();
  if (mode === 'and') {
    return results.every(Boolean);
  }
  if (mode === 'or') {
    return results.some(Boolean);
  }
  throw new Error(`the simulator does not know the condition logic "${logic}"`);
}

interface Interview {
  flow: FlowModel;
  object: string;
  record: Record<string, unknown>;
  variables: Map<string, unknown>;
  elementValues: Map<string, Record<string, unknown> | null>;
  context: SimulationContext;
}

function formulaLiteral(value: Scalar): Record<string, unknown> {
  if (value === null) {
    return { type: 'literal', dataType: 'null', value: null };
  }
  if (value instanceof Date) {
    return { type: 'literal', dataType: 'datetime', value };
  }
  if (typeof value === 'number') {
    return { type: 'literal', dataType: 'number', value, options: { length: 18, scale: 8 } };
  }
  if (typeof value === 'boolean') {
    return { type: 'literal', dataType: 'checkbox', value };
  }
  return { type: 'literal', dataType: 'text', value, options: { length: value.length } };
}

/**
 * Evaluates a flow formula with formulon. Merge fields become identifiers; a Date field keeps
 * its type. formulon's DATETIMEVALUE takes text only, while Salesforce's also takes a date
 * (midnight GMT), so `DATETIMEVALUE(<date>)` is rewritten to the same instant through text.
 */
function evaluateFlowFormula(interview: Interview, name: string, expression: string): Scalar {
  const substitutions: Record<string, unknown> = {};
  let index = 0;
  const rewritten = expression.replace(MERGE_FIELD, (_whole, ref: string) => {
    const identifier = `m${index++}`;
    const reference = ref.trim();
    if (reference.startsWith('$Record.')) {
      const fieldName = reference.slice('$Record.'.length);
      const field = fieldOf(interview.context, interview.object, fieldName);
      substitutions[identifier] = field
        ? literalFor(field, interview.record[fieldName] ?? null)
        : formulaLiteral(null);
    } else {
      substitutions[identifier] = formulaLiteral(resolve(interview, reference));
    }
    return identifier;
  });
  const dateIdentifiers = Object.entries(substitutions)
    .filter(([, literal]) => (literal as { dataType?: string }).dataType === 'date')
    .map(([identifier]) => identifier);
  const shimmed = dateIdentifiers.reduce(
    (formula, identifier) =>
      formula.replace(
        new RegExp(`DATETIMEVALUE\\(\\s*${identifier}\\s*\\)`, 'gi'),
        `DATETIMEVALUE(TEXT(${identifier}) & " 00:00:00")`
      ),
    rewritten
  );
  const result = evaluate(shimmed, substitutions) as {
    type: string;
    value?: unknown;
    dataType?: string;
    message?: string;
  };
  if (result.type === 'error') {
    throw new Error(`formula ${name}: ${result.message ?? 'error'}`);
  }
  if (result.value === null || result.value === undefined) {
    return null;
  }
  return result.value instanceof Date ? result.value : (result.value as Scalar);
}

function resolve(interview: Interview, reference: string): Scalar {
  const { flow, context } = interview;
  if (reference === '$Flow.CurrentDateTime') {
    return context.now;
  }
  if (reference.startsWith('$Record.')) {
    const fieldName = reference.slice('$Record.'.length);
    return asScalar(
      fieldOf(context, interview.object, fieldName),
      interview.record[fieldName] ?? null
    );
  }
  if (interview.variables.has(reference)) {
    return interview.variables.get(reference) as Scalar;
  }
  const resource = flow.resources.get(reference);
  if (resource?.type === 'formulas') {
    return evaluateFlowFormula(interview, reference, text(resource.xml, 'expression') ?? '');
  }
  if (resource?.type === 'constants') {
    return rightValue(child(resource.xml, 'value'), (r) => resolve(interview, r));
  }
  const [element, field] = reference.split('.');
  if (field !== undefined && interview.elementValues.has(element)) {
    const value = interview.elementValues.get(element);
    return value ? ((value[field] as Scalar) ?? null) : null;
  }
  throw new Error(`the simulator cannot resolve ${reference}`);
}

function typedCustomMetadataValue(
  context: SimulationContext,
  object: string,
  field: string,
  raw: string | null
): Scalar {
  if (field === 'DeveloperName' || field === 'Id') {
    return raw;
  }
  return asScalar(fieldOf(context, object, field), raw);
}

/** Get Records as a FlowTest sees it: shipped custom metadata, no rows of other objects. */
function lookup(interview: Interview, node: FlowNode): void {
  const { context } = interview;
  const object = text(node.xml, 'object') ?? '';
  const filters = list(node.xml, 'filters');
  let found: Record<string, unknown> | null = null;
  if (object.endsWith('__mdt')) {
    const type = object.replace(/__mdt$/, '');
    const candidates = [...context.customMetadata.values()].filter((r) => r.type === type);
    const match = candidates.find((record) =>
      filters.every((filter) => {
        const field = text(filter, 'field') ?? '';
        const value = field === 'DeveloperName' ? record.name : (record.values[field] ?? null);
        return compare(
          typedCustomMetadataValue(context, object, field, value),
          text(filter, 'operator') ?? '',
          rightValue(child(filter, 'value'), (r) => resolve(interview, r))
        );
      })
    );
    if (match) {
      found = { DeveloperName: match.name, Id: `${type}.${match.name}` };
      for (const [field, value] of Object.entries(match.values)) {
        found[field] = typedCustomMetadataValue(context, object, field, value);
      }
    }
  } else if (object === 'CustomNotificationType') {
    const wanted = filters.find((f) => text(f, 'field') === 'DeveloperName');
    const name = rightValue(child(wanted, 'value'), (r) => resolve(interview, r));
    if (typeof name === 'string' && context.notificationTypes.has(name)) {
      found = { DeveloperName: name, Id: `CustomNotificationType.${name}` };
    }
  }
  if (found) {
    for (const assignment of list(node.xml, 'outputAssignments')) {
      interview.variables.set(
        text(assignment, 'assignToReference') ?? '',
        found[text(assignment, 'field') ?? ''] ?? null
      );
    }
  } else if (text(node.xml, 'assignNullValuesIfNoRecordsFound') === 'true') {
    for (const assignment of list(node.xml, 'outputAssignments')) {
      interview.variables.set(text(assignment, 'assignToReference') ?? '', null);
    }
  }
  interview.elementValues.set(node.name, found);
}

function assign(interview: Interview, node: FlowNode): void {
  for (const item of list(node.xml, 'assignmentItems')) {
    const target = text(item, 'assignToReference') ?? '';
    const value = rightValue(child(item, 'value'), (r) => resolve(interview, r));
    const operator = text(item, 'operator');
    if (operator === 'Assign') {
      interview.variables.set(target, value);
    } else if (operator === 'Add') {
      const current = interview.variables.get(target);
      if (Array.isArray(current)) {
        interview.variables.set(target, [...(current as unknown[]), value]);
      } else if (typeof current === 'number' && typeof value === 'number') {
        interview.variables.set(target, current + value);
      } else {
        interview.variables.set(target, [value]);
      }
    } else {
      throw new Error(`the simulator does not know the assignment operator ${operator}`);
    }
  }
}

/** Whether a record meets the start element's entry conditions. */
export function meetsEntryConditions(
  flow: FlowModel,
  record: Record<string, unknown>,
  context: SimulationContext
): boolean {
  const object = triggerObject(flow);
  if (text(flow.start, 'filterFormula')) {
    throw new Error(`${flow.name}: the simulator does not evaluate entry formulas`);
  }
  const results = list(flow.start, 'filters').map((filter) => {
    const field = text(filter, 'field') ?? '';
    return compare(
      asScalar(fieldOf(context, object, field), record[field] ?? null),
      text(filter, 'operator') ?? '',
      rightValue(child(filter, 'value'), () => {
        throw new Error(
          `${flow.name}: the simulator does not evaluate references in entry filters`
        );
      })
    );
  });
  return combine(text(flow.start, 'filterLogic'), results);
}

/**
 * Runs a flow as a FlowTest does: the triggering record, the chosen path (scheduled path API
 * name, or the immediate path when undefined), no fault anywhere (the checks above prove each
 * fault path separately; whether an action succeeds in an org is not provable here).
 */
export function simulate(
  flow: FlowModel,
  record: Record<string, unknown>,
  scheduledPath: string | undefined,
  context: SimulationContext
): Simulation {
  const variables = new Map<string, unknown>();
  for (const [name, resource] of flow.resources) {
    if (resource.type !== 'variables') {
      continue;
    }
    if (text(resource.xml, 'isCollection') === 'true') {
      variables.set(name, []);
    } else {
      const holder = child(resource.xml, 'value');
      variables.set(name, holder ? rightValue(holder, () => null) : null);
    }
  }
  const interview: Interview = {
    flow,
    object: triggerObject(flow),
    record,
    variables,
    elementValues: new Map(),
    context
  };
  const simulation: Simulation = { entered: false, visited: [], outcomes: new Map(), variables };
  if (!meetsEntryConditions(flow, record, context)) {
    return simulation;
  }
  simulation.entered = true;
  const first = flow.edges.find(
    (e) =>
      e.from === START &&
      (scheduledPath === undefined
        ? e.kind === 'connector'
        : e.kind === 'scheduledPath' && e.via === scheduledPath)
  );
  if (scheduledPath !== undefined && !first) {
    throw new Error(`${flow.name} has no scheduled path ${scheduledPath} with a connector`);
  }
  let current = first?.to;
  let steps = 0;
  while (current !== undefined) {
    if (++steps > 200) {
      throw new Error(`${flow.name}: more than 200 steps, a cycle?`);
    }
    const node = flow.nodes.get(current);
    if (!node) {
      throw new Error(`${flow.name}: no element ${current}`);
    }
    simulation.visited.push(node.name);
    let next = targetOf(child(node.xml, 'connector'));
    switch (node.type) {
      case 'recordLookups':
        lookup(interview, node);
        break;
      case 'assignments':
        assign(interview, node);
        break;
      case 'actionCalls':
        break;
      case 'decisions': {
        next = targetOf(child(node.xml, 'defaultConnector'));
        let taken = false;
        for (const rule of list(node.xml, 'rules')) {
          const results = list(rule, 'conditions').map((condition) =>
            compare(
              resolve(interview, text(condition, 'leftValueReference') ?? ''),
              text(condition, 'operator') ?? '',
              rightValue(child(condition, 'rightValue'), (r) => resolve(interview, r))
            )
          );
          const matches = !taken && combine(text(rule, 'conditionLogic'), results);
          simulation.outcomes.set(text(rule, 'name') ?? '', matches);
          if (matches) {
            taken = true;
            next = targetOf(child(rule, 'connector'));
          }
        }
        break;
      }
      default:
        throw new Error(`the simulator does not run ${node.type} (${node.name})`);
    }
    current = next;
  }
  return simulation;
}

/** The DeveloperNames of the custom notification types under notificationtypes/. */
export function notificationTypeNames(): Set<string> {
  return new Set(
    filesIn('notificationtypes', '.notiftype-meta.xml').map((p) =>
      componentName(p, '.notiftype-meta.xml')
    )
  );
}
