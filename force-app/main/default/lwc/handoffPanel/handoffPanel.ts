/**
 * @description The handoff panel on the Opportunity record page (desktop and the Salesforce
 * mobile app), kept short and actionable: the deal's segment and tier and why; the completeness
 * meter (one number); what blocks Closed Won, each blank required field a link to the field
 * (before close only); the handoff fields of the deal's rule set and segment, editable in place
 * (the meter and the blockers re-evaluate with the same TypeScript evaluator as the conformance
 * vectors, before saving); the exception status and request; the summary in a collapsed
 * section; and, after close, the CSM and the first-touch SLA clock. A load error says what went
 * wrong and offers Try again.
 *
 * The parts are child components (c/handoffPanelMeter, c/handoffPanelBlockers,
 * c/handoffPanelFields, c/handoffPanelException, c/handoffPanelSummary) with their labels in
 * c/handoffPanelLabels; this component holds the data, the drafts and the evaluation.
 *
 * Data: the record and field labels through Lightning Data Service (getRecord, getObjectInfo);
 * Apex (HandoffPanelController) only for what LDS cannot give: the rule configuration from
 * custom metadata, the Account size, the pending approver and the deal's latest Handoff__c.
 *
 * Draft with AI (docs/ai-draft.md, "What the AE sees"): shown before close only where
 * HandoffAiDraftController.isAvailable says the optional AI package is deployed and the user may
 * use it; its answer is shown as suggestions (source AI) beside the empty fields, accepted,
 * accepted all or dismissed like the pre-fill's. A refusal or an error is shown under the button.
 */
