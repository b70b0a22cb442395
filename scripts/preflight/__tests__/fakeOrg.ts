/**
 * A customer org for the preflight tests, served by the local Salesforce stand-in
 * (scripts/lib/__tests__/mockSalesforce.ts) through real jsforce: REST queries, Tooling
 * queries, describe, /limits, and the Metadata API's readMetadata and listMetadata over SOAP.
 * `healthyOrg()` is an org with nothing to fix; each test changes one thing in it.
 */
import { XMLParser } from 'fast-xml-parser';
import {
  MockError,
  startMock,
  type DescribeField,
  type MockRecord,
  type MockSalesforce,
  type RouteRequest,
  type RouteResponse
} from '../../lib/__tests__/mockSalesforce.ts';

export interface FakeValidationRule {
  Id: string;
  ValidationName: string;
  object: string;
  formula: string;
  ErrorMessage: string;
  NamespacePrefix?: string | null;
}

export interface FakeOrg {
  organization: MockRecord;
  stages: MockRecord[];
  recordTypes: MockRecord[];
  businessProcesses: Array<MockRecord & { values: string[] }>;
  /** PathAssistant records (Metadata API) */
  paths: Array<{ fullName: string; entityName: string; recordTypeName: string; active: boolean }>;
  validationRules: FakeValidationRule[];
  describe: Record<string, DescribeField[]>;
  duplicateRules: Array<MockRecord & { actionOnInsert: string; actionOnUpdate: string }>;
  triggers: MockRecord[];
  classes: MockRecord[];
  flows: MockRecord[];
  dashboards: MockRecord[];
  notificationTypes: MockRecord[];
  limits: Record<string, { Max: number; Remaining: number }>;
  flowSettings: Record<string, unknown> | null;
  pathSettings: Record<string, unknown> | null;
  businessHours: MockRecord[];
  /** open deals per owner */
  openDeals: Array<{ OwnerId: string; deals: number }>;
  users: MockRecord[];
  cronTriggers: MockRecord[];
  /** records of our custom metadata types where the product is installed, by type (no __mdt) */
  customMetadata: Record<string, MockRecord[]>;
  /** scheduled Apex (AsyncApexJob, JobType ScheduledApex): the class each CronTrigger holds */
  scheduledApex: Array<{ CronTriggerId: string; className: string; jobName: string }>;
  /** Metadata API types whose readMetadata answers with a SOAP fault: type → [code, message] */
  soapFaults?: Record<string, [string, string]>;
  /** Metadata API calls the fake answered, e.g. "readMetadata FlowSettings" */
  soapCalls?: string[];
}

const WEEK = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function hours(name: string, isDefault: boolean, aroundTheClock: boolean): MockRecord {
  const record: MockRecord = {
    Name: name,
    IsDefault: isDefault,
    IsActive: true,
    TimeZoneSidKey: 'Europe/London'
  };
  WEEK.forEach((d, i) => {
    const workday = i < 5;
    record[`${d}StartTime`] = aroundTheClock ? '00:00:00.000Z' : workday ? '09:00:00.000Z' : null;
    record[`${d}EndTime`] = aroundTheClock ? '00:00:00.000Z' : workday ? '17:30:00.000Z' : null;
  });
  return record;
}

export { hours as businessHoursRecord };

const picklist = (values: string[], defaultValue?: string) =>
  values.map((value) => ({
    value,
    label: value,
    active: true,
    defaultValue: value === defaultValue
  }));

/** The standard stages of a new org. */
export const STANDARD_STAGES: MockRecord[] = [
  ['Prospecting', false, false],
  ['Qualification', false, false],
  ['Needs Analysis', false, false],
  ['Value Proposition', false, false],
  ['Id. Decision Makers', false, false],
  ['Perception Analysis', false, false],
  ['Proposal/Price Quote', false, false],
  ['Negotiation/Review', false, false],
  ['Closed Won', true, true],
  ['Closed Lost', true, false]
].map(([name, closed, won], i) => ({
  ApiName: name,
  MasterLabel: name,
  IsActive: true,
  IsClosed: closed,
  IsWon: won,
  SortOrder: i + 1
}));

