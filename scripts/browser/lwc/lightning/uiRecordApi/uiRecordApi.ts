/**
 * Stand-in for `lightning/uiRecordApi` (not published by Salesforce): the getRecord wire
 * adapter, getFieldValue and getFieldDisplayValue, and notifyRecordUpdateAvailable, which makes
 * the live getRecord wires of those records ask again. Records come from the journey's fake
 * server in UI API shape (the same getRecord.json fixtures the Jest tests emit).
 */
import { call } from '../../../app/bridge';
import { liveWires, serverAdapter } from '../../../app/wire';

interface FieldValue {
  value: unknown;
  displayValue: string | null;
}

interface RecordLike {
  fields: Record<string, FieldValue>;
}

interface FieldRef {
  objectApiName?: string;
  fieldApiName?: string;
}

export const getRecord = serverAdapter('getRecord');

/** A field's path below the record, from a schema import or an `Object.Field.Sub` string. */
function path(field: FieldRef | string): string[] {
  const name = typeof field === 'string' ? field : (field.fieldApiName ?? '');
  const parts = name.split('.');
  return typeof field === 'string' ? parts.slice(1) : parts;
}

function resolve(record: RecordLike | undefined, field: FieldRef | string): FieldValue | undefined {
  let current: RecordLike | undefined = record;
  const parts = path(field);
  for (let i = 0; i < parts.length; i++) {
    const value: FieldValue | undefined = current?.fields?.[parts[i]];
    if (i === parts.length - 1) {
      return value;
    }
    current = value?.value as RecordLike | undefined;
  }
  return undefined;
}

export function getFieldValue(record: RecordLike | undefined, field: FieldRef | string): unknown {
  return resolve(record, field)?.value;
}

export function getFieldDisplayValue(
  record: RecordLike | undefined,
  field: FieldRef | string
): string | null | undefined {
  return resolve(record, field)?.displayValue;
}

export async function notifyRecordUpdateAvailable(items: { recordId: string }[]): Promise<void> {
  const ids = new Set(items.map((item) => item.recordId));
  await call('lds', 'notifyRecordUpdateAvailable', { recordIds: [...ids] });
  await Promise.all(
    [...liveWires]
      .filter((wire) => wire.name === 'getRecord' && ids.has(String(wire.config.recordId)))
      .map((wire) => wire.request())
  );
}
