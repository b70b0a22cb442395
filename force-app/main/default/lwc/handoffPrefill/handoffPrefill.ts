/**
 * @description The pre-fill mapping: from the deal's own data (contact roles, competitors,
 * products, Opportunity fields, the Account's previous handoff) and the org's
 * `Handoff_Prefill_Mapping__mdt` records, the value suggested for each empty handoff field.
 * A pure module (no DOM, no Apex), used by the Opportunity panel as `c/handoffPrefill`. Its
 * twin is the Apex `HandoffPrefillMapper`; both are held to
 * `staticresources/handoffPrefillVectors.json` (see docs/behaviour.md, "Pre-fill").
 *
 * The rules, in short:
 * - At most one suggestion per target field, and only for a field that is empty in `current`
 *   (null, missing, or text with nothing but whitespace): what the AE wrote is never replaced.
 * - Among the ACTIVE mappings for that field, the lowest `priority` whose source yields a value
 *   wins; equal priorities are tried in `developerName` order (UTF-16 code units).
 * - A source that is `null` (the org lacks it or the user cannot read it) or empty yields nothing.
 * - The target's type decides what a source can give: a Contact lookup (`reference`) takes one
 *   contact Id, a `date` one yyyy-mm-dd date, text (`textarea`, `string`) formatted lines. A
 *   field missing from `fieldTypes` gets nothing.
 * - `ambiguous` marks a single-value target for which the source offered more than one
 *   candidate; `autoFill` holds the suggestions whose mapping says Auto Fill and that are not
 *   ambiguous.
 * - Text is trimmed as Apex `String.trim` trims (characters up to U+0020); blank is what Apex
 *   `String.isBlank` calls blank; role values compare trimmed and case-insensitively.
 */
import { isFilled } from 'c/handoffRules';

/** @description Where a mapping reads its value (the `Source__c` picklist). */
export type PrefillSource =
  'Contact_Role' | 'Competitor' | 'Product' | 'Opportunity_Field' | 'Previous_Handoff';

/** @description One `Handoff_Prefill_Mapping__mdt` record. */
export interface PrefillMapping {
  developerName: string;
  source: string;
  sourceValue: string | null;
  targetField: string;
  priority: number | null;
  active: boolean;
  autoFill: boolean;
}

/** @description One Opportunity Contact Role (the role may be null or blank). */
export interface ContactRoleSource {
  contactId: string;
  // eslint-disable-next-line no-restricted-globals -- a member, not window.name (Babel scope misread)
  name: string | null;
  title: string | null;
  email: string | null;
  role: string | null;
  isPrimary: boolean;
}

/** @description One Opportunity Competitor. */
export interface CompetitorSource {
  // eslint-disable-next-line no-restricted-globals -- a member, not window.name (Babel scope misread)
  name: string | null;
  strengths: string | null;
  weaknesses: string | null;
}

/** @description One Opportunity Product (line item); `serviceDate` is yyyy-mm-dd or null. */
export interface ProductSource {
  // eslint-disable-next-line no-restricted-globals -- a member, not window.name (Babel scope misread)
  name: string | null;
  quantity: number | null;
  serviceDate: string | null;
  description: string | null;
}

/** @description The Account's previous handoff: the last Closed Won deal with a handoff. */
export interface PreviousHandoffSource {
  opportunityId: string;
  opportunityName: string | null;
  closeDate: string | null;
  values: Record<string, unknown>;
}

/** @description The sources; each is null when the org lacks it or the user cannot read it. */
export interface PrefillSources {
  contactRoles: ContactRoleSource[] | null;
  competitors: CompetitorSource[] | null;
  products: ProductSource[] | null;
  opportunity: Record<string, unknown> | null;
  previousHandoff: PreviousHandoffSource | null;
}

/** @description The type of a target field, as the panel's server read reports it. */
export type TargetType = 'reference' | 'textarea' | 'string' | 'date';

/** @description Everything the mapping reads. */
export interface PrefillInput {
  mappings: PrefillMapping[];
  sources: PrefillSources;
  current: Record<string, unknown>;
  fieldTypes: Record<string, string>;
}

/**
 * @description One suggestion: the value for `field` (a contact Id, a yyyy-mm-dd date or
 * text), what to show for it, and where it came from. `detail` is data for the "from …"
 * text, not prose: the matched role (a lookup) or the roles listed (text) for contact roles,
 * the number of entries used for competitors and products, the field API name for an
 * Opportunity field, the previous deal's close date (or '') for the previous handoff.
 */
