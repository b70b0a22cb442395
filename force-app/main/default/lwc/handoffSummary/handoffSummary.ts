/**
 * @description The handoff summary (the seed's Handoff Summary Template): what the customer
 * wants, who is who, what was promised, risks and next steps, built from one Opportunity as
 * structured sections (for the panel) and as email-ready plain text (for Copy, Print and the
 * frozen `Handoff__c.Summary__c`). A pure module with no imports: the panel passes in the
 * labels (custom labels and field labels) and `formatNumber` from `c/handoffRules`.
 *
 * The text format is a contract (docs/behaviour.md, "Handoff summary format"): the close
 * automation (Apex) must freeze exactly the same text, and both implementations are held to
 * `staticresources/handoffSummaryVectors.json`. Every rule below is written so that Apex can
 * follow it character for character: lengths are UTF-16 code units (Apex `String.length()`),
 * whitespace is Java `Character.isWhitespace` (Apex `String.isBlank`), nothing is upper- or
 * lower-cased, and nothing is formatted by locale.
 */

/** @description How a summary item's value is read. */
export type SummaryItemKind = 'text' | 'contact' | 'date';

/** @description One item of a section: an Opportunity field and how its value is read. */
export interface SummaryItemSpec {
  fieldApiName: string;
  kind: SummaryItemKind;
}

/** @description The five sections of the Handoff Summary Template, in order. */
export type SummarySectionKey = 'wants' | 'who' | 'promised' | 'risks' | 'nextSteps';

/** @description One section of the format: its key and its items, in order. */
export interface SummarySectionSpec {
  key: SummarySectionKey;
  items: readonly SummaryItemSpec[];
}

/**
 * @description The sections and their Opportunity fields, in order. Part of the contract: the
 * Apex renderer uses the same list.
 */
export const SUMMARY_SECTIONS: readonly SummarySectionSpec[] = [
  {
    key: 'wants',
    items: [
      { fieldApiName: 'Handoff_Customer_Goals__c', kind: 'text' },
      { fieldApiName: 'Handoff_Business_Pain__c', kind: 'text' },
      { fieldApiName: 'Handoff_Scope__c', kind: 'text' },
      { fieldApiName: 'Handoff_Integrations__c', kind: 'text' }
    ]
  },
  {
    key: 'who',
    items: [
      { fieldApiName: 'Handoff_Champion__c', kind: 'contact' },
      { fieldApiName: 'Handoff_Executive_Sponsor__c', kind: 'contact' },
      { fieldApiName: 'Handoff_Technical_Contact__c', kind: 'contact' }
    ]
  },
  {
    key: 'promised',
    items: [
      { fieldApiName: 'Handoff_Commitments__c', kind: 'text' },
      { fieldApiName: 'Handoff_Target_Go_Live__c', kind: 'date' },
      { fieldApiName: 'Handoff_Contract_Notes__c', kind: 'text' }
    ]
  },
  {
    key: 'risks',
    items: [
      { fieldApiName: 'Handoff_Risks__c', kind: 'text' },
      { fieldApiName: 'Handoff_Competitive_Context__c', kind: 'text' }
    ]
  },
  {
    key: 'nextSteps',
    items: [
      { fieldApiName: 'Handoff_Communication_Preferences__c', kind: 'text' },
      { fieldApiName: 'Handoff_Notes__c', kind: 'text' }
    ]
  }
];

/** @description The longest value (UTF-16 code units, after normalising) shown in full. */
export const SUMMARY_VALUE_MAX_LENGTH = 4000;

/** @description What the summary is built from: one Opportunity, as saved. */
export interface SummaryInput {
  opportunityName: string | null;
  accountName: string | null;
  /** The Opportunity owner (the Account Executive). */
  ownerName: string | null;
  segment: string | null;
  tier: string | null;
  /** `YYYY-MM-DD`. */
  closeDate: string | null;
  amount: number | null;
  /** Opportunity field API name → value (text, `YYYY-MM-DD` date, contact Id); absent = null. */
  values: Record<string, unknown>;
  /** Lookup field API name → the contact's name; absent or blank = not known. */
  contactNames: Record<string, string | null | undefined>;
}

/**
 * @description The words of the summary: custom labels (`title` holds `{0}` for the
 * Opportunity name) and the Opportunity field labels by API name.
 */
