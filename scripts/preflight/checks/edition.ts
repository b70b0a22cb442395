/**
 * Edition and limits: what the edition allows (Apex, dynamic dashboards), custom notification
 * types, and the API and other daily allowances left.
 */
import { capped, joinAnd, plural, yesNo } from '../model.ts';
import type { SfRecord } from '../reader.ts';
import { AREAS, organizationOf, type CheckDef } from './shared.ts';

/** Editions where customers deploy their own Apex, triggers and flows. */
const APEX_EDITIONS = new Set([
  'Enterprise Edition',
  'Unlimited Edition',
  'Performance Edition',
  'Developer Edition'
]);

/** Editions without custom Apex (OrganizationType values). */
const NO_APEX_EDITIONS = new Set([
  'Professional Edition',
  'Team Edition',
  'Group Edition',
  'Contact Manager Edition',
  'Personal Edition',
  'Base Edition'
]);

/**
 * Dynamic dashboards allowed per edition, from Salesforce Help ("Dynamic Dashboards",
 * https://help.salesforce.com/s/articleView?id=analytics.dashboards_dynamic_overview.htm):
 * "up to 5 dynamic dashboards for Enterprise Edition, 10 for Unlimited and Performance
 * Editions, and 3 for Developer Edition"; other editions have none. More can be bought.
 */
export const DYNAMIC_DASHBOARD_ALLOWANCE: Record<string, number> = {
  'Enterprise Edition': 5,
  'Unlimited Edition': 10,
  'Performance Edition': 10,
  'Developer Edition': 3
};

/** "You can create up to 500 custom notification types" (Salesforce Help, Considerations for Notifications). */
export const NOTIFICATION_TYPE_LIMIT = 500;

export const edition: CheckDef = {
  id: 'edition',
  area: AREAS.edition,
  title: 'Edition',
  why:
    'The product is Apex triggers and classes, flows, an approval process and a dynamic dashboard: it needs an edition where customers deploy their own Apex ' +
    '(Enterprise, Unlimited, Performance or Developer).',
  source: 'REST query: Organization',
  async run({ org, project }) {
    const o = await organizationOf(org);
    const kind = o.IsSandbox
      ? 'a sandbox'
      : o.TrialExpirationDate
        ? 'a scratch or trial org'
        : 'production';
    const table = [
      capped(
        'Organization',
        ['Name', 'Edition', 'Sandbox', 'Trial ends', 'Instance', 'Language'],
        [
          [
            o.Name,
            o.OrganizationType,
            yesNo(o.IsSandbox),
            o.TrialExpirationDate ?? '',
            o.InstanceName ?? '',
            o.LanguageLocaleKey ?? ''
          ]
        ]
      )
    ];
    if (NO_APEX_EDITIONS.has(o.OrganizationType)) {
      return {
        status: 'fail',
        finding: `${o.Name} is ${o.OrganizationType} (${kind}): this edition does not run custom Apex, so the product cannot be deployed.`,
        fix: 'Install into an Enterprise, Unlimited, Performance or Developer Edition org.',
        tables: table
      };
    }
    if (!APEX_EDITIONS.has(o.OrganizationType)) {
      return {
        status: 'warn',
        finding: `${o.Name} is "${o.OrganizationType}" (${kind}), an edition this preflight does not know; Apex, flows and dynamic dashboards may not be available.`,
        fix: 'Check with Salesforce that the edition allows deploying Apex and flows; run the preflight with --validate to find out.',
        tables: table
      };
    }
    if (project.testProfileName && o.LanguageLocaleKey && !o.LanguageLocaleKey.startsWith('en')) {
      return {
        status: 'warn',
        finding:
          `${o.Name} is ${o.OrganizationType} (${kind}) with the default language ${o.LanguageLocaleKey}. ` +
          `Our tests find their users' profile by its English name ("${project.testProfileName}"), which is translated in this language.`,
        fix: 'Run the preflight with --validate to see whether the tests find the profile; if they do not, deploy a version whose tests choose the profile by licence.',
        tables: table
      };
    }
    return {
      status: 'pass',
      finding: `${o.Name} is ${o.OrganizationType} (${kind}).`,
      tables: table
    };
  }
};

