/**
 * `--validate`: the commands it runs, and how it reads sf's JSON — a success, a failed
 * validation whose full result comes from `sf project deploy report` and is grouped by cause,
 * a failed build, and output that is not JSON. sf and npm are stood in for by a recorded
 * runner; the JSON shapes are those of @salesforce/plugin-deploy-retrieve's --json output.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPreflight } from '../cli.ts';
import { EXIT } from '../model.ts';
import { loadProject } from '../project.ts';
import {
  failuresFromMessage,
  failuresOf,
  groupByCause,
  validateDeploy,
  type CommandRunner
} from '../validate.ts';
import { healthyOrg, serveOrg } from './fakeOrg.ts';

const PROJECT = loadProject();
const GATE_MESSAGE = PROJECT.validationRuleMessages.find((m) => /won stage/.test(m)) ?? '';

type Call = { command: string; args: string[] };

function runner(answers: (call: Call) => { code: number; stdout: string; stderr?: string }): {
  run: CommandRunner;
  calls: Call[];
} {
  const calls: Call[] = [];
  return {
    calls,
    run: async (command, args) => {
      const call = { command, args };
      calls.push(call);
      const a = answers(call);
      return { code: a.code, stdout: a.stdout, stderr: a.stderr ?? '' };
    }
  };
}

const isBuild = (c: Call) => c.command === 'npm' && c.args.join(' ') === 'run build';
const isValidate = (c: Call) => c.args.slice(0, 3).join(' ') === 'project deploy validate';
const isReport = (c: Call) => c.args.slice(0, 3).join(' ') === 'project deploy report';

const FAILED_DETAILS = {
  componentFailures: [
    {
      componentType: 'Dashboard',
      fullName: 'Handoff_Dashboards/Handoff_Health',
      problem: 'Your organization has reached the limit for dynamic dashboards.',
      problemType: 'Error'
    }
  ],
  runTestResult: {
    numTestsRun: 412,
    failures: [
      {
        name: 'OpportunityServiceTest',
        methodName: 'closesDeal',
        message: `System.DmlException: Update failed. First exception on row 0; first error: FIELD_CUSTOM_VALIDATION_EXCEPTION, ${GATE_MESSAGE}: []`
      },
      {
        name: 'AccountTriggerTest',
        methodName: 'insertsAccount',
        message:
          'System.DmlException: Insert failed. FIELD_CUSTOM_VALIDATION_EXCEPTION, Enter the billing country.: [BillingCountry]'
      },
      {
        name: 'HandoffCloseServiceTest',
        methodName: 'closingCreatesHandoff',
        message:
          'System.DmlException: Insert failed. First exception on row 1; first error: DUPLICATES_DETECTED, Use one of these records?: []'
      },
      {
        name: 'OpportunityTriggerHandlerTest',
        methodName: 'bulkCloseStaysWithinLimits',
        message: 'System.LimitException: Too many SOQL queries: 101'
      },
      {
        name: 'HandoffAssignmentServiceTest',
        methodName: 'assignsFromPool',
        message:
          'System.DmlException: Insert failed. REQUIRED_FIELD_MISSING, Required fields are missing: [Region__c]: [Region__c]'
      }
    ],
    codeCoverageWarnings: [
      {
        name: 'OpportunityTrigger',
        message:
          'Test coverage of selected Apex Trigger is 0%, at least 1% test coverage is required'
      }
    ]
  }
};

describe('--validate', () => {
  it('a successful validation passes and says how to quick-deploy it', async () => {
    const { run, calls } = runner((c) =>
      isValidate(c)
        ? {
            code: 0,
            stdout: JSON.stringify({
              status: 0,
              result: {
                id: '0Af000000000001AAA',
                status: 'Succeeded',
                numberComponentsTotal: 230,
                numberTestsTotal: 412,
                details: {}
              }
            })
          }
        : { code: 0, stdout: '' }
    );
    const result = await validateDeploy({
      alias: 'acme',
      project: PROJECT,
      run,
      sf: 'sf',
      waitMinutes: 45
    });
    expect(result.status).toBe('pass');
    expect(result.finding).toBe(
      'The validation succeeded: 230 components checked, 412 tests passed (validation 0Af000000000001AAA).'
    );
    expect(result.fix).toBe(
      'Deploy it without rerunning the tests within 10 days: sf project deploy quick --job-id 0Af000000000001AAA --target-org acme'
    );
    expect(calls.map((c) => [c.command, ...c.args].join(' '))).toEqual([
      'npm run build',
      'sf project deploy validate --source-dir force-app --test-level RunLocalTests --target-org acme --wait 45 --json'
    ]);
  });

  it('a failed validation: reads the full result with deploy report and groups the failures by cause', async () => {
    const { run, calls } = runner((c) => {
      if (isValidate(c)) {
        return {
          code: 1,
          stdout: JSON.stringify({
            status: 1,
            name: 'FailedValidationError',
            message: 'Failed to validate the deployment (0Af000000000002AAA). Due To:\n…',
            data: { deployId: '0Af000000000002AAA' }
          })
        };
      }
      if (isReport(c)) {
        return {
          code: 1,
          stdout: JSON.stringify({
            status: 1,
            result: { id: '0Af000000000002AAA', status: 'Failed', details: FAILED_DETAILS }
          })
        };
      }
      return { code: 0, stdout: '' };
    });
    const result = await validateDeploy({ alias: 'acme', project: PROJECT, run, sf: 'sf' });
    expect(calls.filter(isReport)[0].args).toEqual([
      'project',
      'deploy',
      'report',
      '--job-id',
      '0Af000000000002AAA',
      '--target-org',
      'acme',
      '--json'
    ]);
    expect(result.status).toBe('fail');
    expect(result.finding).toMatch(
      /^The validation failed \(0Af000000000002AAA\): 7 failures, by cause: /
    );
    const byCause = result.tables?.find((t) => t.caption === 'Failures by cause')?.rows ?? [];
    // Cause, failures, our tests, the org's tests, components.
    expect(byCause.map((r) => r.slice(0, 5))).toEqual([
      [
        "Our Closed-Won gate (or another of our validation rules) rejected a test's save",
        '1',
        '0',
        '1',
        '0'
      ],
      ["One of the org's validation rules rejected a test record", '1', '0', '1', '0'],
      ['A duplicate rule blocked a test record', '1', '1', '0', '0'],
      ['A required field was left blank', '1', '1', '0', '0'],
      ['A governor limit was exceeded (queries, CPU, DML)', '1', '1', '0', '0'],
      ['The dynamic dashboard allowance', '1', '0', '0', '1'],
      ['Apex code coverage', '1', '0', '0', '0']
    ]);
    const every = result.tables?.find((t) => t.caption === 'Every failure')?.rows ?? [];
    expect(every).toContainEqual([
      'A duplicate rule blocked a test record',
      'HandoffCloseServiceTest.closingCreatesHandoff',
      'System.DmlException: Insert failed. First exception on row 1; first error: DUPLICATES_DETECTED, Use one of these records?: []'
    ]);
  });

  it("without a structured result, the failures come from sf's message", () => {
    const failures = failuresFromMessage(
      'Failed to validate the deployment (0Af3). Due To:\nOpportunityTrigger - Test coverage of selected Apex Trigger is 0%\n\nFooTest.bar - System.LimitException: Too many SOQL queries: 101\n2 component error(s)'
    );
    expect(failures).toEqual([
      {
        kind: 'other',
        name: 'OpportunityTrigger',
        message: 'Test coverage of selected Apex Trigger is 0%'
      },
      {
        kind: 'other',
        name: 'FooTest.bar',
        message: 'System.LimitException: Too many SOQL queries: 101'
      }
    ]);
    expect(groupByCause(failures, PROJECT).map((g) => g.cause.id)).toEqual(['limits', 'coverage']);
  });

  it('a formula that reads custom metadata the org lacks is its own cause: deploy the records first', () => {
    const project = { ...PROJECT, customMetadataReaders: ['Opportunity.Needs_Setting'] };
    const failures = failuresOf(
      {
        componentFailures: [
          {
            componentType: 'ValidationRule',
            fullName: 'Opportunity.Needs_Setting',
            problem: 'Field Gate_On__c does not exist'
          },
          {
            componentType: 'CustomField',
            fullName: 'Opportunity.Other__c',
            problem: 'Picklist value not found'
          }
        ]
      },
      project
    );
    const groups = groupByCause(failures, project);
    expect(groups.map((g) => [g.cause.id, g.failures.map((f) => f.name)])).toEqual([
      ['custom-metadata-first', ['ValidationRule Opportunity.Needs_Setting']],
      ['component', ['CustomField Opportunity.Other__c']]
    ]);
    expect(groups[0].cause.fix).toContain('--custom-metadata-only');
  });

  it('a failed build stops before anything is sent to the org', async () => {
    const { run, calls } = runner((c) =>
      isBuild(c)
        ? { code: 2, stdout: '', stderr: 'error TS2322: Type string is not assignable' }
        : { code: 0, stdout: '' }
    );
    const result = await validateDeploy({ alias: 'acme', project: PROJECT, run, sf: 'sf' });
    expect(result.status).toBe('fail');
    expect(result.finding).toContain('npm run build exited 2): error TS2322');
    expect(calls.filter(isValidate)).toHaveLength(0);
  });

  it('output that is not JSON makes the validation "could not read"', async () => {
    const { run } = runner((c) =>
      isValidate(c)
        ? {
            code: 1,
            stdout: '',
            stderr: 'NoOrgFound: No authorization information found for acme.'
          }
        : { code: 0, stdout: '' }
    );
    const result = await validateDeploy({ alias: 'acme', project: PROJECT, run, sf: 'sf' });
    expect(result.status).toBe('unread');
    expect(result.finding).toContain('NoOrgFound: No authorization information found for acme.');
  });

  it('with the org checks: a failed validation makes the exit status 2 and joins the report', async () => {
    const mock = await serveOrg(healthyOrg());
    const out = mkdtempSync(join(tmpdir(), 'preflight-validate-'));
    const { run } = runner((c) =>
      isValidate(c)
        ? {
            code: 1,
            stdout: JSON.stringify({
              status: 1,
              name: 'FailedValidationError',
              message: 'x',
              result: { id: '0Af4', details: FAILED_DETAILS }
            })
          }
        : { code: 0, stdout: '' }
    );
    try {
      const outcome = await runPreflight({
        alias: 'acme',
        out,
        connection: mock.connection(),
        project: PROJECT,
        validate: true,
        run,
        quiet: true,
        stdout: () => undefined
      });
      expect(outcome.exitCode).toBe(EXIT.blocked);
      const last = outcome.report?.results.at(-1);
      expect(last?.id).toBe('deploy-validation');
      expect(last?.status).toBe('fail');
      expect(outcome.report?.validated).toBe(true);
    } finally {
      await mock.stop();
    }
  });
});
