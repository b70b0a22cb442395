/**
 * Stand-in for `lightning-record-edit-form` (not published by Salesforce), kept to what the
 * platform's form does for its fields: loads the object's field info and the record through
 * Lightning Data Service (the journey's fake server), gives each `lightning-input-field` its
 * label, type, required flag and value, and on submit fires `submit` (cancelable; detail.fields),
 * saves the changed fields (`updateRecord` on the bridge), then fires `success` and refreshes the
 * record's getRecord wires, or fires `error` and shows the message in `lightning-messages`.
 */
import { LightningElement, api } from 'lwc';
import { call } from '../../../app/bridge';
import { notifyRecordUpdateAvailable } from '../uiRecordApi/uiRecordApi';

/** What a field asks its form for (see inputField). */
export interface FieldContext {
  label: string;
  dataType: string;
  required: boolean;
  updateable: boolean;
  value: unknown;
  picklistValues: { label: string; value: string }[];
}

interface FieldHandle {
  fieldName: string;
  provide(context: FieldContext): void;
  current(): unknown;
  changed(): boolean;
  accept(): void;
}

interface ObjectInfoLike {
  fields: Record<
    string,
    {
      label: string;
      dataType: string;
      required?: boolean;
      nillable?: boolean;
      updateable?: boolean;
      picklistValues?: { label: string; value: string }[];
    }
  >;
}

interface RecordLike {
  fields: Record<string, { value: unknown }>;
}

interface SaveError {
  body?: { message?: string; output?: { errors?: { message: string }[] } };
  message?: string;
}

export default class RecordEditForm extends LightningElement {
  @api recordId?: string;
  @api objectApiName?: string | { objectApiName: string };

  errorMessage = '';
  private fields = new Set<FieldHandle>();
  private objectInfo?: ObjectInfoLike;
  private record?: RecordLike;

  constructor() {
    super();
    this.addEventListener('harness_registerfield', (event) => {
      event.stopPropagation();
      const field = (event as CustomEvent<FieldHandle>).detail;
      this.fields.add(field);
      this.provide(field);
    });
    this.addEventListener('harness_unregisterfield', (event) => {
      event.stopPropagation();
      this.fields.delete((event as CustomEvent<FieldHandle>).detail);
    });
  }

  get objectName(): string {
    const name = this.objectApiName;
    return typeof name === 'string' ? name : (name?.objectApiName ?? '');
  }

  connectedCallback(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    const info = await call('lds', 'getObjectInfo', { objectApiName: this.objectName });
    if ('error' in info) {
      this.errorMessage = messageOf(info.error as SaveError);
      return;
    }
    this.objectInfo = info.data as ObjectInfoLike;
    const fieldNames = Object.keys(this.objectInfo.fields).map((f) => `${this.objectName}.${f}`);
    const record = await call('lds', 'getRecord', {
      recordId: this.recordId,
      optionalFields: fieldNames
    });
    if ('error' in record) {
      this.errorMessage = messageOf(record.error as SaveError);
      return;
    }
    this.record = record.data as RecordLike;
    this.fields.forEach((field) => this.provide(field));
  }

  private provide(field: FieldHandle): void {
    const info = this.objectInfo?.fields[field.fieldName];
    if (!info || !this.record) {
      return;
    }
    field.provide({
      label: info.label,
      dataType: info.dataType,
      required: info.required === true || info.nillable === false,
      updateable: info.updateable !== false,
      value: this.record.fields[field.fieldName]?.value ?? null,
      picklistValues: info.picklistValues ?? []
    });
  }

  handleFormSubmit(event: Event): void {
    event.preventDefault();
    // The inner <form>'s native submit (not composed) must not leave this component: under
    // synthetic shadow it would reach the host's `onsubmit` listeners as a second `submit`
    // without `detail.fields` (a second save of only what the listener adds). The component's
    // `submit` is the custom event below, as on the platform.
    event.stopPropagation();
    const fields: Record<string, unknown> = {};
    this.fields.forEach((field) => {
      if (field.changed()) {
        fields[field.fieldName] = field.current();
      }
    });
    const submit = new CustomEvent('submit', { cancelable: true, detail: { fields } });
    this.dispatchEvent(submit);
    if (!submit.defaultPrevented) {
      void this.save(fields);
    }
  }

  /** Saves the given fields (as the platform's `submit(fields)`). */
  @api
  submit(fields: Record<string, unknown>): void {
    void this.save(fields);
  }

  private async save(fields: Record<string, unknown>): Promise<void> {
    this.errorMessage = '';
    const reply = await call('lds', 'updateRecord', {
      recordId: this.recordId,
      objectApiName: this.objectName,
      fields
    });
    if ('error' in reply) {
      const error = reply.error as SaveError;
      this.errorMessage = messageOf(error);
      this.dispatchEvent(
        new CustomEvent('error', {
          detail: { message: this.errorMessage, output: error.body?.output ?? {} }
        })
      );
      return;
    }
    this.fields.forEach((field) => field.accept());
    this.dispatchEvent(
      new CustomEvent('success', { detail: { id: this.recordId, fields: reply.data } })
    );
    if (this.recordId) {
      await notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
    }
  }
}

function messageOf(error: SaveError): string {
  return error.body?.output?.errors?.[0]?.message ?? error.body?.message ?? error.message ?? '';
}
