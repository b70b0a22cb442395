/**
 * Generated blocks inside the hand-written guides: tables and previews that must never drift
 * from the metadata (the required fields by segment on the Sales card, the SLAs on the CS guide,
 * the thresholds in the maintenance schedule, formulas in the definitions…). A guide marks a
 * block with two HTML comments, and `npm run docs` replaces what lies between them:
 *
 *     <!-- generated: required-fields -->
 *     (replaced)
 *     <!-- end generated: required-fields -->
 *
 * A block may take one argument (`<!-- generated: formula Handoff__c.SLA_Breached__c -->`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatNumber } from '../../force-app/main/default/lwc/handoffRules/handoffRules.ts';
import {
  renderSummaryText,
  type SummaryInput,
  type SummaryLabels
} from '../../force-app/main/default/lwc/handoffSummary/handoffSummary.ts';
import { METRICS } from '../../force-app/main/default/lwc/handoffMetrics/handoffMetrics.ts';
import { bullets, code, codeBlock, escapeCell, escapeText, joinWords, table } from './markdown.ts';
import { byCode, type DocModel, type RecordDoc } from './model.ts';
import {
  RULE_SETS,
  recordsOf,
  ruleConfigOf,
  ruleSetMatrix,
  segmentsOf,
  settingsOf
} from './rules.ts';

/** Where the summary preview's example deal comes from. */
export const SUMMARY_VECTORS = 'staticresources/handoffSummaryVectors.json';

/** A block's renderer: the model, the argument, the source folder. */
type BlockRenderer = (model: DocModel, arg: string, root: string) => string;

function fieldLabel(model: DocModel, object: string, field: string): string {
  return (
    model.objects.find((o) => o.name === object)?.fields.find((f) => f.name === field)?.label ??
    field
  );
}

function policies(model: DocModel): RecordDoc[] {
  return recordsOf(model, 'Handoff_Segment_Policy')
    .filter((p) => p.values.Active__c === 'true')
    .sort(
      (a, b) =>
        Number(a.values.Order__c ?? 0) - Number(b.values.Order__c ?? 0) || byCode(a.name, b.name)
    );
}

function amount(value: string | null | undefined): string | null {
  return value === null || value === undefined || value === '' ? null : formatNumber(Number(value));
}

function hours(value: string | null | undefined): string {
  return value === null || value === undefined || value === ''
    ? '—'
    : `${formatNumber(Number(value))} h`;
}

/** Required and optional handoff fields per segment, for each rule set. */
function requiredFields(model: DocModel): string {
  const parts: string[] = [];
  for (const ruleSet of RULE_SETS) {
    const matrix = ruleSetMatrix(model, ruleSet);
    if (matrix.rows.length === 0) continue;
    const title =
      ruleSet === 'Expansion'
        ? `**Renewals and upsells** (rule set Expansion: Opportunity Type ${joinWords(
            ruleConfigOf(model).settings.expansionOpportunityTypes.map(code),
            'or'
          )})`
        : '**New business** (every other Opportunity Type)';
    parts.push(
      title,
      table(
        ['Field', ...matrix.segments.map(escapeCell)],
        matrix.rows.map((row) => [
          escapeCell(row.label),
          ...matrix.segments.map((s) =>
            row.bySegment[s] === 'Required'
              ? '**Required**'
              : row.bySegment[s] === 'Optional'
                ? 'optional'
                : '—'
          )
        ])
      )
    );
  }
  return parts.join('\n\n');
}

/** What "good" looks like for each field: the rules' guidance. */
function fieldGuidance(model: DocModel): string {
  const matrix = ruleSetMatrix(model, 'New Business');
  const expansion = ruleSetMatrix(model, 'Expansion');
  const rows = [...matrix.rows];
  for (const row of expansion.rows) {
    if (!rows.some((r) => r.field === row.field)) rows.push(row);
  }
  return bullets(
    rows.map(
      (row) =>
        `**${escapeText(row.label)}**: ${escapeText(row.guidance.join(' / ') || '(no guidance)')}`
    )
  );
}

