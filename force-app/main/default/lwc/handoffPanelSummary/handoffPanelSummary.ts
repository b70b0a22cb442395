/**
 * @description The handoff summary in the panel: a collapsed SLDS section (closed until the AE
 * opens it, so the panel stays short), holding the structured summary of the saved record (what
 * Customer Success receives), the email text behind a toggle, Copy as email text and Print. After
 * close it holds the text frozen at close instead. Copy uses the Clipboard API, falls back to
 * selecting a hidden textarea, and when both fail shows the text and says how to copy it by hand.
 */
import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { toPlainText } from 'c/handoffSummary';
import type { SummaryDocument, SummaryItem } from 'c/handoffSummary';
import { LABELS } from 'c/handoffPanelLabels';

// ESLint parses TypeScript with Babel, whose scope analysis counts an imported type as used only
// in a type alias or interface.
type Summary = SummaryDocument;
type SummaryEntry = SummaryItem;

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

type ToastVariant = 'success' | 'warning';

function itemView(entry: SummaryEntry): SummaryItemView {
  return {
    key: entry.key,
    label: entry.label,
    text: entry.lines.join('\n'),
    valueClass: entry.provided ? 'summary-value' : 'summary-value summary-value_blank'
  };
}

export default class HandoffPanelSummary extends LightningElement {
  /** @description The summary of the saved record (before close). */
  @api summary?: Summary;
  /** @description True once the deal is closed and handed off. */
  @api closed = false;
  /** @description The summary frozen at close (Handoff__c.Summary__c), or ''. */
  @api frozenSummary = '';
  /** @description True while the panel has unsaved edits (not in the summary yet). */
  @api unsaved = false;

  labels = LABELS;
  expanded = false;
  showPlainText = false;

  get sectionClass(): string {
    return this.expanded ? 'slds-section slds-is-open' : 'slds-section';
  }

  get expandedText(): string {
    return String(this.expanded);
  }

  /** The content's id while it is shown (an aria-controls must point at an element). */
  get contentId(): string | undefined {
    return this.expanded ? 'summary-content' : undefined;
  }

  get toggleIcon(): string {
    return this.expanded ? 'utility:switch' : 'utility:chevronright';
  }

  toggleExpanded(): void {
    this.expanded = !this.expanded;
  }

  get summaryTitle(): string {
    return this.summary?.title ?? '';
  }

  get summaryHeader(): SummaryItemView[] {
    return (this.summary?.header ?? []).map(itemView);
  }

  get summarySections(): SummarySectionView[] {
    return (this.summary?.sections ?? []).map((section) => ({
      key: section.key,
      heading: `${section.number}. ${section.heading}`,
      items: section.items.map(itemView)
    }));
  }

  get frozenText(): string {
    return this.frozenSummary || LABELS.closedFrozenEmpty;
  }

  /** The text Copy and Print use: the frozen summary after close, else the live one. */
  get summaryText(): string {
    if (this.closed) {
      return this.frozenSummary ?? '';
    }
    return this.summary ? toPlainText(this.summary) : '';
  }

  get plainTextExpanded(): string {
    return String(this.showPlainText);
  }

  get plainTextId(): string | undefined {
    return this.showPlainText ? 'plain-text' : undefined;
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
      this.toast(LABELS.summaryCopied, 'success');
    } else {
      this.showPlainText = true;
      this.toast(LABELS.summaryCopyFailed, 'warning');
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

  /** Prints the page; the print styles hide the buttons and the exception section. */
  handlePrint(): void {
    window.print();
  }

  toast(title: string, variant: ToastVariant): void {
    this.dispatchEvent(new ShowToastEvent({ title, variant }));
  }
}
