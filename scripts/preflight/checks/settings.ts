/**
 * Org settings the product relies on: flows deployed as active, account teams, Path, default
 * business hours — and the two the APIs do not expose (Default Workflow User, email
 * deliverability), reported as checks to make by hand rather than guessed.
 */
import { capped, joinAnd, plural, yesNo } from '../model.ts';
import type { SfRecord } from '../reader.ts';
import { AREAS, isProduction, organizationOf, type CheckDef } from './shared.ts';

function bool(value: unknown): boolean | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

export const flowDeployAsActive: CheckDef = {
  id: 'flow-deploy-active',
  area: AREAS.settings,
  title: 'Flows deploy as active',
  why:
    'Our SLA warning, SLA breach and exception follow-up flows ship active. FlowSettings.enableFlowDeployAsActiveEnabled ("Deploy processes and flows as active", Process Automation Settings) ' +
    'decides whether a deploy keeps them active: when it is off, every flow is deployed inactive and the SLA clocks silently never fire. ' +
    "When it is on in production, the deploy also requires the Apex tests to cover the org's required share of active flows (Metadata API, FlowSettings).",
  source: 'Metadata API: readMetadata FlowSettings (Flow); REST query: Organization',
  async run({ org, project }) {
    const [settings] = await org.readMetadata('FlowSettings', ['Flow']);
    const active = project.flows.filter((f) => f.status === 'Active').map((f) => f.name);
    const value = bool(settings?.enableFlowDeployAsActiveEnabled);
    let production: boolean | undefined;
    try {
      production = isProduction(await organizationOf(org));
    } catch {
      production = undefined;
    }
    const where =
      production === undefined ? '' : production ? ' (production)' : ' (not production)';
    if (value === true) {
      return {
        status: 'pass',
        finding:
          `"Deploy processes and flows as active" is on${where}: our ${plural(active.length, 'active flow')} stay active.` +
          (production
            ? ' The deploy also checks that the Apex tests cover the required share of active flows.'
            : '')
      };
    }
    if (value === false) {
      return {
        status: 'fail',
        finding: `"Deploy processes and flows as active" is off${where}: our ${plural(active.length, 'active flow')} (${joinAnd(active)}) would be deployed inactive, and no SLA warning, breach escalation or exception follow-up would run.`,
        fix: 'Turn on Setup > Process Automation Settings > "Deploy processes and flows as active" before deploying, or activate the flows by hand in Setup > Flows right after the deploy.'
      };
    }
    return {
      status: 'warn',
      finding:
        'FlowSettings came back without enableFlowDeployAsActiveEnabled, so whether flows deploy as active is unknown.',
      fix: 'Check Setup > Process Automation Settings > "Deploy processes and flows as active"; after the deploy, check that our flows are active in Setup > Flows.'
    };
  }
};

export const defaultWorkflowUser: CheckDef = {
  id: 'default-workflow-user',
  area: AREAS.settings,
  title: 'Default Workflow User',
  why:
    'Salesforce Help ("Identify Your Salesforce Org\'s Default Workflow User"): it is required for time-dependent workflow actions, it receives an email when a pending action has a problem, ' +
    'and gets the warnings when workflow email alerts near their limits; schedule-triggered flows saved at API 53.0 or later run as it. ' +
    "Our flows' scheduled paths are pending actions started by users who may later be deactivated (see the README's production notes): set it to an active administrator.",
  source: 'none: no API exposes it',
  async run() {
    return {
      status: 'manual',
      finding:
        'Cannot be read through any API: the Default Workflow User is not a field of FlowSettings or of any other settings type of the Metadata API (API 66.0 schema), and no SOQL object holds it.',
      fix: 'Open Setup > Process Automation Settings and check that Default Workflow User names an active administrator.'
    };
  }
};

export const accountTeams: CheckDef = {
  id: 'account-teams',
  area: AREAS.settings,
  title: 'Account teams',
  why:
    "On close, the product adds the assigned CSM to the Account's team (Handoff_Setting Account_Team_Enabled__c, with the role Account_Team_Role__c). " +
    "AccountTeamMember exists only where account teams are enabled; without it the CSM is still the Account's Handoff CSM, but joins no team.",
  source: 'REST describe: AccountTeamMember',
  async run({ org, project }) {
    const describe = await org.describe('AccountTeamMember');
    const wanted = project.accountTeam;
    if (!describe) {
      return wanted.enabled
        ? {
            status: 'warn',
            finding:
              'Account teams are not enabled (the org has no AccountTeamMember object), but our setting Account_Team_Enabled__c is on: CSMs will not join Account teams.',
            fix: 'Enable Setup > Account Teams before or after the deploy, or clear Account_Team_Enabled__c on the Handoff Setting record (Setup > Custom Metadata Types > Handoff Setting > Default).'
          }
        : {
            status: 'pass',
            finding: 'Account teams are not enabled, and our setting does not use them.'
          };
    }
    const roles = (describe.fields.find((f) => f.name === 'TeamMemberRole')?.picklistValues ?? [])
      .filter((v) => v.active !== false)
      .map((v) => v.value);
    if (wanted.enabled && wanted.role && roles.length > 0 && !roles.includes(wanted.role)) {
      return {
        status: 'warn',
        finding: `Account teams are enabled, but "${wanted.role}" (our Account_Team_Role__c) is not one of the org's team roles: CSMs would join teams with a role the org does not list.`,
        fix: `Add "${wanted.role}" in Setup > Account Teams > Team Roles, or set Account_Team_Role__c to one of: ${joinAnd(roles.map((r) => `"${r}"`))}.`,
        tables: [
          capped(
            'Team roles',
            ['Role'],
            roles.map((r) => [r])
          )
        ]
      };
    }
    return {
      status: 'pass',
      finding: wanted.enabled
        ? `Account teams are enabled${wanted.role ? ` and "${wanted.role}" is a team role` : ''}: CSMs join the Account team on close.`
        : 'Account teams are enabled; our setting does not add CSMs to them (Account_Team_Enabled__c is off).'
    };
  }
};

