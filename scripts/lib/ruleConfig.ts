/**
 * Loads the rule configuration the audit scores deals with: by default the `shipped` config
 * of the conformance vectors (the same records the org ships as custom metadata), or a file
 * given with `--rules` holding either a bare rule config or a vectors-shaped file.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FieldRule, RuleConfig, SegmentPolicy } from './evaluator.ts';

/** The conformance vectors file, relative to the project root. */
export const VECTORS_PATH = 'force-app/main/default/staticresources/handoffConformanceVectors.json';

/** The project root (two levels above this file). */
export const PROJECT_ROOT = resolve(__dirname, '..', '..');

/** A loaded configuration and where it came from, for the report. */
export interface LoadedRuleConfig {
  config: RuleConfig;
  source: string;
}

function fail(source: string, message: string): never {
  throw new Error(`Rule config ${source}: ${message}`);
}

function checkConfig(value: unknown, source: string): RuleConfig {
  if (typeof value !== 'object' || value === null) {
    fail(source, 'not a JSON object');
  }
  const c = value as Partial<RuleConfig>;
  if (!Array.isArray(c.fieldRules) || !Array.isArray(c.segmentPolicies)) {
    fail(source, 'needs "fieldRules" and "segmentPolicies" arrays');
  }
  const settings = c.settings ?? { expansionOpportunityTypes: [] };
  if (!Array.isArray(settings.expansionOpportunityTypes)) {
    fail(source, '"settings.expansionOpportunityTypes" must be an array');
  }
  c.fieldRules.forEach((r: FieldRule, i: number) => {
    if (typeof r.fieldApiName !== 'string' || typeof r.ruleSet !== 'string') {
      fail(source, `fieldRules[${i}] needs "fieldApiName" and "ruleSet"`);
    }
  });
  c.segmentPolicies.forEach((p: SegmentPolicy, i: number) => {
    if (typeof p.segment !== 'string') {
      fail(source, `segmentPolicies[${i}] needs "segment"`);
    }
  });
  return { settings, segmentPolicies: c.segmentPolicies, fieldRules: c.fieldRules };
}

/**
 * Reads a rule config.
 * @param file a JSON file (default: the conformance vectors' `shipped` config)
 * @param name which config of a vectors-shaped file (default `shipped`)
 */
export function loadRuleConfig(file?: string, name = 'shipped'): LoadedRuleConfig {
  const path = file ? resolve(file) : resolve(PROJECT_ROOT, VECTORS_PATH);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    fail(
      file ?? VECTORS_PATH,
      file
        ? 'cannot read the file'
        : 'the conformance vectors are missing; pass --rules <file> with a rule config'
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    fail(file ?? VECTORS_PATH, `invalid JSON (${(e as Error).message})`);
  }
  const source = file ?? VECTORS_PATH;
  const obj = json as { configs?: Record<string, unknown> };
  if (obj && typeof obj === 'object' && obj.configs && typeof obj.configs === 'object') {
    const picked = obj.configs[name];
    if (picked === undefined) {
      fail(source, `no config "${name}" (has: ${Object.keys(obj.configs).join(', ')})`);
    }
    return { config: checkConfig(picked, `${source}#${name}`), source: `${source}#${name}` };
  }
  return { config: checkConfig(json, source), source };
}

/** The distinct segments the active policies name, in policy order. */
export function segmentsOf(config: RuleConfig): string[] {
  const seen = new Map<string, string>();
  [...config.segmentPolicies]
    .filter((p) => p.active)
    .sort((a, b) => a.order - b.order)
    .forEach((p) => {
      const key = p.segment.trim().toLowerCase();
      if (!seen.has(key)) {
        seen.set(key, p.segment.trim());
      }
    });
  return [...seen.values()];
}

/** The distinct Opportunity fields the active field rules name, in rule order. */
export function ruleFieldsOf(config: RuleConfig): string[] {
  const seen = new Map<string, string>();
  [...config.fieldRules]
    .filter((r) => r.active)
    .sort((a, b) => a.order - b.order || (a.fieldApiName < b.fieldApiName ? -1 : 1))
    .forEach((r) => {
      const key = r.fieldApiName.trim().toLowerCase();
      if (!seen.has(key)) {
        seen.set(key, r.fieldApiName.trim());
      }
    });
  return [...seen.values()];
}
