/**
 * What every check is given, and the org reads several checks share (each made once).
 */
import type { Finding } from '../model.ts';
import type { ProjectExpectations } from '../project.ts';
import type { OrgReader } from '../reader.ts';

/** What a check runs with. */
export interface CheckContext {
  org: OrgReader;
  project: ProjectExpectations;
  /** today, for the records our tests would write (their dates are relative to it) */
  today: Date;
}

/** A check: what it is, why it matters, where it reads, and how it decides. */
export interface CheckDef {
  id: string;
  area: string;
  title: string;
  why: string;
  source: string;
  run(ctx: CheckContext): Promise<Finding>;
}

export const AREAS = {
  stages: 'Opportunity stages, path and sales processes',
  blockers: 'What can block our writes and tests',
  edition: 'Edition and limits',
  settings: 'Org settings',
  people: 'People and scheduled jobs'
} as const;

export interface OpportunityStage {
  ApiName: string;
  MasterLabel: string;
  IsActive: boolean;
  IsClosed: boolean;
  IsWon: boolean;
  SortOrder: number | null;
}

/** Every Opportunity stage, in the org's order. */
export function stagesOf(org: OrgReader): Promise<OpportunityStage[]> {
  return org.shared('stages', () =>
    org.query<OpportunityStage & Record<string, unknown>>(
      'SELECT ApiName, MasterLabel, IsActive, IsClosed, IsWon, SortOrder FROM OpportunityStage ORDER BY SortOrder',
      'reading OpportunityStage (REST query)'
    )
  );
}

/** The stages our tests would pick: the first active open one and the first active won one. */
export async function testStages(org: OrgReader): Promise<{ open: string; won: string } | null> {
  const stages = (await stagesOf(org)).filter((s) => s.IsActive);
  const open = stages.find((s) => !s.IsClosed);
  const won = stages.find((s) => s.IsWon);
  return open && won ? { open: open.ApiName, won: won.ApiName } : null;
}

export interface Organization {
  Id: string;
  Name: string;
  OrganizationType: string;
  IsSandbox: boolean;
  TrialExpirationDate: string | null;
  InstanceName: string | null;
  LanguageLocaleKey: string | null;
}

/** The Organization record. */
export function organizationOf(org: OrgReader): Promise<Organization> {
  return org.shared('organization', async () => {
    const [record] = await org.query<Organization & Record<string, unknown>>(
      'SELECT Id, Name, OrganizationType, IsSandbox, TrialExpirationDate, InstanceName, LanguageLocaleKey FROM Organization',
      'reading Organization (REST query)'
    );
    if (!record) {
      throw new Error('reading Organization (REST query): no record came back');
    }
    return record;
  });
}

export interface RecordType {
  Id: string;
  DeveloperName: string;
  Name: string;
  IsActive: boolean;
  BusinessProcessId: string | null;
}

/** Opportunity record types. */
export function opportunityRecordTypesOf(org: OrgReader): Promise<RecordType[]> {
  return org.shared('recordTypes', () =>
    org.query<RecordType & Record<string, unknown>>(
      "SELECT Id, DeveloperName, Name, IsActive, BusinessProcessId FROM RecordType WHERE SobjectType = 'Opportunity' ORDER BY DeveloperName",
      'reading Opportunity record types (REST query on RecordType)'
    )
  );
}

/**
 * Whether the org is production: not a sandbox, not a Developer Edition org, and without a
 * trial expiry (scratch orgs and trials have one).
 */
export function isProduction(organization: Organization): boolean {
  return (
    !organization.IsSandbox &&
    organization.OrganizationType !== 'Developer Edition' &&
    !organization.TrialExpirationDate
  );
}
