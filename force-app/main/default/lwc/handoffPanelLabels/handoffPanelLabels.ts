/**
 * @description The custom labels of the handoff panel family (c/handoffPanel and its children:
 * meter, blockers, fields, exception, summary) in one frozen object, the summary format's words,
 * and the helpers that turn labels and values into the text the user reads: `{0}` placeholders,
 * Apex/LDS error messages, and dates and times in the user's locale and time zone.
 * A service module with no UI.
 */
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import type { SummaryLabels } from 'c/handoffSummary';

import TITLE from '@salesforce/label/c.Handoff_Panel_Title';
import LOADING from '@salesforce/label/c.Handoff_Panel_Loading';
import ERROR_TITLE from '@salesforce/label/c.Handoff_Panel_Error_Title';
import ERROR_HELP from '@salesforce/label/c.Handoff_Panel_Error_Help';
import RETRY from '@salesforce/label/c.Handoff_Panel_Retry';
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
import SLA_REMAINING_DAYS from '@salesforce/label/c.Handoff_Panel_Sla_Remaining_Days';
import SLA_BREACHED from '@salesforce/label/c.Handoff_Panel_Sla_Breached';
import SLA_MET from '@salesforce/label/c.Handoff_Panel_Sla_Met';
import SLA_PAUSED from '@salesforce/label/c.Handoff_Panel_Sla_Paused';
import SLA_NONE from '@salesforce/label/c.Handoff_Panel_Sla_None';
import REQUIRED_LEGEND from '@salesforce/label/c.Handoff_Panel_Required_Legend';
import SUMMARY_TITLE from '@salesforce/label/c.Handoff_Summary_Title';
import SUMMARY_ACCOUNT from '@salesforce/label/c.Handoff_Summary_Account';
import SUMMARY_ACCOUNT_EXECUTIVE from '@salesforce/label/c.Handoff_Summary_Account_Executive';
import SUMMARY_SEGMENT from '@salesforce/label/c.Handoff_Summary_Segment';
import SUMMARY_CLOSE_DATE from '@salesforce/label/c.Handoff_Summary_Close_Date';
import SUMMARY_AMOUNT from '@salesforce/label/c.Handoff_Summary_Amount';
import PREFILL_INTRO from '@salesforce/label/c.Handoff_Panel_Prefill_Intro';
import PREFILL_ACCEPT_ALL from '@salesforce/label/c.Handoff_Panel_Prefill_Accept_All';
import PREFILL_ACCEPT from '@salesforce/label/c.Handoff_Panel_Prefill_Accept';
import PREFILL_ACCEPT_FIELD from '@salesforce/label/c.Handoff_Panel_Prefill_Accept_Field';
import PREFILL_DISMISS from '@salesforce/label/c.Handoff_Panel_Prefill_Dismiss';
import PREFILL_DISMISS_FIELD from '@salesforce/label/c.Handoff_Panel_Prefill_Dismiss_Field';
import PREFILL_SUGGESTED from '@salesforce/label/c.Handoff_Panel_Prefill_Suggested';
import PREFILL_FROM_ROLE from '@salesforce/label/c.Handoff_Panel_Prefill_From_Role';
import PREFILL_FROM_ROLES from '@salesforce/label/c.Handoff_Panel_Prefill_From_Roles';
import PREFILL_FROM_COMPETITORS from '@salesforce/label/c.Handoff_Panel_Prefill_From_Competitors';
import PREFILL_FROM_PRODUCTS from '@salesforce/label/c.Handoff_Panel_Prefill_From_Products';
import PREFILL_FROM_FIELD from '@salesforce/label/c.Handoff_Panel_Prefill_From_Field';
import PREFILL_FROM_LAST_HANDOFF from '@salesforce/label/c.Handoff_Panel_Prefill_From_Last_Handoff';
import PREFILL_FROM_LAST_HANDOFF_UNDATED from '@salesforce/label/c.Handoff_Panel_Prefill_From_Last_Handoff_Undated';
import PREFILL_AMBIGUOUS from '@salesforce/label/c.Handoff_Panel_Prefill_Ambiguous';
import PREFILL_PROJECTED from '@salesforce/label/c.Handoff_Panel_Prefill_Projected';
import PREFILL_UNAVAILABLE from '@salesforce/label/c.Handoff_Panel_Prefill_Unavailable';
import AI_DRAFT from '@salesforce/label/c.Handoff_Panel_Ai_Draft';
import AI_DRAFTING from '@salesforce/label/c.Handoff_Panel_Ai_Drafting';
import AI_SOURCE from '@salesforce/label/c.Handoff_Panel_Ai_Source';
import AI_NONE from '@salesforce/label/c.Handoff_Panel_Ai_None';
import SUMMARY_SECTION_WANTS from '@salesforce/label/c.Handoff_Summary_Section_Wants';
import SUMMARY_SECTION_WHO from '@salesforce/label/c.Handoff_Summary_Section_Who';
import SUMMARY_SECTION_PROMISED from '@salesforce/label/c.Handoff_Summary_Section_Promised';
import SUMMARY_SECTION_RISKS from '@salesforce/label/c.Handoff_Summary_Section_Risks';
import SUMMARY_SECTION_NEXT_STEPS from '@salesforce/label/c.Handoff_Summary_Section_Next_Steps';
import SUMMARY_NOT_PROVIDED from '@salesforce/label/c.Handoff_Summary_Not_Provided';
import SUMMARY_TRUNCATED from '@salesforce/label/c.Handoff_Summary_Truncated';

