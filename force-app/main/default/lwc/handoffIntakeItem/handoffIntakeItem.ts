/**
 * @description One intake checklist item. For the CSM: its status as a button group (saved at
 * once, with the item's note), its note, and a Save note button that appears only once the note
 * differs from the saved one (so an untouched checklist shows no row of identical buttons, and a
 * pending note is visible where it was typed). For Sales: the status and note, read-only. Both:
 * who set the status and when. "Required" is an asterisk before the name, as SLDS marks required
 * fields.
 *
 * The checklist owns the unsaved notes (so a status change saves the note typed beside it) and
 * the Apex calls: this component fires `statuschange` `{ itemId, itemStatus }`, `notechange`
 * `{ itemId, notes }` and `savenote` `{ itemId }`.
 */
import { LightningElement, api } from 'lwc';
import { LABELS, format } from 'c/handoffIntakeLabels';

type ItemView = HandoffIntake.ItemView;
type Option = HandoffIntake.Option;

/** @description The detail of the item's events. */
export interface ItemEventDetail {
  itemId: string;
  itemStatus?: string;
  notes?: string;
}

export default class HandoffIntakeItem extends LightningElement {
  /** @description The item as the server sent it. */
  @api item!: ItemView;
  /** @description The unsaved note, when the user changed it (undefined: none). */
  @api noteDraft?: string;
  /** @description Whether the user may work the checklist. */
  @api editable = false;
  /** @description The status choices (Verified, Missing, Not applicable). */
  @api statusOptions: Option[] = [];
  /** @description True while a change is saved: the controls are disabled. */
  @api busy = false;

  labels = LABELS;

  get radioName(): string {
    return `status-${this.item.id}`;
  }

  get statusGroupLabel(): string {
    return format(LABELS.itemStatus, this.item.item);
  }

  get notesLabel(): string {
    return format(LABELS.itemNotes, this.item.item);
  }

  get notesValue(): string {
    return this.noteDraft ?? this.item.notes ?? '';
  }

  get noteChanged(): boolean {
    return this.noteDraft !== undefined && this.noteDraft !== (this.item.notes ?? '');
  }

  get statusText(): string {
    return this.item.statusLabel ?? this.item.status;
  }

  get badgeClass(): string {
    switch (this.item.status) {
      case 'Verified':
        return 'slds-badge slds-theme_success';
      case 'Missing':
        return 'slds-badge slds-theme_error';
      default:
        return 'slds-badge';
    }
  }

  get hasSetBy(): boolean {
    return !!this.item.verifiedByName && !!this.item.verifiedAt;
  }

  get setByText(): string {
    return format(LABELS.setBy, this.item.verifiedByName ?? '');
  }

  handleStatusChange(event: CustomEvent<{ value: string }>): void {
    this.fire('statuschange', { itemId: this.item.id, itemStatus: event.detail.value });
  }

  handleNoteChange(event: CustomEvent<{ value: string }>): void {
    this.fire('notechange', { itemId: this.item.id, notes: event.detail.value ?? '' });
  }

  handleSaveNote(): void {
    this.fire('savenote', { itemId: this.item.id });
  }

  private fire(name: string, detail: ItemEventDetail): void {
    this.dispatchEvent(new CustomEvent<ItemEventDetail>(name, { detail }));
  }
}