import { LightningElement, api, wire } from 'lwc';
import { getRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { refreshApex } from '@salesforce/apex';
import getPanelConfig from '@salesforce/apex/HandoffPanelController.getPanelConfig';
import getExceptionState from '@salesforce/apex/HandoffPanelController.getExceptionState';
import getLatestHandoff from '@salesforce/apex/HandoffPanelController.getLatestHandoff';
import getPrefillSources from '@salesforce/apex/HandoffPanelController.getPrefillSources';
import isAiAvailable from '@salesforce/apex/HandoffAiDraftController.isAvailable';
import draftWithAi from '@salesforce/apex/HandoffAiDraftController.draft';
import { suggest } from 'c/handoffPrefill';
import type { PrefillMapping, PrefillSources, Suggestion } from 'c/handoffPrefill';
import { evaluate, formatNumber } from 'c/handoffRules';
import type { AppliedRule, Evaluation, RuleConfig } from 'c/handoffRules';
import { SUMMARY_SECTIONS, buildSummary } from 'c/handoffSummary';
import type { SummaryDocument, SummaryLabels } from 'c/handoffSummary';
import {
  LABELS,
  SUMMARY_WORDS,
  errorMessage,
  formatDate,
  formatDateTime,
  formatLabel
} from 'c/handoffPanelLabels';
import type {
  FieldChangeDetail,
  FieldRow,
  FieldSection,
  RowSuggestion,
  SuggestionDetail
} from 'c/handoffPanelFields';
import type { FieldFocusDetail, MissingField } from 'c/handoffPanelBlockers';

import OPPORTUNITY_OBJECT from '@salesforce/schema/Opportunity';
import NAME_FIELD from '@salesforce/schema/Opportunity.Name';
import AMOUNT_FIELD from '@salesforce/schema/Opportunity.Amount';
import TYPE_FIELD from '@salesforce/schema/Opportunity.Type';
import CLOSE_DATE_FIELD from '@salesforce/schema/Opportunity.CloseDate';
import ACCOUNT_NAME_FIELD from '@salesforce/schema/Opportunity.Account.Name';
import OWNER_NAME_FIELD from '@salesforce/schema/Opportunity.Owner.Name';
import SEGMENT_FIELD from '@salesforce/schema/Opportunity.Handoff_Segment__c';
import SEGMENT_OVERRIDE_FIELD from '@salesforce/schema/Opportunity.Handoff_Segment_Override__c';
import SEGMENT_REASON_FIELD from '@salesforce/schema/Opportunity.Handoff_Segment_Reason__c';
import TIER_FIELD from '@salesforce/schema/Opportunity.Handoff_Tier__c';
import EXCEPTION_STATUS_FIELD from '@salesforce/schema/Opportunity.Handoff_Exception_Status__c';
import EXCEPTION_ACTIVE_FIELD from '@salesforce/schema/Opportunity.Handoff_Exception_Active__c';
import GOALS_FIELD from '@salesforce/schema/Opportunity.Handoff_Customer_Goals__c';
import PAIN_FIELD from '@salesforce/schema/Opportunity.Handoff_Business_Pain__c';
import CHAMPION_FIELD from '@salesforce/schema/Opportunity.Handoff_Champion__c';
import CHAMPION_NAME_FIELD from '@salesforce/schema/Opportunity.Handoff_Champion__r.Name';
import SPONSOR_FIELD from '@salesforce/schema/Opportunity.Handoff_Executive_Sponsor__c';
import SPONSOR_NAME_FIELD from '@salesforce/schema/Opportunity.Handoff_Executive_Sponsor__r.Name';
import TECHNICAL_FIELD from '@salesforce/schema/Opportunity.Handoff_Technical_Contact__c';
import TECHNICAL_NAME_FIELD from '@salesforce/schema/Opportunity.Handoff_Technical_Contact__r.Name';
import SCOPE_FIELD from '@salesforce/schema/Opportunity.Handoff_Scope__c';
import INTEGRATIONS_FIELD from '@salesforce/schema/Opportunity.Handoff_Integrations__c';
import COMMITMENTS_FIELD from '@salesforce/schema/Opportunity.Handoff_Commitments__c';
import RISKS_FIELD from '@salesforce/schema/Opportunity.Handoff_Risks__c';
import PREFERENCES_FIELD from '@salesforce/schema/Opportunity.Handoff_Communication_Preferences__c';
import GO_LIVE_FIELD from '@salesforce/schema/Opportunity.Handoff_Target_Go_Live__c';
import COMPETITION_FIELD from '@salesforce/schema/Opportunity.Handoff_Competitive_Context__c';
import CONTRACT_FIELD from '@salesforce/schema/Opportunity.Handoff_Contract_Notes__c';
import NOTES_FIELD from '@salesforce/schema/Opportunity.Handoff_Notes__c';
import PREFILLED_FIELD from '@salesforce/schema/Opportunity.Handoff_Prefilled_Fields__c';

// ---------------------------------------------------------------------------------------------
// Data shapes
// ---------------------------------------------------------------------------------------------

// ESLint parses TypeScript with Babel, whose scope analysis counts an imported type as used only
// in a type alias or interface; these aliases keep no-unused-vars quiet (tsc checks the rest).
type Rule = AppliedRule;
type RuleEvaluation = Evaluation;
type Summary = SummaryDocument;
type SummaryWords = SummaryLabels;
type Row = FieldRow;
type Section = FieldSection;
type Missing = MissingField;
type FieldChange = FieldChangeDetail;
type FieldFocus = FieldFocusDetail;
type Mapping = PrefillMapping;
type Sources = PrefillSources;
/** A pre-fill suggestion, or one of Draft with AI (source `AI`, in the same shape). */
type PrefillSuggestion = Omit<Suggestion, 'source'> & { source: Suggestion['source'] | 'AI' };
type ShownSuggestion = RowSuggestion;
type SuggestionEvent = SuggestionDetail;

/** @description getPrefillSources's answer (HandoffPanelController.PrefillSources). */
export interface PrefillData {
  mappings: Mapping[];
  sources: Sources;
  current: Record<string, unknown>;
  fieldTypes: Record<string, string>;
  unavailable?: string[];
}

/**
 * Suggestions dismissed in this browser session, by Opportunity Id: `field:mapping` keys. Kept
 * outside the component so a dismissal holds when the panel is rendered again (another tab of
 * the record, a refresh of the component), and forgotten with the page.
 */
const DISMISSED = new Map<string, Set<string>>();

/** @description getPanelConfig's answer. */
export interface PanelConfig {
  rules: RuleConfig;
  employees?: number | null;
  fieldNames: string[];
  /** Handoff_Setting__mdt.Default.Rollout_Mode__c as the server reads it. */
  rolloutMode?: RolloutMode;
  /** Whether the Closed Won gate applies to this deal (Enforce, or Pilot for the pilot group). */
  gateApplies?: boolean;
}

/** @description The product's rollout modes (HandoffRollout). */
export type RolloutMode = 'Installed' | 'Monitor' | 'Pilot' | 'Enforce';

/** @description getExceptionState's and requestException's answer. */
export interface ExceptionState {
  exceptionStatus?: string | null;
  reason?: string | null;
  dueDate?: string | null;
  requestedAt?: string | null;
  pending?: boolean;
  approverName?: string | null;
  decidedAt?: string | null;
}

/** @description getLatestHandoff's answer. */
export interface LatestHandoff {
  id: string;
  handoffNumber?: string | null;
  handoffStatus?: string | null;
  handoffStatusLabel?: string | null;
  summary?: string | null;
  csmName?: string | null;
  firstTouchDueAt?: string | null;
  firstTouchAt?: string | null;
  slaBreached?: boolean;
  slaPaused?: boolean;
}

interface FieldValue {
  value: unknown;
  displayValue?: string | null;
}

interface RecordData {
  id?: string;
  fields: Record<string, FieldValue | undefined>;
}

interface FieldInfo {
  apiName: string;
  label: string;
  updateable?: boolean;
}

interface ObjectInfo {
  apiName: string;
  fields: Record<string, FieldInfo | undefined>;
}

interface WireResult<T> {
  data?: T;
  error?: unknown;
}

// ---------------------------------------------------------------------------------------------
// Constants and pure helpers
// ---------------------------------------------------------------------------------------------

const STATUS_REQUESTED = 'Requested';
const STATUS_APPROVED = 'Approved';
/** evaluate()'s segment reasons when no policy decides (docs/behaviour.md, "Evaluation details"). */
const REASON_NO_ACTIVE_POLICY = 'No active segment policy';
const REASON_NO_BAND_MET = 'No segment policy matched';
const MINUTE = 60 * 1000;
const MINUTES_PER_DAY = 24 * 60;
/** The SLA clock counts days and hours from two days left. */
const DAYS_FROM_MINUTES = 2 * MINUTES_PER_DAY;

type SchemaField = { objectApiName: string; fieldApiName: string };

function qualified(field: SchemaField): string {
  return `${field.objectApiName}.${field.fieldApiName}`;
}

/** The lookup fields of the summary and the field holding each contact's name. */
const CONTACT_NAME_FIELDS: Record<string, SchemaField> = {
  [CHAMPION_FIELD.fieldApiName]: CHAMPION_NAME_FIELD,
  [SPONSOR_FIELD.fieldApiName]: SPONSOR_NAME_FIELD,
  [TECHNICAL_FIELD.fieldApiName]: TECHNICAL_NAME_FIELD
};

/** Every field the panel reads; the rule fields of the configuration are added at run time. */
const PANEL_FIELDS: SchemaField[] = [
  AMOUNT_FIELD,
  TYPE_FIELD,
  CLOSE_DATE_FIELD,
  ACCOUNT_NAME_FIELD,
  OWNER_NAME_FIELD,
  SEGMENT_FIELD,
  SEGMENT_OVERRIDE_FIELD,
  SEGMENT_REASON_FIELD,
  TIER_FIELD,
  EXCEPTION_STATUS_FIELD,
  EXCEPTION_ACTIVE_FIELD,
  GOALS_FIELD,
  PAIN_FIELD,
  CHAMPION_FIELD,
  CHAMPION_NAME_FIELD,
  SPONSOR_FIELD,
  SPONSOR_NAME_FIELD,
  TECHNICAL_FIELD,
  TECHNICAL_NAME_FIELD,
  SCOPE_FIELD,
  INTEGRATIONS_FIELD,
  COMMITMENTS_FIELD,
  RISKS_FIELD,
  PREFERENCES_FIELD,
  GO_LIVE_FIELD,
  COMPETITION_FIELD,
  CONTRACT_FIELD,
  NOTES_FIELD,
  PREFILLED_FIELD
];
const REQUIRED_FIELDS = [qualified(NAME_FIELD)];
const BASE_OPTIONAL_FIELDS = PANEL_FIELDS.map(qualified);

/** Blank as Apex String.isBlank and the evaluator call it: null, undefined or only whitespace. */
function isBlankValue(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
  );
}

