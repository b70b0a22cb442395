/**
 * @description The handoff panel on the Opportunity record page (desktop and the Salesforce
 * mobile app): the deal's segment and tier and why; the weighted completeness meter and what
 * blocks Closed Won now; the handoff fields of the deal's rule set and segment, in the configured
 * sections and order with guidance, editable in place (the meter re-evaluates with the same
 * TypeScript evaluator as the conformance vectors, before saving); the exception status and the
 * request-an-exception dialog; the handoff summary (structured, copy as email text, print); and,
 * after close, the frozen summary, the CSM and the first-touch SLA clock.
 *
 * Data: the record and field labels through Lightning Data Service (getRecord, getObjectInfo);
 * Apex (HandoffPanelController) only for what LDS cannot give: the rule configuration from
 * custom metadata, the Account size, the pending approver and the deal's latest Handoff__c.
 */
import { LightningElement, api, wire } from 'lwc';
import { handleDialogKey } from 'c/handoffDialog';
import { getRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { refreshApex } from '@salesforce/apex';
import getPanelConfig from '@salesforce/apex/HandoffPanelController.getPanelConfig';
import getExceptionState from '@salesforce/apex/HandoffPanelController.getExceptionState';
import getLatestHandoff from '@salesforce/apex/HandoffPanelController.getLatestHandoff';
import requestException from '@salesforce/apex/HandoffPanelController.requestException';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { evaluate, formatNumber } from 'c/handoffRules';
import type { AppliedRule, Evaluation, RuleConfig } from 'c/handoffRules';
import { SUMMARY_SECTIONS, buildSummary, toPlainText } from 'c/handoffSummary';
import type { SummaryDocument, SummaryItem, SummaryLabels } from 'c/handoffSummary';

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

import TITLE from '@salesforce/label/c.Handoff_Panel_Title';
import LOADING from '@salesforce/label/c.Handoff_Panel_Loading';
import ERROR_TITLE from '@salesforce/label/c.Handoff_Panel_Error_Title';
import ERROR_HELP from '@salesforce/label/c.Handoff_Panel_Error_Help';
import SEGMENT_HEADING from '@salesforce/label/c.Handoff_Panel_Segment_Heading';
import SEGMENT_NONE from '@salesforce/label/c.Handoff_Panel_Segment_None';
import TIER_NONE from '@salesforce/label/c.Handoff_Panel_Tier_None';
import SEGMENT_WHY from '@salesforce/label/c.Handoff_Panel_Segment_Why';
import SEGMENT_LIVE from '@salesforce/label/c.Handoff_Panel_Segment_Live';
import SEGMENT_NOT_SAVED from '@salesforce/label/c.Handoff_Panel_Segment_Not_Saved';
import NO_POLICY from '@salesforce/label/c.Handoff_Panel_No_Policy';
import NO_POLICY_MATCH from '@salesforce/label/c.Handoff_Panel_No_Policy_Match';
import METER_HEADING from '@salesforce/label/c.Handoff_Panel_Meter_Heading';
import METER_TEXT from '@salesforce/label/c.Handoff_Panel_Meter_Text';
import METER_REQUIRED from '@salesforce/label/c.Handoff_Panel_Meter_Required';
import METER_ASSISTIVE from '@salesforce/label/c.Handoff_Panel_Meter_Assistive';
import BLOCKS_HEADING from '@salesforce/label/c.Handoff_Panel_Blocks_Heading';
import BLOCKS_NONE from '@salesforce/label/c.Handoff_Panel_Blocks_None';
import BLOCKS_MISSING from '@salesforce/label/c.Handoff_Panel_Blocks_Missing';
import BLOCKS_EXCEPTION from '@salesforce/label/c.Handoff_Panel_Blocks_Exception';
import BLOCKS_HEADING_MONITOR from '@salesforce/label/c.Handoff_Panel_Blocks_Heading_Monitor';
import MODE_INSTALLED from '@salesforce/label/c.Handoff_Panel_Mode_Installed';
import MODE_MONITOR from '@salesforce/label/c.Handoff_Panel_Mode_Monitor';
import UNSAVED from '@salesforce/label/c.Handoff_Panel_Unsaved';
import SKIPPED from '@salesforce/label/c.Handoff_Panel_Skipped';
import FIELDS_HEADING from '@salesforce/label/c.Handoff_Panel_Fields_Heading';
import REQUIRED from '@salesforce/label/c.Handoff_Panel_Required';
import OPTIONAL from '@salesforce/label/c.Handoff_Panel_Optional';
import FILLED from '@salesforce/label/c.Handoff_Panel_Filled';
import BLANK from '@salesforce/label/c.Handoff_Panel_Blank';
import SAVE from '@salesforce/label/c.Handoff_Panel_Save';
import DISCARD from '@salesforce/label/c.Handoff_Panel_Discard';
import SAVED_TOAST from '@salesforce/label/c.Handoff_Panel_Saved_Toast';
import SAVE_FAILED from '@salesforce/label/c.Handoff_Panel_Save_Failed';
import NO_RULES from '@salesforce/label/c.Handoff_Panel_No_Rules';
import FIELD_NO_ACCESS from '@salesforce/label/c.Handoff_Panel_Field_No_Access';
import EXCEPTION_HEADING from '@salesforce/label/c.Handoff_Panel_Exception_Heading';
import EXCEPTION_NONE from '@salesforce/label/c.Handoff_Panel_Exception_None';
import EXCEPTION_REQUESTED from '@salesforce/label/c.Handoff_Panel_Exception_Requested';
import EXCEPTION_PENDING from '@salesforce/label/c.Handoff_Panel_Exception_Pending';
import EXCEPTION_APPROVED from '@salesforce/label/c.Handoff_Panel_Exception_Approved';
import EXCEPTION_REJECTED from '@salesforce/label/c.Handoff_Panel_Exception_Rejected';
import EXCEPTION_DUE from '@salesforce/label/c.Handoff_Panel_Exception_Due';
import EXCEPTION_REASON from '@salesforce/label/c.Handoff_Panel_Exception_Reason';
import SOMEONE from '@salesforce/label/c.Handoff_Panel_Someone';
import REQUEST_BUTTON from '@salesforce/label/c.Handoff_Panel_Request_Button';
import REQUEST_TITLE from '@salesforce/label/c.Handoff_Panel_Request_Title';
import REQUEST_INTRO from '@salesforce/label/c.Handoff_Panel_Request_Intro';
import REQUEST_REASON from '@salesforce/label/c.Handoff_Panel_Request_Reason';
import REQUEST_DUE from '@salesforce/label/c.Handoff_Panel_Request_Due';
import REQUEST_SUBMIT from '@salesforce/label/c.Handoff_Panel_Request_Submit';
import REQUEST_CANCEL from '@salesforce/label/c.Handoff_Panel_Request_Cancel';
import REQUEST_CLOSE from '@salesforce/label/c.Handoff_Panel_Request_Close';
import REASON_MISSING from '@salesforce/label/c.Handoff_Panel_Reason_Missing';
import DUE_MISSING from '@salesforce/label/c.Handoff_Panel_Due_Missing';
import DUE_PAST from '@salesforce/label/c.Handoff_Panel_Due_Past';
import REQUEST_SENT from '@salesforce/label/c.Handoff_Panel_Request_Sent';
import REQUEST_FAILED from '@salesforce/label/c.Handoff_Panel_Request_Failed';
import SUMMARY_HEADING from '@salesforce/label/c.Handoff_Panel_Summary_Heading';
import SUMMARY_INTRO from '@salesforce/label/c.Handoff_Panel_Summary_Intro';
import SUMMARY_UNSAVED from '@salesforce/label/c.Handoff_Panel_Summary_Unsaved';
import SUMMARY_COPY from '@salesforce/label/c.Handoff_Panel_Summary_Copy';
import SUMMARY_PRINT from '@salesforce/label/c.Handoff_Panel_Summary_Print';
import SUMMARY_COPIED from '@salesforce/label/c.Handoff_Panel_Summary_Copied';
import SUMMARY_COPY_FAILED from '@salesforce/label/c.Handoff_Panel_Summary_Copy_Failed';
import SUMMARY_PLAIN_TEXT from '@salesforce/label/c.Handoff_Panel_Summary_Plain_Text';
import CLOSED_HEADING from '@salesforce/label/c.Handoff_Panel_Closed_Heading';
import CLOSED_INTRO from '@salesforce/label/c.Handoff_Panel_Closed_Intro';
import CLOSED_STATUS from '@salesforce/label/c.Handoff_Panel_Closed_Status';
import CLOSED_CSM from '@salesforce/label/c.Handoff_Panel_Closed_CSM';
import CLOSED_CSM_NONE from '@salesforce/label/c.Handoff_Panel_Closed_CSM_None';
import CLOSED_FROZEN from '@salesforce/label/c.Handoff_Panel_Closed_Frozen';
import CLOSED_FROZEN_EMPTY from '@salesforce/label/c.Handoff_Panel_Closed_Frozen_Empty';
import CLOSED_ERROR from '@salesforce/label/c.Handoff_Panel_Closed_Error';
import SLA_HEADING from '@salesforce/label/c.Handoff_Panel_Sla_Heading';
import SLA_DUE from '@salesforce/label/c.Handoff_Panel_Sla_Due';
import SLA_REMAINING from '@salesforce/label/c.Handoff_Panel_Sla_Remaining';
import SLA_BREACHED from '@salesforce/label/c.Handoff_Panel_Sla_Breached';
import SLA_MET from '@salesforce/label/c.Handoff_Panel_Sla_Met';
import SLA_PAUSED from '@salesforce/label/c.Handoff_Panel_Sla_Paused';
import SLA_NONE from '@salesforce/label/c.Handoff_Panel_Sla_None';
import SUMMARY_TITLE from '@salesforce/label/c.Handoff_Summary_Title';
import SUMMARY_ACCOUNT from '@salesforce/label/c.Handoff_Summary_Account';
import SUMMARY_ACCOUNT_EXECUTIVE from '@salesforce/label/c.Handoff_Summary_Account_Executive';
import SUMMARY_SEGMENT from '@salesforce/label/c.Handoff_Summary_Segment';
import SUMMARY_CLOSE_DATE from '@salesforce/label/c.Handoff_Summary_Close_Date';
import SUMMARY_AMOUNT from '@salesforce/label/c.Handoff_Summary_Amount';
import SUMMARY_SECTION_WANTS from '@salesforce/label/c.Handoff_Summary_Section_Wants';
import SUMMARY_SECTION_WHO from '@salesforce/label/c.Handoff_Summary_Section_Who';
import SUMMARY_SECTION_PROMISED from '@salesforce/label/c.Handoff_Summary_Section_Promised';
import SUMMARY_SECTION_RISKS from '@salesforce/label/c.Handoff_Summary_Section_Risks';
import SUMMARY_SECTION_NEXT_STEPS from '@salesforce/label/c.Handoff_Summary_Section_Next_Steps';
import SUMMARY_NOT_PROVIDED from '@salesforce/label/c.Handoff_Summary_Not_Provided';
import SUMMARY_TRUNCATED from '@salesforce/label/c.Handoff_Summary_Truncated';

// ---------------------------------------------------------------------------------------------
// Data shapes
// ---------------------------------------------------------------------------------------------

// ESLint parses TypeScript with Babel, whose scope analysis counts an imported type as used only
// in a type alias or interface; these aliases keep no-unused-vars quiet (tsc checks the rest).
type Rule = AppliedRule;
type RuleEvaluation = Evaluation;
type Summary = SummaryDocument;
type SummaryEntry = SummaryItem;
type SummaryWords = SummaryLabels;

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

/** A field row of the editable sections. */
interface FieldRow {
  key: string;
  fieldApiName: string;
  label: string;
  guidance: string;
  guidanceId: string;
  required: boolean;
  filled: boolean;
  visible: boolean;
  noAccessText: string;
  badgeLabel: string;
  badgeClass: string;
  statusIcon: string;
  statusVariant: string | undefined;
  statusText: string;
}

interface FieldSection {
  key: string;
  title: string;
  fields: FieldRow[];
}

/** A summary item as the template shows it. */
interface SummaryItemView {
  key: string;
  label: string;
  text: string;
  valueClass: string;
}

interface SummarySectionView {
  key: string;
  heading: string;
  items: SummaryItemView[];
}

type ToastVariant = 'info' | 'success' | 'warning' | 'error';

// ---------------------------------------------------------------------------------------------
// Constants and pure helpers
// ---------------------------------------------------------------------------------------------

const LABELS = {
  title: TITLE,
  loading: LOADING,
  errorTitle: ERROR_TITLE,
  errorHelp: ERROR_HELP,
  segmentHeading: SEGMENT_HEADING,
  meterHeading: METER_HEADING,
  blocksHeading: BLOCKS_HEADING,
  unsaved: UNSAVED,
  fieldsHeading: FIELDS_HEADING,
  save: SAVE,
  discard: DISCARD,
  exceptionHeading: EXCEPTION_HEADING,
  requestButton: REQUEST_BUTTON,
  requestTitle: REQUEST_TITLE,
  requestIntro: REQUEST_INTRO,
  requestReason: REQUEST_REASON,
  requestDue: REQUEST_DUE,
  requestSubmit: REQUEST_SUBMIT,
  requestCancel: REQUEST_CANCEL,
  requestClose: REQUEST_CLOSE,
  reasonMissing: REASON_MISSING,
  dueMissing: DUE_MISSING,
  duePast: DUE_PAST,
  summaryHeading: SUMMARY_HEADING,
  summaryIntro: SUMMARY_INTRO,
  summaryUnsaved: SUMMARY_UNSAVED,
  summaryCopy: SUMMARY_COPY,
  summaryPrint: SUMMARY_PRINT,
  summaryPlainText: SUMMARY_PLAIN_TEXT,
  closedHeading: CLOSED_HEADING,
  closedIntro: CLOSED_INTRO,
  closedStatus: CLOSED_STATUS,
  closedCsm: CLOSED_CSM,
  closedFrozen: CLOSED_FROZEN,
  closedFrozenEmpty: CLOSED_FROZEN_EMPTY,
  slaHeading: SLA_HEADING
};

/** The custom labels of the summary format (docs/architecture.md, "Handoff summary format"). */
const SUMMARY_WORDS: Omit<SummaryWords, 'fieldLabels'> = {
  title: SUMMARY_TITLE,
  account: SUMMARY_ACCOUNT,
  accountExecutive: SUMMARY_ACCOUNT_EXECUTIVE,
  segment: SUMMARY_SEGMENT,
  closeDate: SUMMARY_CLOSE_DATE,
  amount: SUMMARY_AMOUNT,
  sectionWants: SUMMARY_SECTION_WANTS,
  sectionWho: SUMMARY_SECTION_WHO,
  sectionPromised: SUMMARY_SECTION_PROMISED,
  sectionRisks: SUMMARY_SECTION_RISKS,
  sectionNextSteps: SUMMARY_SECTION_NEXT_STEPS,
  notProvided: SUMMARY_NOT_PROVIDED,
  truncated: SUMMARY_TRUNCATED
};

const STATUS_REQUESTED = 'Requested';
const STATUS_APPROVED = 'Approved';
const STATUS_REJECTED = 'Rejected';
/** evaluate()'s segment reasons when no policy decides (docs/architecture.md, details 3). */
const REASON_NO_ACTIVE_POLICY = 'No active segment policy';
const REASON_NO_BAND_MET = 'No segment policy matched';
const MINUTE = 60 * 1000;

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
  NOTES_FIELD
];
const REQUIRED_FIELDS = [qualified(NAME_FIELD)];
const BASE_OPTIONAL_FIELDS = PANEL_FIELDS.map(qualified);

