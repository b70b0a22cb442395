/**
 * Runs every contract of the project: the Apex side read from force-app/main/default/classes, the
 * TypeScript side from types/*.d.ts and the component files the map names, the mocks from
 * lwc/<component>/__tests__/data/<apexMethod>.json. Fixtures pass replacement texts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { ApexProject, typeText } from './apexClasses';
import { ContractChecker } from './contracts';
import {
  apexImports,
  declaredApexResult,
  findNamedType,
  loadTsProject,
  TsProject
} from './tsTypes';
import type { Contract } from '../contractMap';

const CLASSES = 'force-app/main/default/classes';
const LWC = 'force-app/main/default/lwc';

export interface Replacements {
  /** Apex file name → source. */
  apex?: Record<string, string>;
  /** Path relative to the root → TypeScript source. */
  ts?: Record<string, string>;
  /** `<component>/__tests__/data/<file>.json` → JSON text. */
  mocks?: Record<string, string>;
}

export interface ProjectContracts {
  apex: ApexProject;
  ts: TsProject;
  /** Component → the Apex methods it imports (`Class.method`). */
  imports: Map<string, string[]>;
  /** `<component>/__tests__/data/<file>.json` files. */
  mocks: string[];
  root: string;
  replacements: Replacements;
}

function componentSources(root: string, component: string): string[] {
  const folder = join(root, LWC, component);
  return readdirSync(folder)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => join(LWC, component, f));
}

export function loadProject(
  root: string,
  contracts: Record<string, Contract>,
  replacements: Replacements = {},
  base?: ProjectContracts
): ProjectContracts {
  const apex =
    base && !replacements.apex
      ? base.apex
      : ApexProject.fromFolder(join(root, CLASSES), replacements.apex);
  const imports = new Map<string, string[]>();
  const mocks: string[] = [];
  for (const component of readdirSync(join(root, LWC))) {
    if (!existsSync(join(root, LWC, component, `${component}.ts`))) {
      continue;
    }
    const methods = componentSources(root, component).flatMap((file) =>
      apexImports(replacements.ts?.[file] ?? readFileSync(join(root, file), 'utf8'))
    );
    if (methods.length) {
      imports.set(component, [...new Set(methods)]);
    }
    const data = join(root, LWC, component, '__tests__', 'data');
    if (existsSync(data)) {
      mocks.push(
        ...readdirSync(data)
          .filter((f) => f.endsWith('.json'))
          .map((f) => `${component}/__tests__/data/${f}`)
      );
    }
  }
  const typeFiles = readdirSync(join(root, 'types'))
    .filter((f) => f.endsWith('.d.ts'))
    .map((f) => `types/${f}`);
  const named = Object.values(contracts)
    .map((c) => c.type.split('#')[0])
    .filter((f) => f !== 'declared');
  const tsProject =
    base && !replacements.ts
      ? base.ts
      : loadTsProject(
          root,
          [...new Set([...typeFiles, ...named])],
          replacements.ts,
          base?.ts.program
        );
  return { apex, ts: tsProject, imports, mocks, root, replacements };
}

/** The TS types a contract names: the mapped one and/or the `.d.ts` declaration. */
function contractTypes(
  project: ProjectContracts,
  method: string,
  contract: Contract
): { types: { type: ts.Type; label: string }[]; problems: string[] } {
  const problems: string[] = [];
  const types: { type: ts.Type; label: string }[] = [];
  const declared = declaredApexResult(project.ts, `@salesforce/apex/${method}`);
  const declaredIsUnknown =
    typeof declared !== 'string' &&
    (declared.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) !== 0;
  if (typeof declared === 'string') {
    problems.push(`${method}: ${declared}`);
  }
  if (contract.type === 'declared') {
    if (typeof declared !== 'string') {
      if (declaredIsUnknown) {
        problems.push(
          `${method}: types/*.d.ts declares Promise<unknown>; declare the result type there or map the method to the component's interface`
        );
      } else {
        types.push({
          type: declared,
          label: `${project.ts.checker.typeToString(declared)} (types/*.d.ts)`
        });
      }
    }
    return { types, problems };
  }
  const found = findNamedType(project.ts, contract.type);
  if (typeof found === 'string') {
    problems.push(`${method}: ${found}`);
  } else {
    types.push({ type: found.type, label: found.name });
  }
  if (typeof declared !== 'string' && !declaredIsUnknown && !contract.json) {
    types.push({
      type: declared,
      label: `${project.ts.checker.typeToString(declared)} (types/*.d.ts)`
    });
  }
  if (contract.json && typeof declared !== 'string' && !(declared.flags & ts.TypeFlags.String)) {
    problems.push(
      `${method}: returns JSON as a String, but types/*.d.ts declares Promise<${project.ts.checker.typeToString(declared)}>`
    );
  }
  return { types, problems };
}

/** Checks one method's contract: its TS type(s) against the Apex return type. */
export function checkContract(
  project: ProjectContracts,
  method: string,
  contract: Contract,
  objectFields: Record<string, string>
): string[] {
  const found = project.apex.auraEnabledMethods().get(method);
  if (!found) {
    return [`${method}: no static @AuraEnabled method of that name in ${CLASSES}`];
  }
  const { types, problems } = contractTypes(project, method, contract);
  for (const { type, label } of types) {
    const checker = new ContractChecker({
      apex: project.apex,
      checker: project.ts.checker,
      mode: contract.json ? 'json' : 'aura',
      objectFields
    });
    const path = `${method}() as ${label}`;
    if (contract.json) {
      if (found.method.returnType.name.toLowerCase() !== 'string') {
        problems.push(
          `${path}: mapped as JSON but Apex returns ${typeText(found.method.returnType)}`
        );
        continue;
      }
      const cls = project.apex.get(contract.json);
      if (!cls) {
        problems.push(`${path}: no Apex class ${contract.json}`);
        continue;
      }
      checker.compare({ name: cls.name, args: [] }, cls.name, type, path);
    } else {
      checker.compare(found.method.returnType, found.cls.name, type, path);
    }
    problems.push(...checker.problems);
  }
  return problems;
}

/** Checks one mock file against the Apex result shape and the component's TS type. */
export function checkMock(
  project: ProjectContracts,
  method: string,
  contract: Contract,
  mock: string,
  objectFields: Record<string, string>
): string[] {
  const found = project.apex.auraEnabledMethods().get(method);
  if (!found) {
    return [`${mock}: no static @AuraEnabled method ${method}`];
  }
  const text =
    project.replacements.mocks?.[mock] ?? readFileSync(join(project.root, LWC, mock), 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return [`${mock}: not JSON (${(error as Error).message})`];
  }
  const { types, problems } = contractTypes(project, method, contract);
  const checker = new ContractChecker({
    apex: project.apex,
    checker: project.ts.checker,
    mode: contract.json ? 'json' : 'aura',
    objectFields
  });
  const apexType = contract.json ? { name: contract.json, args: [] } : found.method.returnType;
  const context = contract.json ?? found.cls.name;
  checker.validate(value, apexType, context, types[0]?.type, mock);
  return [...problems, ...checker.problems];
}
