/**
 * Renders docs/configuration-guide.md, the admin's reference, from the metadata model: every
 * custom field with who can read and edit it, every custom metadata type with its shipped
 * records and how to change them safely, validation rules, flows, Apex entry points, access,
 * user interface, reports and dashboards. Pure: the same model gives the same text.
 */
import { METRICS } from '../../force-app/main/default/lwc/handoffMetrics/handoffMetrics.ts';
import {
  firstParagraph,
  firstSentence,
  isEntryPoint,
  jobInterfaces,
  oneLine,
  annotationArg,
  type ApexClass,
  type ApexMethod
} from './apexdoc.ts';
import {
  anchorLink,
  blocks,
  bullets,
  code,
  codeBlock,
  escapeCell,
  escapeText,
  joinWords,
  paragraphs,
  table
} from './markdown.ts';
import {
  byCode,
  type DocModel,
  type FieldDoc,
  type ObjectDoc,
  type PermissionSetDoc,
  type RecordDoc
} from './model.ts';
import { RULE_SETS, recordsOf, ruleConfigOf, ruleSetMatrix, segmentsOf } from './rules.ts';

/** How the generated files say where they come from. */
export const GENERATOR = 'scripts/docs/generate-config-guide.ts';

const TITLE = 'Configuration guide';

const SECTIONS = {
  change: 'Changing the configuration safely',
  checks: 'Configuration checks',
  metadata: 'Custom metadata: the rules and their shipped records',
  fields: 'Custom fields',
  validation: 'Validation rules',
  flows: 'Flows',
  apex: 'Apex entry points',
  access: 'Access: permission sets, groups and custom permissions',
  automation: 'Approvals, field updates, email and notifications',
  ui: 'Apps, tabs, pages, components and actions',
  reports: 'Reports and dashboards',
  other: 'Static resources and custom labels'
} as const;

// ---------------------------------------------------------------------------------------------
// How to change each custom metadata type safely (the product's behaviour, from the code)
// ---------------------------------------------------------------------------------------------

const CHANGE_GUIDANCE: Record<string, string[]> = {
  Handoff_Field_Rule__mdt: [
    'Effect: every Opportunity save recomputes Handoff Missing Fields, Missing Count and Completeness with the rules in force, so the Closed Won gate always judges a deal by the current rules. Open deals keep the old missing list on the record until they are next saved; the handoff panel shows the new rules at once.',
    'Safe: Required → Optional (relaxes the gate), a new Optional rule, Guidance, Section, Order, and deactivating a rule with Active (keep the record; deleting loses its history).',
    'Announce first: a new Required rule, or Optional → Required. Deals about to close are blocked until the field is filled or an exception is approved. Mid-quarter, add the rule as Optional, tell Sales, and switch it to Required on an agreed date (see docs/faq.md).',
    'A segment-specific rule overrides the `All` rule for the same field and rule set; use this to make one segment stricter or lighter. Rule Set is `New Business` or `Expansion` (the Opportunity Types listed in the Default setting use Expansion).',
    'Weight changes the completeness percentage only; the completion rate counts deals with nothing required missing, whatever the weights.',
    'Field API Name must be an Opportunity field. A name that does not exist is skipped, never blocks a save, and is reported in the Handoff Log; `npm test` fails for shipped records that name one. A new field also needs edit access in Handoff_Sales and, for the page layout, a place in the Handoff section (the handoff panel lists every rule field by itself).'
  ],
  Handoff_Segment_Policy__mdt: [
    'Bands are tried by Order, lowest first; the first active policy whose minimums the deal meets wins (Match Logic `Any`: amount or employees, `All`: both). Keep one catch-all policy without minimums last, or deals that meet no band get no segment and only the `All` rules.',
    "Segment and tier changes take effect on each deal's next save. SLA hours, warning percent, business hours, pool, assignment method, fallback owner and escalation owner apply to handoffs created after the change: due times are computed at close and existing handoffs keep theirs.",
    'A new segment also needs the value in the Opportunity picklists Handoff_Segment__c and Handoff_Segment_Override__c, field rules for it (or `All` rules), and a pool. Tier must be `High-Touch` or `Low-Touch` (the intake templates are per tier).',
    'Assignment Pool and Escalation Owner name a public group or queue by DeveloperName; the groups ship empty, so adding their members is an org step. Business Hours Name must match a Business Hours record in Setup (blank = the org default). Keep the first-touch SLA at or below 48 hours, the red-flag threshold (a metadata test checks the shipped records).'
  ],
  Handoff_Intake_Template__mdt: [
    'At close, each new handoff gets one intake item per active template of its tier and of `All`, in Order. Changing templates affects handoffs created afterwards; existing checklists keep their items.',
    'Required items must be Verified or Not Applicable before the CSM can accept the handoff; optional items never block. Deactivate an item with Active rather than deleting it.',
    "Role is optional: leave it blank for the CSM's items. A CS role's name (Handoff CS Role → Role) makes the item that role's: created only on handoffs that got a member of that role at close, and labelled with the role. The shipped templates have no role."
  ],
  Handoff_Health_Threshold__mdt: [
    'Read by the handoff health dashboard, the scheduled health check (HandoffHealthCheck) and `npm run health -- --org <alias>`; a change shows at the next refresh or run.',
    'Metric must be one of the metrics the product computes (listed below). Comparator `Below` or `Above` is strict and uses the unrounded value; Consecutive Periods is how many months in a row (counting back from the last complete month) raise the flag; a month without handoffs ends a streak.',
    'Period `Hypercare Week` with Hypercare Week 1–4 makes a one-off check of that week after the go-live date in the Default setting (Hypercare Start Date). Target is what the dashboard tile aims for; Action is the advice shown with the flag.'
  ],
  Handoff_Setting__mdt: [
    'The product reads only the record named `Default`; do not rename or delete it. Each switch takes effect at the next transaction.',
    'Rollout Mode ships as Installed (dormant): move it one step at a time to Monitor, Pilot and Enforce (docs/rollout.md, or the Handoff Setup page). Moving back to Monitor pauses the Closed Won gate without deactivating the validation rule (the handoff panel says which fields would block). Every notification can be switched off on its own. Exception Escalation Days above 1 also needs the scheduled path of Handoff_After_Save_Exception_Followup moved to the same number of days in Flow Builder (docs/flows.md).'
  ],
  Handoff_Test_Default__mdt: [
    'Read only by the Apex tests (TestDataFactory), never by the product: a record changes nothing for users. It fills the field on every record of its object the tests create, unless the test set that field; add one for each required field or validation rule of yours that the test records would break (docs/maintenance.md, "Deploying to production").',
    'Validate a production deploy (`npm run deploy -- --target-org <alias> --check-only`) after adding one: a record whose field is unknown, not creatable, a Handoff field, or whose value does not convert fails the tests with its name. Create your own records rather than activating the shipped example: a deploy resets the records it ships.'
  ],
  Handoff_CS_Role__mdt: [
    'None ship, so the product installs with one CSM per handoff, exactly as before. To add a role: Setup → Custom Metadata Types → Handoff CS Role → Manage Records → New; give it a Role name (what CS users see, e.g. Onboarding Manager), Segment and Tier (a value or `All`), Required or not, and where its member comes from: a fixed user (Username), a pool (Pool: Handoff Pool Member records of that pool name, whose users are also members of the public group or queue of that name), a queue or group whose members take turns (Queue), or several of these (tried in that order). Add the Account Team Role and Order if wanted, then switch Active on.',
    'Active roles apply to handoffs created after the change: existing handoffs keep their teams. Switching a role off stops new assignments; its members stay on their handoffs until reassigned. Keep the record rather than deleting it: a reassignment reads the role record a member was assigned for.',
    'A required role with nobody available takes the segment policy\'s fallback owner, flagged Assigned By Fallback; an optional one is skipped and the reason is logged. Members get Edit access to the handoff, a review task and a notification (one per person per handoff), and the Account team seat when Account Teams are enabled in the Default setting. CS managers (public group Handoff_CS_Managers) reassign one member with a reason; the daily check replaces members whose user was deactivated (docs/behaviour.md, "CS team").'
  ],
  Handoff_Pool_Member__mdt: [
    "None ship: create one record per CSM and pool in the org (Setup → Custom Metadata Types → Handoff Pool Member → Manage Records). Pool is the public group or queue DeveloperName of the segment policy's Assignment Pool; the user must also be a direct member of that group or queue, active, and not unavailable (User.Handoff_Unavailable_Until__c).",
    'Weight (blank = 1, 0 = never picked) shares the round robin; Capacity caps open handoffs (blank = no cap). Changes apply to the next assignment. With no eligible member, the fallback owner gets the handoff, flagged.'
  ]
};