export const pathEnabled: CheckDef = {
  id: 'path-enabled',
  area: AREAS.settings,
  title: 'Path enabled',
  why:
    'Our Opportunity path shows the handoff fields and guidance at each stage. The deploy works with Path turned off (the preference does not need to be on to deploy a PathAssistant, per the Metadata API), ' +
    'but users see no path until it is on.',
  source: 'Metadata API: readMetadata PathAssistantSettings (PathAssistant)',
  async run({ org }) {
    const [settings] = await org.readMetadata('PathAssistantSettings', ['PathAssistant']);
    const value = bool(settings?.pathAssistantEnabled);
    if (value === true) {
      return { status: 'pass', finding: 'Path is enabled.' };
    }
    return {
      status: 'warn',
      finding:
        value === false
          ? 'Path is turned off: our path deploys, but no user sees it.'
          : 'PathAssistantSettings came back without pathAssistantEnabled, so whether Path is on is unknown.',
      fix: 'Turn it on in Setup > Path Settings > Enable (before or after the deploy).'
    };
  }
};

interface BusinessHoursRow {
  Name: string;
  IsDefault: boolean;
  IsActive: boolean;
  TimeZoneSidKey: string;
  MondayStartTime: string | null;
  MondayEndTime: string | null;
  SaturdayStartTime: string | null;
  SundayStartTime: string | null;
}

/** Whether business hours run around the clock (every day from 00:00 to 00:00). */
function aroundTheClock(h: Record<string, unknown>): boolean {
  const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
  return days.every((d) => {
    const start = h[`${d}StartTime`];
    const end = h[`${d}EndTime`];
    return typeof start === 'string' && start.startsWith('00:00') && start === end;
  });
}

export const businessHours: CheckDef = {
  id: 'business-hours',
  area: AREAS.settings,
  title: 'Business hours',
  why:
    'Every SLA (first touch, review, live call) is counted in business hours: the record named by the segment policy, else the org default. ' +
    'Default business hours of 24 hours a day count nights and weekends as SLA time.',
  source: 'REST query: BusinessHours',
  async run({ org, project }) {
    const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
    const rows = await org.query<BusinessHoursRow & SfRecord>(
      `SELECT Name, IsDefault, IsActive, TimeZoneSidKey, ${days.map((d) => `${d}StartTime, ${d}EndTime`).join(', ')} FROM BusinessHours WHERE IsActive = true ORDER BY Name`,
      'reading business hours (REST query on BusinessHours)'
    );
    const byName = new Set(rows.map((r) => r.Name));
    const missing = project.businessHoursNames.filter((n) => !byName.has(n));
    const def = rows.find((r) => r.IsDefault);
    const tables = [
      capped(
        'Active business hours',
        ['Name', 'Default', 'Time zone', 'Around the clock'],
        rows.map((r) => [r.Name, yesNo(r.IsDefault), r.TimeZoneSidKey, yesNo(aroundTheClock(r))])
      )
    ];
    if (!def) {
      return {
        status: 'warn',
        finding:
          'The org has no active default business hours: SLAs fall back to plain calendar hours.',
        fix: 'Set default business hours in Setup > Business Hours.',
        tables
      };
    }
    if (missing.length > 0) {
      return {
        status: 'warn',
        finding: `Our segment policies name business hours the org does not have (${joinAnd(missing.map((m) => `"${m}"`))}); those SLAs use the default "${def.Name}" instead.`,
        fix: 'Create those business hours (Setup > Business Hours) or change Business_Hours_Name__c on the segment policies.',
        tables
      };
    }
    if (aroundTheClock(def)) {
      return {
        status: 'warn',
        finding: `The default business hours "${def.Name}" run 24 hours a day, 7 days a week: SLAs count nights and weekends.`,
        fix: "Set the default business hours to your Customer Success team's working hours and time zone (Setup > Business Hours), or name business hours per segment.",
        tables
      };
    }
    return {
      status: 'pass',
      finding: `SLAs count in the default business hours "${def.Name}" (${def.TimeZoneSidKey})${project.businessHoursNames.length > 0 ? ` and ${joinAnd(project.businessHoursNames)}` : ''}.`,
      tables
    };
  }
};

export const emailDeliverability: CheckDef = {
  id: 'email-deliverability',
  area: AREAS.settings,
  title: 'Email deliverability',
  why:
    'The product emails the CSM on assignment (Handoff_Setting Email_CSM_On_Assignment__c). Under "No access" or "System email only" (the default of a new sandbox), ' +
    'Apex email is refused (NO_MASS_MAIL_PERMISSION) and no assignment email arrives; custom notifications still do.',
  source: 'none: no API exposes the access level',
  async run() {
    return {
      status: 'manual',
      finding:
        'Cannot be read through any API: the access level (No access, System email only, All email) is not a field of EmailAdministrationSettings or of any other Metadata API type (API 66.0 schema), and no SOQL object holds it.',
      fix: 'Open Setup > Deliverability and check that "Access level" is "All email" where CSMs should get assignment emails.'
    };
  }
};