export interface SummaryLabels {
  title: string;
  account: string;
  accountExecutive: string;
  segment: string;
  closeDate: string;
  amount: string;
  sectionWants: string;
  sectionWho: string;
  sectionPromised: string;
  sectionRisks: string;
  sectionNextSteps: string;
  notProvided: string;
  truncated: string;
  fieldLabels: Record<string, string>;
}

/** @description A number formatter (`formatNumber` from `c/handoffRules`). */
export type NumberFormatter = (value: number) => string;

/** @description One labelled value: its lines (the first follows the label). */
export interface SummaryItem {
  key: string;
  label: string;
  lines: string[];
  provided: boolean;
  truncated: boolean;
}

/** @description One numbered section. */
export interface SummarySection {
  key: SummarySectionKey;
  number: number;
  heading: string;
  items: SummaryItem[];
}

/** @description The whole summary, structured. */
export interface SummaryDocument {
  title: string;
  header: SummaryItem[];
  sections: SummarySection[];
}

const INDENT = '  ';
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}/;

/**
 * Whitespace as Apex `String.isBlank` sees it (Java `Character.isWhitespace`), the same set as
 * `c/handoffRules`: U+0009–U+000D, U+001C–U+0020, U+1680, U+2000–U+2006, U+2008–U+200A,
 * U+2028, U+2029, U+205F, U+3000. No-break spaces (U+00A0, U+2007, U+202F) are not whitespace.
 */
export function isSummaryWhitespace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    (code >= 0x1c && code <= 0x20) ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x2006) ||
    (code >= 0x2008 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x205f ||
    code === 0x3000
  );
}

function stripEnd(text: string): string {
  let end = text.length;
  while (end > 0 && isSummaryWhitespace(text.charCodeAt(end - 1))) {
    end--;
  }
  return text.slice(0, end);
}

function stripStart(text: string): string {
  let start = 0;
  while (start < text.length && isSummaryWhitespace(text.charCodeAt(start))) {
    start++;
  }
  return text.slice(start);
}

/** Drops empty lines at both ends of a list of lines. */
function trimEmptyLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start] === '') {
    start++;
  }
  while (end > start && lines[end - 1] === '') {
    end--;
  }
  return lines.slice(start, end);
}

/**
 * @description Normalises a multi-line text value (format rules T1–T5): CR LF and lone CR
 * become LF; whitespace is removed from the end of every line and from the start of the first
 * line; empty lines at both ends are dropped.
 * @param value the raw text
 * @return the lines; empty when the value is blank
 */
export function normaliseLines(value: string): string[] {
  const lines = value.replace(/\r\n/g, '\n').replace(/\r/g, '\n').split('\n').map(stripEnd);
  const kept = trimEmptyLines(lines);
  if (kept.length > 0) {
    kept[0] = stripStart(kept[0]);
  }
  return kept;
}

/**
 * @description Shortens normalised lines to `maxLength` UTF-16 code units (counting the LF
 * between lines), never splitting a surrogate pair, then re-applies the line-end rules.
 * @param lines normalised lines
 * @param maxLength the longest text kept
 * @return the lines, and whether anything was cut
 */
export function truncateLines(
  lines: string[],
  maxLength: number = SUMMARY_VALUE_MAX_LENGTH
): { lines: string[]; truncated: boolean } {
  const text = lines.join('\n');
  if (text.length <= maxLength) {
    return { lines, truncated: false };
  }
  let cut = maxLength;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) {
    cut--;
  }
  const kept = trimEmptyLines(text.slice(0, cut).split('\n').map(stripEnd));
  return { lines: kept, truncated: true };
}

/** A single-line header value: CR and LF become spaces, whitespace at both ends is removed. */
function singleLine(value: string | null | undefined): string {
  if (typeof value !== 'string') {
    return '';
  }
  return stripStart(stripEnd(value.replace(/\r\n|\r|\n/g, ' ')));
}

function dateText(value: unknown): string {
  if (typeof value !== 'string') {
    return '';
  }
  const trimmed = singleLine(value);
  return DATE_PATTERN.test(trimmed) ? trimmed.slice(0, 10) : trimmed;
}

function item(key: string, label: string, lines: string[], labels: SummaryLabels): SummaryItem {
  if (lines.length === 0) {
    return { key, label, lines: [labels.notProvided], provided: false, truncated: false };
  }
  return { key, label, lines, provided: true, truncated: false };
}

function singleLineItem(
  key: string,
  label: string,
  value: string,
  labels: SummaryLabels
): SummaryItem {
  return item(key, label, value === '' ? [] : [value], labels);
}