const GENERIC_CHANGE = [
  'Read by the product at run time; see the field descriptions above for what each value does. Change it in a sandbox first.'
];

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** `Handoff_Sales` → `Sales`: permission set names in tables, with a legend. */
function short(permissionSet: string): string {
  return permissionSet.replace(/^Handoff_/, '');
}

function valueText(value: string | null): string {
  return value === null ? '(blank)' : value;
}

/** Who reads and who edits a field, from the permission sets. */
function fieldAccess(
  model: DocModel,
  object: ObjectDoc,
  field: FieldDoc
): { read: string; edit: string } {
  const key = `${object.name}.${field.name}`;
  if (object.kind === 'customMetadata') {
    const sets = model.permissionSets
      .filter((p) => p.customMetadataTypes.includes(object.name))
      .map((p) => short(p.name));
    return {
      read: sets.length ? `type access: ${sets.join(', ')}` : 'Customize Application',
      edit: 'admins (Customize Application)'
    };
  }
  if (object.kind === 'platformEvent') {
    return { read: 'Apex only', edit: 'published by Apex' };
  }
  const computed = field.formula !== null || /^(AutoNumber|Summary)$/.test(field.type);
  if (field.type === 'MasterDetail' || field.required) {
    const readers = model.permissionSets
      .filter((p) => p.objectPermissions.some((o) => o.object === object.name && o.read))
      .map((p) => short(p.name));
    const editors = model.permissionSets
      .filter((p) => p.objectPermissions.some((o) => o.object === object.name && o.edit))
      .map((p) => short(p.name));
    return {
      read: readers.length ? `${readers.join(', ')} (object access)` : '—',
      edit: editors.length ? `${editors.join(', ')} (object access)` : '—'
    };
  }
  const grants = model.permissionSets
    .map((p) => ({ set: p, grant: p.fieldPermissions.find((f) => f.field === key) }))
    .filter((g) => g.grant !== undefined);
  const read = grants.filter((g) => g.grant?.readable).map((g) => short(g.set.name));
  const edit = grants.filter((g) => g.grant?.editable).map((g) => short(g.set.name));
  return {
    read: read.length ? read.join(', ') : '—',
    edit: computed ? 'nobody (computed)' : edit.length ? edit.join(', ') : '—'
  };
}

function objectKindText(object: ObjectDoc): string {
  switch (object.kind) {
    case 'standard':
      return 'standard object; the product adds these fields';
    case 'customMetadata':
      return 'custom metadata type';
    case 'platformEvent':
      return 'platform event';
    case 'custom':
      return 'custom object';
    default:
      return 'object';
  }
}

function methodDescription(method: ApexMethod): string {
  const doc = method.doc;
  if (!doc) return '(no ApexDoc)';
  const parts = [oneLine(doc.description)];
  if (doc.params.length) {
    parts.push(
      `Parameters: ${doc.params.map((p) => `${code(p.name)} ${escapeText(p.text)}`).join('; ')}.`
    );
  }
  if (doc.returns) parts.push(`Returns ${escapeText(doc.returns)}.`);
  return [escapeText(parts[0]), ...parts.slice(1)].join(' ');
}

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------

function header(model: DocModel): string {
  const counts: [number, string][] = [
    [model.objects.reduce((n, o) => n + o.fields.length, 0), 'custom fields'],
    [new Set(model.records.map((r) => r.type)).size, 'custom metadata types in use'],
    [model.records.length, 'shipped custom metadata records'],
    [model.objects.reduce((n, o) => n + o.validationRules.length, 0), 'validation rules'],
    [model.flows.length, 'flows'],
    [model.triggers.length, 'triggers'],
    [model.classes.filter((c) => !c.isTest).length, 'Apex classes (tests not counted)'],
    [model.permissionSets.length, 'permission sets'],
    [model.permissionSetGroups.length, 'permission set groups'],
    [model.reports.length, 'reports'],
    [model.dashboards.length, 'dashboards']
  ];
  return blocks(
    `# ${TITLE}`,
    '<!-- Generated file: do not edit by hand. -->',
    `For Salesforce admins: everything Handoff for Salesforce deploys, what it does, who can see and change it, and how to change the configuration safely. This file is **generated from the metadata** in \`force-app/main/default\` by \`${GENERATOR}\`; run \`npm run docs\` after changing metadata (a test fails while this file is stale). For the design behind it read [architecture.md](architecture.md); for the schedules and thresholds read [maintenance.md](maintenance.md).`,
    `What is in the source today: ${joinWords(
      counts.map(([n, what]) => `${n} ${n === 1 ? what.replace(/^(\w+?)s\b/, '$1') : what}`)
    )}.`,
    bullets(Object.values(SECTIONS).map((s) => anchorLink(s, s)))
  );
}

