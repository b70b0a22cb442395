/**
 * Opportunity stages, the Path and sales processes: what the product assumes (won stages
 * detected by OpportunityStage.IsWon; a Path whose steps name the standard stages, for the
 * Master record type) against what the org has.
 */
import { capped, joinAnd, plural, yesNo, type Finding } from '../model.ts';
import { DOCUMENTED_WON_STAGE, type ProjectPath } from '../project.ts';
import { soqlString } from '../reader.ts';
import {
  AREAS,
  opportunityRecordTypesOf,
  stagesOf,
  type CheckDef,
  type OpportunityStage
} from './shared.ts';

function stageTable(stages: OpportunityStage[]): Finding['tables'] {
  return [
    capped(
      'Opportunity stages in this org',
      ['Stage (API name)', 'Label', 'Active', 'Closed', 'Won'],
      stages.map((s) => [
        s.ApiName,
        s.MasterLabel,
        yesNo(s.IsActive),
        yesNo(s.IsClosed),
        yesNo(s.IsWon)
      ])
    )
  ];
}

export const wonStages: CheckDef = {
  id: 'won-stages',
  area: AREAS.stages,
  title: 'Won stages',
  why:
    'The Closed-Won gate and the close automation act on the save that moves a deal into a won ' +
    "stage, found by OpportunityStage.IsWon (so a renamed won stage still works), and our Apex tests close deals in the org's first active won stage. " +
    `The Path, the panel's labels and the guides call that stage "${DOCUMENTED_WON_STAGE}".`,
  source: 'REST query: OpportunityStage',
  async run({ org, project }) {
    const stages = await stagesOf(org);
    const won = stages.filter((s) => s.IsActive && s.IsWon);
    const documented = stages.find(
      (s) => s.ApiName === DOCUMENTED_WON_STAGE || s.MasterLabel === DOCUMENTED_WON_STAGE
    );
    const tables = stageTable(stages);
    if (won.length === 0) {
      return {
        status: 'fail',
        finding:
          'The org has no active won stage: no deal can be won, so no handoff is ever created, and our Apex tests that close deals fail.',
        fix: 'Activate a won stage (Setup > Object Manager > Opportunity > Fields & Relationships > Stage; Type "Closed/Won"), then run the preflight again.',
        tables
      };
    }
    const names = won.map((s) => `"${s.ApiName}"`);
    if (!documented || !documented.IsActive || !documented.IsWon) {
      const why = !documented
        ? `has no stage named "${DOCUMENTED_WON_STAGE}"`
        : `has a stage "${DOCUMENTED_WON_STAGE}" that is ${documented.IsActive ? 'not a won stage' : 'inactive'}`;
      return {
        status: 'warn',
        finding:
          `The org ${why}; its won ${won.length === 1 ? 'stage is' : 'stages are'} ${joinAnd(names)}. ` +
          'The gate and the close automation detect won stages by IsWon and work as they are, but ' +
          `${plural(project.wonStageMentions.length, 'file')} of ours name "${DOCUMENTED_WON_STAGE}" (the Path step, labels, guides).`,
        fix:
          `Before deploying, rename the Path step "${DOCUMENTED_WON_STAGE}" to your won stage (see "Path steps match the stages"), ` +
          `and tell your users that "${DOCUMENTED_WON_STAGE}" in the panel and the guides means ${joinAnd(names)}; ` +
          'the panel texts are custom labels you can translate or override in Setup > Custom Labels.',
        tables: [
          ...(tables ?? []),
          capped(
            `Our files that name "${DOCUMENTED_WON_STAGE}"`,
            ['File'],
            project.wonStageMentions.map((f) => [f]),
            100
          )
        ]
      };
    }
    return {
      status: 'pass',
      finding:
        won.length === 1
          ? `"${DOCUMENTED_WON_STAGE}" is the org's active won stage, as the Path and the guides assume.`
          : `"${DOCUMENTED_WON_STAGE}" is active and won; the org has ${won.length} won stages (${joinAnd(names)}), and closing into any of them starts the handoff.`,
      tables
    };
  }
};

/** Our Path on Opportunity, if the project has one. */
function opportunityPath(paths: ProjectPath[]): ProjectPath | undefined {
  return paths.find((p) => p.entityName === 'Opportunity');
}

