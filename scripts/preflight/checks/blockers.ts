/**
 * What in the customer's org can block the records our tests and automation write, or runs
 * alongside our triggers: validation rules (evaluated offline against our writes), required
 * fields, duplicate rules, other triggers and record-triggered flows, and Apex names that
 * would overwrite the customer's own classes.
 */
import { evaluateRule, type RuleOutcome } from '../formula.ts';
import { capped, joinAnd, plural, type DetailTable } from '../model.ts';
import { WRITTEN_OBJECTS } from '../project.ts';
import { ReadError, soqlList, soqlString, type SfRecord } from '../reader.ts';
import { fieldsWeSet, writeCases, type WriteCase } from '../testRecords.ts';
import { AREAS, testStages, type CheckContext, type CheckDef } from './shared.ts';

/** Objects whose other automation runs in the same transaction as ours. */
export const AUTOMATION_OBJECTS = ['Opportunity', 'Account', 'Task', 'Event'] as const;

/** Evaluating more rules than this would cost one API call each; the rest are listed unevaluated. */
export const MAX_EVALUATED_RULES = 60;

interface ValidationRuleRow {
  Id: string;
  ValidationName: string;
  Active: boolean;
  ErrorMessage: string | null;
  NamespacePrefix: string | null;
  EntityDefinition: { QualifiedApiName: string } | null;
}

async function casesFor(ctx: CheckContext): Promise<{ cases: WriteCase[]; note?: string }> {
  let stages: { open: string; won: string } | null = null;
  let note: string | undefined;
  try {
    stages = await testStages(ctx.org);
  } catch (e) {
    note = `The stages could not be read (${(e as Error).message}); the deal writes use "Prospecting" and "Closed Won".`;
  }
  if (!stages && !note) {
    note =
      'The org has no active open and won stage pair; the deal writes use "Prospecting" and "Closed Won".';
  }
  return {
    cases: writeCases(stages ?? { open: 'Prospecting', won: 'Closed Won' }, ctx.today),
    note
  };
}

function outcomeText(outcome: RuleOutcome): string {
  switch (outcome.outcome) {
    case 'blocks':
      return 'blocks';
    case 'passes':
      return 'lets it through';
    default:
      return `unknown: ${outcome.reason}`;
  }
}

