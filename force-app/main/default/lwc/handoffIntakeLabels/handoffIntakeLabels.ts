/**
 * @description The custom labels of the intake family (c/handoffIntakeChecklist and its
 * children: item row, action bar, form) in one frozen object, and the helpers that turn labels
 * and values into the text the user reads: `{0}` placeholders, Apex/LDS error messages and
 * dates. A service module with no UI.
 */
import TITLE from '@salesforce/label/c.Handoff_Intake_Title';
import LOADING from '@salesforce/label/c.Handoff_Intake_Loading';
import LOAD_ERROR_TITLE from '@salesforce/label/c.Handoff_Intake_Load_Error_Title';
import LOAD_ERROR_HELP from '@salesforce/label/c.Handoff_Intake_Load_Error_Help';
import RETRY from '@salesforce/label/c.Handoff_Intake_Retry';
import EMPTY_ACCOUNT from '@salesforce/label/c.Handoff_Intake_Empty_Account';
import READ_ONLY from '@salesforce/label/c.Handoff_Intake_Read_Only';
import STATUS from '@salesforce/label/c.Handoff_Intake_Status';
import SEGMENT from '@salesforce/label/c.Handoff_Intake_Segment';
import TIER from '@salesforce/label/c.Handoff_Intake_Tier';
import AE from '@salesforce/label/c.Handoff_Intake_Ae';
import CSM from '@salesforce/label/c.Handoff_Intake_Csm';
import DEAL from '@salesforce/label/c.Handoff_Intake_Deal';
import CLOSED_AT from '@salesforce/label/c.Handoff_Intake_Closed_At';
import OPEN_RECORD from '@salesforce/label/c.Handoff_Intake_Open_Record';
import SUMMARY_HEADING from '@salesforce/label/c.Handoff_Intake_Summary_Heading';
import SUMMARY_EMPTY from '@salesforce/label/c.Handoff_Intake_Summary_Empty';
import MISSING_AT_CLOSE from '@salesforce/label/c.Handoff_Intake_Missing_At_Close';
import EXCEPTION_USED from '@salesforce/label/c.Handoff_Intake_Exception_Used';
import SLA_HEADING from '@salesforce/label/c.Handoff_Intake_Sla_Heading';
import FIRST_TOUCH_DUE from '@salesforce/label/c.Handoff_Intake_First_Touch_Due';
import FIRST_TOUCH_DONE from '@salesforce/label/c.Handoff_Intake_First_Touch_Done';
import BUSINESS_HOURS_LEFT from '@salesforce/label/c.Handoff_Intake_Business_Hours_Left';
import HOURS_LEFT from '@salesforce/label/c.Handoff_Intake_Hours_Left';
import SLA_BREACHED from '@salesforce/label/c.Handoff_Intake_Sla_Breached';
import SLA_PAUSED from '@salesforce/label/c.Handoff_Intake_Sla_Paused';
import SLA_NONE from '@salesforce/label/c.Handoff_Intake_Sla_None';
import REVIEW_DUE from '@salesforce/label/c.Handoff_Intake_Review_Due';
import REVIEW_OVERDUE from '@salesforce/label/c.Handoff_Intake_Review_Overdue';
import CHECKLIST_HEADING from '@salesforce/label/c.Handoff_Intake_Checklist_Heading';
import CHECKLIST_EMPTY from '@salesforce/label/c.Handoff_Intake_Checklist_Empty';
import REQUIRED from '@salesforce/label/c.Handoff_Intake_Required';
import ITEM_STATUS from '@salesforce/label/c.Handoff_Intake_Item_Status';
import ITEM_NOTES from '@salesforce/label/c.Handoff_Intake_Item_Notes';
import SAVE_NOTE from '@salesforce/label/c.Handoff_Intake_Save_Note';
import SET_BY from '@salesforce/label/c.Handoff_Intake_Set_By';
import ACCEPT from '@salesforce/label/c.Handoff_Intake_Accept';
import ACCEPT_HINT from '@salesforce/label/c.Handoff_Intake_Accept_Hint';
import RETURN_ACTION from '@salesforce/label/c.Handoff_Intake_Return';
import RETURN_REASONS from '@salesforce/label/c.Handoff_Intake_Return_Reasons';
import RETURN_NOTES from '@salesforce/label/c.Handoff_Intake_Return_Notes';
import RETURN_NOTES_HELP from '@salesforce/label/c.Handoff_Intake_Return_Notes_Help';
import RETURN_DUE from '@salesforce/label/c.Handoff_Intake_Return_Due';
import RETURNED_ON from '@salesforce/label/c.Handoff_Intake_Returned_On';
import RETURN_COUNT from '@salesforce/label/c.Handoff_Intake_Return_Count';
import ESCALATE from '@salesforce/label/c.Handoff_Intake_Escalate';
import ESCALATE_TO_CS from '@salesforce/label/c.Handoff_Intake_Escalate_To_Cs';
import ESCALATE_TO_SALES from '@salesforce/label/c.Handoff_Intake_Escalate_To_Sales';
import ESCALATE_REASON from '@salesforce/label/c.Handoff_Intake_Escalate_Reason';
import ESCALATED_CS from '@salesforce/label/c.Handoff_Intake_Escalated_Cs';
import ESCALATED_SALES from '@salesforce/label/c.Handoff_Intake_Escalated_Sales';
import FIRST_TOUCH from '@salesforce/label/c.Handoff_Intake_First_Touch';
import FIRST_TOUCH_WHEN from '@salesforce/label/c.Handoff_Intake_First_Touch_When';
import FIRST_TOUCH_CHANNEL from '@salesforce/label/c.Handoff_Intake_First_Touch_Channel';
import FIRST_TOUCH_AUTO from '@salesforce/label/c.Handoff_Intake_First_Touch_Auto';
import REPEAT_ASK from '@salesforce/label/c.Handoff_Intake_Repeat_Ask';
import REPEAT_ASK_NOTE from '@salesforce/label/c.Handoff_Intake_Repeat_Ask_Note';
import REPEAT_ASK_COUNT from '@salesforce/label/c.Handoff_Intake_Repeat_Ask_Count';
import RESUBMIT from '@salesforce/label/c.Handoff_Intake_Resubmit';
import RESUBMIT_HINT from '@salesforce/label/c.Handoff_Intake_Resubmit_Hint';
import CANCEL from '@salesforce/label/c.Handoff_Intake_Cancel';
import FORM_INVALID from '@salesforce/label/c.Handoff_Intake_Form_Invalid';
import SAVING from '@salesforce/label/c.Handoff_Intake_Saving';
import ACTION_FAILED from '@salesforce/label/c.Handoff_Intake_Action_Failed';
import DONE_ITEM from '@salesforce/label/c.Handoff_Intake_Done_Item';
import DONE_NOTE from '@salesforce/label/c.Handoff_Intake_Done_Note';
import DONE_ACCEPTED from '@salesforce/label/c.Handoff_Intake_Done_Accepted';
import DONE_RETURNED from '@salesforce/label/c.Handoff_Intake_Done_Returned';
import DONE_ESCALATED from '@salesforce/label/c.Handoff_Intake_Done_Escalated';
import DONE_FIRST_TOUCH from '@salesforce/label/c.Handoff_Intake_Done_First_Touch';
import DONE_REPEAT_ASK from '@salesforce/label/c.Handoff_Intake_Done_Repeat_Ask';
import DONE_RESUBMITTED from '@salesforce/label/c.Handoff_Intake_Done_Resubmitted';
import CLOSE from '@salesforce/label/c.Handoff_Intake_Close';
import MORE_ACTIONS from '@salesforce/label/c.Handoff_Intake_More_Actions';
import STAKEHOLDERS_HEADING from '@salesforce/label/c.Handoff_Intake_Stakeholders_Heading';
import STAKEHOLDERS_HELP from '@salesforce/label/c.Handoff_Intake_Stakeholders_Help';
import STAKEHOLDER_LEFT_ACCOUNT from '@salesforce/label/c.Handoff_Intake_Stakeholder_Left_Account';
import STAKEHOLDER_NOW_AT from '@salesforce/label/c.Handoff_Intake_Stakeholder_Now_At';
import STAKEHOLDER_INACTIVE from '@salesforce/label/c.Handoff_Intake_Stakeholder_Inactive';
import STAKEHOLDER_ROLE_REMOVED from '@salesforce/label/c.Handoff_Intake_Stakeholder_Role_Removed';
import STAKEHOLDER_DELETED from '@salesforce/label/c.Handoff_Intake_Stakeholder_Deleted';
import STAKEHOLDER_BACK from '@salesforce/label/c.Handoff_Intake_Stakeholder_Back';