const field = (name: string, type: string, extra: Partial<DescribeField> = {}): DescribeField => ({
  name,
  label: name,
  type,
  nillable: true,
  createable: true,
  defaultedOnCreate: false,
  custom: name.endsWith('__c'),
  length: type === 'string' ? 255 : 0,
  ...extra
});

const required = { nillable: false };
const defaulted = { nillable: false, defaultedOnCreate: true };

/** A describe as a new org gives it, for the fields the checks and formulas use. */
function standardDescribe(): Record<string, DescribeField[]> {
  const stageValues = STANDARD_STAGES.map((s) => String(s.ApiName));
  return {
    Account: [
      field('Id', 'id', { ...defaulted, createable: false }),
      field('Name', 'string', required),
      field('OwnerId', 'reference', defaulted),
      field('NumberOfEmployees', 'int', { precision: 8, scale: 0 }),
      field('Industry', 'picklist', { picklistValues: picklist(['Technology', 'Banking']) }),
      field('BillingCountry', 'string'),
      field('Type', 'picklist', { picklistValues: picklist(['Prospect', 'Customer']) }),
      field('IsDeleted', 'boolean', { nillable: false, createable: false, defaultedOnCreate: true })
    ],
    Contact: [
      field('Id', 'id', { ...defaulted, createable: false }),
      field('LastName', 'string', required),
      field('FirstName', 'string'),
      field('AccountId', 'reference'),
      field('OwnerId', 'reference', defaulted),
      field('Email', 'email')
    ],
    Opportunity: [
      field('Id', 'id', { ...defaulted, createable: false }),
      field('Name', 'string', required),
      field('StageName', 'picklist', { ...required, picklistValues: picklist(stageValues) }),
      field('CloseDate', 'date', required),
      field('Amount', 'currency', { precision: 18, scale: 2 }),
      field('AccountId', 'reference'),
      field('OwnerId', 'reference', defaulted),
      field('LeadSource', 'picklist', { picklistValues: picklist(['Web', 'Partner']) }),
      field('IsWon', 'boolean', { nillable: false, createable: false, defaultedOnCreate: true })
    ],
    Task: [
      field('Id', 'id', { ...defaulted, createable: false }),
      field('Subject', 'combobox'),
      field('WhatId', 'reference'),
      field('OwnerId', 'reference', defaulted),
      field('ActivityDate', 'date'),
      field('Description', 'textarea', { length: 32000 }),
      field('Status', 'picklist', {
        ...defaulted,
        picklistValues: picklist(['Not Started', 'Completed'], 'Not Started')
      }),
      field('Priority', 'picklist', {
        ...defaulted,
        picklistValues: picklist(['High', 'Normal'], 'Normal')
      })
    ],
    User: [
      field('Id', 'id', { ...defaulted, createable: false }),
      ...[
        'Username',
        'LastName',
        'Email',
        'Alias',
        'TimeZoneSidKey',
        'LocaleSidKey',
        'EmailEncodingKey',
        'LanguageLocaleKey'
      ].map((n) => field(n, 'string', required)),
      field('ProfileId', 'reference', required),
      field('FirstName', 'string'),
      field('CommunityNickname', 'string', defaulted),
      field('ManagerId', 'reference'),
      field('IsActive', 'boolean', { nillable: false, defaultedOnCreate: true })
    ],
    AccountTeamMember: [
      field('AccountId', 'reference', required),
      field('UserId', 'reference', required),
      field('TeamMemberRole', 'picklist', {
        picklistValues: picklist(['Account Manager', 'Customer Success Manager', 'Sales Rep'])
      })
    ]
  };
}

