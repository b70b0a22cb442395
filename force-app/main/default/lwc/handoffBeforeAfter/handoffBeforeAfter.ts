/**
 * @description Before and after launch on the metrics dashboard (docs/metrics.md, "Before and
 * after launch"): the pre-launch baseline (the audit's baseline.json, loaded once by
 * `npm run baseline:load`) against the handoffs closed since launch — completion at close, median
 * hours to first touch, median days to go-live — with the change in percent (positive = better)
 * against the seed's 20%+ target. Without a baseline or a launch date it says how to set them.
 *
 * Data: one cacheable Apex read (HandoffBaselineComparison.getComparison).
 */
import { LightningElement, wire } from 'lwc';
import getComparison from '@salesforce/apex/HandoffBaselineComparison.getComparison';

import TITLE from '@salesforce/label/c.Handoff_BeforeAfter_Title';
import METRIC from '@salesforce/label/c.Handoff_BeforeAfter_Metric';
import BEFORE from '@salesforce/label/c.Handoff_BeforeAfter_Before';
import AFTER from '@salesforce/label/c.Handoff_BeforeAfter_After';
import CHANGE from '@salesforce/label/c.Handoff_BeforeAfter_Change';
import COMPLETION from '@salesforce/label/c.Handoff_BeforeAfter_Completion';
import FIRST_TOUCH from '@salesforce/label/c.Handoff_BeforeAfter_First_Touch';
import GO_LIVE from '@salesforce/label/c.Handoff_BeforeAfter_Go_Live';
import MET from '@salesforce/label/c.Handoff_BeforeAfter_Met';
import NOT_MET from '@salesforce/label/c.Handoff_BeforeAfter_Not_Met';
import NO_DATA from '@salesforce/label/c.Handoff_BeforeAfter_No_Data';
import TARGET from '@salesforce/label/c.Handoff_BeforeAfter_Target';
import SUMMARY from '@salesforce/label/c.Handoff_BeforeAfter_Summary';
import ERROR from '@salesforce/label/c.Handoff_BeforeAfter_Error';

type Comparison = HandoffGoLiveTypes.Comparison;
type Figure = HandoffGoLiveTypes.Figure;

interface Row {
  key: string;
  label: string;
  before: string;
  after: string;
  change: string;
  statusText: string;
  statusClass: string;
}

const LABEL_OF: Record<string, string> = {
  completion: COMPLETION,
  firstTouch: FIRST_TOUCH,
  goLive: GO_LIVE
};

function format(label: string, ...values: Array<string | number>): string {
  return label.replace(/\{(\d+)\}/g, (whole, i: string) => {
    const value = values[Number(i)];
    return value === undefined ? whole : String(value);
  });
}

/** A figure's value as shown: completion in percent, hours and days with one decimal. */
export function shown(figure: Figure, value: number | null | undefined): string {
  if (value === null || value === undefined) {
    return '–';
  }
  return figure.key === 'completion' ? `${(value * 100).toFixed(1)}%` : value.toFixed(1);
}

/** The change in percent, signed (positive = better). */
export function changeText(value: number | null | undefined): string {
  if (value === null || value === undefined) {
    return '–';
  }
  return `${value > 0 ? '+' : ''}${value.toFixed(1)}%`;
}

export default class HandoffBeforeAfter extends LightningElement {
  labels = { TITLE, METRIC, BEFORE, AFTER, CHANGE };
  comparison?: Comparison;
  error?: string;

  @wire(getComparison)
  wiredComparison({ data, error }: { data?: Comparison; error?: unknown }): void {
    if (data) {
      this.comparison = data;
      this.error = undefined;
    } else if (error) {
      this.comparison = undefined;
      this.error = ERROR;
    }
  }

  get loaded(): boolean {
    return this.comparison !== undefined;
  }

  get guidance(): string | null | undefined {
    return this.comparison?.guidance;
  }

  get targetText(): string {
    return format(TARGET, this.comparison?.targetPercent ?? 20);
  }

  get summaryText(): string {
    const c = this.comparison;
    if (!c || !c.hasBaseline || !c.launchDate) {
      return '';
    }
    return format(
      SUMMARY,
      c.baselineDeals ?? 0,
      c.baselinePeriod ?? '–',
      c.launchDate,
      c.afterHandoffs ?? 0
    );
  }

  get rows(): Row[] {
    return (this.comparison?.figures ?? []).map((f) => ({
      key: f.key,
      label: LABEL_OF[f.key] ?? f.key,
      before: shown(f, f.before),
      after: shown(f, f.after),
      change: changeText(f.changePercent),
      statusText: f.status === 'met' ? MET : f.status === 'not-met' ? NOT_MET : NO_DATA,
      statusClass:
        f.status === 'met'
          ? 'slds-text-color_success'
          : f.status === 'not-met'
            ? 'slds-text-color_error'
            : 'slds-text-color_weak'
    }));
  }
}
