/**
 * Every preflight check, in report order, and the runner that keeps going when a read fails:
 * a check whose read fails becomes "could not read: <reason>", and the others still run.
 */
import type { CheckResult } from '../model.ts';
import { ReadError, describeError } from '../reader.ts';
import {
  duplicateRules,
  nameCollisions,
  otherFlows,
  otherTriggers,
  requiredFields,
  validationRules
} from './blockers.ts';
import { apiUsage, dynamicDashboards, edition, notificationTypes } from './edition.ts';
import { ownersWithoutManager, scheduledJobs } from './people.ts';
import {
  accountTeams,
  businessHours,
  defaultWorkflowUser,
  emailDeliverability,
  flowDeployAsActive,
  pathEnabled
} from './settings.ts';
import type { CheckContext, CheckDef } from './shared.ts';
import { existingPaths, pathSteps, salesProcesses, wonStages } from './stages.ts';
import { customMetadataOverwrite } from './upgrade.ts';

export const CHECKS: CheckDef[] = [
  wonStages,
  pathSteps,
  existingPaths,
  salesProcesses,
  validationRules,
  requiredFields,
  duplicateRules,
  otherTriggers,
  otherFlows,
  nameCollisions,
  edition,
  dynamicDashboards,
  notificationTypes,
  apiUsage,
  flowDeployAsActive,
  customMetadataOverwrite,
  defaultWorkflowUser,
  accountTeams,
  pathEnabled,
  businessHours,
  emailDeliverability,
  ownersWithoutManager,
  scheduledJobs
];

/** Runs one check; a failure of its reads becomes its result. */
export async function runCheck(check: CheckDef, ctx: CheckContext): Promise<CheckResult> {
  const base = {
    id: check.id,
    area: check.area,
    title: check.title,
    why: check.why,
    source: check.source
  };
  try {
    return { ...base, ...(await check.run(ctx)) };
  } catch (e) {
    if (e instanceof ReadError) {
      return {
        ...base,
        status: 'unread',
        finding: `Could not read: ${e.message}`,
        fix: 'Nothing was concluded for this check. Fix the cause (the user running the preflight needs View Setup and Configuration, and Modify Metadata or Author Apex for the Tooling and Metadata APIs) and run the preflight again, or check it by hand in Setup.'
      };
    }
    // Not a read: the org answered something this check did not expect.
    const { code, message } = describeError(e);
    return {
      ...base,
      status: 'unread',
      finding: `Could not read: the check stopped on an unexpected answer (${code}: ${message}).`,
      fix: 'Nothing was concluded for this check: check it by hand in Setup, and report the message above with the preflight.json file.'
    };
  }
}

/** Runs the checks, a few at a time, and returns their results in the order given. */
export async function runChecks(
  checks: CheckDef[],
  ctx: CheckContext,
  concurrency = 4,
  onResult?: (result: CheckResult) => void
): Promise<CheckResult[]> {
  const results: CheckResult[] = new Array(checks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < checks.length) {
      const i = next++;
      results[i] = await runCheck(checks[i], ctx);
      onResult?.(results[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, checks.length) }, worker));
  return results;
}