function valueItem(
  spec: SummaryItemSpec,
  input: SummaryInput,
  labels: SummaryLabels,
  formatNumber: NumberFormatter
): SummaryItem {
  const label = labels.fieldLabels[spec.fieldApiName] ?? spec.fieldApiName;
  const value = input.values[spec.fieldApiName];
  if (spec.kind === 'contact') {
    const id = typeof value === 'string' ? singleLine(value) : '';
    const name = singleLine(input.contactNames[spec.fieldApiName]);
    return singleLineItem(spec.fieldApiName, label, id === '' ? '' : name || id, labels);
  }
  if (spec.kind === 'date') {
    return singleLineItem(spec.fieldApiName, label, dateText(value), labels);
  }
  if (typeof value === 'number') {
    return singleLineItem(spec.fieldApiName, label, formatNumber(value), labels);
  }
  if (typeof value !== 'string') {
    return item(spec.fieldApiName, label, [], labels);
  }
  const shortened = truncateLines(normaliseLines(value));
  if (shortened.lines.length === 0) {
    return item(spec.fieldApiName, label, [], labels);
  }
  return {
    key: spec.fieldApiName,
    label,
    lines: shortened.truncated ? [...shortened.lines, labels.truncated] : shortened.lines,
    provided: true,
    truncated: shortened.truncated
  };
}

function sectionHeading(key: SummarySectionKey, labels: SummaryLabels): string {
  switch (key) {
    case 'wants':
      return labels.sectionWants;
    case 'who':
      return labels.sectionWho;
    case 'promised':
      return labels.sectionPromised;
    case 'risks':
      return labels.sectionRisks;
    default:
      return labels.sectionNextSteps;
  }
}

/**
 * @description Builds the structured summary of one Opportunity.
 * @param input the Opportunity's saved values and contact names
 * @param labels the words (custom labels and field labels)
 * @param formatNumber the number formatter (`formatNumber` from `c/handoffRules`)
 * @return the title, header items and the five numbered sections
 */
export function buildSummary(
  input: SummaryInput,
  labels: SummaryLabels,
  formatNumber: NumberFormatter
): SummaryDocument {
  const name = singleLine(input.opportunityName);
  const title = labels.title.split('{0}').join(name === '' ? labels.notProvided : name);
  const segment = singleLine(input.segment);
  const tier = singleLine(input.tier);
  const segmentText = segment === '' ? '' : tier === '' ? segment : `${segment} (${tier})`;
  const amount =
    typeof input.amount === 'number' && Number.isFinite(input.amount)
      ? formatNumber(input.amount)
      : '';
  const header = [
    singleLineItem('account', labels.account, singleLine(input.accountName), labels),
    singleLineItem(
      'accountExecutive',
      labels.accountExecutive,
      singleLine(input.ownerName),
      labels
    ),
    singleLineItem('segment', labels.segment, segmentText, labels),
    singleLineItem('closeDate', labels.closeDate, dateText(input.closeDate), labels),
    singleLineItem('amount', labels.amount, amount, labels)
  ];
  const sections = SUMMARY_SECTIONS.map((spec, index) => ({
    key: spec.key,
    number: index + 1,
    heading: sectionHeading(spec.key, labels),
    items: spec.items.map((itemSpec) => valueItem(itemSpec, input, labels, formatNumber))
  }));
  return { title, header, sections };
}

function itemText(entry: SummaryItem): string[] {
  const [first, ...rest] = entry.lines;
  return [`${entry.label}: ${first}`, ...rest.map((line) => (line === '' ? '' : INDENT + line))];
}

/**
 * @description The email-ready plain text of a summary: the title, the header items, then
 * each section as `<n>. <heading>` and its items, sections separated by one empty line; lines
 * joined with LF and no LF at the end.
 * @param summary the structured summary
 * @return the text
 */
export function toPlainText(summary: SummaryDocument): string {
  const lines: string[] = [summary.title, ...summary.header.flatMap(itemText)];
  for (const section of summary.sections) {
    lines.push('', `${section.number}. ${section.heading}`, ...section.items.flatMap(itemText));
  }
  return lines.join('\n');
}

/**
 * @description Shortcut: the plain text of one Opportunity's summary.
 * @param input the Opportunity's saved values and contact names
 * @param labels the words
 * @param formatNumber the number formatter
 * @return the text
 */
export function renderSummaryText(
  input: SummaryInput,
  labels: SummaryLabels,
  formatNumber: NumberFormatter
): string {
  return toPlainText(buildSummary(input, labels, formatNumber));
}