function changeSection(): string {
  return blocks(
    `## ${SECTIONS.change}`,
    'Every rule, band, SLA, checklist item, threshold and switch is a **custom metadata record**: no code changes. Two ways to change one:',
    bullets([
      '**In the org** (quick, for one org): Setup → Custom Metadata Types → the type → Manage Records → Edit. It takes effect at the next transaction; no deploy. The change is not in source control: the next deploy of this project puts the shipped value back unless you copy it into `force-app/main/default/customMetadata/` too (org step, e.g. `sf project retrieve start --metadata "CustomMetadata:Handoff_Setting.Default" --target-org <alias>`).',
      '**In source** (reviewed, for every org): edit `force-app/main/default/customMetadata/<Type>.<Record>.md-meta.xml`, run `npm test`, deploy with `npm run deploy -- --target-org <alias>` (sandbox first). The metadata tests check that every rule names an Opportunity field that exists, that policies name groups that exist, and that the records equal the `shipped` configuration in `staticresources/handoffConformanceVectors.json` — change that file in the same commit, then run `npm run docs`.'
    ]),
    'Fields, validation rules, flows and Apex are product code: relabel and edit help text freely, but do not delete, rename or change the type of anything another part names (the cross-reference tests list them). Permission sets are assigned through the permission set groups; add permissions to a persona set rather than to people.',
    '**Org steps after every install** (nothing in source can do these): add members to the public groups below; create Handoff Pool Member records for the CSMs; give every AE a Manager on their user record (exception approvals go there); assign the permission set groups; activate the Lightning pages; set Business Hours; schedule the metrics jobs (`HandoffScheduler.scheduleAll()` in anonymous Apex, see below).'
  );
}

function checksSection(model: DocModel): string {
  const problems: string[] = [];
  const config = ruleConfigOf(model);
  for (const ruleSet of RULE_SETS) {
    const matrix = ruleSetMatrix(model, ruleSet);
    for (const s of matrix.skipped) {
      problems.push(
        `Field rule ${code(s.developerName)} names ${code(s.fieldApiName)}, which is not an Opportunity field: the product skips it.`
      );
    }
    if (ruleSet === 'Expansion' && matrix.exampleType === null) {
      problems.push(
        'No Opportunity Type is listed in `Handoff_Setting.Default.Expansion_Opportunity_Types__c`, so the Expansion rules never apply.'
      );
    }
  }
  const ruleSets = new Set(RULE_SETS.map((r) => r.toLowerCase()));
  for (const r of config.fieldRules) {
    if (!ruleSets.has(r.ruleSet.trim().toLowerCase())) {
      problems.push(
        `Field rule ${code(r.developerName)} has Rule Set ${code(r.ruleSet)}; only New Business and Expansion are ever applied.`
      );
    }
  }
  const segments = segmentsOf(config);
  if (segments.length === 0) problems.push('No active segment policy: no deal gets a segment.');
  const catchAll = config.segmentPolicies.some(
    (p) => p.active && p.minAmount === null && p.minEmployees === null
  );
  if (segments.length > 0 && !catchAll) {
    problems.push(
      'No active catch-all segment policy (one without minimums): small deals get no segment.'
    );
  }
  const groupNames = new Set(model.groups.map((g) => g.name));
  for (const p of recordsOf(model, 'Handoff_Segment_Policy')) {
    for (const field of ['Assignment_Pool__c', 'Escalation_Owner__c']) {
      const value = p.values[field];
      if (value && !groupNames.has(value)) {
        problems.push(
          `Segment policy ${code(p.name)}: ${code(field)} names ${code(value)}, which is not a group or queue in source (it must exist in the org).`
        );
      }
    }
  }
  for (const t of recordsOf(model, 'Handoff_Health_Threshold')) {
    const metric = t.values.Metric__c ?? '';
    if (!(metric in METRICS)) {
      problems.push(`Health threshold ${code(t.name)} names the unknown metric ${code(metric)}.`);
    }
  }
  if (!recordsOf(model, 'Handoff_Setting').some((r) => r.name === 'Default')) {
    problems.push('The `Handoff_Setting.Default` record is missing.');
  }
  for (const flow of model.flows) {
    if (flow.status !== 'Active')
      problems.push(`Flow ${code(flow.name)} is ${flow.status || 'not active'}.`);
  }
  for (const object of model.objects) {
    for (const rule of object.validationRules) {
      if (!rule.active)
        problems.push(`Validation rule ${code(`${object.name}.${rule.name}`)} is inactive.`);
    }
  }
  return blocks(
    `## ${SECTIONS.checks}`,
    'Checked by the generator on the shipped metadata:',
    problems.length
      ? bullets(problems)
      : 'Nothing to report: every field rule names an existing Opportunity field, the segment bands end in a catch-all, every policy names groups that exist, every threshold names a metric the product computes, and every flow and validation rule is active.'
  );
}

function fieldLabelMap(model: DocModel, object: string): Map<string, FieldDoc> {
  return new Map(
    (model.objects.find((o) => o.name === object)?.fields ?? []).map((f) => [f.name, f])
  );
}

function recordTable(model: DocModel, type: string, records: RecordDoc[]): string {
  const fields = fieldLabelMap(model, `${type}__mdt`);
  const names = [...new Set(records.flatMap((r) => Object.keys(r.values)))].sort(byCode);
  const isLong = (field: string) =>
    records.some((r) => (r.values[field] ?? '').length > 60) ||
    /TextArea|LongTextArea/.test(fields.get(field)?.type ?? '');
  const short = names.filter((n) => !isLong(n));
  const long = names.filter((n) => isLong(n));
  const parts: string[] = [];
  if (records.length <= 6) {
    parts.push(
      table(
        ['Field', ...records.map((r) => code(r.name))],
        short.map((n) => [
          `${escapeCell(fields.get(n)?.label ?? n)} (${code(n)})`,
          ...records.map((r) => escapeCell(valueText(r.values[n] ?? null)))
        ])
      )
    );
  } else {
    parts.push(
      table(
        ['Record', ...short.map((n) => escapeCell(fields.get(n)?.label ?? n))],
        records.map((r) => [
          code(r.name),
          ...short.map((n) => escapeCell(valueText(r.values[n] ?? null)))
        ])
      )
    );
  }
  for (const n of long) {
    parts.push(
      `${escapeText(fields.get(n)?.label ?? n)} (${code(n)}):\n\n${bullets(
        records.map(
          (r) => `${code(r.name)}: ${escapeText(oneLine(valueText(r.values[n] ?? null)))}`
        )
      )}`
    );
  }
  return blocks(...parts);
}

