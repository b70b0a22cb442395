/**
 * Writes or checks `force-app/main/default/staticresources/handoffTestConfiguration.json`, the
 * shipped custom metadata records the Apex tests inject (see
 * force-app/test/metadata/lib/testConfiguration.ts).
 *
 *   npx tsx scripts/ci/test-configuration.ts           # exit 1 when the file is stale
 *   npx tsx scripts/ci/test-configuration.ts --write   # regenerate it
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import {
  TEST_CONFIGURATION_PATH,
  buildTestConfiguration,
  formatTestConfiguration
} from '../../force-app/test/metadata/lib/testConfiguration.ts';
import { PROJECT_ROOT } from '../../force-app/test/metadata/lib/metadata.ts';

const expected = formatTestConfiguration(buildTestConfiguration());
const path = relative(PROJECT_ROOT, TEST_CONFIGURATION_PATH);
if (process.argv.includes('--write')) {
  writeFileSync(TEST_CONFIGURATION_PATH, expected);
  console.log(`wrote ${path}`);
} else if (
  !existsSync(TEST_CONFIGURATION_PATH) ||
  readFileSync(TEST_CONFIGURATION_PATH, 'utf8') !== expected
) {
  console.error(`${path} is stale: run npx tsx scripts/ci/test-configuration.ts --write`);
  process.exit(1);
} else {
  console.log(`${path} is current`);
}