/** An Enterprise Edition production org with nothing in the way. */
export function healthyOrg(): FakeOrg {
  return {
    organization: {
      Id: '00D000000000001EAA',
      Name: 'Acme Corp',
      OrganizationType: 'Enterprise Edition',
      IsSandbox: false,
      TrialExpirationDate: null,
      InstanceName: 'EU42',
      LanguageLocaleKey: 'en_US'
    },
    stages: STANDARD_STAGES.map((s) => ({ ...s })),
    recordTypes: [],
    businessProcesses: [],
    paths: [],
    validationRules: [
      {
        Id: '03d000000000001AAA',
        ValidationName: 'Close_Date_Not_Too_Far',
        object: 'Opportunity',
        formula: 'CloseDate > TODAY() + 3650',
        ErrorMessage: 'Close Date must be within ten years.'
      },
      {
        // Ours, from an earlier install: the preflight leaves it out.
        Id: '03d000000000002AAA',
        ValidationName: 'Handoff_Required_Before_Closed_Won',
        object: 'Opportunity',
        formula: 'Handoff_Missing_Count__c > 0',
        ErrorMessage: 'ours'
      }
    ],
    describe: standardDescribe(),
    duplicateRules: [
      {
        DeveloperName: 'Standard_Account_Duplicate_Rule',
        MasterLabel: 'Standard Account Duplicate Rule',
        SobjectType: 'Account',
        NamespacePrefix: null,
        actionOnInsert: 'Allow',
        actionOnUpdate: 'Allow'
      }
    ],
    triggers: [],
    classes: [],
    flows: [],
    dashboards: [
      {
        DeveloperName: 'Sales_Pipeline',
        Title: 'Sales Pipeline',
        FolderName: 'Sales',
        IsDeleted: false
      }
    ],
    notificationTypes: [{ DeveloperName: 'Deal_Desk', MasterLabel: 'Deal Desk' }],
    limits: {
      DailyApiRequests: { Max: 100000, Remaining: 96000 },
      DailyAsyncApexExecutions: { Max: 250000, Remaining: 249000 },
      SingleEmail: { Max: 5000, Remaining: 5000 },
      DataStorageMB: { Max: 20000, Remaining: 15000 }
    },
    flowSettings: { fullName: 'Flow', enableFlowDeployAsActiveEnabled: true },
    pathSettings: { fullName: 'PathAssistant', pathAssistantEnabled: true },
    businessHours: [hours('Default', true, false)],
    openDeals: [{ OwnerId: '005000000000AE1AAA', deals: 12 }],
    users: [
      {
        Id: '005000000000AE1AAA',
        Name: 'Ava Reed',
        Username: 'ava@acme.example',
        IsActive: true,
        ManagerId: '005000000000MG1AAA',
        Manager: { Name: 'Max Grant', IsActive: true }
      }
    ],
    cronTriggers: [],
    customMetadata: {},
    scheduledApex: []
  };
}

// ------------------------------------------------------------------ the server