/** Replaces `{0}`, `{1}`… in a custom label. */
function formatLabel(label: string, ...values: (string | number)[]): string {
  return values.reduce<string>(
    (text, value, index) => text.split(`{${index}}`).join(String(value)),
    label
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

/** A readable message from an Apex, LDS or JavaScript error. */
function errorMessage(error: unknown): string {
  if (error === null || error === undefined) {
    return '';
  }
  if (typeof error === 'string') {
    return error;
  }
  const payload = (error as { body?: unknown }).body;
  const bodies = Array.isArray(payload) ? payload : [payload];
  const messages = bodies
    .map((entry) => (entry as { message?: unknown } | undefined)?.message)
    .filter((text): text is string => typeof text === 'string' && text !== '');
  if (messages.length > 0) {
    return messages.join(' ');
  }
  const ownText = (error as { message?: unknown }).message;
  return typeof ownText === 'string' ? ownText : String(error);
}

/** Today in the user's time zone, as `YYYY-MM-DD`. */
function todayIso(now: Date = new Date(), timeZone: string = TIME_ZONE): string {
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit'
    }).formatToParts(now);
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('year')}-${part('month')}-${part('day')}`;
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

function formatWith(value: Date, options: Intl.DateTimeFormatOptions): string {
  try {
    return new Intl.DateTimeFormat(LOCALE, options).format(value);
  } catch {
    return new Intl.DateTimeFormat(undefined, options).format(value);
  }
}

/** A date and time in the user's locale and time zone. */
function formatDateTime(value: string | null | undefined): string {
  const time = value ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) {
    return value ?? '';
  }
  return formatWith(new Date(time), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: TIME_ZONE
  });
}

/** A `YYYY-MM-DD` date in the user's locale. */
function formatDate(value: string | null | undefined): string {
  const time = value ? Date.parse(`${value.slice(0, 10)}T00:00:00Z`) : NaN;
  if (Number.isNaN(time)) {
    return value ?? '';
  }
  return formatWith(new Date(time), { dateStyle: 'medium', timeZone: 'UTC' });
}

/** LDS gives lookup values as Ids; a lookup input field's change event gives an array of Ids. */
function normaliseInputValue(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.length > 0 ? value[0] : null;
  }
  return value === undefined ? null : value;
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
  evaluation?: RuleEvaluation;
  isSaving = false;

  isRequestOpen = false;
  requestReason = '';
  requestDueDate = '';
  requestError = '';
  isSubmitting = false;
  showPlainText = false;
  now = Date.now();

  private lastExceptionStatus?: string | null;
  private focusOnRender?: string;
  private clock?: ReturnType<typeof setInterval>;

  connectedCallback(): void {
    // The SLA clock (shown after close) counts down once a minute; cleared on disconnect.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    this.clock = setInterval(() => {
      if (this.latestHandoff) {
        this.now = Date.now();
      }
    }, MINUTE);
  }

  disconnectedCallback(): void {
    if (this.clock !== undefined) {
      clearInterval(this.clock);
      this.clock = undefined;
    }
  }

  renderedCallback(): void {
    if (this.focusOnRender) {
      const target = this.template.querySelector<HTMLElement>(`[data-id="${this.focusOnRender}"]`);
      if (target) {
        this.focusOnRender = undefined;
        target.focus();
      }
    }
  }

  // ----------------------------------------------------------------------------------- wires

  @wire(getPanelConfig, { opportunityId: '$recordId' })
  wiredConfig({ data, error }: WireResult<PanelConfig>): void {
    if (data) {
      this.config = data;
      this.configError = undefined;
      this.updateOptionalFields();
      this.recompute();
    } else if (error) {
      this.config = undefined;
      this.configError = errorMessage(error);
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
    if (!this.config || !this.record) {
      this.evaluation = undefined;
      return;
    }
    const values: Record<string, unknown> = {};
    for (const rule of this.config.rules.fieldRules) {
      values[rule.fieldApiName] = this.currentValue(rule.fieldApiName);
    }
    const amount = this.currentValue(AMOUNT_FIELD.fieldApiName);
    const type = this.currentValue(TYPE_FIELD.fieldApiName);
    const override = this.currentValue(SEGMENT_OVERRIDE_FIELD.fieldApiName);
    this.evaluation = evaluate(
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

  // ------------------------------------------------------------------------------ segment

  get segmentBadge(): string {
    return this.evaluation?.segment ?? SEGMENT_NONE;
  }

  get tierBadge(): string {
    return this.evaluation?.tier ?? TIER_NONE;
  }

  get segmentWhy(): string {
    const saved = readField(this.record, SEGMENT_REASON_FIELD.fieldApiName);
    const reason = typeof saved === 'string' && saved.trim() !== '' ? saved : SEGMENT_NOT_SAVED;
    return formatLabel(SEGMENT_WHY, reason);
  }

  /** The re-derivation from the values on screen, when it differs from the saved reason. */
  get segmentLive(): string {
    const saved = readField(this.record, SEGMENT_REASON_FIELD.fieldApiName);
    const live = this.evaluation?.segmentReason ?? '';
    return live !== '' && live !== saved ? formatLabel(SEGMENT_LIVE, live) : '';
  }

  get policyProblem(): string {
    switch (this.evaluation?.segmentReason) {
      case REASON_NO_ACTIVE_POLICY:
        return NO_POLICY;
      case REASON_NO_BAND_MET:
        return NO_POLICY_MATCH;
      default:
        return '';
    }
  }

  // -------------------------------------------------------------------------------- meter

  get completeness(): number {
    return this.evaluation?.completeness ?? 0;
  }

  get requiredRules(): Rule[] {
    return (this.evaluation?.rules ?? []).filter(
      (rule) => rule.requirement.trim().toLowerCase() === 'required'
    );
  }

  get meterText(): string {
    return formatLabel(METER_TEXT, this.completeness);
  }

  get requiredText(): string {
    const required = this.requiredRules;
    return formatLabel(
      METER_REQUIRED,
      required.filter((rule) => rule.filled).length,
      required.length
    );
  }

  get meterAssistiveText(): string {
    const required = this.requiredRules;
    return formatLabel(
      METER_ASSISTIVE,
      this.completeness,
      required.filter((rule) => rule.filled).length,
      required.length
    );
  }

  get meterVariant(): string {
    return this.evaluation?.complete ? 'success' : 'base';
  }

  get missingLabels(): { key: string; label: string }[] {
    return (this.evaluation?.missing ?? []).map((field) => ({
      key: field,
      label: this.fieldLabel(field)
    }));
  }

  get hasMissing(): boolean {
    return this.missingLabels.length > 0;
  }

  get exceptionApproved(): boolean {
    return readField(this.record, EXCEPTION_ACTIVE_FIELD.fieldApiName) === true;
  }

  get blocksIntro(): string {
    if (!this.hasMissing) {
      return BLOCKS_NONE;
    }
    return this.exceptionApproved ? BLOCKS_EXCEPTION : BLOCKS_MISSING;
  }

  /** True when the gate blocks this deal; false in Installed, Monitor and Pilot outside the pilot. */
  get gateApplies(): boolean {
    return this.config?.gateApplies === true;
  }

  get blocksHeading(): string {
    return this.gateApplies ? BLOCKS_HEADING : BLOCKS_HEADING_MONITOR;
  }

  /** Why blank fields do not block here, or '' when the gate applies. */
  get rolloutNote(): string {
    if (this.gateApplies) {
      return '';
    }
    return (this.config?.rolloutMode ?? 'Installed') === 'Installed'
      ? MODE_INSTALLED
      : MODE_MONITOR;
  }

  get skippedText(): string {
    const skipped = this.evaluation?.skipped ?? [];
    return skipped.length === 0
      ? ''
      : formatLabel(SKIPPED, skipped.map((rule) => rule.fieldApiName).join(', '));
  }

  // ------------------------------------------------------------------------------- fields

  get hasRules(): boolean {
    return (this.evaluation?.rules.length ?? 0) > 0;
  }

  get noRulesText(): string {
    return formatLabel(
      NO_RULES,
      this.evaluation?.ruleSet ?? '',
      this.evaluation?.segment ?? SEGMENT_NONE
    );
  }

  /** The rules by configured section; in a section the required fields come first. */
  get sections(): FieldSection[] {
    const sections: FieldSection[] = [];
    for (const rule of this.evaluation?.rules ?? []) {
      let section = sections.find((s) => s.title === rule.section);
      if (!section) {
        section = { key: `section-${sections.length}`, title: rule.section, fields: [] };
        sections.push(section);
      }
      section.fields.push(this.fieldRow(rule));
    }
    for (const section of sections) {
      section.fields = [
        ...section.fields.filter((field) => field.required),
        ...section.fields.filter((field) => !field.required)
      ];
    }
    return sections;
  }

  fieldRow(rule: Rule): FieldRow {
    const fieldApiName = this.canonicalField(rule.fieldApiName);
    const required = rule.requirement.trim().toLowerCase() === 'required';
    const label = this.fieldLabel(fieldApiName);
    return {
      key: rule.developerName,
      fieldApiName,
      label,
      guidance: rule.guidance ?? '',
      guidanceId: `guidance-${rule.developerName}`,
      required,
      filled: rule.filled,
      visible: Boolean(this.objectInfo?.fields[fieldApiName]),
      noAccessText: formatLabel(FIELD_NO_ACCESS, label),
      badgeLabel: required ? REQUIRED : OPTIONAL,
      badgeClass: required
        ? 'slds-badge slds-theme_warning slds-m-left_x-small'
        : 'slds-badge slds-badge_lightest slds-m-left_x-small',
      statusIcon: rule.filled ? 'utility:success' : 'utility:record',
      statusVariant: rule.filled ? 'success' : required ? 'warning' : undefined,
      statusText: `${label}: ${rule.filled ? FILLED : BLANK}`
    };
  }

  handleFieldChange(event: CustomEvent<{ value?: unknown }>): void {
    const input = event.target as unknown as { fieldName?: string } | null;
    const changedField = input?.fieldName;
    if (!changedField) {
      return;
    }
    const value = normaliseInputValue(event.detail?.value);
    this.drafts = { ...this.drafts, [changedField]: value };
    this.recompute();
  }

  handleSubmit(): void {
    this.isSaving = true;
  }

  handleSaveSuccess(): void {
    this.isSaving = false;
    this.drafts = {};
    this.recompute();
    this.toast(SAVED_TOAST, 'success');
  }

  handleSaveError(): void {
    this.isSaving = false;
    this.toast(SAVE_FAILED, 'error');
  }

  handleDiscard(): void {
    this.template
      .querySelectorAll<HTMLElement & { reset?: () => void }>('lightning-input-field')
      .forEach((field) => field.reset?.());
    this.drafts = {};
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

  get exceptionText(): string {
    const state = this.exceptionState ?? {};
    switch (this.exceptionStatus) {
      case STATUS_REQUESTED:
        return state.approverName
          ? formatLabel(EXCEPTION_REQUESTED, formatDateTime(state.requestedAt), state.approverName)
          : formatLabel(EXCEPTION_PENDING, formatDateTime(state.requestedAt));
      case STATUS_APPROVED:
        return formatLabel(
          EXCEPTION_APPROVED,
          state.approverName || SOMEONE,
          formatDateTime(state.decidedAt)
        );
      case STATUS_REJECTED:
        return formatLabel(
          EXCEPTION_REJECTED,
          state.approverName || SOMEONE,
          formatDateTime(state.decidedAt)
        );
      default:
        return EXCEPTION_NONE;
    }
  }

  get exceptionIcon(): string {
    switch (this.exceptionStatus) {
      case STATUS_REQUESTED:
        return 'utility:clock';
      case STATUS_APPROVED:
        return 'utility:approval';
      case STATUS_REJECTED:
        return 'utility:error';
      default:
        return 'utility:info';
    }
  }

  get exceptionDueText(): string {
    const due = this.exceptionState?.dueDate;
    return this.exceptionStatus && due ? formatLabel(EXCEPTION_DUE, formatDate(due)) : '';
  }

  get exceptionReasonText(): string {
    const reason = this.exceptionState?.reason;
    return this.exceptionStatus && reason ? formatLabel(EXCEPTION_REASON, reason) : '';
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

  get today(): string {
    return todayIso();
  }

  openRequest(): void {
    this.requestReason = '';
    this.requestDueDate = '';
    this.requestError = '';
    this.isRequestOpen = true;
    this.focusOnRender = 'request-reason';
  }

  closeRequest(): void {
    if (this.isSubmitting) {
      return;
    }
    this.isRequestOpen = false;
    this.focusOnRender = 'request-button';
  }

  handleReasonChange(event: CustomEvent<{ value?: string }>): void {
    this.requestReason = event.detail?.value ?? '';
  }

  handleDueDateChange(event: CustomEvent<{ value?: string }>): void {
    this.requestDueDate = event.detail?.value ?? '';
  }

  /** Esc closes the dialog; Tab and Shift+Tab stay inside it. */
  handleDialogKeydown(event: KeyboardEvent): void {
    handleDialogKey(event, this.template, {
      firstSelector: '[data-id="request-close"]',
      lastSelector: '[data-id="request-submit"]',
      onEscape: () => this.closeRequest()
    });
  }

  /** Checks the request on the client (the server checks again) and sends it. */
  async submitRequest(): Promise<void> {
    const reason = this.requestReason.trim();
    let problem = '';
    if (reason === '') {
      problem = REASON_MISSING;
    } else if (this.requestDueDate === '') {
      problem = DUE_MISSING;
    } else if (this.requestDueDate < this.today) {
      problem = DUE_PAST;
    }
    if (problem !== '') {
      this.requestError = problem;
      return;
    }
    this.requestError = '';
    this.isSubmitting = true;
    try {
      const state = (await requestException({
        opportunityId: this.recordId,
        reason,
        dueDate: this.requestDueDate
      })) as ExceptionState;
      this.exceptionState = state;
      this.isSubmitting = false;
      this.isRequestOpen = false;
      this.focusOnRender = 'exception-status';
      this.toast(REQUEST_SENT, 'success');
      if (this.recordId) {
        await notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
      }
      await refreshApex(this.exceptionStateResult);
    } catch (error) {
      this.isSubmitting = false;
      if (this.isRequestOpen) {
        this.requestError = formatLabel(REQUEST_FAILED, errorMessage(error));
      }
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

  get summaryTitle(): string {
    return this.summary?.title ?? '';
  }

  get summaryHeader(): SummaryItemView[] {
    return (this.summary?.header ?? []).map((entry) => this.itemView(entry));
  }

  get summarySections(): SummarySectionView[] {
    return (this.summary?.sections ?? []).map((section) => ({
      key: section.key,
      heading: `${section.number}. ${section.heading}`,
      items: section.items.map((entry) => this.itemView(entry))
    }));
  }

  itemView(entry: SummaryEntry): SummaryItemView {
    return {
      key: entry.key,
      label: entry.label,
      text: entry.lines.join('\n'),
      valueClass: entry.provided ? 'summary-value' : 'summary-value summary-value_blank'
    };
  }

  /** The text Copy and Print use: the frozen summary after close, else the live one. */
  get summaryText(): string {
    if (this.isClosed) {
      return this.latestHandoff?.summary ?? '';
    }
    return this.summary ? toPlainText(this.summary) : '';
  }

  get plainTextExpanded(): string {
    return this.showPlainText ? 'true' : 'false';
  }

  get showException(): boolean {
    return !this.isClosed;
  }

  get plainTextToggleIcon(): string {
    return this.showPlainText ? 'utility:chevrondown' : 'utility:chevronright';
  }

  togglePlainText(): void {
    this.showPlainText = !this.showPlainText;
  }

  async handleCopy(): Promise<void> {
    const text = this.summaryText;
    let copied = false;
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (clipboard && typeof clipboard.writeText === 'function') {
      try {
        await clipboard.writeText(text);
        copied = true;
      } catch {
        copied = false;
      }
    }
    if (!copied) {
      copied = this.copyWithSelection(text);
    }
    if (copied) {
      this.toast(SUMMARY_COPIED, 'success');
    } else {
      this.showPlainText = true;
      this.toast(SUMMARY_COPY_FAILED, 'warning');
    }
  }

  /** The fallback where the Clipboard API is missing or refused: select a hidden textarea. */
  copyWithSelection(text: string): boolean {
    const host = this.template.querySelector<HTMLElement>('.copy-buffer');
    if (!host || typeof document.execCommand !== 'function') {
      return false;
    }
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.setAttribute('aria-hidden', 'true');
    area.tabIndex = -1;
    host.appendChild(area);
    area.select();
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    host.removeChild(area);
    return copied;
  }

  /** Prints the page; the panel's print styles hide its buttons and the exception section. */
  handlePrint(): void {
    window.print();
  }

  // ------------------------------------------------------------------------- after close

  get handoffErrorText(): string {
    return this.handoffError ? formatLabel(CLOSED_ERROR, this.handoffError) : '';
  }

  get handoffStatus(): string {
    return this.latestHandoff?.handoffStatusLabel ?? this.latestHandoff?.handoffStatus ?? '';
  }

  get csmName(): string {
    return this.latestHandoff?.csmName || CLOSED_CSM_NONE;
  }

  get frozenSummary(): string {
    return this.latestHandoff?.summary || CLOSED_FROZEN_EMPTY;
  }

  get hasFrozenSummary(): boolean {
    return Boolean(this.latestHandoff?.summary);
  }

  get sla(): { text: string; detail: string; className: string; icon: string } {
    const handoff = this.latestHandoff;
    const base = 'slds-text-title_bold';
    if (!handoff) {
      return { text: '', detail: '', className: base, icon: 'utility:clock' };
    }
    if (handoff.firstTouchAt) {
      return {
        text: formatLabel(SLA_MET, formatDateTime(handoff.firstTouchAt)),
        detail: '',
        className: `${base} slds-text-color_success`,
        icon: 'utility:success'
      };
    }
    if (!handoff.firstTouchDueAt) {
      return { text: SLA_NONE, detail: '', className: base, icon: 'utility:clock' };
    }
    const dueText = formatDateTime(handoff.firstTouchDueAt);
    if (handoff.slaPaused) {
      return {
        text: SLA_PAUSED,
        detail: formatLabel(SLA_DUE, dueText),
        className: base,
        icon: 'utility:pause'
      };
    }
    const left = Date.parse(handoff.firstTouchDueAt) - this.now;
    if (handoff.slaBreached || left <= 0) {
      return {
        text: formatLabel(SLA_BREACHED, dueText),
        detail: '',
        className: `${base} slds-text-color_error`,
        icon: 'utility:warning'
      };
    }
    const minutes = Math.floor(left / MINUTE);
    return {
      text: formatLabel(SLA_REMAINING, Math.floor(minutes / 60), minutes % 60),
      detail: formatLabel(SLA_DUE, dueText),
      className: base,
      icon: 'utility:clock'
    };
  }

  // -------------------------------------------------------------------------------- misc

  toast(title: string, variant: ToastVariant): void {
    this.dispatchEvent(new ShowToastEvent({ title, variant }));
  }
}