/** A value from a record, following a relationship path such as `Account.Name`. */
function readField(record: RecordData | undefined, path: string): unknown {
  let current: RecordData | null | undefined = record;
  const parts = path.split('.');
  for (let index = 0; index < parts.length; index++) {
    const field: FieldValue | undefined = current?.fields?.[parts[index]];
    if (field === undefined) {
      return undefined;
    }
    if (index === parts.length - 1) {
      return field.value;
    }
    current = field.value as RecordData | null;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The component
// ---------------------------------------------------------------------------------------------

export default class HandoffPanel extends LightningElement {
  /** @description The Opportunity Id, set by the record page. */
  @api recordId?: string;

  labels = LABELS;
  opportunityApiName = OPPORTUNITY_OBJECT.objectApiName;

  config?: PanelConfig;
  configError?: string;
  configResult?: unknown;
  record?: RecordData;
  recordError?: string;
  objectInfo?: ObjectInfo;
  objectInfoError?: string;
  exceptionState?: ExceptionState;
  exceptionStateResult?: unknown;
  latestHandoff?: LatestHandoff | null;
  handoffError?: string;

  optionalFields: string[] = BASE_OPTIONAL_FIELDS;
  requiredFields: string[] = REQUIRED_FIELDS;
  /** Unsaved edits by field API name: the meter counts them before the save. */
  drafts: Record<string, unknown> = {};
  /** getPrefillSources's answer; undefined until it answers (or when it failed). */
  prefill?: PrefillData;
  /** True when getPrefillSources failed: the panel works on, with a quiet notice. */
  prefillFailed = false;
  /** Accepted suggestions not yet saved: field API name → mapping developer name. */
  accepted: Record<string, string> = {};
  /** Bumped on a dismissal so the getters that read DISMISSED run again. */
  dismissals = 0;
  /** True when HandoffAiDraftController.isAvailable answered true: Draft with AI is offered. */
  aiAvailable = false;
  /** The AI's last answer (source AI); shown only for fields still empty. */
  aiSuggestions: PrefillSuggestion[] = [];
  /** True while draft() runs: a spinner, the button disabled. */
  aiDrafting = false;
  /** The refusal or error of the last draft, '' when none. */
  aiError = '';
  /** Said after a draft that suggested nothing, '' otherwise. */
  aiNotice = '';
  evaluation?: RuleEvaluation;
  isSaving = false;
  now = Date.now();

  private lastExceptionStatus?: string | null;
  private clock?: ReturnType<typeof setInterval>;
  /** Set by Try again: the button goes away, so the focus moves to what replaced it. */
  private focusAfterRetry = false;

  connectedCallback(): void {
    // The SLA clock (shown after close) counts down once a minute; cleared on disconnect.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    this.clock = setInterval(() => {
      if (this.latestHandoff) {
        this.now = Date.now();
      }
    }, MINUTE);
  }

  /**
   * After Try again the button is gone: the focus moves to the panel's first heading once it
   * loaded, or back to Try again when it failed again (never to the page).
   */
  renderedCallback(): void {
    if (!this.focusAfterRetry || this.isLoading) {
      return;
    }
    const target = this.template.querySelector<HTMLElement>(
      this.hasError ? '[data-id="retry"]' : '[data-id="segment-heading"]'
    );
    if (target) {
      this.focusAfterRetry = false;
      target.focus();
    }
  }

  disconnectedCallback(): void {
    if (this.clock !== undefined) {
      clearInterval(this.clock);
      this.clock = undefined;
    }
  }

  // ----------------------------------------------------------------------------------- wires

  @wire(getPanelConfig, { opportunityId: '$recordId' })
  wiredConfig(result: WireResult<PanelConfig>): void {
    this.configResult = result;
    if (result.data) {
      this.config = result.data;
      this.configError = undefined;
      this.updateOptionalFields();
      this.recompute();
    } else if (result.error) {
      this.config = undefined;
      this.configError = errorMessage(result.error);
    }
  }

  @wire(getRecord, {
    recordId: '$recordId',
    fields: '$requiredFields',
    optionalFields: '$optionalFields'
  })
  wiredRecord({ data, error }: WireResult<RecordData>): void {
    if (data) {
      this.record = data;
      this.recordError = undefined;
      this.refreshExceptionStateWhenStatusChanged();
      this.recompute();
    } else if (error) {
      this.recordError = errorMessage(error);
    }
  }

  @wire(getPrefillSources, { opportunityId: '$recordId' })
  wiredPrefill({ data, error }: WireResult<PrefillData>): void {
    if (data) {
      this.prefill = data;
      this.prefillFailed = false;
    } else if (error) {
      this.prefill = undefined;
      this.prefillFailed = true;
    }
  }

  @wire(isAiAvailable)
  wiredAiAvailable({ data }: WireResult<boolean>): void {
    // An error (no access to the class) hides the button like a false answer.
    this.aiAvailable = data === true;
  }

  @wire(getObjectInfo, { objectApiName: OPPORTUNITY_OBJECT })
  wiredObjectInfo({ data, error }: WireResult<ObjectInfo>): void {
    if (data) {
      this.objectInfo = data;
      this.objectInfoError = undefined;
      this.updateOptionalFields();
      this.recompute();
    } else if (error) {
      this.objectInfoError = errorMessage(error);
    }
  }

  @wire(getExceptionState, { opportunityId: '$recordId' })
  wiredExceptionState(result: WireResult<ExceptionState>): void {
    this.exceptionStateResult = result;
    if (result.data) {
      this.exceptionState = result.data;
    }
  }

  @wire(getLatestHandoff, { opportunityId: '$recordId' })
  wiredLatestHandoff(result: WireResult<LatestHandoff | null>): void {
    if (result.error) {
      this.handoffError = errorMessage(result.error);
      this.latestHandoff = null;
    } else if (result.data !== undefined) {
      this.handoffError = undefined;
      this.latestHandoff = result.data;
    }
  }

  // ------------------------------------------------------------------------ state derivation

  /** The field's API name as the object info spells it (rules compare case-insensitively). */
  canonicalField(fieldApiName: string): string {
    const wanted = fieldApiName.trim();
    const fields = this.objectInfo?.fields ?? {};
    if (fields[wanted]) {
      return wanted;
    }
    const lower = wanted.toLowerCase();
    return Object.keys(fields).find((name) => name.toLowerCase() === lower) ?? wanted;
  }

  updateOptionalFields(): void {
    if (!this.config || !this.objectInfo) {
      return;
    }
    const fields = new Set(BASE_OPTIONAL_FIELDS);
    for (const rule of this.config.rules.fieldRules) {
      const name = this.canonicalField(rule.fieldApiName);
      if (this.objectInfo.fields[name]) {
        fields.add(`${this.opportunityApiName}.${name}`);
      }
    }
    if (fields.size !== this.optionalFields.length) {
      this.optionalFields = Array.from(fields);
    }
  }

  currentValue(fieldApiName: string): unknown {
    const name = this.canonicalField(fieldApiName);
    return Object.prototype.hasOwnProperty.call(this.drafts, name)
      ? this.drafts[name]
      : readField(this.record, name);
  }

  recompute(): void {
    this.evaluation = this.evaluateWith({});
  }

  /** The evaluation of the values on screen, with `extra` values laid over them. */
  evaluateWith(extra: Record<string, unknown>): RuleEvaluation | undefined {
    if (!this.config || !this.record) {
      return undefined;
    }
    const values: Record<string, unknown> = {};
    for (const rule of this.config.rules.fieldRules) {
      const name = this.canonicalField(rule.fieldApiName);
      values[rule.fieldApiName] = Object.prototype.hasOwnProperty.call(extra, name)
        ? extra[name]
        : this.currentValue(rule.fieldApiName);
    }
    const amount = this.currentValue(AMOUNT_FIELD.fieldApiName);
    const type = this.currentValue(TYPE_FIELD.fieldApiName);
    const override = this.currentValue(SEGMENT_OVERRIDE_FIELD.fieldApiName);
    return evaluate(
      {
        amount: typeof amount === 'number' ? amount : null,
        employees: this.config.employees ?? null,
        type: typeof type === 'string' ? type : null,
        segmentOverride: typeof override === 'string' ? override : null,
        values
      },
      this.config.rules,
      { knownFields: new Set(this.config.fieldNames) }
    );
  }

  refreshExceptionStateWhenStatusChanged(): void {
    const status = readField(this.record, EXCEPTION_STATUS_FIELD.fieldApiName) as
      string | null | undefined;
    if (this.lastExceptionStatus !== undefined && status !== this.lastExceptionStatus) {
      refreshApex(this.exceptionStateResult).catch(() => undefined);
    }
    this.lastExceptionStatus = status ?? null;
  }

  fieldLabel(fieldApiName: string): string {
    return this.objectInfo?.fields[this.canonicalField(fieldApiName)]?.label ?? fieldApiName;
  }

  // ------------------------------------------------------------------------------- states

  get loadErrorText(): string {
    return this.configError || this.recordError || this.objectInfoError || '';
  }

  get hasError(): boolean {
    return this.loadErrorText !== '';
  }

  get isLoading(): boolean {
    return !this.hasError && (!this.config || !this.record || !this.objectInfo);
  }

  get isReady(): boolean {
    return !this.hasError && !this.isLoading && this.evaluation !== undefined;
  }

  get hasDrafts(): boolean {
    return Object.keys(this.drafts).length > 0;
  }

  get noDrafts(): boolean {
    return !this.hasDrafts || this.isSaving;
  }

  get isClosed(): boolean {
    return Boolean(this.latestHandoff);
  }

  /** Before close only: what blocks Closed Won and the exception (they no longer apply after). */
  get isOpen(): boolean {
    return !this.isClosed;
  }

  /**
   * Try again after a load error: reloads the Apex configuration and asks Lightning Data Service
   * for the record again; the spinner shows until they answer (an error shows again if it stays).
   */
  async handleRetry(): Promise<void> {
    this.focusAfterRetry = true;
    this.configError = undefined;
    this.recordError = undefined;
    try {
      await refreshApex(this.configResult);
      if (this.recordId) {
        await notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
      }
    } catch (error) {
      this.configError = errorMessage(error);
    }
  }

  // ------------------------------------------------------------------------------ segment

  get segmentBadge(): string {
    return this.evaluation?.segment ?? LABELS.segmentNone;
  }

  get tierBadge(): string {
    return this.evaluation?.tier ?? LABELS.tierNone;
  }

  get segmentWhy(): string {
    const saved = readField(this.record, SEGMENT_REASON_FIELD.fieldApiName);
    const reason =
      typeof saved === 'string' && saved.trim() !== '' ? saved : LABELS.segmentNotSaved;
    return formatLabel(LABELS.segmentWhy, reason);
  }

  /** The re-derivation from the values on screen, when it differs from the saved reason. */
  get segmentLive(): string {
    const saved = readField(this.record, SEGMENT_REASON_FIELD.fieldApiName);
    const live = this.evaluation?.segmentReason ?? '';
    return live !== '' && live !== saved ? formatLabel(LABELS.segmentLive, live) : '';
  }

  get policyProblem(): string {
    switch (this.evaluation?.segmentReason) {
      case REASON_NO_ACTIVE_POLICY:
        return LABELS.noPolicy;
      case REASON_NO_BAND_MET:
        return LABELS.noPolicyMatch;
      default:
        return '';
    }
  }

  // ----------------------------------------------------------------------- meter, blockers

  get completeness(): number {
    return this.evaluation?.completeness ?? 0;
  }

  get missingFields(): Missing[] {
    return (this.evaluation?.missing ?? []).map((field) => {
      const fieldApiName = this.canonicalField(field);
      return { key: field, fieldApiName, label: this.fieldLabel(field) };
    });
  }

  get exceptionApproved(): boolean {
    return readField(this.record, EXCEPTION_ACTIVE_FIELD.fieldApiName) === true;
  }

  get blocksIntro(): string {
    if ((this.evaluation?.missing ?? []).length === 0) {
      return LABELS.blocksNone;
    }
    return this.exceptionApproved ? LABELS.blocksException : LABELS.blocksMissing;
  }

  /** True when the gate blocks this deal; false in Installed, Monitor and Pilot outside the pilot. */
  get gateApplies(): boolean {
    return this.config?.gateApplies === true;
  }

  get blocksHeading(): string {
    return this.gateApplies ? LABELS.blocksHeading : LABELS.blocksHeadingMonitor;
  }

  /** Why blank fields do not block here, or '' when the gate applies. */
  get rolloutNote(): string {
    if (this.gateApplies) {
      return '';
    }
    return (this.config?.rolloutMode ?? 'Installed') === 'Installed'
      ? LABELS.modeInstalled
      : LABELS.modeMonitor;
  }

  get skippedText(): string {
    const skipped = this.evaluation?.skipped ?? [];
    return skipped.length === 0
      ? ''
      : formatLabel(LABELS.skipped, skipped.map((rule) => rule.fieldApiName).join(', '));
  }

  /** A blocker was chosen: scroll to its field and put the focus in it. */
  handleFieldFocus(event: CustomEvent<FieldFocus>): void {
    const fields = this.template.querySelector<HTMLElement & { focusField?: (f: string) => void }>(
      'c-handoff-panel-fields'
    );
    fields?.focusField?.(event.detail.fieldApiName);
  }

  // ------------------------------------------------------------------------------- fields

  get hasRules(): boolean {
    return (this.evaluation?.rules.length ?? 0) > 0;
  }

  get noRulesText(): string {
    return formatLabel(
      LABELS.noRules,
      this.evaluation?.ruleSet ?? '',
      this.evaluation?.segment ?? LABELS.segmentNone
    );
  }

  /** The rules by configured section; in a section the required fields come first. */
  get sections(): Section[] {
    const sections: Section[] = [];
    const suggestions = this.suggestions;
    for (const rule of this.evaluation?.rules ?? []) {
      let section = sections.find((s) => s.title === rule.section);
      if (!section) {
        section = { key: `section-${sections.length}`, title: rule.section, fields: [] };
        sections.push(section);
      }
      section.fields.push(this.fieldRow(rule, suggestions));
    }
    for (const section of sections) {
      section.fields = [
        ...section.fields.filter((field) => field.required),
        ...section.fields.filter((field) => !field.required)
      ];
    }
    return sections;
  }

  fieldRow(rule: Rule, suggestions: PrefillSuggestion[] = []): Row {
    const fieldApiName = this.canonicalField(rule.fieldApiName);
    const required = rule.requirement.trim().toLowerCase() === 'required';
    const label = this.fieldLabel(fieldApiName);
    const state = rule.filled ? LABELS.filled : LABELS.blank;
    return {
      key: rule.developerName,
      fieldApiName,
      label,
      guidance: rule.guidance ?? '',
      required,
      filled: rule.filled,
      visible: Boolean(this.objectInfo?.fields[fieldApiName]),
      noAccessText: formatLabel(LABELS.fieldNoAccess, label),
      statusIcon: rule.filled ? 'utility:success' : 'utility:record',
      statusVariant: rule.filled ? 'success' : required ? 'warning' : undefined,
      statusText: required ? `${label}: ${LABELS.required}, ${state}` : `${label}: ${state}`,
      suggestion: this.rowSuggestion(
        suggestions.find((s) => s.field === fieldApiName),
        label
      )
    };
  }

  // ------------------------------------------------------------------------------ pre-fill

  private get dismissedKeys(): Set<string> {
    let keys = DISMISSED.get(this.recordId ?? '');
    if (!keys) {
      keys = new Set<string>();
      DISMISSED.set(this.recordId ?? '', keys);
    }
    return keys;
  }

  /**
   * The suggestions to show (docs/behaviour.md, "Pre-fill"): before close only, for fields the
   * panel shows and the user may edit, computed by c/handoffPrefill against the values on screen
   * (the AE's drafts included, so a typed value always wins), less the dismissed ones.
   */
  get suggestions(): PrefillSuggestion[] {
    const prefill = this.prefill;
    if ((!prefill && this.aiSuggestions.length === 0) || !this.isOpen || !this.evaluation) {
      return [];
    }
    const shown = new Set(
      this.evaluation.rules.map((rule) => this.canonicalField(rule.fieldApiName))
    );
    const current: Record<string, unknown> = { ...(prefill?.current ?? {}) };
    for (const field of shown) {
      const value = this.currentValue(field);
      if (value !== undefined) {
        current[field] = value;
      }
    }
    const dismissed = this.dismissals >= 0 ? this.dismissedKeys : new Set<string>();
    const offered = (s: PrefillSuggestion): boolean =>
      shown.has(s.field) &&
      this.objectInfo?.fields[s.field]?.updateable === true &&
      !dismissed.has(`${s.field}:${s.mapping}`);
    // The AI's draft, asked for by the AE, goes before a pre-fill suggestion for the same field;
    // like the pre-fill's, only for fields that are empty on screen.
    const fromAi = this.aiSuggestions.filter(
      (s) => offered(s) && isBlankValue(this.currentValue(s.field))
    );
    const aiFields = new Set(fromAi.map((s) => s.field));
    const fromPrefill = prefill
      ? suggest({
          mappings: prefill.mappings ?? [],
          sources: prefill.sources,
          current,
          fieldTypes: prefill.fieldTypes ?? {}
        }).suggestions.filter((s) => offered(s) && !aiFields.has(s.field))
      : [];
    return [...fromPrefill, ...fromAi];
  }

  /** Where a suggestion came from, in the user's words. */
  sourceText(s: PrefillSuggestion): string {
    switch (s.source) {
      case 'Contact_Role':
        return formatLabel(
          this.fieldTypeOf(s.field) === 'reference'
            ? LABELS.prefillFromRole
            : LABELS.prefillFromRoles,
          s.detail
        );
      case 'Competitor':
        return formatLabel(LABELS.prefillFromCompetitors, s.detail);
      case 'Product':
        return formatLabel(LABELS.prefillFromProducts, s.detail);
      case 'Opportunity_Field':
        return formatLabel(LABELS.prefillFromField, this.fieldLabel(s.detail));
      case 'AI':
        return LABELS.aiSource;
      default:
        return s.detail === ''
          ? LABELS.prefillFromLastHandoffUndated
          : formatLabel(LABELS.prefillFromLastHandoff, formatDate(s.detail));
    }
  }

  fieldTypeOf(field: string): string {
    return this.prefill?.fieldTypes?.[field] ?? '';
  }

  rowSuggestion(s: PrefillSuggestion | undefined, label: string): ShownSuggestion | null {
    if (!s) {
      return null;
    }
    return {
      value: s.value,
      displayValue:
        this.fieldTypeOf(s.field) === 'date' ? formatDate(s.displayValue) : s.displayValue,
      sourceText: this.sourceText(s),
      ambiguousText: s.ambiguous ? LABELS.prefillAmbiguous : '',
      acceptLabel: formatLabel(LABELS.prefillAcceptField, label),
      dismissLabel: formatLabel(LABELS.prefillDismissField, label)
    };
  }

  /** The completeness if every shown suggestion were accepted, or null when there are none. */
  get projectedCompleteness(): number | null {
    const suggestions = this.suggestions;
    if (suggestions.length === 0) {
      return null;
    }
    const extra: Record<string, unknown> = {};
    for (const s of suggestions) {
      extra[s.field] = s.value;
    }
    return this.evaluateWith(extra)?.completeness ?? null;
  }

  /** Draft with AI is offered before close, where the AI package answers for this user. */
  get showAiDraft(): boolean {
    return this.aiAvailable && this.isOpen && this.hasRules;
  }

  get aiButtonLabel(): string {
    return this.aiDrafting ? LABELS.aiDrafting : LABELS.aiDraft;
  }

  /** Asks the AI to draft the deal's empty fields; its answer shows as suggestions. */
  async handleAiDraft(): Promise<void> {
    if (this.aiDrafting || !this.recordId) {
      return;
    }
    this.aiDrafting = true;
    this.aiError = '';
    this.aiNotice = '';
    try {
      const answer = await draftWithAi({ opportunityId: this.recordId });
      this.aiSuggestions = (answer ?? []).map((s): PrefillSuggestion => ({
        ...s,
        source: 'AI',
        ambiguous: false
      }));
      if (!this.suggestions.some((s) => s.source === 'AI')) {
        this.aiNotice = LABELS.aiNone;
      }
    } catch (error) {
      this.aiError = errorMessage(error) || LABELS.aiNone;
    } finally {
      this.aiDrafting = false;
      await this.keepFocusOnAiButton();
    }
  }

  /**
   * While drafting the button is disabled, and a browser may drop the focus to the page: once it
   * is enabled again, the focus goes back to it — unless the AE has moved on meanwhile.
   */
  private async keepFocusOnAiButton(): Promise<void> {
    // The button is enabled again by the render this microtask follows.
    await Promise.resolve();
    const active = document.activeElement;
    if (active === null || active === document.body) {
      this.template.querySelector<HTMLElement>('button[data-id="ai-draft-button"]')?.focus();
    }
  }

  get prefillNotice(): string {
    return this.prefillFailed && this.isOpen ? LABELS.prefillUnavailable : '';
  }

  private accept(list: PrefillSuggestion[]): void {
    if (list.length === 0) {
      return;
    }
    const drafts = { ...this.drafts };
    const accepted = { ...this.accepted };
    for (const s of list) {
      drafts[s.field] = s.value;
      accepted[s.field] = s.mapping;
    }
    this.drafts = drafts;
    this.accepted = accepted;
    this.recompute();
  }

  handleSuggestionAccept(event: CustomEvent<SuggestionEvent>): void {
    this.accept(this.suggestions.filter((s) => s.field === event.detail.fieldApiName));
  }

  handleSuggestionAcceptAll(): void {
    this.accept(this.suggestions);
  }

  handleSuggestionDismiss(event: CustomEvent<SuggestionEvent>): void {
    const s = this.suggestions.find((c) => c.field === event.detail.fieldApiName);
    if (s) {
      this.dismissedKeys.add(`${s.field}:${s.mapping}`);
      this.dismissals++;
    }
  }

  /**
   * Handoff_Prefilled_Fields__c to save ("Field__c:Mapping" entries separated by ";"): the saved
   * entries, less those of fields edited since, plus the suggestions accepted and not edited;
   * null when the save would not change it.
   */
  get prefilledFieldsValue(): string | null {
    const saved = readField(this.record, PREFILLED_FIELD.fieldApiName);
    const entries = new Map<string, string>();
    for (const part of (typeof saved === 'string' ? saved : '').split(';')) {
      const at = part.indexOf(':');
      if (at > 0) {
        entries.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
      }
    }
    let changed = false;
    for (const field of Object.keys(this.drafts)) {
      const mapping = this.accepted[field];
      if (mapping !== undefined) {
        changed = changed || entries.get(field) !== mapping;
        entries.set(field, mapping);
      } else if (entries.delete(field)) {
        changed = true;
      }
    }
    return changed
      ? Array.from(entries, ([field, mapping]) => `${field}:${mapping}`).join(';')
      : null;
  }

  handleFieldChange(event: CustomEvent<FieldChange>): void {
    const { fieldApiName, value } = event.detail;
    if (Object.prototype.hasOwnProperty.call(this.accepted, fieldApiName)) {
      if (value !== this.drafts[fieldApiName]) {
        // Edited after accepting: the AE's value now, no longer counted as pre-filled.
        const accepted = { ...this.accepted };
        delete accepted[fieldApiName];
        this.accepted = accepted;
      }
    }
    this.drafts = { ...this.drafts, [fieldApiName]: value };
    this.recompute();
  }

  handleSaveStart(): void {
    this.isSaving = true;
  }

  handleSaveSuccess(): void {
    this.isSaving = false;
    this.drafts = {};
    this.accepted = {};
    this.recompute();
    this.toast(LABELS.savedToast, 'success');
  }

  handleSaveError(): void {
    this.isSaving = false;
    this.toast(LABELS.saveFailed, 'error');
  }

  handleDiscard(): void {
    this.drafts = {};
    this.accepted = {};
    this.recompute();
  }

  // ---------------------------------------------------------------------------- exception

  get exceptionStatus(): string | null {
    const fromRecord = readField(this.record, EXCEPTION_STATUS_FIELD.fieldApiName);
    if (typeof fromRecord === 'string' && fromRecord !== '') {
      return fromRecord;
    }
    return this.exceptionState?.exceptionStatus ?? null;
  }

  /**
   * Offered while nothing is pending or approved, to users who may set the status, once the
   * product is switched on (in Installed nothing would submit the request for approval).
   */
  get canRequestException(): boolean {
    const status = this.exceptionStatus;
    const statusField = this.objectInfo?.fields[EXCEPTION_STATUS_FIELD.fieldApiName];
    return (
      (this.config?.rolloutMode ?? 'Installed') !== 'Installed' &&
      status !== STATUS_REQUESTED &&
      status !== STATUS_APPROVED &&
      statusField?.updateable === true
    );
  }

  /** The request was sent: show the new state, then reload the record and the wired state. */
  async handleExceptionRequested(event: CustomEvent<ExceptionState>): Promise<void> {
    this.exceptionState = event.detail;
    try {
      if (this.recordId) {
        await notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
      }
      await refreshApex(this.exceptionStateResult);
    } catch {
      // The state from the request is shown; the wires catch up on the next load.
    }
  }

  // ------------------------------------------------------------------------------ summary

  get summaryLabels(): SummaryWords {
    const fieldLabels: Record<string, string> = {};
    for (const section of SUMMARY_SECTIONS) {
      for (const item of section.items) {
        fieldLabels[item.fieldApiName] = this.fieldLabel(item.fieldApiName);
      }
    }
    return { ...SUMMARY_WORDS, fieldLabels };
  }

  /** The summary of the saved record (what Customer Success receives), not of the drafts. */
  get summary(): Summary | undefined {
    if (!this.record) {
      return undefined;
    }
    const values: Record<string, unknown> = {};
    const contactNames: Record<string, string | null> = {};
    for (const section of SUMMARY_SECTIONS) {
      for (const item of section.items) {
        values[item.fieldApiName] = readField(this.record, item.fieldApiName);
        const nameField = CONTACT_NAME_FIELDS[item.fieldApiName];
        if (nameField) {
          const name = readField(this.record, nameField.fieldApiName);
          contactNames[item.fieldApiName] = typeof name === 'string' ? name : null;
        }
      }
    }
    const text = (field: SchemaField): string | null => {
      const value = readField(this.record, field.fieldApiName);
      return typeof value === 'string' ? value : null;
    };
    const amount = readField(this.record, AMOUNT_FIELD.fieldApiName);
    return buildSummary(
      {
        opportunityName: text(NAME_FIELD),
        accountName: text(ACCOUNT_NAME_FIELD),
        ownerName: text(OWNER_NAME_FIELD),
        segment: text(SEGMENT_FIELD),
        tier: text(TIER_FIELD),
        closeDate: text(CLOSE_DATE_FIELD),
        amount: typeof amount === 'number' ? amount : null,
        values,
        contactNames
      },
      this.summaryLabels,
      formatNumber
    );
  }

  get frozenSummary(): string {
    return this.latestHandoff?.summary ?? '';
  }

  // ------------------------------------------------------------------------- after close

  get handoffErrorText(): string {
    return this.handoffError ? formatLabel(LABELS.closedError, this.handoffError) : '';
  }

  get handoffStatus(): string {
    return this.latestHandoff?.handoffStatusLabel ?? this.latestHandoff?.handoffStatus ?? '';
  }

  get csmName(): string {
    return this.latestHandoff?.csmName || LABELS.closedCsmNone;
  }

  get sla(): { text: string; detail: string; className: string; icon: string } {
    const handoff = this.latestHandoff;
    const base = 'slds-text-title_bold';
    if (!handoff) {
      return { text: '', detail: '', className: base, icon: 'utility:clock' };
    }
    if (handoff.firstTouchAt) {
      return {
        text: formatLabel(LABELS.slaMet, formatDateTime(handoff.firstTouchAt)),
        detail: '',
        className: `${base} slds-text-color_success`,
        icon: 'utility:success'
      };
    }
    if (!handoff.firstTouchDueAt) {
      return { text: LABELS.slaNone, detail: '', className: base, icon: 'utility:clock' };
    }
    const dueText = formatDateTime(handoff.firstTouchDueAt);
    if (handoff.slaPaused) {
      return {
        text: LABELS.slaPaused,
        detail: formatLabel(LABELS.slaDue, dueText),
        className: base,
        icon: 'utility:pause'
      };
    }
    const left = Date.parse(handoff.firstTouchDueAt) - this.now;
    if (handoff.slaBreached || left <= 0) {
      return {
        text: formatLabel(LABELS.slaBreached, dueText),
        detail: '',
        className: `${base} slds-text-color_error`,
        icon: 'utility:warning'
      };
    }
    const minutes = Math.floor(left / MINUTE);
    // From two days on, days and hours: a far due date reads "12 d 4 h", not "292 h 0 min".
    const text =
      minutes >= DAYS_FROM_MINUTES
        ? formatLabel(
            LABELS.slaRemainingDays,
            Math.floor(minutes / MINUTES_PER_DAY),
            Math.floor((minutes % MINUTES_PER_DAY) / 60)
          )
        : formatLabel(LABELS.slaRemaining, Math.floor(minutes / 60), minutes % 60);
    return {
      text,
      detail: formatLabel(LABELS.slaDue, dueText),
      className: base,
      icon: 'utility:clock'
    };
  }

  // -------------------------------------------------------------------------------- misc

  toast(title: string, variant: 'success' | 'error'): void {
    this.dispatchEvent(new ShowToastEvent({ title, variant }));
  }
}