export const validationRules: CheckDef = {
  id: 'validation-rules',
  area: AREAS.blockers,
  title: 'Active validation rules',
  why:
    'A production deploy runs every local Apex test with our metadata in place. Our tests insert accounts, contacts, deals, tasks and users with only the fields they need, ' +
    "and close deals; our automation sets the Account's CSM and creates review tasks. A customer rule that rejects those records fails the tests (and the deploy) or the close.",
  source:
    'Tooling API: ValidationRule (and its Metadata, one rule at a time); REST describe of each object; evaluated offline with formulon',
  async run(ctx) {
    const rows = await ctx.org.tooling<ValidationRuleRow & SfRecord>(
      'SELECT Id, ValidationName, Active, ErrorMessage, NamespacePrefix, EntityDefinition.QualifiedApiName FROM ValidationRule ' +
        `WHERE Active = true AND EntityDefinition.QualifiedApiName IN ${soqlList(WRITTEN_OBJECTS)} ORDER BY ValidationName`,
      'reading active validation rules (Tooling API ValidationRule)'
    );
    const theirs = rows.filter((r) => {
      const object = r.EntityDefinition?.QualifiedApiName ?? '';
      return !(
        r.NamespacePrefix === null && ctx.project.validationRules.get(object)?.has(r.ValidationName)
      );
    });
    if (theirs.length === 0) {
      return {
        status: 'pass',
        finding: `No active validation rule of the org's own on ${joinAnd([...WRITTEN_OBJECTS])}.`
      };
    }
    const { cases, note } = await casesFor(ctx);
    const table: string[][] = [];
    let blocking = 0;
    let unknown = 0;
    for (const [index, rule] of theirs.entries()) {
      const object = rule.EntityDefinition?.QualifiedApiName ?? '';
      const name = `${rule.NamespacePrefix ? `${rule.NamespacePrefix}__` : ''}${rule.ValidationName}`;
      const message = (rule.ErrorMessage ?? '').slice(0, 120);
      const writes = cases.filter((c) => c.object === object);
      const record = (outcome: RuleOutcome, write: string): void => {
        if (outcome.outcome === 'blocks') {
          blocking++;
        } else if (outcome.outcome === 'unknown') {
          unknown++;
        }
        table.push([object, name, outcomeText(outcome), write, message]);
      };
      if (index >= MAX_EVALUATED_RULES) {
        record(
          {
            outcome: 'unknown',
            reason: `not evaluated (only the first ${MAX_EVALUATED_RULES} rules are)`
          },
          'all'
        );
        continue;
      }
      let formula: string;
      let describe;
      try {
        const [full] = await ctx.org.tooling<
          { Metadata?: { errorConditionFormula?: string } } & SfRecord
        >(
          `SELECT Id, Metadata FROM ValidationRule WHERE Id = ${soqlString(rule.Id)}`,
          `reading the formula of ${object}.${name} (Tooling API)`
        );
        formula = full?.Metadata?.errorConditionFormula ?? '';
        describe = await ctx.org.describe(object);
      } catch (e) {
        record({ outcome: 'unknown', reason: (e as Error).message }, 'all');
        continue;
      }
      if (!formula || !describe) {
        record(
          {
            outcome: 'unknown',
            reason: !formula ? 'its formula came back empty' : `${object} could not be described`
          },
          'all'
        );
        continue;
      }
      // One row per rule: the first write it blocks, else the first it cannot judge, else "passes".
      const outcomes = writes.map((w) => ({
        write: w,
        outcome: evaluateRule(formula, describe, w)
      }));
      const pick =
        outcomes.find((o) => o.outcome.outcome === 'blocks') ??
        outcomes.find((o) => o.outcome.outcome === 'unknown') ??
        outcomes[0];
      if (!pick) {
        record({ outcome: 'passes' }, 'none of ours');
        continue;
      }
      record(pick.outcome, pick.write.label);
    }
    const tables: DetailTable[] = [
      capped(
        'Active validation rules (not ours) and our writes',
        ['Object', 'Rule', 'Outcome', 'Write', 'Error message'],
        table,
        100
      )
    ];
    const notes = note ? ` ${note}` : '';
    if (blocking > 0) {
      return {
        status: 'fail',
        finding: `${plural(blocking, 'rule')} of the org reject${blocking === 1 ? 's' : ''} a record our tests or automation write (evaluated offline against those records).${notes}`,
        fix:
          'For each blocking rule, either let these records through (add a condition they meet, or an exemption such as NOT($Permission.<your bypass permission>) held by integration and test users), ' +
          'or give the field the value your rule expects in the records our tests create. Then run the preflight (with --validate) again.',
        tables
      };
    }
    if (unknown > 0) {
      return {
        status: 'warn',
        finding: `${plural(theirs.length, 'active rule')} of the org; ${plural(unknown, 'rule')} could not be judged offline (see the reasons), none was found to block our writes.${notes}`,
        fix: 'Read the rules marked unknown against the writes listed, or run the preflight with --validate to let the org run our tests.',
        tables
      };
    }
    return {
      status: 'pass',
      finding: `${plural(theirs.length, 'active rule')} of the org, none rejecting the records our tests and automation write.${notes}`,
      tables
    };
  }
};

export const requiredFields: CheckDef = {
  id: 'required-fields',
  area: AREAS.blockers,
  title: 'Required fields',
  why:
    'A custom field that is required at the database level (not nillable, no default) makes every insert that leaves it blank fail with REQUIRED_FIELD_MISSING, ' +
    'including the records our tests create. Fields required only on page layouts do not matter to the API; standard fields are the same in every org.',
  source: 'REST describe: Account, Contact, Opportunity, Task, User',
  async run({ org }) {
    const rows: string[][] = [];
    const missingObjects: string[] = [];
    for (const object of WRITTEN_OBJECTS) {
      const describe = await org.describe(object);
      if (!describe) {
        missingObjects.push(object);
        continue;
      }
      const set = new Set([...fieldsWeSet(object)].map((f) => f.toLowerCase()));
      for (const f of describe.fields) {
        // Standard fields are the same in every org, where our tests pass (the platform fills
        // the required ones it does not list as defaulted); custom ones are the customer's.
        const required =
          f.custom === true &&
          f.createable === true &&
          f.nillable === false &&
          f.defaultedOnCreate !== true &&
          f.calculated !== true &&
          f.type !== 'boolean';
        if (required && !set.has(f.name.toLowerCase())) {
          rows.push([object, f.name, f.label ?? '', f.type]);
        }
      }
    }
    if (missingObjects.length > 0) {
      throw new ReadError(
        'NOT_FOUND',
        `describing ${joinAnd(missingObjects)}: the org has no such object`
      );
    }
    if (rows.length === 0) {
      return {
        status: 'pass',
        finding: `No custom field on ${joinAnd([...WRITTEN_OBJECTS])} is required at the database level without a value from our writes.`
      };
    }
    return {
      status: 'fail',
      finding: `${plural(rows.length, 'required custom field')} our tests do not set: ${joinAnd(rows.slice(0, 5).map((r) => `${r[0]}.${r[1]}`))}${rows.length > 5 ? ', …' : ''}. Inserting our test records fails with REQUIRED_FIELD_MISSING.`,
      fix:
        'Give each field a default value in Setup (Object Manager > field > Default Value), or make it required on page layouts instead of at the field level, ' +
        'or supply it in the records our tests create.',
      tables: [
        capped(
          'Required custom fields our writes leave blank',
          ['Object', 'Field', 'Label', 'Type'],
          rows
        )
      ]
    };
  }
};