/** @description Every label of the intake family, by the name the templates use. */
export const LABELS = Object.freeze({
  title: TITLE,
  loading: LOADING,
  loadErrorTitle: LOAD_ERROR_TITLE,
  loadErrorHelp: LOAD_ERROR_HELP,
  retry: RETRY,
  emptyAccount: EMPTY_ACCOUNT,
  readOnly: READ_ONLY,
  status: STATUS,
  segment: SEGMENT,
  tier: TIER,
  ae: AE,
  csm: CSM,
  deal: DEAL,
  closedAt: CLOSED_AT,
  openRecord: OPEN_RECORD,
  summaryHeading: SUMMARY_HEADING,
  summaryEmpty: SUMMARY_EMPTY,
  missingAtClose: MISSING_AT_CLOSE,
  exceptionUsed: EXCEPTION_USED,
  slaHeading: SLA_HEADING,
  firstTouchDue: FIRST_TOUCH_DUE,
  firstTouchDone: FIRST_TOUCH_DONE,
  businessHoursLeft: BUSINESS_HOURS_LEFT,
  hoursLeft: HOURS_LEFT,
  slaBreached: SLA_BREACHED,
  slaPaused: SLA_PAUSED,
  slaNone: SLA_NONE,
  reviewDue: REVIEW_DUE,
  reviewOverdue: REVIEW_OVERDUE,
  checklistHeading: CHECKLIST_HEADING,
  checklistEmpty: CHECKLIST_EMPTY,
  required: REQUIRED,
  itemStatus: ITEM_STATUS,
  itemNotes: ITEM_NOTES,
  saveNote: SAVE_NOTE,
  setBy: SET_BY,
  accept: ACCEPT,
  acceptHint: ACCEPT_HINT,
  returnAction: RETURN_ACTION,
  returnReasons: RETURN_REASONS,
  returnNotes: RETURN_NOTES,
  returnNotesHelp: RETURN_NOTES_HELP,
  returnDue: RETURN_DUE,
  returnedOn: RETURNED_ON,
  returnCount: RETURN_COUNT,
  escalate: ESCALATE,
  escalateToCs: ESCALATE_TO_CS,
  escalateToSales: ESCALATE_TO_SALES,
  escalateReason: ESCALATE_REASON,
  escalatedCs: ESCALATED_CS,
  escalatedSales: ESCALATED_SALES,
  firstTouch: FIRST_TOUCH,
  firstTouchWhen: FIRST_TOUCH_WHEN,
  firstTouchChannel: FIRST_TOUCH_CHANNEL,
  firstTouchAuto: FIRST_TOUCH_AUTO,
  repeatAsk: REPEAT_ASK,
  repeatAskNote: REPEAT_ASK_NOTE,
  repeatAskCount: REPEAT_ASK_COUNT,
  resubmit: RESUBMIT,
  resubmitHint: RESUBMIT_HINT,
  cancel: CANCEL,
  formInvalid: FORM_INVALID,
  saving: SAVING,
  actionFailed: ACTION_FAILED,
  doneItem: DONE_ITEM,
  doneNote: DONE_NOTE,
  doneAccepted: DONE_ACCEPTED,
  doneReturned: DONE_RETURNED,
  doneEscalated: DONE_ESCALATED,
  doneFirstTouch: DONE_FIRST_TOUCH,
  doneRepeatAsk: DONE_REPEAT_ASK,
  doneResubmitted: DONE_RESUBMITTED,
  close: CLOSE,
  moreActions: MORE_ACTIONS,
  stakeholdersHeading: STAKEHOLDERS_HEADING,
  stakeholdersHelp: STAKEHOLDERS_HELP,
  stakeholderLeftAccount: STAKEHOLDER_LEFT_ACCOUNT,
  stakeholderNowAt: STAKEHOLDER_NOW_AT,
  stakeholderInactive: STAKEHOLDER_INACTIVE,
  stakeholderRoleRemoved: STAKEHOLDER_ROLE_REMOVED,
  stakeholderDeleted: STAKEHOLDER_DELETED,
  stakeholderBack: STAKEHOLDER_BACK
});

