/**
 * People and scheduled jobs: the AEs whose exception requests would have no approver, and our
 * scheduled jobs already in the org (their classes cannot be redeployed while scheduled).
 */
import { capped, joinAnd, plural, yesNo } from '../model.ts';
import { soqlList, type SfRecord } from '../reader.ts';
import { AREAS, type CheckDef } from './shared.ts';

interface OwnerCount {
  OwnerId: string;
  deals: number;
}

interface UserRow {
  Id: string;
  Name: string;
  Username: string;
  IsActive: boolean;
  ManagerId: string | null;
  Manager: { Name: string; IsActive: boolean } | null;
}

/** At most this many owner groups are read: an aggregate query cannot use queryMore. */
export const OWNER_GROUP_LIMIT = 2000;

export const ownersWithoutManager: CheckDef = {
  id: 'owners-without-manager',
  area: AREAS.people,
  title: 'Deal owners without a manager',
  why:
    "A handoff exception goes to the deal owner's manager (User.Manager) for approval. An owner with no manager, or an inactive one, cannot get an exception approved, " +
    'so their deals can only close with every required field filled.',
  source:
    'REST query: Opportunity (open deals, grouped by owner, the 2,000 owners with the most), User',
  async run({ org }) {
    // An aggregate query cannot be continued with queryMore: above 2,000 groups it fails unless
    // LIMITed. The owners with the most open deals come first, so a cut leaves out the smallest.
    const owners = await org.query<OwnerCount & SfRecord>(
      'SELECT OwnerId, COUNT(Id) deals FROM Opportunity WHERE IsClosed = false GROUP BY OwnerId ' +
        `ORDER BY COUNT(Id) DESC LIMIT ${OWNER_GROUP_LIMIT}`,
      'counting open deals per owner (REST query on Opportunity)'
    );
    if (owners.length === 0) {
      return { status: 'pass', finding: 'The org has no open deal.' };
    }
    const cut = owners.length >= OWNER_GROUP_LIMIT;
    const cutNote = cut
      ? ` Only the ${OWNER_GROUP_LIMIT.toLocaleString('en-US')} owners with the most open deals were checked: an aggregate query returns at most ${OWNER_GROUP_LIMIT.toLocaleString('en-US')} groups, and the org has at least that many owners of open deals.`
      : '';
    const cutFix =
      'Check the other owners with a report: Opportunities with open deals, grouped by owner, with the Manager of the owner shown.';
    const ids = owners.map((o) => o.OwnerId);
    const users: UserRow[] = [];
    for (let i = 0; i < ids.length; i += 200) {
      users.push(
        ...(await org.query<UserRow & SfRecord>(
          `SELECT Id, Name, Username, IsActive, ManagerId, Manager.Name, Manager.IsActive FROM User WHERE Id IN ${soqlList(ids.slice(i, i + 200))}`,
          'reading the owners of open deals (REST query on User)'
        ))
      );
    }
    const byId = new Map(users.map((u) => [u.Id, u]));
    const dealsOf = new Map(owners.map((o) => [o.OwnerId, Number(o.deals)]));
    const problems = owners
      .map((o) => byId.get(o.OwnerId))
      .filter(
        (u): u is UserRow => !!u && u.IsActive && (!u.ManagerId || u.Manager?.IsActive === false)
      );
    if (problems.length === 0) {
      return cut
        ? {
            status: 'warn',
            finding: `Every active owner checked (${plural(owners.length, 'owner')} of open deals) has an active manager.${cutNote}`,
            fix: cutFix
          }
        : {
            status: 'pass',
            finding: `Every active owner of an open deal (${plural(owners.length, 'owner')}) has an active manager.`
          };
    }
    const noManager = problems.filter((u) => !u.ManagerId);
    const inactiveManager = problems.filter((u) => u.ManagerId);
    const openDeals = problems.reduce((n, u) => n + (dealsOf.get(u.Id) ?? 0), 0);
    return {
      status: 'warn',
      finding:
        [
          noManager.length > 0
            ? `${plural(noManager.length, 'owner')} of open deals without a manager`
            : '',
          inactiveManager.length > 0
            ? `${plural(inactiveManager.length, 'owner')} whose manager is inactive`
            : ''
        ]
          .filter(Boolean)
          .join(' and ') +
        ` (${plural(openDeals, 'open deal')}): their handoff exceptions would have no approver.` +
        cutNote,
      fix:
        'Set an active Manager on these users (Setup > Users > Edit > Manager) before the gate is enforced.' +
        (cut ? ` ${cutFix}` : ''),
      tables: [
        capped(
          'Owners of open deals whose exceptions would have no approver',
          ['Owner', 'Username', 'Open deals', 'Manager', 'Manager active'],
          problems
            .sort((a, b) => (dealsOf.get(b.Id) ?? 0) - (dealsOf.get(a.Id) ?? 0))
            .map((u) => [
              u.Name,
              u.Username,
              String(dealsOf.get(u.Id) ?? 0),
              u.Manager?.Name ?? 'none',
              u.ManagerId ? yesNo(u.Manager?.IsActive) : ''
            ])
        )
      ]
    };
  }
};

