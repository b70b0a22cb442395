/**
 * Native reporting metadata cross-references (issue 6): the report type
 * "Handoffs with Opportunity and Account", the reports of the Handoff_Reports folder and the
 * Handoff Health dashboard. Every field a report type, report or dashboard names must exist;
 * every report must live in Handoff_Reports and use only what its report type exposes; every
 * dashboard component must name an existing report and group by what that report groups by.
 * The Metadata API schema check (../shared/tools/check-metadata) validates each file alone; only
 * a deploy would otherwise catch these references.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { SOURCE_ROOT, fieldExists, loadObjects } from './lib/metadata';

const REPORT_FOLDER = 'Handoff_Reports';
const DASHBOARD_FOLDER = 'Handoff_Dashboards';
const REPORT_TYPE = 'Handoffs_with_Opportunity_and_Account';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) =>
    [
      'sections',
      'columns',
      'groupingsDown',
      'groupingsAcross',
      'criteriaItems',
      'chartSummaries',
      'chartSummary',
      'aggregateTypes',
      'dashboardGridComponents',
      'groupingColumn'
    ].includes(name)
});

function read(path: string): Node {
  const doc = parser.parse(readFileSync(path, 'utf8')) as Node;
  const root = Object.keys(doc).find((k) => k !== '?xml');
  return (root ? doc[root] : {}) as Node;
}

const nodes = (node: unknown, key: string): Node[] => {
  const value = (node as Node | undefined)?.[key];
  return Array.isArray(value) ? (value as Node[]) : value ? [value as Node] : [];
};
const texts = (node: unknown, key: string): string[] => {
  const value = (node as Node | undefined)?.[key];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String);
};
const text = (node: unknown, key: string): string | undefined => {
  const value = (node as Node | undefined)?.[key];
  return typeof value === 'string' ? value : undefined;
};

function walk(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir)
    .flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory()
        ? walk(path, suffix)
        : path.endsWith(suffix)
          ? [path]
          : [];
    })
    .sort();
}

const objects = loadObjects();

/** Standard lookup names a report type uses instead of the Id field (Owner for OwnerId). */
const LOOKUP_NAMES: Record<string, string> = {
  Owner: 'OwnerId',
  CreatedBy: 'CreatedById',
  LastModifiedBy: 'LastModifiedById',
  Account: 'AccountId'
};

function plainFieldExists(object: string, field: string): boolean {
  return fieldExists(objects, object, LOOKUP_NAMES[field] ?? field);
}

/**
 * Why a report type column `field` on `object` does not resolve, or null when it does: a plain
 * field, or `Lookup__c.Field` through a lookup of the object to the lookup's target.
 */
function columnProblem(object: string, field: string): string | null {
  const parts = field.split('.');
  if (parts.length === 1) {
    return plainFieldExists(object, field) ? null : `${object}.${field} does not exist`;
  }
  if (parts.length !== 2) {
    return `${object}.${field}: only one lookup step is used here`;
  }
  const [lookup, target] = parts;
  const meta = objects.get(object)?.fields.get(lookup);
  if (!meta || meta.type !== 'Lookup') {
    return `${object}.${lookup} is not a lookup field`;
  }
  const referenceTo = text(meta.xml, 'referenceTo') ?? '';
  return plainFieldExists(referenceTo, target)
    ? null
    : `${referenceTo}.${target} (through ${object}.${lookup}) does not exist`;
}

const reportTypePath = join(SOURCE_ROOT, 'reportTypes', `${REPORT_TYPE}.reportType-meta.xml`);
const reportType = read(reportTypePath);
const baseObject = text(reportType, 'baseObject') ?? '';
const reportTypeColumns = nodes(reportType, 'sections').flatMap((s) => nodes(s, 'columns'));
const exposed = new Set(reportTypeColumns.map((c) => text(c, 'field') ?? ''));

const reportsRoot = join(SOURCE_ROOT, 'reports');
const reportFiles = walk(reportsRoot, '.report-meta.xml');
const reports = new Map(
  reportFiles.map((path) => [
    `${basename(dirname(path))}/${basename(path, '.report-meta.xml')}`,
    read(path)
  ])
);