function inValues(soql: string, field: string): string[] | null {
  // The list may hold quoted values with parentheses in them: "Handoff health check (weekday mornings)".
  const m = new RegExp(
    `${field.replace('.', '\\.')} IN \\(((?:'(?:[^'\\\\]|\\\\.)*'|[^)'])*)\\)`,
    'i'
  ).exec(soql);
  return m
    ? [...m[1].matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((x) => x[1].replace(/\\'/g, "'"))
    : null;
}

function equalsValue(soql: string, field: string): string | null {
  const m = new RegExp(`${field} = '((?:[^'\\\\]|\\\\.)*)'`, 'i').exec(soql);
  return m ? m[1] : null;
}

function fromObject(soql: string): string {
  return /\bFROM\s+(\w+)/i.exec(soql)?.[1] ?? '';
}

function omit(record: MockRecord, keys: string[]): MockRecord {
  return Object.fromEntries(Object.entries(record).filter(([k]) => !keys.includes(k)));
}

/** Answers the REST queries the preflight sends (`all`: queryAll, deleted records included). */
export function answerQuery(org: FakeOrg, soql: string, all = false): MockRecord[] {
  switch (fromObject(soql)) {
    case 'OpportunityStage':
      return org.stages;
    case 'Organization':
      return [org.organization];
    case 'RecordType':
      return org.recordTypes;
    case 'BusinessProcess':
      return org.businessProcesses.map((p) => omit(p, ['values']));
    case 'DuplicateRule':
      return org.duplicateRules
        .filter((r) => r.IsActive !== false)
        .map((r) => omit(r, ['actionOnInsert', 'actionOnUpdate']));
    case 'FlowDefinitionView':
      return org.flows;
    case 'ApexClass': {
      const names = inValues(soql, 'Name') ?? [];
      return org.classes.filter((c) => names.includes(String(c.Name)));
    }
    case 'ApexTrigger': {
      const names = inValues(soql, 'Name') ?? [];
      return org.triggers.filter((t) => names.includes(String(t.Name)));
    }
    case 'Dashboard':
      return org.dashboards.filter((d) => all || d.IsDeleted !== true);
    case 'CustomNotificationType':
      return org.notificationTypes;
    case 'BusinessHours':
      return org.businessHours.filter((h) => h.IsActive);
    case 'Opportunity': {
      // Open deals grouped by owner: an aggregate query cannot use queryMore, so above 2,000
      // groups Salesforce refuses it unless it has a LIMIT (the wording of the error here is ours).
      const limit = /\bLIMIT\s+(\d+)/i.exec(soql);
      if (!limit && org.openDeals.length > 2000) {
        throw new MockError(
          400,
          'INVALID_QUERY_LOCATOR',
          'Aggregate query does not support queryMore(), use LIMIT to restrict the results to a single batch'
        );
      }
      const deals = /ORDER BY COUNT\(Id\) DESC/i.test(soql)
        ? [...org.openDeals].sort((a, b) => b.deals - a.deals)
        : org.openDeals;
      return limit ? deals.slice(0, Number(limit[1])) : deals;
    }
    case 'User': {
      const ids = inValues(soql, 'Id') ?? [];
      return org.users.filter((u) => ids.includes(String(u.Id)));
    }
    case 'AsyncApexJob': {
      const classes = inValues(soql, 'ApexClass.Name') ?? [];
      return org.scheduledApex
        .filter((j) => classes.includes(j.className))
        .map((j) => ({
          CronTriggerId: j.CronTriggerId,
          ApexClass: { Name: j.className },
          CronTrigger: { CronJobDetail: { Name: j.jobName } }
        }));
    }
    case 'CronTrigger': {
      const names = inValues(soql, 'CronJobDetail.Name') ?? [];
      return org.cronTriggers.filter((c) =>
        names.includes(String((c.CronJobDetail as { Name: string }).Name))
      );
    }
    default: {
      const type = /^(\w+)__mdt$/.exec(fromObject(soql))?.[1];
      if (type && org.customMetadata[type]) {
        return org.customMetadata[type];
      }
      throw new MockError(
        400,
        'INVALID_TYPE',
        `sObject type '${fromObject(soql)}' is not supported.`
      );
    }
  }
}

/** Answers the Tooling API queries the preflight sends. */
export function answerTooling(org: FakeOrg, soql: string): MockRecord[] {
  switch (fromObject(soql)) {
    case 'ValidationRule': {
      const id = equalsValue(soql, 'Id');
      if (id) {
        const rule = org.validationRules.find((r) => r.Id === id);
        return rule
          ? [{ Id: rule.Id, Metadata: { errorConditionFormula: rule.formula, active: true } }]
          : [];
      }
      const objects = inValues(soql, 'EntityDefinition.QualifiedApiName') ?? [];
      return org.validationRules
        .filter((r) => objects.includes(r.object))
        .map((r) => ({
          Id: r.Id,
          ValidationName: r.ValidationName,
          Active: true,
          ErrorMessage: r.ErrorMessage,
          NamespacePrefix: r.NamespacePrefix ?? null,
          EntityDefinition: { QualifiedApiName: r.object }
        }));
    }
    case 'ApexTrigger': {
      const objects = inValues(soql, 'TableEnumOrId') ?? [];
      return org.triggers.filter(
        (t) => objects.includes(String(t.TableEnumOrId)) && t.Status === 'Active'
      );
    }
    default:
      throw new MockError(
        400,
        'INVALID_TYPE',
        `sObject type '${fromObject(soql)}' is not supported.`
      );
  }
}

const xmlParser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false
});

function soapEnvelope(body: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="http://soap.sforce.com/2006/04/metadata" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`
  );
}

function toXml(value: unknown, name: string): string {
  if (Array.isArray(value)) {
    return value.map((v) => toXml(v, name)).join('');
  }
  if (value !== null && typeof value === 'object') {
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => toXml(v, k))
      .join('')}</${name}>`;
  }
  return `<${name}>${String(value)}</${name}>`;
}

/** A SOAP fault, as the Metadata API sends one. */
export function soapFault(code: string, message: string): RouteResponse {
  return {
    status: 500,
    contentType: 'text/xml',
    body:
      '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sf="http://soap.sforce.com/2006/04/metadata">' +
      `<soapenv:Body><soapenv:Fault><faultcode>sf:${code}</faultcode><faultstring>${code}: ${message}</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>`
  };
}