function segmentBands(model: DocModel): string {
  return table(
    ['Segment', 'When the deal has', 'Tier'],
    policies(model).map((p) => {
      const minAmount = amount(p.values.Min_Amount__c);
      const minEmployees = amount(p.values.Min_Employees__c);
      const bands = [
        minAmount ? `amount ≥ ${minAmount}` : null,
        minEmployees ? `account employees ≥ ${minEmployees}` : null
      ].filter((b): b is string => b !== null);
      const when = bands.length
        ? bands.join(p.values.Match_Logic__c === 'All' ? ' **and** ' : ' **or** ')
        : 'anything else (no higher band met)';
      return [escapeCell(p.values.Segment__c ?? p.name), when, escapeCell(p.values.Tier__c ?? '—')];
    })
  );
}

function slaBySegment(model: DocModel): string {
  return table(
    [
      'Segment',
      'Tier',
      'Review due',
      'First touch due',
      'Live handoff call',
      'Warning at',
      'Escalates to'
    ],
    policies(model).map((p) => [
      escapeCell(p.values.Segment__c ?? p.name),
      escapeCell(p.values.Tier__c ?? '—'),
      hours(p.values.Review_SLA_Hours__c),
      hours(p.values.First_Touch_SLA_Hours__c),
      hours(p.values.Live_Call_SLA_Hours__c),
      p.values.SLA_Warning_Percent__c
        ? `${p.values.SLA_Warning_Percent__c}% of the first-touch SLA`
        : '—',
      p.values.Escalation_Owner__c ? code(p.values.Escalation_Owner__c) : '—'
    ])
  );
}

function salesPath(model: DocModel): string {
  const path = model.paths.find((p) => p.object === 'Opportunity' && p.active) ?? model.paths[0];
  if (!path) return 'No sales path guidance is shipped.';
  return table(
    ['Stage', 'Fill or check', 'Guidance on the path'],
    path.steps.map((s) => [
      escapeCell(s.value),
      escapeCell(s.fields.map((f) => fieldLabel(model, path.object, f)).join(', ')),
      escapeCell(s.info ?? '')
    ])
  );
}

function intakeChecklist(model: DocModel): string {
  const templates = recordsOf(model, 'Handoff_Intake_Template').filter(
    (r) => r.values.Active__c === 'true'
  );
  const tiers = [
    ...new Set(
      policies(model)
        .map((p) => p.values.Tier__c ?? '')
        .filter((t) => t !== '')
    )
  ].sort(byCode);
  return tiers
    .map((tier) => {
      const items = templates
        .filter((t) =>
          ['all', tier.toLowerCase()].includes((t.values.Tier__c ?? '').trim().toLowerCase())
        )
        .sort(
          (a, b) =>
            Number(a.values.Order__c ?? 0) - Number(b.values.Order__c ?? 0) ||
            byCode(a.name, b.name)
        );
      const segments = policies(model)
        .filter((p) => p.values.Tier__c === tier)
        .map((p) => p.values.Segment__c ?? p.name);
      return `**${escapeText(tier)}** (${escapeText(joinWords(segments))}):\n\n${table(
        ['#', 'Item', 'Required to accept', 'What to check'],
        items.map((t, i) => [
          String(i + 1),
          escapeCell(t.values.Item__c ?? t.label),
          t.values.Required__c === 'true' ? 'yes' : 'no',
          escapeCell(t.values.Guidance__c ?? '')
        ])
      )}`;
    })
    .join('\n\n');
}

function describeThreshold(t: RecordDoc): string {
  const metric = t.values.Metric__c ?? '';
  const label = METRICS[metric]?.label ?? metric;
  const unit = t.values.Unit__c === 'Percent' ? '%' : t.values.Unit__c === 'Hours' ? ' h' : '';
  const value = `${formatNumber(Number(t.values.Threshold__c ?? 0))}${unit}`;
  const comparator = t.values.Comparator__c === 'Below' ? 'below' : 'above';
  if (t.values.Period__c === 'Hypercare Week') {
    return `${label} in hypercare week ${t.values.Hypercare_Week__c ?? '?'} ${comparator} ${value}`;
  }
  const periods = Number(t.values.Consecutive_Periods__c ?? 1);
  return `${label} ${comparator} ${value}${periods > 1 ? ` for ${periods} months in a row` : ' in a month'}`;
}