interface CronRow {
  Id: string;
  State: string;
  NextFireTime: string | null;
  CronExpression: string;
  CronJobDetail: { Name: string } | null;
}

interface ScheduledApexRow {
  CronTriggerId: string | null;
  ApexClass: { Name: string } | null;
  CronTrigger: { CronJobDetail: { Name: string } | null } | null;
}

/** The class our scheduled jobs hold so that the job classes stay deployable. */
export const DISPATCHER_CLASS = 'HandoffJobDispatcher';

export const scheduledJobs: CheckDef = {
  id: 'scheduled-jobs',
  area: AREAS.people,
  title: 'Our scheduled jobs',
  why:
    'Salesforce refuses to deploy a change to an Apex class that a scheduled job holds, or to a class it references ("This schedulable class has jobs pending or in progress"). ' +
    `HandoffScheduler.scheduleAll() schedules the nightly snapshots and the weekday health check through ${DISPATCHER_CLASS}, which references none of our classes, so a deploy can update them while they stay scheduled; ` +
    'jobs that hold one of our other classes directly (scheduled by an earlier release, or by hand) block the deploy.',
  source:
    'REST query: AsyncApexJob (scheduled Apex holding our classes), CronTrigger (by our job names)',
  async run({ org, project }) {
    const ourClasses = [...project.classes.keys()];
    const held =
      ourClasses.length === 0
        ? []
        : await org.query<ScheduledApexRow & SfRecord>(
            'SELECT CronTriggerId, ApexClass.Name, CronTrigger.CronJobDetail.Name FROM AsyncApexJob ' +
              "WHERE JobType = 'ScheduledApex' AND Status IN ('Queued', 'Holding', 'Preparing', 'Processing') " +
              `AND ApexClass.NamespacePrefix = null AND ApexClass.Name IN ${soqlList(ourClasses)}`,
            'reading scheduled Apex that holds our classes (REST query on AsyncApexJob)'
          );
    const names = project.scheduledJobNames;
    const named =
      names.length === 0
        ? []
        : await org.query<CronRow & SfRecord>(
            `SELECT Id, State, NextFireTime, CronExpression, CronJobDetail.Name FROM CronTrigger WHERE CronJobDetail.Name IN ${soqlList(names)}`,
            'reading our scheduled jobs (REST query on CronTrigger)'
          );
    const classOf = new Map(held.map((h) => [h.CronTriggerId ?? '', h.ApexClass?.Name ?? '']));
    const blocking = held.filter((h) => h.ApexClass?.Name && h.ApexClass.Name !== DISPATCHER_CLASS);
    const rows = [
      ...named.map((r) => [
        r.CronJobDetail?.Name ?? '',
        classOf.get(r.Id) ?? 'unknown',
        r.State,
        r.NextFireTime ?? '',
        r.CronExpression
      ]),
      ...blocking
        .filter((h) => !named.some((n) => n.Id === h.CronTriggerId))
        .map((h) => [h.CronTrigger?.CronJobDetail?.Name ?? '', h.ApexClass?.Name ?? '', '', '', ''])
    ];
    const tables =
      rows.length > 0
        ? [
            capped(
              'Scheduled jobs of ours',
              ['Job', 'Class it holds', 'State', 'Next run', 'Cron'],
              rows
            )
          ]
        : [];
    if (blocking.length > 0) {
      const jobs = blocking.map(
        (h) =>
          `"${h.CronTrigger?.CronJobDetail?.Name ?? h.CronTriggerId ?? ''}" (${h.ApexClass?.Name ?? ''})`
      );
      return {
        status: 'fail',
        finding: `${plural(blocking.length, 'scheduled job')} hold${blocking.length === 1 ? 's' : ''} one of our classes directly: ${joinAnd(jobs)}. The deploy of ${blocking.length === 1 ? 'that class' : 'those classes'} is refused while ${blocking.length === 1 ? 'it is' : 'they are'} scheduled.`,
        fix:
          'npm run deploy -- --target-org <alias> unschedules jobs of our names first and schedules them again through the dispatcher after; ' +
          'a job under another name must be deleted in Setup > Scheduled Jobs first (then HandoffScheduler.scheduleAll(); after the deploy). ' +
          'By hand: HandoffScheduler.unscheduleAll(); in Execute Anonymous before the deploy and HandoffScheduler.scheduleAll(); after it.',
        tables
      };
    }
    if (named.length > 0) {
      return {
        status: 'pass',
        finding: `Our ${plural(named.length, 'job')} ${named.length === 1 ? 'is' : 'are'} already scheduled${held.length > 0 ? ` through ${DISPATCHER_CLASS}` : ''}: the job classes can be updated while they stay scheduled, but not ${DISPATCHER_CLASS} itself, which every deploy ships; npm run deploy unschedules them just before the deploy and schedules them again after it (--keep-jobs when Setup > Deployment Settings allows deployments with Apex jobs pending).`,
        tables
      };
    }
    return {
      status: 'pass',
      finding:
        names.length > 0
          ? `None of our jobs (${joinAnd(names.map((n) => `"${n}"`))}) is scheduled yet: after the deploy, schedule them with HandoffScheduler.scheduleAll().`
          : 'No scheduled job holds one of our classes.',
      tables
    };
  }
};