interface DuplicateRuleRow {
  DeveloperName: string;
  MasterLabel: string;
  SobjectType: string;
  NamespacePrefix: string | null;
}

export const duplicateRules: CheckDef = {
  id: 'duplicate-rules',
  area: AREAS.blockers,
  title: 'Duplicate rules',
  why:
    'Our tests insert several accounts and contacts with similar names in one test, and our automation updates Accounts. ' +
    'An active duplicate rule whose action is Block rejects matching records with DUPLICATES_DETECTED; rules that only alert let them through.',
  source: 'REST query: DuplicateRule; Metadata API: readMetadata DuplicateRule',
  async run({ org }) {
    const rows = (
      await org.query<DuplicateRuleRow & SfRecord>(
        'SELECT DeveloperName, MasterLabel, SobjectType, NamespacePrefix FROM DuplicateRule WHERE IsActive = true ORDER BY SobjectType, DeveloperName',
        'reading active duplicate rules (REST query on DuplicateRule)'
      )
    ).filter((r) => (WRITTEN_OBJECTS as readonly string[]).includes(r.SobjectType));
    if (rows.length === 0) {
      return {
        status: 'pass',
        finding: `No active duplicate rule on ${joinAnd([...WRITTEN_OBJECTS])}.`
      };
    }
    const fullNames = rows.map(
      (r) =>
        `${r.SobjectType}.${r.NamespacePrefix ? `${r.NamespacePrefix}__` : ''}${r.DeveloperName}`
    );
    const records = await org.readMetadata('DuplicateRule', fullNames);
    const table: string[][] = [];
    const blockInsert: string[] = [];
    const blockUpdate: string[] = [];
    const unread: string[] = [];
    rows.forEach((r, i) => {
      const md = records[i];
      const onInsert = typeof md?.actionOnInsert === 'string' ? md.actionOnInsert : 'unknown';
      const onUpdate = typeof md?.actionOnUpdate === 'string' ? md.actionOnUpdate : 'unknown';
      if (!md) {
        unread.push(fullNames[i]);
      }
      if (onInsert === 'Block') {
        blockInsert.push(fullNames[i]);
      } else if (onUpdate === 'Block') {
        blockUpdate.push(fullNames[i]);
      }
      table.push([r.SobjectType, r.MasterLabel, fullNames[i], onInsert, onUpdate]);
    });
    const tables = [
      capped(
        'Active duplicate rules',
        ['Object', 'Rule', 'Full name', 'On insert', 'On update'],
        table
      )
    ];
    if (blockInsert.length > 0) {
      return {
        status: 'fail',
        finding: `${plural(blockInsert.length, 'duplicate rule')} block${blockInsert.length === 1 ? 's' : ''} inserts (${joinAnd(blockInsert)}): our tests' similar test records can be rejected with DUPLICATES_DETECTED.`,
        fix: 'Set the rule\'s action on create to "Allow" with an alert (Setup > Duplicate Rules), or add a rule condition that leaves out integration and test users; then run the preflight with --validate.',
        tables
      };
    }
    if (blockUpdate.length > 0 || unread.length > 0) {
      return {
        status: 'warn',
        finding: [
          blockUpdate.length > 0
            ? `${plural(blockUpdate.length, 'rule')} block${blockUpdate.length === 1 ? 's' : ''} updates (${joinAnd(blockUpdate)}): setting the Account's CSM on close can be rejected for an account that matches another.`
            : '',
          unread.length > 0 ? `The action of ${joinAnd(unread)} could not be read.` : ''
        ]
          .filter(Boolean)
          .join(' '),
        fix: 'Set the action on edit to "Allow" with an alert, or check in Setup > Duplicate Rules that these rules cannot match the records our automation updates.',
        tables
      };
    }
    return {
      status: 'pass',
      finding: `${plural(rows.length, 'active duplicate rule')}, none blocking (they alert or report).`,
      tables
    };
  }
};