export const pathSteps: CheckDef = {
  id: 'path-stages',
  area: AREAS.stages,
  title: 'Path steps match the stages',
  why:
    "Our Opportunity path gives each stage its key fields and guidance. Each step names a stage by API name; a step for a stage the org doesn't have " +
    "can't be shown, and the deploy is expected to reject it.",
  source: 'REST query: OpportunityStage; force-app pathAssistants',
  async run({ org, project }) {
    const path = opportunityPath(project.paths);
    if (!path) {
      return { status: 'pass', finding: 'The project deploys no Opportunity path.' };
    }
    const stages = await stagesOf(org);
    const byName = new Map(stages.map((s) => [s.ApiName, s]));
    const missing = path.steps.filter((step) => !byName.has(step));
    const inactive = path.steps.filter((step) => byName.get(step)?.IsActive === false);
    const stepless = stages.filter((s) => s.IsActive && !path.steps.includes(s.ApiName));
    const tables = [
      capped(
        `Steps of ${path.fullName}`,
        ['Step (stage)', 'In this org'],
        path.steps.map((step) => [
          step,
          !byName.has(step) ? 'missing' : byName.get(step)?.IsActive ? 'active' : 'inactive'
        ])
      ),
      ...(stepless.length > 0
        ? [
            capped(
              'Active stages without a step (no guidance shown for them)',
              ['Stage', 'Won'],
              stepless.map((s) => [s.ApiName, yesNo(s.IsWon)])
            )
          ]
        : [])
    ];
    const file = `force-app/main/default/pathAssistants/${path.fullName}.pathAssistant-meta.xml`;
    if (missing.length > 0) {
      return {
        status: 'fail',
        finding: `${plural(missing.length, 'step')} of our path ${missing.length === 1 ? 'names a stage' : 'name stages'} the org does not have: ${joinAnd(missing.map((m) => `"${m}"`))}.`,
        fix: `Edit ${file} before deploying: set each step's picklistValueName to one of your stages (API names as listed below), or delete the step.`,
        tables
      };
    }
    const wonWithoutStep = stepless.filter((s) => s.IsWon);
    if (inactive.length > 0 || wonWithoutStep.length > 0) {
      const parts = [
        ...(inactive.length > 0
          ? [
              `${plural(inactive.length, 'step')} for inactive stages (${joinAnd(inactive)}), never shown`
            ]
          : []),
        ...(wonWithoutStep.length > 0
          ? [
              `no step for the won ${wonWithoutStep.length === 1 ? 'stage' : 'stages'} ${joinAnd(wonWithoutStep.map((s) => s.ApiName))}, so the close guidance is not shown there`
            ]
          : [])
      ];
      return {
        status: 'warn',
        finding: `Our path deploys, with ${joinAnd(parts)}.`,
        fix: `Edit ${file}: move the guidance to the stages your users use.`,
        tables
      };
    }
    return {
      status: 'pass',
      finding: `Every step of our path (${plural(path.steps.length, 'stage')}) names an active stage of the org.`,
      tables
    };
  }
};

interface PathRecord {
  fullName: string;
  entityName?: string;
  recordTypeName?: string;
  active?: boolean | string;
}

export const existingPaths: CheckDef = {
  id: 'existing-paths',
  area: AREAS.stages,
  title: 'Existing Opportunity paths',
  why:
    'Salesforce allows one path per record type per object, the Master record type included (Metadata API, PathAssistant). ' +
    'Ours is for the Master record type, which Opportunities use only where the org has no Opportunity record types.',
  source: 'Metadata API: listMetadata and readMetadata PathAssistant; REST query: RecordType',
  async run({ org, project }) {
    const ours = opportunityPath(project.paths);
    if (!ours) {
      return { status: 'pass', finding: 'The project deploys no Opportunity path.' };
    }
    const names = await org.listMetadata('PathAssistant');
    const records = (await org.readMetadata('PathAssistant', names)).filter(
      (r): r is PathRecord & Record<string, unknown> => r !== null
    ) as PathRecord[];
    const opportunityPaths = records.filter((r) => r.entityName === 'Opportunity');
    const recordTypes = (await opportunityRecordTypesOf(org)).filter((rt) => rt.IsActive);
    const sameRecordType = opportunityPaths.filter(
      (p) =>
        (p.recordTypeName ?? '__MASTER__') === ours.recordTypeName && p.fullName !== ours.fullName
    );
    const tables = [
      capped(
        'Opportunity paths in this org',
        ['Path', 'Record type', 'Active'],
        opportunityPaths.map((p) => [p.fullName, p.recordTypeName ?? '', yesNo(p.active)])
      ),
      ...(recordTypes.length > 0
        ? [
            capped(
              'Active Opportunity record types',
              ['Record type', 'Label', 'Has a path'],
              recordTypes.map((rt) => [
                rt.DeveloperName,
                rt.Name,
                yesNo(opportunityPaths.some((p) => p.recordTypeName === rt.DeveloperName))
              ])
            )
          ]
        : [])
    ];
    if (sameRecordType.length > 0) {
      return {
        status: 'fail',
        finding:
          `The org already has an Opportunity path for the ${ours.recordTypeName} record type (${joinAnd(sameRecordType.map((p) => p.fullName))}): ` +
          `the deploy of our path ${ours.fullName} fails, since only one path per record type is allowed.`,
        fix:
          `Either add our key fields and guidance to ${joinAnd(sameRecordType.map((p) => p.fullName))} in Setup > Path Settings and remove ` +
          `force-app/main/default/pathAssistants/${ours.fullName}.pathAssistant-meta.xml from the deploy, or delete the existing path first.`,
        tables
      };
    }
    if (recordTypes.length > 0) {
      return {
        status: 'warn',
        finding:
          `The org has ${plural(recordTypes.length, 'active Opportunity record type')}; our path is for the Master record type, ` +
          'so deals of those record types will not show it.',
        fix: 'After the deploy, copy our steps into a path per record type in Setup > Path Settings (or deploy a copy of our pathAssistant file per record type, with recordTypeName set).',
        tables
      };
    }
    const already = opportunityPaths.some((p) => p.fullName === ours.fullName);
    return {
      status: 'pass',
      finding: already
        ? `Our path ${ours.fullName} is already in the org (an earlier install); the deploy updates it.`
        : 'No other Opportunity path and no Opportunity record types: our path applies to every deal.',
      tables
    };
  }
};