export interface Suggestion {
  field: string;
  value: string;
  displayValue: string;
  source: PrefillSource;
  mapping: string;
  detail: string;
  ambiguous: boolean;
}

/** @description The result: suggestions sorted by field, and the values auto-fill would write. */
export interface PrefillResult {
  suggestions: Suggestion[];
  autoFill: Record<string, string>;
}

/** What one source gives one target: the value, its display form, detail and ambiguity. */
interface Yield {
  value: string;
  displayValue: string;
  detail: string;
  ambiguous: boolean;
}

/** @description The role label shown for, and matched by `(none)` against, a blank role. */
export const NO_ROLE = '(none)';
/** @description The source value that matches every contact role. */
export const ANY_ROLE = '*';
/** @description Separator of the parts of one stakeholder, competitor or product line. */
export const PART_SEPARATOR = ' | ';
/** @description Separator of lines in a text suggestion. */
export const LINE_SEPARATOR = '\n';

/**
 * @description Trims as Apex `String.trim` does: leading and trailing characters up to U+0020.
 * @param value text or null
 * @return the trimmed text, '' for null or undefined
 */
export function trimText(value: string | null | undefined): string {
  if (value === null || value === undefined) {
    return '';
  }
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) <= 0x20) {
    start++;
  }
  while (end > start && value.charCodeAt(end - 1) <= 0x20) {
    end--;
  }
  return value.substring(start, end);
}

/**
 * @description Whether a current value leaves its field empty (null, missing, blank text).
 * @param value the deal's current value
 * @return true when a suggestion may be offered
 */
export function isEmptyValue(value: unknown): boolean {
  return typeof value === 'string' || value === null || value === undefined
    ? !isFilled(value)
    : false;
}

/**
 * @description A source value as text: strings as they are, numbers as a plain decimal without
 * trailing zeros, booleans as true/false; anything else (objects, null) is no value.
 * @param value a source value
 * @return the text, or null when there is none
 */
export function valueText(value: unknown): string | null {
  if (typeof value === 'string') {
    return isFilled(value) ? value : null;
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? plainNumber(value) : null;
  }
  if (typeof value === 'boolean') {
    return value ? 'true' : 'false';
  }
  return null;
}

/** A finite number without exponent or trailing zeros (what Apex `stripTrailingZeros().toPlainString()` gives). */
function plainNumber(value: number): string {
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (match === null) {
    return text;
  }
  const digits = match[2] + (match[3] ?? '');
  const exponent = Number(match[4]);
  if (exponent >= 0) {
    const pointAt = 1 + exponent;
    return (
      match[1] +
      (digits.length <= pointAt
        ? digits + '0'.repeat(pointAt - digits.length)
        : digits.substring(0, pointAt) + '.' + digits.substring(pointAt))
    );
  }
  return match[1] + '0.' + '0'.repeat(-exponent - 1) + digits;
}

/**
 * @description A yyyy-mm-dd date from text (a date-time keeps its date part), else null.
 * @param value a source value
 * @return the date, or null when the value does not start with a yyyy-mm-dd date
 */