interface DashboardRow {
  DeveloperName: string;
  Title: string;
  FolderName: string | null;
  IsDeleted: boolean;
}

export const dynamicDashboards: CheckDef = {
  id: 'dynamic-dashboards',
  area: AREAS.edition,
  title: 'Dynamic dashboards',
  why:
    'Our Handoff Health dashboard runs as the logged-in user (a dynamic dashboard), which editions allow only a few of: 5 in Enterprise, 10 in Unlimited and Performance, 3 in Developer ' +
    '(Salesforce Help, "Dynamic Dashboards"; dashboards in the recycle bin count). Over the allowance, the deploy fails on the dashboard.',
  source:
    'REST queryAll: Dashboard (Type = LoggedInUser, deleted ones included); REST query: Organization',
  async run({ org, project }) {
    const rows = await org.queryAll<DashboardRow & SfRecord>(
      "SELECT DeveloperName, Title, FolderName, IsDeleted FROM Dashboard WHERE Type = 'LoggedInUser' ORDER BY Title",
      'reading dynamic dashboards (REST queryAll on Dashboard)'
    );
    const present = new Set(rows.filter((r) => !r.IsDeleted).map((r) => r.DeveloperName));
    const adding = project.dynamicDashboards.filter((d) => !present.has(d));
    const total = rows.length + adding.length;
    const tables = [
      capped(
        'Dynamic dashboards in this org',
        ['Dashboard', 'Folder', 'In the recycle bin'],
        rows.map((r) => [r.Title, r.FolderName ?? '', yesNo(r.IsDeleted)])
      )
    ];
    let allowance: number | undefined;
    let editionName = '';
    let editionProblem = '';
    try {
      editionName = (await organizationOf(org)).OrganizationType;
      allowance = DYNAMIC_DASHBOARD_ALLOWANCE[editionName] ?? 0;
    } catch (e) {
      editionProblem = (e as Error).message;
    }
    const counted = `${plural(rows.length, 'dynamic dashboard')} in use (recycle bin included) and ${plural(adding.length, 'more')} from us`;
    if (allowance === undefined) {
      return {
        status: 'warn',
        finding: `${counted}; the edition's allowance is unknown because the edition could not be read (${editionProblem}).`,
        fix: "Compare the count with your edition's allowance (5 Enterprise, 10 Unlimited/Performance, 3 Developer).",
        tables
      };
    }
    if (total > allowance) {
      return {
        status: 'fail',
        finding: `${counted}: ${total}, above the ${allowance} that ${editionName} allows by default. The deploy fails on our dashboard unless the org bought more.`,
        fix:
          'Empty the recycle bin of deleted dynamic dashboards, or turn one into a dashboard with a fixed running user, or deploy ours with a running user: ' +
          'in force-app/main/default/dashboards/Handoff_Dashboards/Handoff_Health.dashboard-meta.xml set <dashboardType>SpecifiedUser</dashboardType> and add <runningUser> (docs/metrics.md).',
        tables
      };
    }
    return {
      status: total === allowance && adding.length > 0 ? 'warn' : 'pass',
      finding:
        total === allowance && adding.length > 0
          ? `${counted}: ${total}, exactly the ${allowance} ${editionName} allows; no room is left for another.`
          : `${counted}: ${total} of the ${allowance} ${editionName} allows.`,
      ...(total === allowance && adding.length > 0
        ? { fix: 'Nothing blocks the deploy; plan for the next dynamic dashboard (or buy more).' }
        : {}),
      tables
    };
  }
};