/** Inline SOQL in an Apex body: `[SELECT …]` and Database.query calls. */
export function inlineQueries(body: string): number {
  return (
    (body.match(/\[\s*SELECT\b/gi) ?? []).length +
    (body.match(/\bDatabase\.query(WithBinds)?\s*\(/gi) ?? []).length
  );
}

function normalized(source: string): string {
  return source.replace(/\s+/g, ' ').trim();
}

/** Whether an org's Apex body is ours (this product's, any version). */
function isOurs(orgBody: unknown, ourSource: string): boolean {
  const body = typeof orgBody === 'string' ? orgBody : '';
  return normalized(body) === normalized(ourSource) || body.includes('Handoff');
}

interface TriggerRow {
  Name: string;
  TableEnumOrId: string;
  NamespacePrefix: string | null;
  Body: string | null;
}

export const otherTriggers: CheckDef = {
  id: 'triggers',
  area: AREAS.blockers,
  title: 'Other Apex triggers on Opportunity, Account, Task and Event',
  why:
    'Every trigger on these objects runs in the same transaction as ours, against the same limits (100 SOQL queries, 150 DML statements, 10 seconds of CPU per transaction). ' +
    'A bulk close of 200 deals runs all of them at once.',
  source: 'Tooling API: ApexTrigger',
  async run({ org, project }) {
    const rows = await org.tooling<TriggerRow & SfRecord>(
      `SELECT Name, TableEnumOrId, NamespacePrefix, Body FROM ApexTrigger WHERE Status = 'Active' AND TableEnumOrId IN ${soqlList(AUTOMATION_OBJECTS)} ORDER BY TableEnumOrId, Name`,
      'reading active triggers (Tooling API ApexTrigger)'
    );
    const theirs = rows.filter((r) => {
      const ours = project.triggers.get(r.Name);
      return !(r.NamespacePrefix === null && ours && isOurs(r.Body, ours.source));
    });
    if (theirs.length === 0) {
      return {
        status: 'pass',
        finding: `No other active trigger on ${joinAnd([...AUTOMATION_OBJECTS])}.`
      };
    }
    const table = theirs.map((r) => [
      r.TableEnumOrId,
      `${r.NamespacePrefix ? `${r.NamespacePrefix}__` : ''}${r.Name}`,
      r.NamespacePrefix ? 'managed (body hidden)' : String(inlineQueries(r.Body ?? ''))
    ]);
    return {
      status: 'warn',
      finding: `${plural(theirs.length, 'other active trigger')} run${theirs.length === 1 ? 's' : ''} with ours (${joinAnd(theirs.slice(0, 6).map((r) => `${r.TableEnumOrId}.${r.Name}`))}${theirs.length > 6 ? ', …' : ''}).`,
      fix: 'Nothing to change before the deploy. Run the preflight with --validate (or our org tests) to see the combined limits; if a bulk close hits "Too many SOQL queries", make those triggers bulk-safe.',
      tables: [
        capped(
          'Other active triggers (inline queries counted in the trigger body only, not in the classes it calls)',
          ['Object', 'Trigger', 'Inline queries'],
          table
        )
      ]
    };
  }
};

interface FlowRow {
  ApiName: string;
  Label: string;
  ProcessType: string | null;
  TriggerType: string | null;
  TriggerObjectOrEventId: string | null;
  TriggerObjectOrEventLabel: string | null;
  NamespacePrefix: string | null;
}

export const otherFlows: CheckDef = {
  id: 'flows',
  area: AREAS.blockers,
  title: 'Record-triggered flows on Opportunity, Account, Task and Event',
  why: 'Record-triggered flows and processes on these objects run in the same transaction as our triggers, with their own queries and updates, against the same per-transaction limits.',
  source: 'REST query: FlowDefinitionView',
  async run({ org, project }) {
    const rows = await org.query<FlowRow & SfRecord>(
      'SELECT ApiName, Label, ProcessType, TriggerType, TriggerObjectOrEventId, TriggerObjectOrEventLabel, NamespacePrefix FROM FlowDefinitionView ' +
        "WHERE ActiveVersionId != null AND (TriggerType IN ('RecordBeforeSave', 'RecordAfterSave', 'RecordBeforeDelete') OR ProcessType = 'Workflow') ORDER BY ApiName",
      'reading active record-triggered flows (REST query on FlowDefinitionView)'
    );
    const ours = new Set(project.flows.map((f) => f.name));
    const objects = new Set<string>(AUTOMATION_OBJECTS);
    const theirs = rows.filter(
      (r) =>
        !(r.NamespacePrefix === null && ours.has(r.ApiName)) &&
        (objects.has(r.TriggerObjectOrEventId ?? '') ||
          objects.has(r.TriggerObjectOrEventLabel ?? ''))
    );
    if (theirs.length === 0) {
      return {
        status: 'pass',
        finding: `No active record-triggered flow or process on ${joinAnd([...AUTOMATION_OBJECTS])}.`
      };
    }
    return {
      status: 'warn',
      finding: `${plural(theirs.length, 'active record-triggered flow')} on these objects run${theirs.length === 1 ? 's' : ''} with our automation.`,
      fix: 'Nothing to change before the deploy; check with --validate that bulk closes stay within the limits.',
      tables: [
        capped(
          'Active record-triggered flows and processes',
          ['Object', 'Flow', 'Label', 'Trigger', 'Type'],
          theirs.map((r) => [
            r.TriggerObjectOrEventId ?? r.TriggerObjectOrEventLabel ?? '',
            `${r.NamespacePrefix ? `${r.NamespacePrefix}__` : ''}${r.ApiName}`,
            r.Label,
            r.TriggerType ?? '',
            r.ProcessType === 'Workflow' ? 'Process Builder' : 'Flow'
          ])
        )
      ]
    };
  }
};

interface ApexRow {
  Name: string;
  Body: string | null;
}

export const nameCollisions: CheckDef = {
  id: 'name-collisions',
  area: AREAS.blockers,
  title: 'Apex names already taken',
  why:
    'A deploy overwrites a class or trigger of the same name without asking. Names such as TestDataFactory, OpportunityTrigger or OpportunityTriggerHandler are common in customer orgs; ' +
    "overwriting the customer's own breaks their code and their tests.",
  source: 'REST query: ApexClass, ApexTrigger (unmanaged, by our names)',
  async run({ org, project }) {
    const classNames = [...project.classes.keys()];
    const triggerNames = [...project.triggers.keys()];
    const classes =
      classNames.length === 0
        ? []
        : await org.query<ApexRow & SfRecord>(
            `SELECT Name, Body FROM ApexClass WHERE NamespacePrefix = null AND Name IN ${soqlList(classNames)} ORDER BY Name`,
            'reading Apex classes with our names (REST query on ApexClass)'
          );
    const triggers =
      triggerNames.length === 0
        ? []
        : await org.query<ApexRow & SfRecord>(
            `SELECT Name, Body FROM ApexTrigger WHERE NamespacePrefix = null AND Name IN ${soqlList(triggerNames)} ORDER BY Name`,
            'reading Apex triggers with our names (REST query on ApexTrigger)'
          );
    const rows: string[][] = [];
    const taken: string[] = [];
    for (const c of classes) {
      const ours = isOurs(c.Body, project.classes.get(c.Name) ?? '');
      rows.push(['class', c.Name, ours ? 'ours (an earlier install)' : "the org's own"]);
      if (!ours) taken.push(`class ${c.Name}`);
    }
    for (const t of triggers) {
      const ours = isOurs(t.Body, project.triggers.get(t.Name)?.source ?? '');
      rows.push(['trigger', t.Name, ours ? 'ours (an earlier install)' : "the org's own"]);
      if (!ours) taken.push(`trigger ${t.Name}`);
    }
    const tables =
      rows.length > 0
        ? [capped('Apex already in the org under our names', ['Kind', 'Name', 'Whose'], rows)]
        : [];
    if (taken.length > 0) {
      return {
        status: 'fail',
        finding: `The org has its own ${joinAnd(taken)}: deploying ours would overwrite ${taken.length === 1 ? 'it' : 'them'}.`,
        fix: "Do not deploy over them. Rename ours in force-app (the class or trigger file, its -meta.xml and every reference), or rename the org's own first; then run the preflight again.",
        tables
      };
    }
    return {
      status: 'pass',
      finding:
        rows.length > 0
          ? `${plural(rows.length, 'class or trigger', 'classes and triggers')} with our names ${rows.length === 1 ? 'is' : 'are'} already ours (an earlier install); the deploy updates them.`
          : `None of our ${plural(classNames.length + triggerNames.length, 'Apex name')} is taken in the org.`,
      tables
    };
  }
};