function healthThresholds(model: DocModel, arg: string): string {
  const wantHypercare = arg.trim() === 'hypercare';
  const rows = recordsOf(model, 'Handoff_Health_Threshold')
    .filter((t) => t.values.Active__c === 'true')
    .filter((t) => (t.values.Period__c === 'Hypercare Week') === wantHypercare)
    .sort(
      (a, b) =>
        Number(a.values.Hypercare_Week__c ?? 0) - Number(b.values.Hypercare_Week__c ?? 0) ||
        byCode(a.name, b.name)
    );
  if (rows.length === 0) return 'No active thresholds of this kind are shipped.';
  return table(
    ['Red flag when', 'Target', 'What to do', 'Record'],
    rows.map((t) => {
      const unit = t.values.Unit__c === 'Percent' ? '%' : t.values.Unit__c === 'Hours' ? ' h' : '';
      return [
        escapeCell(describeThreshold(t)),
        t.values.Target__c ? `${formatNumber(Number(t.values.Target__c))}${unit}` : '—',
        escapeCell(t.values.Action__c ?? ''),
        code(t.name)
      ];
    })
  );
}

function settings(model: DocModel): string {
  const record = settingsOf(model);
  const type = model.objects.find((o) => o.name === 'Handoff_Setting__mdt');
  if (!record || !type) return 'The Default setting record is not shipped.';
  return table(
    ['Setting', 'Shipped value', 'What it does'],
    type.fields.map((f) => [
      `${escapeCell(f.label)} (${code(f.name)})`,
      escapeCell(record.values[f.name] ?? '(blank)'),
      escapeCell(f.description ?? '')
    ])
  );
}

function expansionTypes(model: DocModel): string {
  const types = ruleConfigOf(model).settings.expansionOpportunityTypes;
  return types.length
    ? `Opportunity Types that use the lighter Expansion rule set (setting ${code('Handoff_Setting.Default.Expansion_Opportunity_Types__c')}): ${joinWords(types.map(code))}.`
    : 'No Opportunity Type uses the Expansion rule set (the setting is blank).';
}

function splitArg(arg: string): [string, string] {
  const [object, name] = arg.trim().split('.');
  if (!object || !name) throw new Error(`expected <Object>.<Name>, got "${arg}"`);
  return [object, name];
}

function formula(model: DocModel, arg: string): string {
  const [object, name] = splitArg(arg);
  const field = model.objects.find((o) => o.name === object)?.fields.find((f) => f.name === name);
  if (!field?.formula) throw new Error(`no formula field ${arg}`);
  return codeBlock(field.formula.trim());
}

function validationRule(model: DocModel, arg: string): string {
  const [object, name] = splitArg(arg);
  const rule = model.objects
    .find((o) => o.name === object)
    ?.validationRules.find((v) => v.name === name);
  if (!rule) throw new Error(`no validation rule ${arg}`);
  return `${codeBlock(rule.formula)}\n\nMessage: “${escapeText(rule.message)}”`;
}

function picklist(model: DocModel, arg: string): string {
  const [object, name] = splitArg(arg);
  const field = model.objects.find((o) => o.name === object)?.fields.find((f) => f.name === name);
  if (!field || field.picklistValues.length === 0) throw new Error(`no picklist ${arg}`);
  return `${escapeText(field.label)} (${code(`${object}.${name}`)}): ${joinWords(field.picklistValues.map((v) => `**${escapeText(v)}**`))}.`;
}

function segmentsList(model: DocModel): string {
  return joinWords(segmentsOf(ruleConfigOf(model)).map((s) => `**${escapeText(s)}**`));
}

