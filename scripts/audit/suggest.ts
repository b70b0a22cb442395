/**
 * When a file's columns do not match the mapping: the closest names, a suggested mapping
 * built from them, and the shipped preset the file looks like.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HANDOFF_FIELDS, fieldLabel } from '../lib/fields.ts';
import { PROJECT_ROOT } from '../lib/ruleConfig.ts';

/** Lower case, the `Handoff_` prefix and `__c` suffix dropped, words split on anything else. */
function words(name: string): string[] {
  return name
    .trim()
    .replace(/__c$/i, '')
    .replace(/^handoff_/i, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** Edit distance (insertions, deletions, substitutions). */
export function levenshtein(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        prev[j] + 1,
        row[j - 1] + 1,
        prev[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1)
      );
    }
    prev = row;
  }
  return prev[b.length];
}

/**
 * How alike two names are, from 0 to 1: the better of the words they share (Dice) and the
 * edit distance of their letters, ignoring case, spacing, punctuation, `Handoff_` and `__c`.
 */
export function similarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  const ja = wa.join('');
  const jb = wb.join('');
  if (ja === '' || jb === '') {
    return 0;
  }
  if (ja === jb) {
    return 1;
  }
  const sb = new Set(wb);
  const shared = new Set(wa.filter((w) => sb.has(w))).size;
  const dice = (2 * shared) / (new Set(wa).size + sb.size);
  const edit = 1 - levenshtein(ja, jb) / Math.max(ja.length, jb.length);
  return Math.max(dice, edit);
}

/** The candidate most like `name`, when it is alike enough (default 0.6), else null. */
export function closest(
  name: string,
  candidates: readonly string[],
  threshold = 0.6
): string | null {
  let best: string | null = null;
  let score = threshold;
  for (const c of candidates) {
    const s = similarity(name, c);
    if (s > score || (s === score && best === null)) {
      best = c;
      score = s;
    }
  }
  return best;
}

/** The names a deal attribute goes by in Salesforce (API and report labels) and HubSpot exports. */
const DEAL_NAMES: Record<string, string[]> = {
  id: ['Id', 'Opportunity ID', 'Record ID', 'Deal ID'],
  name: ['Name', 'Opportunity Name', 'Deal Name'],
  accountId: ['AccountId', 'Account ID', 'Associated Company IDs', 'Company ID'],
  accountName: ['Account.Name', 'Account Name', 'Associated Company', 'Company Name'],
  owner: ['Owner.Name', 'Opportunity Owner', 'Deal owner', 'Owner'],
  closeDate: ['CloseDate', 'Close Date', 'Closed Date', 'Date Closed'],
  amount: ['Amount', 'Deal Amount'],
  type: ['Type', 'Opportunity Type', 'Deal Type'],
  employees: ['Account.NumberOfEmployees', 'Employees', 'Number of Employees'],
  segmentOverride: ['Handoff_Segment_Override__c', 'Handoff Segment Override', 'Segment Override'],
  stage: ['StageName', 'Stage', 'Deal Stage']
};

/** Besides a field's API name and label: the names the same information often has. */
const FIELD_NAMES: Record<string, string[]> = {
  Handoff_Customer_Goals__c: ['Goals', 'Success Criteria', 'Objectives', 'Business Goals'],
  Handoff_Business_Pain__c: ['Pain Points', 'Pain', 'Challenges'],
  Handoff_Champion__c: ['Primary Contact'],
  Handoff_Executive_Sponsor__c: ['Economic Buyer', 'Sponsor', 'Decision Maker'],
  Handoff_Technical_Contact__c: ['IT Contact', 'Technical Lead'],
  Handoff_Scope__c: ['Scope and Requirements', 'Requirements', 'Implementation Notes', 'Use Case'],
  Handoff_Integrations__c: ['Integration Requirements'],
  Handoff_Commitments__c: ['Promises', 'Special Terms', 'Commitments Made'],
  Handoff_Target_Go_Live__c: [
    'Target Go-Live Date',
    'Go-Live Date',
    'Requested Go-Live',
    'Launch Date'
  ],
  Handoff_Risks__c: ['Risks and Concerns', 'Concerns', 'Risk'],
  Handoff_Competitive_Context__c: ['Competitors', 'Competition'],
  Handoff_Contract_Notes__c: ['Contract Terms'],
  Handoff_Communication_Preferences__c: ['Preferred Communication'],
  Handoff_Notes__c: ['Handoff Notes', 'Notes']
};

/** The least similarity a column needs to be suggested. */
const SUGGEST_THRESHOLD = 0.75;