function fieldRuleViews(model: DocModel): string {
  const parts: string[] = [];
  for (const ruleSet of RULE_SETS) {
    const matrix = ruleSetMatrix(model, ruleSet);
    const when =
      ruleSet === 'Expansion'
        ? matrix.exampleType
          ? `deals whose Opportunity Type is one of the Expansion types in the Default setting (e.g. ${code(matrix.exampleType)})`
          : 'no deal (no Expansion Opportunity Type is set)'
        : 'every other deal';
    parts.push(
      `**${ruleSet}** — applies to ${when}. R = required to close won, O = optional (counts toward completeness), — = not asked.`
    );
    if (matrix.rows.length === 0) {
      parts.push('No active rules.');
      continue;
    }
    parts.push(
      table(
        ['Field', 'Section', 'Weight', ...matrix.segments.map(escapeCell)],
        matrix.rows.map((row) => [
          `${escapeCell(row.label)} (${code(row.field)})`,
          escapeCell(row.section),
          String(row.weight),
          ...matrix.segments.map((s) =>
            row.bySegment[s] === 'Required' ? '**R**' : row.bySegment[s] === 'Optional' ? 'O' : '—'
          )
        ])
      )
    );
  }
  return blocks(
    'What the product does with these records — computed by the shared rule evaluator (`c/handoffRules`, the same code as the handoff panel; the Apex evaluator is held to the same vectors) for a deal of each segment:',
    ...parts
  );
}

function intakeView(model: DocModel): string {
  const templates = recordsOf(model, 'Handoff_Intake_Template').filter(
    (r) => r.values.Active__c === 'true'
  );
  const tiers = [
    ...new Set(
      recordsOf(model, 'Handoff_Segment_Policy')
        .map((p) => p.values.Tier__c ?? '')
        .filter((t) => t !== '')
    )
  ].sort(byCode);
  return blocks(
    'The checklist each tier gets (active templates of the tier and of `All`, in Order):',
    ...tiers.map((tier) => {
      const items = templates
        .filter((t) =>
          ['all', tier.toLowerCase()].includes((t.values.Tier__c ?? '').trim().toLowerCase())
        )
        .sort(
          (a, b) =>
            Number(a.values.Order__c ?? 0) - Number(b.values.Order__c ?? 0) ||
            byCode(a.name, b.name)
        );
      return `**${escapeText(tier)}**:\n\n${items
        .map(
          (t, i) =>
            `${i + 1}. ${escapeText(t.values.Item__c ?? t.label)}${t.values.Required__c === 'true' ? ' (required)' : ' (optional)'}`
        )
        .join('\n')}`;
    })
  );
}

function thresholdView(): string {
  return `Metrics a threshold can name: ${joinWords(
    Object.keys(METRICS)
      .sort(byCode)
      .map(
        (m) =>
          `${code(m)} (${escapeText(METRICS[m].label.toLowerCase())}, ${METRICS[m].unit.toLowerCase()})`
      )
  )}.`;
}

function metadataSection(model: DocModel): string {
  const types = model.objects.filter((o) => o.kind === 'customMetadata');
  const parts = types.map((type) => {
    const shortName = type.name.replace(/__mdt$/, '');
    const records = recordsOf(model, shortName);
    const extra: (string | null)[] = [];
    if (shortName === 'Handoff_Field_Rule' && records.length) extra.push(fieldRuleViews(model));
    if (shortName === 'Handoff_Intake_Template' && records.length) extra.push(intakeView(model));
    if (shortName === 'Handoff_Health_Threshold') extra.push(thresholdView());
    const descriptions = records.filter((r) => r.description !== null);
    return blocks(
      `### ${type.label} records (${code(type.name)})`,
      type.description ? escapeText(type.description) : null,
      `**How to change it safely**\n\n${bullets(
        (CHANGE_GUIDANCE[type.name] ?? GENERIC_CHANGE).map(escapeText)
      )}`,
      ...extra,
      records.length
        ? `**Shipped records** (${records.length}, in \`force-app/main/default/customMetadata/${shortName}.*.md-meta.xml\`):`
        : '**Shipped records**: none.',
      records.length ? recordTable(model, shortName, records) : null,
      descriptions.length
        ? `Record descriptions:\n\n${bullets(descriptions.map((r) => `${code(r.name)}: ${escapeText(r.description ?? '')}`))}`
        : null,
      `Field meanings: ${anchorLink(`${type.label} fields`, `${type.label} (${type.name})`)}.`
    );
  });
  return blocks(
    `## ${SECTIONS.metadata}`,
    'The single rule source: the Closed Won gate, the handoff panel, the close automation, the dashboard and the command-line tools all read these records (Apex through `HandoffRulesSelector`, the TypeScript tools through the same records in the conformance vectors).',
    ...parts
  );
}

function fieldsSection(model: DocModel): string {
  const legend = model.permissionSets.map((p) => `${code(short(p.name))} = ${code(p.name)}`);
  const parts = model.objects
    .filter((o) => o.fields.length > 0)
    .sort((a, b) => kindOrder(a) - kindOrder(b) || byCode(a.name, b.name))
    .map((object) => {
      const rows = object.fields.map((f) => {
        const access = fieldAccess(model, object, f);
        return [
          code(f.name),
          escapeCell(f.label),
          escapeCell(f.typeDetail),
          escapeCell(access.read),
          escapeCell(access.edit)
        ];
      });
      const details = object.fields.map((f) => {
        const bits: string[] = [
          `${code(f.name)} — ${escapeText(f.description ?? '(no description)')}`
        ];
        if (f.helpText) bits.push(`Help text: “${escapeText(f.helpText)}”`);
        if (f.picklistValues.length)
          bits.push(`Values: ${f.picklistValues.map(escapeText).join(', ')}.`);
        if (f.unique || f.externalId)
          bits.push(
            [f.unique ? 'Unique' : '', f.externalId ? 'External ID' : '']
              .filter(Boolean)
              .join(', ') + '.'
          );
        if (f.defaultValue) bits.push(`Default: ${code(f.defaultValue)}.`);
        let item = bits.join(' ');
        if (f.formula) item += `\n\n${codeBlock(f.formula.trim())}`;
        return item;
      });
      return blocks(
        `### ${object.label} (${code(object.name)})`,
        `${escapeText(objectKindText(object))}${object.description ? `. ${escapeText(object.description)}` : '.'}`,
        [
          object.sharingModel ? `Sharing: ${escapeText(object.sharingModel)}.` : '',
          object.nameField ? `Record name: ${escapeText(object.nameField)}.` : ''
        ]
          .filter(Boolean)
          .join(' '),
        table(['Field', 'Label', 'Type', 'Read', 'Edit'], rows),
        bullets(details)
      );
    });
  return blocks(
    `## ${SECTIONS.fields}`,
    `Read and Edit name the permission sets that grant field access (${legend.join(', ')}); assign them through the permission set groups. Custom metadata fields are read through type access and edited by admins; formula and auto-number fields are computed.`,
    ...parts
  );
}