/** The summary the CSM receives, rendered from the first summary vector with the shipped labels. */
function summaryPreview(model: DocModel, _arg: string, root: string): string {
  const vectors = JSON.parse(readFileSync(join(root, SUMMARY_VECTORS), 'utf8')) as {
    vectors: { name: string; input: SummaryInput }[];
  };
  const example = vectors.vectors[0];
  const label = (name: string): string => {
    for (const file of model.labels) {
      if (name in file.values) return file.values[name];
    }
    throw new Error(`custom label ${name} is not shipped`);
  };
  const opportunity = model.objects.find((o) => o.name === 'Opportunity');
  const labels: SummaryLabels = {
    title: label('Handoff_Summary_Title'),
    account: label('Handoff_Summary_Account'),
    accountExecutive: label('Handoff_Summary_Account_Executive'),
    segment: label('Handoff_Summary_Segment'),
    closeDate: label('Handoff_Summary_Close_Date'),
    amount: label('Handoff_Summary_Amount'),
    sectionWants: label('Handoff_Summary_Section_Wants'),
    sectionWho: label('Handoff_Summary_Section_Who'),
    sectionPromised: label('Handoff_Summary_Section_Promised'),
    sectionRisks: label('Handoff_Summary_Section_Risks'),
    sectionNextSteps: label('Handoff_Summary_Section_Next_Steps'),
    notProvided: label('Handoff_Summary_Not_Provided'),
    truncated: label('Handoff_Summary_Truncated'),
    fieldLabels: Object.fromEntries((opportunity?.fields ?? []).map((f) => [f.name, f.label]))
  };
  return codeBlock(renderSummaryText(example.input, labels, formatNumber));
}

export const BLOCKS: Readonly<Record<string, BlockRenderer>> = {
  'required-fields': requiredFields,
  'field-guidance': fieldGuidance,
  'segment-bands': segmentBands,
  segments: segmentsList,
  'sla-by-segment': slaBySegment,
  'sales-path': salesPath,
  'intake-checklist': intakeChecklist,
  'health-thresholds': healthThresholds,
  settings,
  'expansion-types': expansionTypes,
  formula,
  'validation-rule': validationRule,
  picklist,
  'summary-preview': summaryPreview
};

const BLOCK_PATTERN =
  /<!-- generated: ([a-z-]+)((?: [^\s>]+)?) -->[\s\S]*?<!-- end generated: \1\2 -->/g;

/** Whether a text has generated blocks. */
export function hasBlocks(textValue: string): boolean {
  return /<!-- generated: /.test(textValue);
}

/**
 * Replaces every generated block of a guide with what the metadata gives now.
 * @throws when a block is unknown, has no end marker, or cannot be rendered
 */
export function applyBlocks(
  textValue: string,
  model: DocModel,
  root: string,
  file = 'guide'
): string {
  const starts = [...textValue.matchAll(/<!-- generated: ([^>]*?) -->/g)].map((m) => m[1]);
  const ends = [...textValue.matchAll(/<!-- end generated: ([^>]*?) -->/g)].map((m) => m[1]);
  if (starts.join('\n') !== ends.join('\n')) {
    throw new Error(
      `${file}: every "<!-- generated: X -->" needs a matching "<!-- end generated: X -->"`
    );
  }
  return textValue.replace(BLOCK_PATTERN, (_match, name: string, rawArg: string) => {
    const renderer = BLOCKS[name];
    if (!renderer) {
      throw new Error(
        `${file}: unknown generated block "${name}" (known: ${Object.keys(BLOCKS).join(', ')})`
      );
    }
    let content: string;
    try {
      content = renderer(model, rawArg.trim(), root);
    } catch (error) {
      throw new Error(`${file}: block "${name}${rawArg}": ${(error as Error).message}`);
    }
    return `<!-- generated: ${name}${rawArg} -->\n\n${content.trim()}\n\n<!-- end generated: ${name}${rawArg} -->`;
  });
}
