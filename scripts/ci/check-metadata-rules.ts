// The platform's metadata rules (scripts/ci/metadata-rules/rules.ts), checked offline over
// every file in force-app: length limits, permission dependencies within a permission set,
// formula functions per context, one invocable method per class, one path per record type,
// and custom metadata records against their type (fields exist, values fit the field's type,
// length, precision, picklist values and xsi:type; required fields; record names).
// Each failure names the file, the element, the value, the limit or rule and its reference.
//
// Usage: tsx scripts/ci/check-metadata-rules.ts [source-folder ...]   (default: force-app)
//        tsx scripts/ci/check-metadata-rules.ts --list                (print the rule table)
import { checkSource, formatViolation } from './metadata-rules/check';
import {
  CUSTOM_METADATA_RULES,
  FORMULA_FUNCTION_RULES,
  LENGTH_RULES,
  NOT_ENFORCED,
  OBJECT_DEPENDENCY_RULES,
  OBJECT_PERMISSION_RULES,
  USER_PERMISSION_RULES
} from './metadata-rules/rules';
import { elapsed, plural, runCli, sourceFolders, UsageError } from './lib';

function listRules(): void {
  for (const r of LENGTH_RULES) {
    console.log(
      `${r.id}\t${r.metadataType} ${r.element} ≤ ${r.max}\t${r.confidence}\t${r.reference.url || r.reference.says}`
    );
  }
  for (const r of [
    ...OBJECT_PERMISSION_RULES,
    ...OBJECT_DEPENDENCY_RULES,
    ...USER_PERMISSION_RULES,
    ...FORMULA_FUNCTION_RULES
  ]) {
    console.log(`${r.id}\t${r.confidence}\t${r.reference.url || r.reference.says}`);
  }
  for (const r of Object.values(CUSTOM_METADATA_RULES)) {
    console.log(`${r.id}\t${r.summary}\t${r.confidence}\t${r.reference.url || r.reference.says}`);
  }
  for (const n of NOT_ENFORCED) console.log(`not enforced: ${n.rule} (${n.why})`);
}

runCli('check-metadata-rules', () => {
  const args = process.argv.slice(2);
  if (args.includes('--list')) {
    listRules();
    return 0;
  }
  const unknown = args.filter((a) => a.startsWith('-'));
  if (unknown.length > 0)
    throw new UsageError(`unknown option ${unknown[0]} (usage: [source-folder ...] | --list)`);
  const roots = sourceFolders(args);
  const start = Date.now();
  let failures = 0;
  let files = 0;
  for (const root of roots) {
    const result = checkSource(root);
    files += result.filesChecked;
    for (const v of result.violations) console.error(formatViolation(v));
    failures += result.violations.length;
  }
  const summary = `${plural(files, 'file')} checked against the platform's metadata rules in ${elapsed(start)}`;
  if (failures > 0) {
    console.error(`check-metadata-rules: ${plural(failures, 'violation')}; ${summary}`);
    return 1;
  }
  console.log(`check-metadata-rules: no violations; ${summary}`);
  return 0;
});
