/**
 * The package's own test configuration: the shipped records of the custom metadata types the
 * product reads (settings, segment policies, field rules, intake templates, health thresholds),
 * typed as Apex deserializes them, in `staticresources/handoffTestConfiguration.json`.
 *
 * Apex tests inject it (`TestDataFactory.useTestConfiguration`) instead of reading the org's
 * records, which an admin may have changed by the time a production deploy runs the tests. The
 * Jest test `testConfiguration.test.ts` keeps the file equal to the records in source, so the
 * tests still prove what ships. Regenerate after changing a record:
 * `npx tsx scripts/ci/test-configuration.ts --write`.
 */
import { join } from 'node:path';
import { SOURCE_ROOT, loadCustomMetadata, loadObjects, type ObjectMeta } from './metadata';

/** The static resource's path. */
export const TEST_CONFIGURATION_PATH = join(
  SOURCE_ROOT,
  'staticresources',
  'handoffTestConfiguration.json'
);

/** The custom metadata types in the test configuration, in the file's order. */
export const TEST_CONFIGURATION_TYPES = [
  'Handoff_Setting__mdt',
  'Handoff_Segment_Policy__mdt',
  'Handoff_Field_Rule__mdt',
  'Handoff_Intake_Template__mdt',
  'Handoff_Health_Threshold__mdt'
] as const;

/** A record as Apex's JSON.deserialize reads it into the custom metadata type. */
export type TestRecord = Record<string, string | number | boolean | null>;

/** The file's content. */
export interface TestConfiguration {
  description: string;
  records: Record<string, TestRecord[]>;
}

const DESCRIPTION =
  'Generated from force-app/main/default/customMetadata by scripts/ci/test-configuration.ts ' +
  '(do not edit by hand). The shipped records of the custom metadata the product reads, which ' +
  'Apex tests inject through HandoffRulesSelector instead of reading the org, where an admin ' +
  'may have changed them. force-app/test/metadata/testConfiguration.test.ts keeps it equal to ' +
  'the records in source.';

const NUMBER_TYPES = new Set(['Number', 'Percent', 'Currency']);

function typed(
  raw: string | null,
  fieldType: string | undefined,
  where: string
): TestRecord[string] {
  if (raw === null) {
    return null;
  }
  if (fieldType === 'Checkbox') {
    if (raw !== 'true' && raw !== 'false') {
      throw new Error(`${where}: checkbox value "${raw}" is neither true nor false`);
    }
    return raw === 'true';
  }
  if (fieldType !== undefined && NUMBER_TYPES.has(fieldType)) {
    const value = Number(raw);
    if (Number.isNaN(value)) {
      throw new Error(`${where}: number value "${raw}" is not a number`);
    }
    return value;
  }
  return raw;
}

/** The test configuration the records in source give (sorted by DeveloperName per type). */
export function buildTestConfiguration(root: string = SOURCE_ROOT): TestConfiguration {
  const objects: Map<string, ObjectMeta> = loadObjects(root);
  const all = [...loadCustomMetadata(root).values()];
  const records: Record<string, TestRecord[]> = {};
  for (const type of TEST_CONFIGURATION_TYPES) {
    const object = objects.get(type);
    if (!object) {
      throw new Error(`custom metadata type ${type} is not in force-app`);
    }
    records[type] = all
      .filter((r) => `${r.type}__mdt` === type)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((r) => {
        const record: TestRecord = { DeveloperName: r.name, MasterLabel: r.label ?? r.name };
        for (const field of [...object.fields.keys()].sort()) {
          const where = `${r.type}.${r.name}.${field}`;
          if (!(field in r.values)) {
            throw new Error(`${where}: the record has no value element for the field`);
          }
          record[field] = typed(r.values[field] ?? null, object.fields.get(field)?.type, where);
        }
        return record;
      });
  }
  return { description: DESCRIPTION, records };
}

/** The file's text for a configuration (2-space JSON, newline at the end). */
export function formatTestConfiguration(configuration: TestConfiguration): string {
  return `${JSON.stringify(configuration, null, 2)}\n`;
}