/** @description What an Apex call, an LDS adapter or JavaScript rejects with. */
type Failure = HandoffIntake.ErrorLike;

const DAY_MS = 24 * 3600000;

/** @description Replaces {0}, {1}, … in a label; a missing value reads as nothing. */
export function format(
  template: string,
  ...values: (string | number | null | undefined)[]
): string {
  return template.replace(/\{(\d+)\}/g, (_match, index: string) => {
    const value = values[Number(index)];
    return value === undefined || value === null ? '' : String(value);
  });
}

/** @description The message of an Apex (AuraHandledException), LDS or JavaScript error. */
export function errorMessage(error: unknown): string {
  const failure = (error ?? {}) as Failure;
  const details = failure.body;
  if (Array.isArray(details)) {
    return details
      .map((detail) => detail.message)
      .filter(Boolean)
      .join(', ');
  }
  return details?.message ?? failure.message ?? String(error);
}

/** @description Today (the user's browser date) as YYYY-MM-DD, plus some days. */
export function isoDate(daysFromToday = 0): string {
  const day = new Date(Date.now() + daysFromToday * DAY_MS);
  const month = String(day.getMonth() + 1).padStart(2, '0');
  const date = String(day.getDate()).padStart(2, '0');
  return `${day.getFullYear()}-${month}-${date}`;
}