/** The Metadata API components of the fake org, by type and full name. */
function metadataOf(
  org: FakeOrg,
  type: string
): Array<Record<string, unknown> & { fullName: string }> {
  switch (type) {
    case 'FlowSettings':
      return org.flowSettings ? [{ fullName: 'Flow', ...org.flowSettings }] : [];
    case 'PathAssistantSettings':
      return org.pathSettings ? [{ fullName: 'PathAssistant', ...org.pathSettings }] : [];
    case 'PathAssistant':
      return org.paths;
    case 'DuplicateRule':
      return org.duplicateRules.map((r) => ({
        fullName: `${String(r.SobjectType)}.${r.NamespacePrefix ? `${String(r.NamespacePrefix)}__` : ''}${String(r.DeveloperName)}`,
        actionOnInsert: r.actionOnInsert,
        actionOnUpdate: r.actionOnUpdate,
        isActive: true,
        masterLabel: r.MasterLabel
      }));
    case 'BusinessProcess':
      return org.businessProcesses.map((p) => ({
        fullName: `Opportunity.${String(p.Name)}`,
        isActive: p.IsActive,
        values: p.values.map((v) => ({ fullName: encodeURIComponent(v), default: false }))
      }));
    default:
      return [];
  }
}

/** Answers /limits, queryAll and the Metadata API. */
export function route(
  org: FakeOrg,
  version: string,
  request: RouteRequest
): RouteResponse | undefined {
  if (request.path === `/services/data/v${version}/limits`) {
    return { body: org.limits };
  }
  if (request.path === `/services/data/v${version}/queryAll`) {
    const soql = request.query.get('q') ?? '';
    const records = answerQuery(org, soql, true);
    return {
      body: {
        totalSize: records.length,
        done: true,
        records: records.map((r) => ({ attributes: { type: 'SObject' }, ...r }))
      }
    };
  }
  if (request.path === `/services/Soap/m/${version}`) {
    const doc = xmlParser.parse(request.body) as {
      Envelope: {
        Body: Record<
          string,
          { type?: string; fullNames?: string | string[]; queries?: { type: string } }
        >;
      };
    };
    const [call, args] = Object.entries(doc.Envelope.Body)[0];
    const type = String(args.type ?? args.queries?.type);
    (org.soapCalls ??= []).push(`${call} ${type}`);
    const fault = org.soapFaults?.[type];
    if (fault) {
      return soapFault(fault[0], fault[1]);
    }
    if (call === 'readMetadata') {
      const names = Array.isArray(args.fullNames) ? args.fullNames : [args.fullNames ?? ''];
      const all = metadataOf(org, type);
      const records = names
        .map((n) => all.find((m) => m.fullName === n))
        .map((m) =>
          m
            ? toXml(m, 'records').replace('<records>', `<records xsi:type="${type}">`)
            : '<records xsi:nil="true"/>'
        )
        .join('');
      return {
        contentType: 'text/xml',
        body: soapEnvelope(
          `<readMetadataResponse><result>${records}</result></readMetadataResponse>`
        )
      };
    }
    if (call === 'listMetadata') {
      const results = metadataOf(org, type)
        .map((m) => `<result><fullName>${m.fullName}</fullName><type>${type}</type></result>`)
        .join('');
      return {
        contentType: 'text/xml',
        body: soapEnvelope(`<listMetadataResponse>${results}</listMetadataResponse>`)
      };
    }
    return soapFault('INVALID_OPERATION', `no fake for ${call}`);
  }
  return undefined;
}

/** Starts the stand-in serving a fake org. */
export async function serveOrg(org: FakeOrg): Promise<MockSalesforce> {
  const version = '66.0';
  return startMock({
    version,
    query: (soql) => answerQuery(org, soql),
    tooling: (soql) => answerTooling(org, soql),
    describe: {
      ...org.describe,
      // A custom metadata type exists where the product is installed, with the fields its records use.
      ...Object.fromEntries(
        Object.entries(org.customMetadata).map(([type, records]) => [
          `${type}__mdt`,
          [...new Set(['DeveloperName', ...records.flatMap((r) => Object.keys(r))])].map((name) =>
            field(name, 'string')
          )
        ])
      )
    },
    route: (request) => route(org, version, request)
  });
}
