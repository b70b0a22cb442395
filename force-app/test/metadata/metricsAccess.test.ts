/**
 * The metrics dashboard reads Handoff_Metric_Snapshot__c WITH USER_MODE
 * (HandoffMetricSnapshotsSelector.selectMonths), and a USER_MODE query that names a field the viewer
 * cannot read fails as a whole: one snapshot field missing from a permission set would turn the
 * dashboard into an error for that persona. So every snapshot field (the required
 * Period_Start__c is always readable) is readable by each set that grants the dashboard's
 * controller, and only Handoff_Admin, whose holders run the snapshot jobs, may edit them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SOURCE_ROOT,
  componentName,
  filesIn,
  list,
  loadObjects,
  readXml,
  text
} from './lib/metadata';

const OBJECT = 'Handoff_Metric_Snapshot__c';
const objects = loadObjects();
const sets = new Map(
  filesIn('permissionsets', '.permissionset-meta.xml').map((p) => [
    componentName(p, '.permissionset-meta.xml'),
    readXml(p)
  ])
);

function access(set: string, field: string): 'edit' | 'read' | 'none' {
  const fp = list(sets.get(set), 'fieldPermissions').find(
    (f) => text(f, 'field') === `${OBJECT}.${field}`
  );
  if (!fp || text(fp, 'readable') !== 'true') {
    return 'none';
  }
  return text(fp, 'editable') === 'true' ? 'edit' : 'read';
}

/** The snapshot fields the selector's SNAPSHOT_FIELDS list names (the dashboard's reads). */
function selectedSnapshotFields(): string[] {
  const source = readFileSync(
    join(SOURCE_ROOT, 'classes', 'HandoffMetricSnapshotsSelector.cls'),
    'utf8'
  );
  const block = /SNAPSHOT_FIELDS = String\.join\(\s*new List<String>\{([^}]*)\}/.exec(source);
  if (!block) {
    throw new Error('HandoffMetricSnapshotsSelector.SNAPSHOT_FIELDS not found');
  }
  return [...block[1].matchAll(/'([A-Za-z_]+)'/g)].map((m) => m[1]);
}

const dashboardSets = [...sets.entries()]
  .filter(([, xml]) =>
    list(xml, 'classAccesses').some(
      (c) => text(c, 'apexClass') === 'HandoffMetricsController' && text(c, 'enabled') === 'true'
    )
  )
  .map(([name]) => name)
  .sort();

const fields = [...(objects.get(OBJECT)?.fields.values() ?? [])]
  .filter((f) => text(f.xml, 'required') !== 'true')
  .map((f) => f.name)
  .sort();

describe('metrics snapshot fields per persona', () => {
  it('the dashboard is granted to CS, Leadership and Admin', () => {
    expect(dashboardSets).toEqual(['Handoff_Admin', 'Handoff_CS', 'Handoff_Leadership']);
  });

  it('the dashboard selects only fields of the object, the rollout counts among them', () => {
    const selected = selectedSnapshotFields();
    const known = new Set(objects.get(OBJECT)?.fields.keys() ?? []);
    expect(selected.filter((f) => f !== 'Id' && !known.has(f))).toEqual([]);
    expect(selected).toEqual(
      expect.arrayContaining([
        'Would_Have_Blocked__c',
        'Pilot_Handoffs__c',
        'Pilot_Complete_At_Close__c'
      ])
    );
  });

  it.each(fields)(
    `${OBJECT}.%s is read by every dashboard set and edited by admins only`,
    (field) => {
      const got = Object.fromEntries(dashboardSets.map((set) => [set, access(set, field)]));
      expect(got).toEqual({
        Handoff_Admin: 'edit',
        Handoff_CS: 'read',
        Handoff_Leadership: 'read'
      });
      const editors = [...sets.keys()].filter((set) => access(set, field) === 'edit');
      expect(editors).toEqual(['Handoff_Admin']);
    }
  );
});