/** A mapping suggested from a file's columns. */
export interface SuggestedMapping {
  name: string;
  deal: Record<string, string>;
  fields: Record<string, string | null>;
}

/**
 * A mapping from the columns of a file to the deal attributes and handoff fields, each column
 * used once, the most alike pairs first; what no column is alike enough to is left out (deal)
 * or null (fields: not captured).
 */
export function suggestMapping(
  columns: readonly string[],
  fields: readonly string[],
  file: string
): SuggestedMapping {
  const targets: Array<{ kind: 'deal' | 'field'; key: string; names: string[] }> = [
    ...Object.entries(DEAL_NAMES).map(([key, names]) => ({ kind: 'deal' as const, key, names })),
    ...fields.map((f) => ({
      kind: 'field' as const,
      key: f,
      names: [f, fieldLabel(f), ...(FIELD_NAMES[f] ?? [])]
    }))
  ];
  const pairs: Array<{ t: number; c: number; score: number }> = [];
  targets.forEach((target, t) => {
    columns.forEach((column, c) => {
      const score = Math.max(...target.names.map((n) => similarity(column, n)));
      if (score >= SUGGEST_THRESHOLD) {
        pairs.push({ t, c, score });
      }
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.t - b.t || a.c - b.c);
  const usedT = new Set<number>();
  const usedC = new Set<number>();
  const deal: Record<string, string> = {};
  const out: Record<string, string | null> = Object.fromEntries(fields.map((f) => [f, null]));
  for (const { t, c } of pairs) {
    if (usedT.has(t) || usedC.has(c)) {
      continue;
    }
    usedT.add(t);
    usedC.add(c);
    const target = targets[t];
    if (target.kind === 'deal') {
      deal[target.key] = columns[c];
    } else {
      out[target.key] = columns[c];
    }
  }
  const ordered: Record<string, string> = {};
  for (const key of Object.keys(DEAL_NAMES)) {
    if (deal[key] !== undefined) {
      ordered[key] = deal[key];
    }
  }
  return { name: `Suggested for ${file} (check every line)`, deal: ordered, fields: out };
}

/** The mapping presets shipped in data/, for the exports people have. */
export const PRESETS: ReadonlyArray<{ file: string; what: string }> = [
  {
    file: 'data/mapping.salesforce-report.json',
    what: 'a Salesforce report export (labels as headers)'
  },
  { file: 'data/mapping.data-loader.json', what: 'a Data Loader export (API names as headers)' },
  { file: 'data/mapping.hubspot-deals.json', what: 'a HubSpot deals export' }
];

/** The columns a mapping file names (deal attributes and handoff fields). */
function mappedColumns(json: {
  deal?: Record<string, unknown>;
  fields?: Record<string, unknown>;
}): string[] {
  const out: string[] = [];
  const add = (v: unknown): void => {
    if (typeof v === 'string') {
      out.push(v);
    } else if (Array.isArray(v)) {
      v.forEach(add);
    } else if (v !== null && typeof v === 'object') {
      const spec = v as { column?: unknown; columns?: unknown };
      add(spec.columns ?? spec.column);
    }
  };
  Object.values(json.deal ?? {}).forEach(add);
  Object.values(json.fields ?? {}).forEach(add);
  return out;
}

/**
 * The preset whose columns the file has most of (its id and close date among them, and at
 * least half of the rest), or null.
 */
export function matchingPreset(
  columns: readonly string[]
): { file: string; what: string; share: number } | null {
  const have = new Set(columns.map((c) => c.trim().toLowerCase()));
  let best: { file: string; what: string; share: number } | null = null;
  for (const preset of PRESETS) {
    let json: { deal?: Record<string, unknown>; fields?: Record<string, unknown> };
    try {
      json = JSON.parse(readFileSync(resolve(PROJECT_ROOT, preset.file), 'utf8')) as typeof json;
    } catch {
      continue;
    }
    const id = json.deal?.id;
    const close = json.deal?.closeDate;
    if (
      typeof id !== 'string' ||
      typeof close !== 'string' ||
      !have.has(id.toLowerCase()) ||
      !have.has(close.toLowerCase())
    ) {
      continue;
    }
    const wanted = mappedColumns(json);
    const share = wanted.filter((c) => have.has(c.trim().toLowerCase())).length / wanted.length;
    if (share >= 0.5 && (best === null || share > best.share)) {
      best = { ...preset, share };
    }
  }
  return best;
}

/** The product's handoff field API names, in contract order. */
export const PRODUCT_FIELDS: readonly string[] = HANDOFF_FIELDS.map((f) => f.apiName);