interface BusinessProcessRow {
  Id: string;
  Name: string;
  IsActive: boolean;
}

export const salesProcesses: CheckDef = {
  id: 'sales-processes',
  area: AREAS.stages,
  title: 'Sales processes',
  why:
    'A sales process limits which stages the deals of a record type can use. A process without a won stage means those deals are never won, ' +
    'so they never get a handoff.',
  source: 'REST query: BusinessProcess, RecordType; Metadata API: readMetadata BusinessProcess',
  async run({ org }) {
    const processes = await org.query<BusinessProcessRow & Record<string, unknown>>(
      `SELECT Id, Name, IsActive FROM BusinessProcess WHERE TableEnumOrId = ${soqlString('Opportunity')} ORDER BY Name`,
      'reading Opportunity sales processes (REST query on BusinessProcess)'
    );
    const active = processes.filter((p) => p.IsActive);
    if (active.length === 0) {
      return {
        status: 'pass',
        finding:
          'The org has no active Opportunity sales process: every active stage is available to every deal.'
      };
    }
    const stages = await stagesOf(org);
    const wonNames = new Set(stages.filter((s) => s.IsWon && s.IsActive).map((s) => s.ApiName));
    const records = await org.readMetadata(
      'BusinessProcess',
      active.map((p) => `Opportunity.${p.Name}`)
    );
    const recordTypes = await opportunityRecordTypesOf(org);
    const rows: string[][] = [];
    const noWon: string[] = [];
    active.forEach((p, i) => {
      const values = (
        records[i]?.values === undefined
          ? []
          : Array.isArray(records[i]?.values)
            ? (records[i]?.values as unknown[])
            : [records[i]?.values]
      )
        .map((v) => (v as { fullName?: string }).fullName)
        .filter((v): v is string => typeof v === 'string')
        .map((v) => decodeURIComponent(v));
      const won = values.filter((v) => wonNames.has(v));
      const used = recordTypes
        .filter((rt) => rt.BusinessProcessId === p.Id)
        .map((rt) => rt.DeveloperName);
      if (records[i] && won.length === 0) {
        noWon.push(p.Name);
      }
      rows.push([
        p.Name,
        records[i] ? String(values.length) : 'not readable',
        records[i] ? won.join(', ') || 'none' : 'not readable',
        used.join(', ') || 'none'
      ]);
    });
    const tables = [
      capped(
        'Active Opportunity sales processes',
        ['Sales process', 'Stages', 'Won stages', 'Record types'],
        rows
      )
    ];
    const unreadable = active.filter((_p, i) => !records[i]).map((p) => p.Name);
    if (noWon.length > 0) {
      return {
        status: 'warn',
        finding: `${plural(noWon.length, 'sales process', 'sales processes')} without a won stage (${joinAnd(noWon)}): deals of the record types using ${noWon.length === 1 ? 'it' : 'them'} are never won, so they never get a handoff.`,
        fix: 'Add your won stage to those sales processes (Setup > Sales Processes) if those deals should hand off to Customer Success.',
        tables
      };
    }
    if (unreadable.length > 0) {
      return {
        status: 'warn',
        finding: `The stages of ${joinAnd(unreadable)} could not be read through the Metadata API, so whether ${unreadable.length === 1 ? 'it includes' : 'they include'} a won stage is unknown.`,
        fix: 'Check in Setup > Sales Processes that each includes your won stage.',
        tables
      };
    }
    return {
      status: 'pass',
      finding: `Every active sales process (${plural(active.length, 'process', 'processes')}) includes a won stage.`,
      tables
    };
  }
};
