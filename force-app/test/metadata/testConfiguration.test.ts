/**
 * The Apex tests' own configuration (`staticresources/handoffTestConfiguration.json`) is the
 * shipped custom metadata, record for record and field for field, so a test that injects it
 * proves what ships while an admin's changes in the org cannot break it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SOURCE_ROOT, loadCustomMetadata, loadObjects, readXml, text } from './lib/metadata';
import {
  TEST_CONFIGURATION_PATH,
  TEST_CONFIGURATION_TYPES,
  buildTestConfiguration,
  formatTestConfiguration,
  type TestConfiguration
} from './lib/testConfiguration';

const committed = readFileSync(TEST_CONFIGURATION_PATH, 'utf8');
const parsed = JSON.parse(committed) as TestConfiguration;

describe('the Apex test configuration (handoffTestConfiguration)', () => {
  it('is the file the shipped records give (regenerate: npx tsx scripts/ci/test-configuration.ts --write)', () => {
    expect(committed).toBe(formatTestConfiguration(buildTestConfiguration()));
  });

  it('holds every shipped record of each type it covers, and nothing else', () => {
    const shipped = [...loadCustomMetadata().values()];
    for (const type of TEST_CONFIGURATION_TYPES) {
      const names = shipped
        .filter((r) => `${r.type}__mdt` === type)
        .map((r) => r.name)
        .sort();
      expect([type, parsed.records[type].map((r) => r.DeveloperName)]).toEqual([type, names]);
    }
    expect(Object.keys(parsed.records)).toEqual([...TEST_CONFIGURATION_TYPES]);
  });

  it('types values as Apex reads them: checkboxes as booleans, numbers as numbers', () => {
    const objects = loadObjects();
    const expectedType = (fieldType: string | undefined): string =>
      fieldType === 'Checkbox' ? 'boolean' : fieldType === 'Number' ? 'number' : 'string';
    const wrong: string[] = [];
    for (const type of TEST_CONFIGURATION_TYPES) {
      for (const record of parsed.records[type]) {
        for (const [field, meta] of objects.get(type)?.fields ?? []) {
          const value = record[field];
          if (value !== null && typeof value !== expectedType(meta.type)) {
            wrong.push(`${type}.${String(record.DeveloperName)}.${field}: ${typeof value}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps the shipped mode Installed, so each test must choose its own mode', () => {
    const setting = parsed.records.Handoff_Setting__mdt.find((r) => r.DeveloperName === 'Default');
    expect(setting?.Rollout_Mode__c).toBe('Installed');
  });

  it('goes stale when a shipped record changes in source', () => {
    const root = mkdtempSync(join(tmpdir(), 'handoff-test-config-'));
    try {
      cpSync(join(SOURCE_ROOT, 'objects'), join(root, 'objects'), { recursive: true });
      cpSync(join(SOURCE_ROOT, 'customMetadata'), join(root, 'customMetadata'), {
        recursive: true
      });
      const record = join(root, 'customMetadata', 'Handoff_Segment_Policy.Mid_Market.md-meta.xml');
      writeFileSync(
        record,
        readFileSync(record, 'utf8').replace(
          /(<field>Min_Amount__c<\/field>\s*<value[^>]*>)[^<]*/,
          '$130000'
        )
      );
      const changed = buildTestConfiguration(root);
      const policy = changed.records.Handoff_Segment_Policy__mdt.find(
        (r) => r.DeveloperName === 'Mid_Market'
      );
      expect(policy?.Min_Amount__c).toBe(30000);
      expect(formatTestConfiguration(changed)).not.toBe(committed);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('is deployed as a JSON static resource the Apex factory reads by name', () => {
    const meta = readXml(
      join(SOURCE_ROOT, 'staticresources', 'handoffTestConfiguration.resource-meta.xml')
    );
    expect(text(meta, 'contentType')).toBe('application/json');
    const factory = readFileSync(join(SOURCE_ROOT, 'classes', 'TestDataFactory.cls'), 'utf8');
    expect(factory.includes("TEST_CONFIGURATION_RESOURCE = 'handoffTestConfiguration'")).toBe(true);
  });
});