/** Every column a report names: columns, groupings, filters, sort, time frame, chart. */
function reportColumns(report: Node): string[] {
  const chart = (report.chart ?? {}) as Node;
  return [
    ...nodes(report, 'columns').map((c) => text(c, 'field') ?? ''),
    ...nodes(report, 'groupingsDown').map((g) => text(g, 'field') ?? ''),
    ...nodes(report, 'groupingsAcross').map((g) => text(g, 'field') ?? ''),
    ...nodes(report.filter, 'criteriaItems').map((c) => text(c, 'column') ?? ''),
    ...texts(report, 'sortColumn'),
    ...texts(report.timeFrameFilter, 'dateColumn'),
    ...texts(chart, 'groupingColumn'),
    ...texts(chart, 'secondaryGroupingColumn'),
    ...nodes(chart, 'chartSummaries').map((s) => text(s, 'column') ?? '')
  ].filter((c) => c !== 'RowCount');
}

/** The groupings of a report, and its summarised columns with their aggregates. */
function reportShape(report: Node): { groupings: string[]; aggregates: Set<string> } {
  const groupings = [...nodes(report, 'groupingsDown'), ...nodes(report, 'groupingsAcross')].map(
    (g) => text(g, 'field') ?? ''
  );
  const aggregates = new Set(
    nodes(report, 'columns').flatMap((c) =>
      texts(c, 'aggregateTypes').map((a) => `${a}:${text(c, 'field') ?? ''}`)
    )
  );
  return { groupings, aggregates };
}

/** Chart summaries of a column the report does not summarise that way (RowCount always exists). */
function unsummarised(summaries: Node[], aggregates: Set<string>): string[] {
  return summaries
    .map((s) => `${text(s, 'aggregate')}:${text(s, 'column') ?? ''}`)
    .filter((key) => !key.endsWith(':RowCount') && !aggregates.has(key));
}

describe('report type Handoffs with Opportunity and Account', () => {
  it('is based on Handoff__c and labelled for the report builder', () => {
    expect(baseObject).toBe('Handoff__c');
    expect(text(reportType, 'label')).toBe('Handoffs with Opportunity and Account');
    expect(text(reportType, 'deployed')).toBe('true');
    expect((text(reportType, 'description') ?? '').length).toBeGreaterThan(20);
  });

  it('exposes the Handoff, Opportunity and Account sections', () => {
    expect(nodes(reportType, 'sections').map((s) => text(s, 'masterLabel'))).toEqual([
      'Handoff',
      'Opportunity',
      'Account'
    ]);
    expect([...exposed].some((f) => f.startsWith('Opportunity__c.'))).toBe(true);
    expect([...exposed].some((f) => f.startsWith('Account__c.'))).toBe(true);
  });

  it.each(reportTypeColumns.map((c) => [text(c, 'field') ?? '', c] as const))(
    'column %s exists',
    (field, column) => {
      expect(text(column, 'table')).toBe(baseObject);
      expect(columnProblem(baseObject, field)).toBeNull();
    }
  );

  it('names every column once', () => {
    const fields = reportTypeColumns.map((c) => text(c, 'field'));
    expect(new Set(fields).size).toBe(fields.length);
  });
});