export const notificationTypes: CheckDef = {
  id: 'notification-types',
  area: AREAS.edition,
  title: 'Custom notification types',
  why: 'Assignments, escalations and SLA warnings use our custom notification type. An org can have up to 500 custom notification types (Salesforce Help, "Considerations for Notifications").',
  source: 'REST query: CustomNotificationType',
  async run({ org, project }) {
    const rows = await org.query<{ DeveloperName: string; MasterLabel: string } & SfRecord>(
      'SELECT DeveloperName, MasterLabel FROM CustomNotificationType ORDER BY DeveloperName',
      'reading custom notification types (REST query on CustomNotificationType)'
    );
    const present = new Set(rows.map((r) => r.DeveloperName));
    const adding = project.notificationTypes.filter((n) => !present.has(n));
    const already = project.notificationTypes.filter((n) => present.has(n));
    const total = rows.length + adding.length;
    const tail =
      already.length > 0
        ? ` ${joinAnd(already)} ${already.length === 1 ? 'is' : 'are'} already there (an earlier install).`
        : '';
    if (total > NOTIFICATION_TYPE_LIMIT) {
      return {
        status: 'fail',
        finding: `${plural(rows.length, 'custom notification type')} in the org and ${adding.length} from us: ${total}, above the limit of ${NOTIFICATION_TYPE_LIMIT}.`,
        fix: 'Delete unused custom notification types (Setup > Custom Notifications) before deploying.'
      };
    }
    return {
      status: 'pass',
      finding: `${plural(rows.length, 'custom notification type')} in the org, ${adding.length} to add: ${total} of ${NOTIFICATION_TYPE_LIMIT}.${tail}`
    };
  }
};

/** The /limits entries the product uses, and why. */
const WATCHED_LIMITS: Array<{ key: string; label: string; use: string }> = [
  {
    key: 'DailyApiRequests',
    label: 'API requests (24 h)',
    use: 'the deploy, the preflight, the audit and data loads'
  },
  {
    key: 'DailyAsyncApexExecutions',
    label: 'Async Apex executions (24 h)',
    use: 'the nightly snapshots and the health check'
  },
  { key: 'SingleEmail', label: 'Single emails (24 h)', use: 'the CSM assignment emails' },
  {
    key: 'DataStorageMB',
    label: 'Data storage (MB)',
    use: 'handoffs, intake items, logs and snapshots'
  }
];

export const apiUsage: CheckDef = {
  id: 'api-usage',
  area: AREAS.edition,
  title: 'API usage and daily allowances',
  why:
    'A deploy with tests, the preflight itself and data loads use API requests; the metrics jobs use async Apex; assignment emails use the single-email allowance. ' +
    'An allowance used up stops the deploy or the jobs until it recovers.',
  source: 'REST: /limits',
  async run({ org }) {
    const limits = await org.limits();
    const rows: string[][] = [];
    const low: string[] = [];
    let exhausted = false;
    for (const { key, label, use } of WATCHED_LIMITS) {
      const l = limits[key];
      if (!l || typeof l.Max !== 'number') {
        continue;
      }
      const share = l.Max > 0 ? l.Remaining / l.Max : 1;
      rows.push([
        label,
        l.Max.toLocaleString('en-US'),
        l.Remaining.toLocaleString('en-US'),
        `${Math.round(share * 100)}%`,
        use
      ]);
      if (key === 'DailyApiRequests' && l.Remaining <= 0) {
        exhausted = true;
      } else if (share < 0.1) {
        low.push(
          `${label} (${l.Remaining.toLocaleString('en-US')} of ${l.Max.toLocaleString('en-US')} left)`
        );
      }
    }
    const tables = [
      capped('Allowances', ['Allowance', 'Max', 'Remaining', 'Left', 'Used by'], rows)
    ];
    if (rows.length === 0) {
      return {
        status: 'warn',
        finding: 'The org answered /limits without the allowances this check reads.',
        fix: 'Check Setup > Company Information > API Requests.'
      };
    }
    if (exhausted) {
      return {
        status: 'fail',
        finding:
          'The org has no API requests left for the rolling 24 hours: the deploy cannot run now.',
        fix: 'Wait for the allowance to recover (Setup > Company Information shows the usage) or stop the integration using it up.',
        tables
      };
    }
    if (low.length > 0) {
      return {
        status: 'warn',
        finding: `Less than 10% left: ${joinAnd(low)}.`,
        fix: 'Deploy when the allowance has recovered, or find what uses it (Setup > Company Information; System Overview).',
        tables
      };
    }
    return {
      status: 'pass',
      finding: 'At least 10% of each watched allowance is left.',
      tables
    };
  }
};