// ESLint parses TypeScript with Babel, whose scope analysis counts an imported type as used only
// in a type alias or interface.
type SummaryWords = Omit<SummaryLabels, 'fieldLabels'>;

/** @description Every label of the panel family, by the name the templates use. */
export const LABELS = Object.freeze({
  title: TITLE,
  loading: LOADING,
  errorTitle: ERROR_TITLE,
  errorHelp: ERROR_HELP,
  retry: RETRY,
  segmentHeading: SEGMENT_HEADING,
  segmentNone: SEGMENT_NONE,
  tierNone: TIER_NONE,
  segmentWhy: SEGMENT_WHY,
  segmentLive: SEGMENT_LIVE,
  segmentNotSaved: SEGMENT_NOT_SAVED,
  noPolicy: NO_POLICY,
  noPolicyMatch: NO_POLICY_MATCH,
  meterHeading: METER_HEADING,
  meterText: METER_TEXT,
  prefillIntro: PREFILL_INTRO,
  prefillAcceptAll: PREFILL_ACCEPT_ALL,
  prefillAccept: PREFILL_ACCEPT,
  prefillAcceptField: PREFILL_ACCEPT_FIELD,
  prefillDismiss: PREFILL_DISMISS,
  prefillDismissField: PREFILL_DISMISS_FIELD,
  prefillSuggested: PREFILL_SUGGESTED,
  prefillFromRole: PREFILL_FROM_ROLE,
  prefillFromRoles: PREFILL_FROM_ROLES,
  prefillFromCompetitors: PREFILL_FROM_COMPETITORS,
  prefillFromProducts: PREFILL_FROM_PRODUCTS,
  prefillFromField: PREFILL_FROM_FIELD,
  prefillFromLastHandoff: PREFILL_FROM_LAST_HANDOFF,
  prefillFromLastHandoffUndated: PREFILL_FROM_LAST_HANDOFF_UNDATED,
  prefillAmbiguous: PREFILL_AMBIGUOUS,
  prefillProjected: PREFILL_PROJECTED,
  prefillUnavailable: PREFILL_UNAVAILABLE,
  aiDraft: AI_DRAFT,
  aiDrafting: AI_DRAFTING,
  aiSource: AI_SOURCE,
  aiNone: AI_NONE,
  meterAssistive: METER_ASSISTIVE,
  blocksHeading: BLOCKS_HEADING,
  blocksNone: BLOCKS_NONE,
  blocksMissing: BLOCKS_MISSING,
  blocksException: BLOCKS_EXCEPTION,
  blocksHeadingMonitor: BLOCKS_HEADING_MONITOR,
  modeInstalled: MODE_INSTALLED,
  modeMonitor: MODE_MONITOR,
  unsaved: UNSAVED,
  skipped: SKIPPED,
  fieldsHeading: FIELDS_HEADING,
  required: REQUIRED,
  filled: FILLED,
  blank: BLANK,
  save: SAVE,
  discard: DISCARD,
  savedToast: SAVED_TOAST,
  saveFailed: SAVE_FAILED,
  noRules: NO_RULES,
  fieldNoAccess: FIELD_NO_ACCESS,
  exceptionHeading: EXCEPTION_HEADING,
  exceptionNone: EXCEPTION_NONE,
  exceptionRequested: EXCEPTION_REQUESTED,
  exceptionPending: EXCEPTION_PENDING,
  exceptionApproved: EXCEPTION_APPROVED,
  exceptionRejected: EXCEPTION_REJECTED,
  exceptionDue: EXCEPTION_DUE,
  exceptionReason: EXCEPTION_REASON,
  someone: SOMEONE,
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
  requestSent: REQUEST_SENT,
  requestFailed: REQUEST_FAILED,
  summaryHeading: SUMMARY_HEADING,
  summaryIntro: SUMMARY_INTRO,
  summaryUnsaved: SUMMARY_UNSAVED,
  summaryCopy: SUMMARY_COPY,
  summaryPrint: SUMMARY_PRINT,
  summaryCopied: SUMMARY_COPIED,
  summaryCopyFailed: SUMMARY_COPY_FAILED,
  summaryPlainText: SUMMARY_PLAIN_TEXT,
  closedHeading: CLOSED_HEADING,
  closedIntro: CLOSED_INTRO,
  closedStatus: CLOSED_STATUS,
  closedCsm: CLOSED_CSM,
  closedCsmNone: CLOSED_CSM_NONE,
  closedFrozen: CLOSED_FROZEN,
  closedFrozenEmpty: CLOSED_FROZEN_EMPTY,
  closedError: CLOSED_ERROR,
  slaHeading: SLA_HEADING,
  slaDue: SLA_DUE,
  slaRemaining: SLA_REMAINING,
  slaRemainingDays: SLA_REMAINING_DAYS,
  slaBreached: SLA_BREACHED,
  slaMet: SLA_MET,
  slaPaused: SLA_PAUSED,
  slaNone: SLA_NONE,
  requiredLegend: REQUIRED_LEGEND
});

/** @description The custom labels of the summary format (c/handoffSummary's SummaryLabels). */
export const SUMMARY_WORDS: Readonly<SummaryWords> = Object.freeze({
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
});

/** @description Replaces `{0}`, `{1}`… in a custom label. */
export function formatLabel(label: string, ...values: (string | number)[]): string {
  return values.reduce<string>(
    (text, value, index) => text.split(`{${index}}`).join(String(value)),
    label
  );
}

/** @description A readable message from an Apex, LDS or JavaScript error. */
export function errorMessage(error: unknown): string {
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

/** @description Today in the user's time zone, as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date(), timeZone: string = TIME_ZONE): string {
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

/** @description A date and time in the user's locale and time zone. */
export function formatDateTime(value: string | null | undefined): string {
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

/** @description A `YYYY-MM-DD` date in the user's locale. */
export function formatDate(value: string | null | undefined): string {
  const time = value ? Date.parse(`${value.slice(0, 10)}T00:00:00Z`) : NaN;
  if (Number.isNaN(time)) {
    return value ?? '';
  }
  return formatWith(new Date(time), { dateStyle: 'medium', timeZone: 'UTC' });
}