describe('reports', () => {
  it('ships the health and rollout reports in the Handoff Reports folder', () => {
    expect([...reports.keys()].sort()).toEqual(
      [
        'Handoff_AE_Time',
        'Handoff_Completion_By_Month',
        'Handoff_Escalations',
        'Handoff_Exceptions',
        'Handoff_First_Touch_By_Segment',
        'Handoff_Pilot_Comparison',
        'Handoff_Quality_By_AE',
        'Handoff_Returns',
        'Handoff_Time_To_First_Value',
        'Handoff_Would_Have_Blocked'
      ].map((name) => `${REPORT_FOLDER}/${name}`)
    );
    const folder = read(join(reportsRoot, `${REPORT_FOLDER}.reportFolder-meta.xml`));
    expect(text(folder, 'name')).toBe('Handoff Reports');
  });

  it('keeps every report file in the Handoff_Reports folder', () => {
    for (const path of reportFiles) {
      expect(relative(reportsRoot, dirname(path))).toBe(REPORT_FOLDER);
    }
  });

  it.each([...reports.entries()])(
    '%s uses the report type and only what it exposes',
    (_n, report) => {
      expect(text(report, 'reportType')).toBe(`${REPORT_TYPE}__c`);
      expect((text(report, 'description') ?? '').length).toBeGreaterThan(20);
      const problems: string[] = [];
      for (const column of reportColumns(report)) {
        const [table, field] = column.split('$');
        if (table !== baseObject || !field) {
          problems.push(`${column}: not a ${baseObject}$ column`);
          continue;
        }
        const problem = columnProblem(baseObject, field);
        if (problem) {
          problems.push(problem);
        } else if (!exposed.has(field)) {
          problems.push(`${column}: the report type does not expose ${field}`);
        }
      }
      expect(problems).toEqual([]);
    }
  );

  it.each([...reports.entries()])('%s summarises what its chart plots', (_n, report) => {
    const { groupings, aggregates } = reportShape(report);
    const chart = (report.chart ?? {}) as Node;
    for (const grouping of [
      ...texts(chart, 'groupingColumn'),
      ...texts(chart, 'secondaryGroupingColumn')
    ]) {
      expect(groupings).toContain(grouping);
    }
    expect(unsummarised(nodes(chart, 'chartSummaries'), aggregates)).toEqual([]);
  });

  it('include every report the metrics dashboard links to (HandoffMetricsService.REPORT_NAMES)', () => {
    const source = readFileSync(join(SOURCE_ROOT, 'classes', 'HandoffMetricsService.cls'), 'utf8');
    const block = /REPORT_NAMES = new Set<String>\{([^}]*)\}/.exec(source)?.[1] ?? '';
    const names = [...block.matchAll(/'([A-Za-z0-9_]+)'/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect(reports.has(`${REPORT_FOLDER}/${name}`)).toBe(true);
    }
  });
});

describe('dashboard Handoff Health', () => {
  const dashboardsRoot = join(SOURCE_ROOT, 'dashboards');
  const dashboardFiles = walk(dashboardsRoot, '.dashboard-meta.xml');
  const path = join(dashboardsRoot, DASHBOARD_FOLDER, 'Handoff_Health.dashboard-meta.xml');
  const dashboard = read(path);
  const components = nodes(dashboard.dashboardGridLayout, 'dashboardGridComponents').map(
    (g) => (g.dashboardComponent ?? {}) as Node
  );

  it('is a Lightning dashboard in the Handoff Dashboards folder, run as the viewer', () => {
    expect(dashboardFiles.map((p) => relative(dashboardsRoot, p))).toEqual([
      join(DASHBOARD_FOLDER, 'Handoff_Health.dashboard-meta.xml')
    ]);
    const folder = read(join(dashboardsRoot, `${DASHBOARD_FOLDER}.dashboardFolder-meta.xml`));
    expect(text(folder, 'name')).toBe('Handoff Dashboards');
    expect(text(dashboard, 'title')).toBe('Handoff Health');
    expect(text(dashboard, 'isGridLayout')).toBe('true');
    // LoggedInUser: each viewer sees the handoffs their own access allows (no running user to
    // keep valid in every org).
    expect(text(dashboard, 'dashboardType')).toBe('LoggedInUser');
    expect(components.length).toBeGreaterThanOrEqual(5);
  });

  it.each(components.map((c) => [text(c, 'header') ?? '', c] as const))(
    'component "%s" names an existing report and what it groups and sums',
    (_header, component) => {
      const reportName = text(component, 'report') ?? '';
      const report = reports.get(reportName);
      expect(report).toBeDefined();
      const { groupings, aggregates } = reportShape(report ?? {});
      for (const grouping of texts(component, 'groupingColumn')) {
        expect(groupings).toContain(grouping);
      }
      expect(unsummarised(nodes(component, 'chartSummary'), aggregates)).toEqual([]);
    }
  );

  it('shows every report of the folder', () => {
    const shown = new Set(components.map((c) => text(c, 'report')));
    expect([...reports.keys()].filter((name) => !shown.has(name))).toEqual([]);
  });

  it('lays its components on the 12-column grid without overlap', () => {
    const cells = new Set<string>();
    for (const grid of nodes(dashboard.dashboardGridLayout, 'dashboardGridComponents')) {
      const [col, row, colSpan, rowSpan] = ['columnIndex', 'rowIndex', 'colSpan', 'rowSpan'].map(
        (k) => Number(text(grid, k))
      );
      expect(col + colSpan).toBeLessThanOrEqual(12);
      for (let c = col; c < col + colSpan; c++) {
        for (let r = row; r < row + rowSpan; r++) {
          expect(cells.has(`${c},${r}`)).toBe(false);
          cells.add(`${c},${r}`);
        }
      }
    }
  });
});