export function dateText(value: unknown): string | null {
  if (typeof value !== 'string') {
    return null;
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(trimText(value));
  if (match === null) {
    return null;
  }
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31
    ? `${match[1]}-${match[2]}-${match[3]}`
    : null;
}

/**
 * @description The role values a Contact_Role mapping matches: split on `;`, trimmed, blanks
 * dropped, lower-cased.
 * @param sourceValue the mapping's Source_Value__c
 * @return the role keys (`(none)` and `*` included as written, lower-cased)
 */
export function roleKeys(sourceValue: string | null): string[] {
  return (sourceValue ?? '')
    .split(';')
    .map((part) => trimText(part).toLowerCase())
    .filter((part) => part !== '');
}

/** The role as shown: trimmed, or `(none)` when blank. */
function roleLabel(role: string | null): string {
  const trimmed = trimText(role);
  return trimmed === '' ? NO_ROLE : trimmed;
}

/** Whether a contact role matches the mapping's role keys. */
function roleMatches(keys: string[], role: string | null): boolean {
  const trimmed = trimText(role).toLowerCase();
  return keys.some(
    (key) => key === ANY_ROLE || (trimmed === '' ? key === NO_ROLE : key === trimmed)
  );
}

/**
 * @description One stakeholder line: name, title, role (with "(primary)"), email; blank parts
 * other than the role are left out.
 * @param role a contact role
 * @return the line
 */
export function stakeholderLine(role: ContactRoleSource): string {
  const parts = [trimText(role.name), trimText(role.title)];
  parts.push(roleLabel(role.role) + (role.isPrimary ? ' (primary)' : ''));
  parts.push(trimText(role.email));
  return parts.filter((part) => part !== '').join(PART_SEPARATOR);
}

/**
 * @description One competitor line: name, "Strengths: …", "Weaknesses: …"; blank parts left out.
 * @param competitor a competitor with a name
 * @return the line
 */
export function competitorLine(competitor: CompetitorSource): string {
  const parts = [trimText(competitor.name)];
  const strengths = trimText(competitor.strengths);
  const weaknesses = trimText(competitor.weaknesses);
  if (strengths !== '') {
    parts.push(`Strengths: ${strengths}`);
  }
  if (weaknesses !== '') {
    parts.push(`Weaknesses: ${weaknesses}`);
  }
  return parts.join(PART_SEPARATOR);
}

/**
 * @description One product line: name, "Qty n", "From yyyy-mm-dd", description; blank parts
 * left out.
 * @param product a product with a name
 * @return the line
 */
export function productLine(product: ProductSource): string {
  const parts = [trimText(product.name)];
  if (typeof product.quantity === 'number' && Number.isFinite(product.quantity)) {
    parts.push(`Qty ${plainNumber(product.quantity)}`);
  }
  const serviceDate = trimText(product.serviceDate);
  if (serviceDate !== '') {
    parts.push(`From ${serviceDate}`);
  }
  const description = trimText(product.description);
  if (description !== '') {
    parts.push(description);
  }
  return parts.join(PART_SEPARATOR);
}

/** Contact roles primary first, otherwise as listed. */
function primaryFirst(roles: ContactRoleSource[]): ContactRoleSource[] {
  return [
    ...roles.filter((r) => r.isPrimary === true),
    ...roles.filter((r) => r.isPrimary !== true)
  ];
}

function fromContactRoles(
  mapping: PrefillMapping,
  type: string,
  roles: ContactRoleSource[] | null
): Yield | null {
  const keys = roleKeys(mapping.sourceValue);
  const matching = primaryFirst(roles ?? []).filter((r) => roleMatches(keys, r.role));
  if (matching.length === 0) {
    return null;
  }
  if (type === 'reference') {
    const chosen = matching[0];
    const contacts = new Set(matching.map((r) => r.contactId));
    return {
      value: chosen.contactId,
      displayValue: trimText(chosen.name) === '' ? chosen.contactId : trimText(chosen.name),
      detail: roleLabel(chosen.role),
      ambiguous: contacts.size > 1
    };
  }
  if (!isText(type)) {
    return null;
  }
  const labels: string[] = [];
  for (const role of matching) {
    const label = roleLabel(role.role);
    if (!labels.includes(label)) {
      labels.push(label);
    }
  }
  const text = matching.map(stakeholderLine).join(LINE_SEPARATOR);
  return { value: text, displayValue: text, detail: labels.join(', '), ambiguous: false };
}

function fromCompetitors(type: string, competitors: CompetitorSource[] | null): Yield | null {
  const named = (competitors ?? []).filter((c) => trimText(c.name) !== '');
  if (named.length === 0 || !isText(type)) {
    return null;
  }
  const text = named.map(competitorLine).join(LINE_SEPARATOR);
  return { value: text, displayValue: text, detail: String(named.length), ambiguous: false };
}

function fromProducts(type: string, products: ProductSource[] | null): Yield | null {
  const named = (products ?? []).filter((p) => trimText(p.name) !== '');
  if (type === 'date') {
    const dated = named.filter((p) => dateText(p.serviceDate) !== null);
    const dates = [...new Set(dated.map((p) => dateText(p.serviceDate) as string))].sort();
    return dates.length === 0
      ? null
      : {
          value: dates[0],
          displayValue: dates[0],
          detail: String(dated.length),
          ambiguous: dates.length > 1
        };
  }
  if (named.length === 0 || !isText(type)) {
    return null;
  }
  const text = named.map(productLine).join(LINE_SEPARATOR);
  return { value: text, displayValue: text, detail: String(named.length), ambiguous: false };
}

/** A single value read from a field map, shaped for the target type. */
function fieldValue(
  raw: unknown,
  type: string,
  detail: string,
  roles: ContactRoleSource[] | null
): Yield | null {
  const value = type === 'date' ? dateText(raw) : isKnownType(type) ? valueText(raw) : null;
  if (value === null) {
    return null;
  }
  let displayValue = value;
  if (type === 'reference') {
    const known = (roles ?? []).find((r) => r.contactId === value && trimText(r.name) !== '');
    displayValue = known === undefined ? value : trimText(known.name);
  }
  return { value, displayValue, detail, ambiguous: false };
}

function isText(type: string): boolean {
  return type === 'textarea' || type === 'string';
}

function isKnownType(type: string): boolean {
  return isText(type) || type === 'reference' || type === 'date';
}

/**
 * @description What one mapping's source gives its target, or null when nothing.
 * @param mapping the mapping
 * @param type the target field's type ('' when unknown)
 * @param sources the sources
 * @return the value, display value, detail and ambiguity, or null
 */
export function yieldOf(
  mapping: PrefillMapping,
  type: string,
  sources: PrefillSources
): Yield | null {
  switch (mapping.source) {
    case 'Contact_Role':
      return fromContactRoles(mapping, type, sources.contactRoles);
    case 'Competitor':
      return fromCompetitors(type, sources.competitors);
    case 'Product':
      return fromProducts(type, sources.products);
    case 'Opportunity_Field': {
      const field = trimText(mapping.sourceValue);
      const opportunity = sources.opportunity;
      return field === '' || opportunity === null
        ? null
        : fieldValue(opportunity[field], type, field, sources.contactRoles);
    }
    case 'Previous_Handoff': {
      const previous = sources.previousHandoff;
      if (previous === null) {
        return null;
      }
      const named = trimText(mapping.sourceValue);
      const field = named === '' ? trimText(mapping.targetField) : named;
      return fieldValue(
        (previous.values ?? {})[field],
        type,
        trimText(previous.closeDate),
        sources.contactRoles
      );
    }
    default:
      return null;
  }
}

/** Mappings in the order they are tried: priority (blank last), then developer name. */
function byPrecedence(a: PrefillMapping, b: PrefillMapping): number {
  const pa = typeof a.priority === 'number' && Number.isFinite(a.priority) ? a.priority : Infinity;
  const pb = typeof b.priority === 'number' && Number.isFinite(b.priority) ? b.priority : Infinity;
  if (pa !== pb) {
    return pa < pb ? -1 : 1;
  }
  return compareText(a.developerName, b.developerName);
}

function compareText(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/**
 * @description The suggestions for a deal and what auto-fill would write.
 * @param input mappings, sources, the deal's current values and the target fields' types
 * @return suggestions (at most one per empty target field, sorted by field) and auto-fill values
 * @example suggest({ mappings, sources, current: {}, fieldTypes }).suggestions[0].field
 */
export function suggest(input: PrefillInput): PrefillResult {
  const ordered = input.mappings.filter((m) => m.active === true).sort(byPrecedence);
  const decided = new Set<string>();
  const suggestions: Suggestion[] = [];
  const autoFill: Record<string, string> = {};
  for (const mapping of ordered) {
    const field = trimText(mapping.targetField);
    if (decided.has(field) || !isEmptyValue(input.current[field])) {
      continue;
    }
    const type = Object.prototype.hasOwnProperty.call(input.fieldTypes, field)
      ? input.fieldTypes[field]
      : '';
    const found = yieldOf(mapping, type, input.sources);
    if (found === null) {
      continue;
    }
    decided.add(field);
    suggestions.push({
      field,
      value: found.value,
      displayValue: found.displayValue,
      source: mapping.source as PrefillSource,
      mapping: mapping.developerName,
      detail: found.detail,
      ambiguous: found.ambiguous
    });
    if (mapping.autoFill === true && !found.ambiguous) {
      autoFill[field] = found.value;
    }
  }
  suggestions.sort((a, b) => compareText(a.field, b.field));
  return { suggestions, autoFill };
}