function kindOrder(object: ObjectDoc): number {
  return { standard: 0, custom: 1, platformEvent: 2, customMetadata: 3, other: 4 }[object.kind];
}

function validationSection(model: DocModel): string {
  const rules = model.objects.flatMap((o) => o.validationRules);
  return blocks(
    `## ${SECTIONS.validation}`,
    rules.length ? null : 'None shipped.',
    ...rules.map((rule) =>
      blocks(
        `### ${code(`${rule.object}.${rule.name}`)}`,
        `${rule.active ? 'Active' : '**Inactive**'}. What it protects: ${escapeText(rule.description ?? '(no description)')}`,
        'Blocks the save when this formula is true:',
        codeBlock(rule.formula),
        `Message${rule.errorField ? ` (at ${code(rule.errorField)})` : ' (at the top of the page)'}: “${escapeText(rule.message)}”`
      )
    )
  );
}

function flowsSection(model: DocModel): string {
  return blocks(
    `## ${SECTIONS.flows}`,
    model.flows.length
      ? 'Tune the timing in the records they read (segment policies, the Default setting), not in the flows; docs/flows.md explains the design.'
      : 'None shipped.',
    ...model.flows.map((flow) => {
      const trigger = flow.object
        ? `${flow.triggerType === 'RecordBeforeSave' ? 'Before save' : flow.triggerType === 'RecordAfterSave' ? 'After save' : (flow.triggerType ?? '')} on ${code(flow.object)}, ${escapeText(splitWords(flow.recordTriggerType ?? ''))}${flow.triggerOrder ? `, trigger order ${flow.triggerOrder}` : ''}`
        : flow.schedule
          ? `Scheduled: ${escapeText(flow.schedule)}`
          : escapeText(splitWords(flow.processType));
      const entry = flow.filters.length
        ? `${flow.filters.map((f) => code(`${f.field} ${f.operator} ${f.value}`)).join(` ${(flow.filterLogic ?? 'and').toUpperCase()} `)}${flow.onlyWhenChanged ? ' — only when a save makes the record meet them' : ''}`
        : flow.filterFormula
          ? code(flow.filterFormula)
          : 'none';
      return blocks(
        `### ${escapeText(flow.label)} (${code(flow.name)})`,
        table(
          ['', ''],
          [
            [
              'Status',
              escapeCell(`${flow.status}${flow.apiVersion ? `, API ${flow.apiVersion}` : ''}`)
            ],
            ['Trigger', trigger],
            ['Entry criteria', entry],
            [
              'Scheduled paths',
              flow.scheduledPaths.length
                ? flow.scheduledPaths
                    .map((p) => `${code(p.name)}: ${escapeCell(p.offset)}`)
                    .join('; ')
                : 'none'
            ],
            ['FlowTests', flow.tests.length ? flow.tests.map(code).join(', ') : 'none']
          ]
        ),
        `What it does: ${escapeText(flow.description ?? '(no description)')}`,
        flow.elements.length
          ? `Elements:\n\n${bullets(
              flow.elements.map(
                (e) =>
                  `${escapeText(e.kind)} ${code(e.name)}${e.detail ? ` (${escapeText(e.detail)})` : ''}${e.description ? `: ${escapeText(e.description)}` : ''}`
              )
            )}`
          : null
      );
    })
  );
}

