/**
 * An earlier install: a deploy writes every custom metadata record in force-app over the org's
 * record of the same name, so settings an admin changed in Setup (the rollout mode, bands,
 * required fields, SLAs, thresholds) go back to the shipped values unless force-app holds them.
 */
import { capped, joinAnd, plural } from '../model.ts';
import type { SfRecord } from '../reader.ts';
import { AREAS, type CheckDef } from './shared.ts';

/** Whether an org value and a source value (as the record file writes it) are the same. */
export function sameSetting(orgValue: unknown, sourceValue: string | null): boolean {
  const blankOrg = orgValue === null || orgValue === undefined || orgValue === '';
  const blankSource = sourceValue === null || sourceValue === '';
  if (blankOrg || blankSource) {
    return blankOrg && blankSource;
  }
  if (typeof orgValue === 'boolean') {
    return String(orgValue) === sourceValue;
  }
  if (typeof orgValue === 'number') {
    return Number(sourceValue) === orgValue;
  }
  return String(orgValue) === sourceValue;
}

export const customMetadataOverwrite: CheckDef = {
  id: 'custom-metadata-overwrite',
  area: AREAS.settings,
  title: 'Settings an earlier install changed',
  why:
    'A deploy writes every custom metadata record in force-app over the record of the same name in the org. Where the product is already installed, values an admin changed in Setup ' +
    '(the rollout mode, segment bands, required fields, SLAs, thresholds) go back to the shipped ones unless force-app holds them too. Records the org added are kept.',
  source:
    'REST describe and query: our custom metadata types (Handoff_Setting__mdt, Handoff_Segment_Policy__mdt, …)',
  async run({ org, project }) {
    const byType = new Map<string, typeof project.customMetadata>();
    for (const r of project.customMetadata) {
      byType.set(r.type, [...(byType.get(r.type) ?? []), r]);
    }
    const rows: string[][] = [];
    const installed: string[] = [];
    for (const [type, records] of byType) {
      const describe = await org.describe(`${type}__mdt`);
      if (!describe) {
        continue;
      }
      installed.push(`${type}__mdt`);
      const known = new Set(describe.fields.map((f) => f.name));
      const fields = [...new Set(records.flatMap((r) => Object.keys(r.values)))]
        .filter((f) => known.has(f))
        .sort();
      if (fields.length === 0) {
        continue;
      }
      const orgRecords = await org.query<SfRecord & { DeveloperName: string }>(
        `SELECT DeveloperName, ${fields.join(', ')} FROM ${type}__mdt ORDER BY DeveloperName`,
        `reading ${type}__mdt (REST query)`
      );
      const inOrg = new Map(orgRecords.map((r) => [r.DeveloperName, r]));
      for (const record of records) {
        const current = inOrg.get(record.name);
        if (!current) {
          continue;
        }
        for (const field of fields) {
          if (!(field in record.values)) {
            continue;
          }
          const ours = record.values[field];
          if (!sameSetting(current[field], ours)) {
            rows.push([`${type}.${record.name}`, field, String(current[field] ?? ''), ours ?? '']);
          }
        }
      }
    }
    if (installed.length === 0) {
      return {
        status: 'pass',
        finding:
          'The product is not installed in this org yet: no setting of an earlier install to keep.'
      };
    }
    if (rows.length === 0) {
      return {
        status: 'pass',
        finding: `The product is installed (${plural(installed.length, 'custom metadata type')} found) and every record of ours holds the values force-app deploys.`
      };
    }
    const records = [...new Set(rows.map((r) => r[0]))];
    return {
      status: 'pass',
      finding: `${plural(rows.length, 'value')} an admin changed in the org differ from what force-app ships, in ${joinAnd(records.slice(0, 4))}${records.length > 4 ? ', …' : ''}. npm run deploy keeps the org's records; only --reset-settings would overwrite them.`,
      fix: 'Nothing to do for an upgrade. Before npm run deploy -- --reset-settings, copy the org values you want to keep into the record files in force-app/main/default/customMetadata (the table lists them).',
      tables: [
        capped(
          'Values --reset-settings would change',
          ['Record', 'Field', 'In the org', 'force-app deploys'],
          rows,
          100
        )
      ]
    };
  }
};
