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

export const ownersWithoutManager: CheckDef = {
  id: 'owners-without-manager',
  area: AREAS.people,
  title: 'Deal owners without a manager',
  why:
    "A handoff exception goes to the deal owner's manager (User.Manager) for approval. An owner with no manager, or an inactive one, cannot get an exception approved, " +
    'so their deals can only close with every required field filled.',
  source: 'REST query: Opportunity (open deals, grouped by owner), User',
  async run({ org }) {
    const owners = await org.query<OwnerCount & SfRecord>(
      'SELECT OwnerId, COUNT(Id) deals FROM Opportunity WHERE IsClosed = false GROUP BY OwnerId',
      'counting open deals per owner (REST query on Opportunity)'
    );
    if (owners.length === 0) {
      return { status: 'pass', finding: 'The org has no open deal.' };
    }
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
      return {
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
        ` (${plural(openDeals, 'open deal')}): their handoff exceptions would have no approver.`,
      fix: 'Set an active Manager on these users (Setup > Users > Edit > Manager) before the gate is enforced.',
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

export const scheduledJobs: CheckDef = {
  id: 'scheduled-jobs',
  area: AREAS.people,
  title: 'Our scheduled jobs',
  why:
    'HandoffScheduler.scheduleAll() schedules the nightly snapshots and the weekday health check under fixed names. Salesforce refuses to deploy an Apex class that a scheduled job uses ' +
    'while the job is scheduled, unless Deployment Settings allow deployments with Apex jobs pending or in progress; a reinstall or upgrade must unschedule them first.',
  source: 'REST query: CronTrigger (by CronJobDetail.Name); force-app HandoffScheduler.cls',
  async run({ org, project }) {
    const names = project.scheduledJobNames;
    if (names.length === 0) {
      return { status: 'pass', finding: 'The project schedules no job by name.' };
    }
    const rows = await org.query<CronRow & SfRecord>(
      `SELECT Id, State, NextFireTime, CronExpression, CronJobDetail.Name FROM CronTrigger WHERE CronJobDetail.Name IN ${soqlList(names)}`,
      'reading scheduled jobs (REST query on CronTrigger)'
    );
    if (rows.length === 0) {
      return {
        status: 'pass',
        finding: `None of our jobs (${joinAnd(names.map((n) => `"${n}"`))}) is scheduled yet: after the deploy, schedule them with HandoffScheduler.scheduleAll().`
      };
    }
    const present = rows.map((r) => r.CronJobDetail?.Name ?? '');
    return {
      status: 'fail',
      finding: `${plural(rows.length, 'job')} of ours ${rows.length === 1 ? 'is' : 'are'} already scheduled (${joinAnd(present.map((n) => `"${n}"`))}): the deploy of the classes they run is refused while they are scheduled.`,
      fix:
        'Before the deploy run HandoffScheduler.unscheduleAll(); in Execute Anonymous (or turn on Setup > Deployment Settings > "Allow deployments of components when corresponding Apex jobs are pending or in progress"); ' +
        'after it, run HandoffScheduler.scheduleAll();.',
      tables: [
        capped(
          'Our jobs in CronTrigger',
          ['Job', 'State', 'Next run', 'Cron'],
          rows.map((r) => [
            r.CronJobDetail?.Name ?? '',
            r.State,
            r.NextFireTime ?? '',
            r.CronExpression
          ])
        )
      ]
    };
  }
};