function splitWords(value: string): string {
  return value.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function classDescription(cls: ApexClass | undefined): string {
  return cls?.doc ? escapeText(firstParagraph(cls.doc.description)) : '(no ApexDoc)';
}

function apexSection(model: DocModel): string {
  const classes = model.classes.filter((c) => !c.isTest);
  const byName = new Map(classes.map((c) => [c.name, c]));
  const described = new Map<string, string>();
  const triggers = model.triggers.map((t) => {
    const handler = t.handler ?? '';
    const seenIn = described.get(handler);
    if (handler !== '' && seenIn === undefined) described.set(handler, t.name);
    return blocks(
      `**${code(t.name)}** on ${code(t.object)} (${escapeText(t.events.join(', '))}) → ${t.handler ? code(t.handler) : '(inline)'}`,
      seenIn !== undefined
        ? `The same handler as ${code(seenIn)}.`
        : paragraphs(byName.get(handler)?.doc?.description)
    );
  });
  const aura = classes.filter((c) =>
    c.methods.some((m) => isEntryPoint(m) && m.annotations.some((a) => a.name === 'AuraEnabled'))
  );
  const auraParts = aura.map((cls) =>
    blocks(
      `**${code(cls.name)}** (${escapeText(cls.sharing)}) — ${classDescription(cls)}`,
      bullets(
        cls.methods
          .filter((m) => m.annotations.some((a) => a.name === 'AuraEnabled'))
          .map((m) => {
            const annotation = m.annotations.find((a) => a.name === 'AuraEnabled');
            const cacheable =
              (annotationArg(annotation?.args ?? '', 'cacheable') ?? '').toLowerCase() === 'true';
            return `${code(`${m.signature}`)} → ${code(m.returnType)}${cacheable ? ' (cacheable read)' : ''}: ${methodDescription(m)}`;
          })
      )
    )
  );
  const invocable = classes.flatMap((cls) =>
    cls.methods
      .filter((m) => m.annotations.some((a) => a.name === 'InvocableMethod'))
      .map((m) => {
        const annotation = m.annotations.find((a) => a.name === 'InvocableMethod');
        const label = annotationArg(annotation?.args ?? '', 'label');
        const description = annotationArg(annotation?.args ?? '', 'description');
        const inputType = /List<\s*(\w+)\s*>/.exec(m.parameters[0]?.type ?? '')?.[1];
        const outputType = /List<\s*(\w+)\s*>/.exec(m.returnType)?.[1];
        const vars = (name: string | undefined) =>
          cls.variables
            .filter((v) => v.className === name)
            .map(
              (v) =>
                `${code(v.name)} (${escapeText(v.type)}${v.required ? ', required' : ''})${v.label ? ` “${escapeText(v.label)}”` : ''}${v.description ? `: ${escapeText(v.description)}` : ''}`
            );
        const inputs = vars(inputType);
        const outputs = vars(outputType);
        return blocks(
          `**${escapeText(label ?? m.name)}** — ${code(`${cls.name}.${m.name}`)} (${escapeText(cls.sharing)})`,
          description ? escapeText(description) : null,
          paragraphs(cls.doc?.description),
          inputs.length ? `Inputs:\n\n${bullets(inputs)}` : null,
          outputs.length ? `Outputs:\n\n${bullets(outputs)}` : null
        );
      })
  );
  const jobs = classes.filter((c) => jobInterfaces(c).length > 0);
  const jobParts = jobs.map((cls) =>
    blocks(
      `**${code(cls.name)}** (${jobInterfaces(cls).map(code).join(', ')}; ${escapeText(cls.sharing)})`,
      paragraphs(cls.doc?.description)
    )
  );
  const helpers = classes.filter((c) => /Scheduler$/.test(c.name));
  const helperParts = helpers.map((cls) =>
    blocks(
      `**${code(cls.name)}** — run from anonymous Apex (Developer Console or \`sf apex run\`, org step).`,
      paragraphs(cls.doc?.description),
      bullets(
        cls.methods
          .filter(
            (m) =>
              m.modifiers.includes('static') &&
              (m.modifiers.includes('public') || m.modifiers.includes('global'))
          )
          .map((m) => `${code(`${cls.name}.${m.signature}`)}: ${methodDescription(m)}`)
      )
    )
  );
  const others = classes
    .filter(
      (c) =>
        !aura.includes(c) &&
        !jobs.includes(c) &&
        !helpers.includes(c) &&
        !c.methods.some((m) => m.annotations.some((a) => a.name === 'InvocableMethod'))
    )
    .map((c) => [
      code(c.name),
      escapeCell(c.sharing),
      escapeCell(c.doc ? firstSentence(c.doc.description) : '(no ApexDoc)')
    ]);
  return blocks(
    `## ${SECTIONS.apex}`,
    'Where the platform enters the product’s Apex. Descriptions come from the ApexDoc in `force-app/main/default/classes`. Tests (`*Test`) are not listed; run them in an org with `npm run test:org -- --target-org <alias>`.',
    '### Triggers',
    triggers.length ? blocks(...triggers) : 'None shipped.',
    '### Methods called by Lightning components (`@AuraEnabled`)',
    auraParts.length ? blocks(...auraParts) : 'None shipped.',
    '### Flow actions (`@InvocableMethod`)',
    invocable.length ? blocks(...invocable) : 'None shipped.',
    '### Scheduled and batch jobs',
    jobParts.length ? blocks(...jobParts) : 'None shipped.',
    helperParts.length ? blocks(...helperParts) : null,
    '### Other classes',
    others.length ? table(['Class', 'Sharing', 'What it does'], others) : 'None.'
  );
}

function permissionSetDetails(model: DocModel, p: PermissionSetDoc): string {
  const objects = p.objectPermissions.map((o) => {
    const rights = [
      o.read && 'read',
      o.create && 'create',
      o.edit && 'edit',
      o.delete && 'delete',
      o.viewAll && 'view all',
      o.modifyAll && 'modify all'
    ].filter(Boolean);
    return `${code(o.object)}: ${rights.length ? rights.join(', ') : 'none'}`;
  });
  const readOnly = p.fieldPermissions.filter((f) => f.readable && !f.editable).length;
  const editable = p.fieldPermissions.filter((f) => f.editable).length;
  const groups = model.permissionSetGroups
    .filter((g) => g.permissionSets.includes(p.name))
    .map((g) => code(g.name));
  return blocks(
    `#### ${escapeText(p.label)} (${code(p.name)})`,
    escapeText(p.description ?? '(no description)'),
    bullets(
      [
        `In groups: ${groups.length ? groups.join(', ') : 'none'}`,
        objects.length ? `Objects: ${objects.join('; ')}` : 'Objects: none',
        `Fields: ${editable} editable, ${readOnly} read-only (see ${anchorLink('Custom fields', SECTIONS.fields)})`,
        p.customPermissions.length
          ? `Custom permissions: ${p.customPermissions.map(code).join(', ')}`
          : '',
        p.classes.length ? `Apex classes: ${p.classes.map(code).join(', ')}` : '',
        p.customMetadataTypes.length
          ? `Custom metadata types: ${p.customMetadataTypes.map(code).join(', ')}`
          : '',
        p.userPermissions.length
          ? `User permissions: ${p.userPermissions.map(code).join(', ')}`
          : '',
        p.tabs.length
          ? `Tabs: ${p.tabs.map((t) => `${code(t.tab)} (${escapeText(t.visibility)})`).join(', ')}`
          : '',
        p.applications.length ? `Apps: ${p.applications.map(code).join(', ')}` : '',
        p.license ? `License: ${escapeText(p.license)}` : ''
      ].filter(Boolean)
    )
  );
}

function usesOf(model: DocModel, name: string): string[] {
  const uses: string[] = [];
  for (const object of model.objects) {
    for (const rule of object.validationRules) {
      if (rule.formula.includes(`$Permission.${name}`))
        uses.push(`validation rule ${code(`${object.name}.${rule.name}`)}`);
    }
  }
  for (const cls of model.classes.filter((c) => !c.isTest)) {
    if (cls.doc?.description.includes(name)) uses.push(`Apex ${code(cls.name)}`);
  }
  return uses;
}

function accessSection(model: DocModel): string {
  const groups = model.permissionSetGroups.map((g) => [
    code(g.name),
    escapeCell(g.label),
    g.permissionSets.map(code).join(', ') || '—',
    escapeCell(g.description ?? '')
  ]);
  const customPermissions = model.customPermissions.map((c) => {
    const grantedBy = model.permissionSets
      .filter((p) => p.customPermissions.includes(c.name))
      .map((p) => code(p.name));
    const used = usesOf(model, c.name);
    return `**${code(c.name)}** (${escapeText(c.label)}): ${escapeText(c.description ?? '')} Granted by ${grantedBy.length ? grantedBy.join(', ') : 'no permission set'}${used.length ? `; checked by ${joinWords(used)}` : ''}.`;
  });
  const publicGroups = model.groups.map((g) => {
    const namedBy = model.records
      .flatMap((r) =>
        Object.entries(r.values)
          .filter(([, v]) => v === g.name)
          .map(([f]) => `${code(`${r.type}.${r.name}`)} ${code(f)}`)
      )
      .sort(byCode);
    const sharedBy = model.sharingRules
      .filter((s) => s.sharedTo.includes(g.name))
      .map((s) => `sharing rule ${code(`${s.object}.${s.name}`)}`);
    const refs = [...namedBy, ...sharedBy];
    return `**${code(g.name)}** (${g.kind}, “${escapeText(g.label)}”${g.includeBosses ? ', includes bosses' : ''}${g.queueObjects.length ? `, for ${g.queueObjects.map(code).join(', ')}` : ''}): ${escapeText(g.description ?? '')}${refs.length ? ` Named by ${joinWords(refs)}.` : ''}`;
  });
  const sharing = model.sharingRules.map(
    (s) =>
      `**${code(`${s.object}.${s.name}`)}** (${escapeText(s.kind)}, ${escapeText(s.access)}): shares records owned by ${escapeText(s.sharedFrom)} with ${escapeText(s.sharedTo)}. ${escapeText(s.description ?? '')}`
  );
  return blocks(
    `## ${SECTIONS.access}`,
    'No profiles: access comes from one permission set per persona, assigned through permission set groups.',
    '### Permission set groups (assign these to people)',
    groups.length ? table(['Group', 'Label', 'Permission sets', 'For'], groups) : 'None shipped.',
    '### Permission sets',
    ...model.permissionSets.map((p) => permissionSetDetails(model, p)),
    '### Custom permissions',
    customPermissions.length ? bullets(customPermissions) : 'None shipped.',
    '### Public groups and queues',
    publicGroups.length
      ? blocks(
          'They ship **empty**: adding members is an org step (Setup → Public Groups or Queues).',
          bullets(publicGroups)
        )
      : 'None shipped.',
    '### Sharing rules',
    sharing.length ? bullets(sharing) : 'None shipped.'
  );
}

function automationSection(model: DocModel): string {
  const approvals = model.approvalProcesses.map((a) =>
    blocks(
      `#### ${escapeText(a.label)} (${code(a.name)})`,
      `${a.active ? 'Active' : '**Inactive**'}. ${escapeText(a.description ?? '')}`,
      bullets([
        `Entry criteria: ${a.entryCriteria.map(code).join(' AND ') || 'none'}`,
        ...a.steps.map(
          (s) =>
            `Step ${code(s.name)} (${escapeText(s.label)}): approver is ${escapeText(s.approver)}. ${escapeText(s.description ?? '')}`
        ),
        `Final approval actions: ${a.approvalActions.map(code).join(', ') || 'none'}; final rejection actions: ${a.rejectionActions.map(code).join(', ') || 'none'}`,
        `Record editability while pending: ${escapeText(a.recordEditability ?? 'default')}; recall ${a.allowRecall ? 'allowed' : 'not allowed'}`
      ])
    )
  );
  const updates = model.fieldUpdates.map(
    (u) =>
      `${code(`${u.object}.${u.name}`)} (“${escapeText(u.label)}”): sets ${code(u.field)} to ${code(u.value)}. ${escapeText(u.description ?? '')}`
  );
  const emails = model.emailTemplates.map(
    (e) =>
      `${code(`${e.folder}/${e.name}`)} (“${escapeText(e.label)}”, ${escapeText(e.type ?? '')}): subject ${code(e.subject ?? '')}. ${escapeText(e.description ?? '')}`
  );
  const notifications = model.notificationTypes.map(
    (n) =>
      `${code(n.name)} (“${escapeText(n.label)}”; ${[n.desktop && 'desktop', n.mobile && 'mobile'].filter(Boolean).join(' and ')}): ${escapeText(n.description ?? '')}`
  );
  return blocks(
    `## ${SECTIONS.automation}`,
    '### Approval processes',
    approvals.length ? blocks(...approvals) : 'None shipped.',
    '### Workflow field updates',
    updates.length ? bullets(updates) : 'None shipped.',
    '### Email templates',
    emails.length ? bullets(emails) : 'None shipped.',
    '### Custom notification types',
    notifications.length ? bullets(notifications) : 'None shipped.'
  );
}

function uiSection(model: DocModel): string {
  const apps = model.apps.map((a) =>
    blocks(
      `**${escapeText(a.label)}** (${code(a.name)}${a.navType ? `, ${escapeText(a.navType.toLowerCase())} navigation` : ''}${a.formFactors.length ? `, ${escapeText(a.formFactors.join(' and ').toLowerCase())}` : ''}): ${escapeText(a.description ?? '')}`,
      bullets(
        [
          `Tabs, in order: ${a.tabs.map(code).join(', ') || 'none'}`,
          ...a.overrides.map(
            (o) =>
              `${code(o.page)} ${escapeText(o.action.toLowerCase())} override${o.formFactor ? ` (${escapeText(o.formFactor.toLowerCase())} form factor)` : ''}: ${code(o.content)}`
          ),
          a.utilityBar ? `Utility bar: ${code(a.utilityBar)}` : ''
        ].filter(Boolean)
      )
    )
  );
  const tabs = model.tabs.map((t) => {
    const object =
      t.kind === 'Object tab' ? model.objects.find((o) => o.name === t.name) : undefined;
    const label = object ? (object.pluralLabel ?? object.label) : t.label;
    return [
      code(t.name),
      escapeCell(label),
      escapeCell(t.kind),
      t.target ? code(t.target) : '',
      escapeCell(t.description ?? '')
    ];
  });
  const pages = model.flexiPages.map((p) => {
    const custom = p.components.filter((c) => !c.includes(':'));
    return `**${escapeText(p.label)}** (${code(p.name)}, ${escapeText(splitWords(p.type))}${p.object ? ` for ${code(p.object)}` : ''}): ${escapeText(p.description ?? '')}${custom.length ? ` Product components: ${custom.map(code).join(', ')}.` : ''}`;
  });
  const lwc = model.lwc.map((c) => [
    code(c.name),
    escapeCell(c.label),
    c.exposed
      ? escapeCell(
          c.targets.map((t) => t.replace(/^lightning__/, '')).join(', ') +
            (c.objects.length ? ` (${c.objects.join(', ')})` : '')
        )
      : 'not exposed (shared module)',
    escapeCell(firstParagraph(c.description ?? ''))
  ]);
  const actions = model.quickActions.map((q) =>
    blocks(
      `**${escapeText(q.label)}** (${code(q.name)}, ${escapeText(q.type)}${q.target ? ` → ${code(q.target)}` : ''}): ${escapeText(q.description ?? '')}`,
      bullets(
        [
          q.fields.length
            ? `Fields: ${q.fields.map((f) => `${code(f.field)} (${escapeText(f.behavior.toLowerCase())})`).join(', ')}`
            : '',
          q.overrides.length
            ? `Sets: ${q.overrides.map((o) => `${code(o.field)} = ${code(o.value)}`).join(', ')}`
            : '',
          q.successMessage ? `Success message: “${escapeText(q.successMessage)}”` : ''
        ].filter(Boolean)
      )
    )
  );
  const layouts = model.layouts.map(
    (l) =>
      `**${escapeText(l.label)}** (${code(l.object)}): sections ${l.sections.map((s) => `${escapeText(s.label || '(no label)')} (${s.fields.length} fields)`).join(', ')}.`
  );
  const compact = model.objects.flatMap((o) =>
    o.compactLayouts.map((c) => `${code(`${o.name}.${c.name}`)}: ${c.fields.map(code).join(', ')}`)
  );
  const listViews = model.objects.flatMap((o) =>
    o.listViews.map((v) => `${code(`${o.name}.${v.name}`)} (“${escapeText(v.label)}”)`)
  );
  const paths = model.paths.map((p) =>
    blocks(
      `**${escapeText(p.label)}** (${code(p.name)}) on ${code(`${p.object}.${p.field}`)}${p.recordType ? `, record type ${code(p.recordType)}` : ''}, ${p.active ? 'active' : 'inactive'}:`,
      table(
        ['Stage', 'Key fields', 'Guidance for success'],
        p.steps.map((s) => [
          escapeCell(s.value),
          s.fields.map(code).join(', '),
          escapeCell(s.info ?? '')
        ])
      )
    )
  );
  return blocks(
    `## ${SECTIONS.ui}`,
    'Lightning pages and apps deploy inactive for users: activating and assigning them (Lightning App Builder → Activation; App Manager → the app → User Profiles) is an org step.',
    '### Lightning apps',
    apps.length ? blocks(...apps) : 'None shipped.',
    '### Tabs',
    tabs.length ? table(['Tab', 'Label', 'Kind', 'Shows', 'Description'], tabs) : 'None shipped.',
    '### Lightning pages',
    pages.length ? bullets(pages) : 'None shipped.',
    '### Lightning web components',
    lwc.length
      ? table(['Component', 'Label', 'Where it can go', 'What it does'], lwc)
      : 'None shipped.',
    '### Quick actions',
    actions.length ? blocks(...actions) : 'None shipped.',
    '### Page layouts',
    layouts.length ? bullets(layouts) : 'None shipped.',
    '### Compact layouts',
    compact.length ? bullets(compact) : 'None shipped.',
    '### List views',
    listViews.length ? bullets(listViews) : 'None shipped.',
    '### Sales path guidance',
    paths.length ? blocks(...paths) : 'None shipped.'
  );
}

function reportsSection(model: DocModel): string {
  const types = model.reportTypes.map(
    (t) =>
      `**${escapeText(t.label)}** (${code(t.name)}${t.deployed ? '' : ', **not deployed**'}): ${code(t.baseObject)}${t.joins.length ? ` → ${t.joins.map(code).join(' → ')}` : ''}${t.category ? `, category ${escapeText(t.category)}` : ''}. ${escapeText(t.description ?? '')}`
  );
  const folders = model.reportFolders.map(
    (f) =>
      `${code(f.name)} (“${escapeText(f.label)}”${f.accessType ? `, ${escapeText(f.accessType.toLowerCase())}` : ''}${f.shares.length ? `; shared with ${f.shares.map(escapeText).join(', ')}` : ''})`
  );
  const reports = model.reports.map((r) =>
    blocks(
      `#### ${escapeText(r.label)} (${code(`${r.folder}/${r.name}`)})`,
      escapeText(r.description ?? '(no description)'),
      bullets(
        [
          `Report type ${r.reportType ? code(r.reportType) : '—'}, ${escapeText((r.format ?? '').toLowerCase())} format${r.chart ? `, ${escapeText(r.chart)} chart` : ''}`,
          r.groupings.length
            ? `Grouped by ${r.groupings.map((g) => escapeText(g)).join(', ')}`
            : '',
          r.filters.length ? `Filters: ${r.filters.map(code).join('; ')}` : '',
          r.timeFrame ? `Time frame: ${escapeText(r.timeFrame)}` : '',
          r.columns.length ? `Columns: ${r.columns.map(code).join(', ')}` : ''
        ].filter(Boolean)
      )
    )
  );
  const dashboardFolders = model.dashboardFolders.map(
    (f) =>
      `${code(f.name)} (“${escapeText(f.label)}”${f.accessType ? `, ${escapeText(f.accessType.toLowerCase())}` : ''}${f.shares.length ? `; shared with ${f.shares.map(escapeText).join(', ')}` : ''})`
  );
  const dashboards = model.dashboards.map((d) =>
    blocks(
      `#### ${escapeText(d.label)} (${code(`${d.folder}/${d.name}`)})`,
      escapeText(d.description ?? '(no description)'),
      `Runs as: ${escapeText(d.type === 'LoggedInUser' ? 'the viewer' : d.runningUser ? `${d.runningUser} (a user in the org: set it before deploying, org step)` : (d.type ?? 'the default'))}.`,
      d.components.length
        ? table(
            ['Component', 'Kind', 'Source report'],
            d.components.map((c) => [
              escapeCell(c.title || '(untitled)'),
              escapeCell(c.type),
              c.report ? code(c.report) : '—'
            ])
          )
        : null
    )
  );
  return blocks(
    `## ${SECTIONS.reports}`,
    '### Report types',
    types.length ? bullets(types) : 'None shipped.',
    '### Reports',
    folders.length
      ? `Folders: ${folders.join('; ')}. Sharing a folder with people or groups is an org step.`
      : null,
    reports.length ? blocks(...reports) : 'None shipped.',
    '### Dashboards',
    dashboardFolders.length ? `Folders: ${dashboardFolders.join('; ')}.` : null,
    dashboards.length ? blocks(...dashboards) : 'None shipped.'
  );
}

function otherSection(model: DocModel): string {
  const resources = model.staticResources.map(
    (r) =>
      `${code(r.name)} (${escapeText(r.contentType ?? '')}): ${escapeText(r.description ?? '')}`
  );
  const labels = model.labels.map(
    (l) => `${code(l.name)}: ${l.count} labels (${l.prefixes.map(code).join(', ')})`
  );
  return blocks(
    `## ${SECTIONS.other}`,
    '### Static resources',
    resources.length ? bullets(resources) : 'None shipped.',
    '### Custom labels',
    labels.length
      ? blocks(
          'Every word the components show is a custom label: translate them in Setup → Translation Workbench, or reword them in Setup → Custom Labels.',
          bullets(labels)
        )
      : 'None shipped.'
  );
}

/** The whole configuration guide (before Prettier formatting). */
export function renderConfigGuide(model: DocModel): string {
  return `${blocks(
    header(model),
    changeSection(),
    checksSection(model),
    metadataSection(model),
    fieldsSection(model),
    validationSection(model),
    flowsSection(model),
    apexSection(model),
    accessSection(model),
    automationSection(model),
    uiSection(model),
    reportsSection(model),
    otherSection(model)
  )}\n`;
}
