/**
 * @description Time to first value on one handoff of the intake checklist (docs/behaviour.md,
 * "Time to first value"): the target go-live (the AE's, copied at close) against the go-live the
 * CSM recorded, with the days from close and the days late or early. "Record go-live" (or
 * "Correct go-live" once recorded) opens a date input; Save calls
 * HandoffGoLiveController.recordGoLive, which checks edit access and the date (required, not in
 * the future, not before the close). Its refusal stays beside the input; a success is announced
 * (role=status) and says when it replaced an earlier date, and the view is read again.
 *
 * Data: one cacheable Apex read (HandoffGoLiveController.getGoLive). The button shows only when
 * the server says the user may record (`canRecord`); the server checks again.
 */
import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getGoLive from '@salesforce/apex/HandoffGoLiveController.getGoLive';
import recordGoLive from '@salesforce/apex/HandoffGoLiveController.recordGoLive';

import TITLE from '@salesforce/label/c.Handoff_GoLive_Title';
import TARGET from '@salesforce/label/c.Handoff_GoLive_Target';
import ACTUAL from '@salesforce/label/c.Handoff_GoLive_Actual';
import NO_TARGET from '@salesforce/label/c.Handoff_GoLive_No_Target';
import NOT_RECORDED from '@salesforce/label/c.Handoff_GoLive_Not_Recorded';
import RECORD from '@salesforce/label/c.Handoff_GoLive_Record';
import CORRECT from '@salesforce/label/c.Handoff_GoLive_Correct';
import DATE_LABEL from '@salesforce/label/c.Handoff_GoLive_Date_Label';
import DATE_HELP from '@salesforce/label/c.Handoff_GoLive_Date_Help';
import SAVE from '@salesforce/label/c.Handoff_GoLive_Save';
import CANCEL from '@salesforce/label/c.Handoff_GoLive_Cancel';
import DAYS from '@salesforce/label/c.Handoff_GoLive_Days';
import LATE from '@salesforce/label/c.Handoff_GoLive_Late';
import EARLY from '@salesforce/label/c.Handoff_GoLive_Early';
import ON_TARGET from '@salesforce/label/c.Handoff_GoLive_On_Target';
import CORRECT_WARNING from '@salesforce/label/c.Handoff_GoLive_Correct_Warning';
import LOAD_ERROR from '@salesforce/label/c.Handoff_GoLive_Load_Error';
import DATE_REQUIRED from '@salesforce/label/c.Handoff_GoLive_Error_Date_Required';
import UNEXPECTED from '@salesforce/label/c.Handoff_GoLive_Error_Unexpected';

type GoLiveView = HandoffGoLiveTypes.View;

interface Wired {
  data?: GoLiveView;
  error?: unknown;
}

/** Replaces {0}, {1}… in a label. */
export function format(label: string, ...values: Array<string | number>): string {
  return label.replace(/\{(\d+)\}/g, (whole, i: string) => {
    const value = values[Number(i)];
    return value === undefined ? whole : String(value);
  });
}

/** The message of an Apex error (AuraHandledException body.message), or a fallback. */
interface ApexErrorBody {
  message?: unknown;
}

interface ApexError {
  body?: ApexErrorBody | ApexErrorBody[];
}

export function errorMessage(error: unknown, fallback: string): string {
  const payload = (error as ApexError | undefined)?.body;
  const text = Array.isArray(payload) ? payload[0]?.message : payload?.message;
  return typeof text === 'string' && text !== '' ? text : fallback;
}

/** A YYYY-MM-DD date shown in the user's locale (as a date, no time zone shift). */
export function showDate(value: string | null | undefined): string {
  if (!value) {
    return '';
  }
  const [y, m, d] = value.split('-').map(Number);
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d))
  );
}

export default class HandoffGoLive extends LightningElement {
  /** @description The handoff. */
  @api handoffId!: string;

  labels = {
    TITLE,
    TARGET,
    ACTUAL,
    DATE_LABEL,
    DATE_HELP,
    SAVE,
    CANCEL
  };

  view?: GoLiveView;
  loadError?: string;
  editing = false;
  draft = '';
  saving = false;
  formError?: string;
  announcement = '';
  private wired?: Wired;
  private focusAfterRender?: string;

  @wire(getGoLive, { handoffId: '$handoffId' })
  wiredView(result: Wired): void {
    this.wired = result;
    if (result.data) {
      this.view = result.data;
      this.loadError = undefined;
    } else if (result.error) {
      this.view = undefined;
      this.loadError = format(LOAD_ERROR, errorMessage(result.error, UNEXPECTED));
    }
  }

  renderedCallback(): void {
    const selector = this.focusAfterRender;
    if (selector) {
      const target = this.template.querySelector(selector) as HTMLElement | null;
      if (target) {
        this.focusAfterRender = undefined;
        target.focus();
      }
    }
  }

  get loaded(): boolean {
    return this.view !== undefined;
  }

  get targetText(): string {
    return this.view?.targetGoLive ? showDate(this.view.targetGoLive) : NO_TARGET;
  }

  get actualText(): string {
    return this.view?.goLiveDate ? showDate(this.view.goLiveDate) : NOT_RECORDED;
  }

  get daysText(): string {
    const days = this.view?.daysToGoLive;
    return days === null || days === undefined ? '' : format(DAYS, days);
  }

  get targetDeltaText(): string {
    const delta = this.view?.daysVsTarget;
    if (delta === null || delta === undefined) {
      return '';
    }
    if (delta === 0) {
      return ON_TARGET;
    }
    return delta > 0 ? format(LATE, delta) : format(EARLY, -delta);
  }

  get isLate(): boolean {
    return (this.view?.daysVsTarget ?? 0) > 0;
  }

  get deltaClass(): string {
    return this.isLate ? 'slds-text-color_error' : 'slds-text-color_success';
  }

  get canRecord(): boolean {
    return this.view?.canRecord === true && !this.editing;
  }

  get recordLabel(): string {
    return this.view?.goLiveDate ? CORRECT : RECORD;
  }

  get correctionWarning(): string {
    return this.view?.goLiveDate ? format(CORRECT_WARNING, showDate(this.view.goLiveDate)) : '';
  }

  get minDate(): string | undefined {
    return this.view?.closedOn ?? undefined;
  }

  get maxDate(): string {
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }

  get saveDisabled(): boolean {
    return this.saving;
  }

  handleRecord(): void {
    this.editing = true;
    this.formError = undefined;
    this.draft = this.view?.goLiveDate ?? '';
    this.announcement = '';
    // The input renders on the next cycle: focus it then.
    this.focusAfterRender = 'lightning-input';
  }

  handleDateChange(event: CustomEvent<{ value: string }>): void {
    this.draft = event.detail.value ?? '';
  }

  handleCancel(): void {
    this.editing = false;
    this.formError = undefined;
    this.focusAfterRender = '[data-id="record"]';
  }

  async handleSave(): Promise<void> {
    if (!this.draft) {
      this.formError = DATE_REQUIRED;
      return;
    }
    this.saving = true;
    this.formError = undefined;
    try {
      const result = await recordGoLive({ handoffId: this.handoffId, goLiveDate: this.draft });
      this.announcement = result.message;
      this.focusAfterRender = '[data-id="record"]';
      this.editing = false;
      if (this.wired) {
        await refreshApex(this.wired);
      }
    } catch (error) {
      this.formError = errorMessage(error, UNEXPECTED);
    } finally {
      this.saving = false;
    }
  }
}
