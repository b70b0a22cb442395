/**
 * Renders the audit's picture into docs/images/ with headless Chromium:
 *
 * - `audit-report.png`: the audit's HTML report on the shipped sample export
 *   (`scripts/audit/cli.ts --csv data/sample-closed-won.csv --activities data/sample-activities.csv`).
 *
 * The components' pictures (dashboard, My Handoffs, panel, intake checklist, setup page) come from
 * the browser harness's journeys (scripts/browser/run.ts --images); `npm run docs:images` runs
 * both.
 *
 *   npx tsx scripts/docs/render-images.ts
 *
 * Needs Chromium (`apt-get install -y chromium` on Debian, or set CHROMIUM to its path). Not part
 * of `npm run docs` or the tests: pictures are looked at, not diffed. Each image stays under 300 KB.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../force-app/test/metadata/lib/metadata.ts';

const IMAGES = join(PROJECT_ROOT, 'docs', 'images');
const MAX_BYTES = 300 * 1024;

function chromium(): string {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((c): c is string => typeof c === 'string' && existsSync(c));
  if (!found) {
    throw new Error(
      'Chromium not found: install it (Debian: apt-get install -y chromium) or set CHROMIUM to its path.'
    );
  }
  return found;
}

/** Screenshots a local HTML file at a given window size. */
function screenshot(html: string, png: string, width: number, height: number): void {
  const profile = mkdtempSync(join(tmpdir(), 'docs-chromium-'));
  try {
    const run = spawnSync(
      chromium(),
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--hide-scrollbars',
        `--user-data-dir=${profile}`,
        `--window-size=${width},${height}`,
        `--screenshot=${png}`,
        `file://${html}`
      ],
      { encoding: 'utf8', timeout: 60_000 }
    );
    if (run.status !== 0 || !existsSync(png)) {
      throw new Error(`Chromium failed (${run.status}): ${run.stderr.slice(-500)}`);
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const size = statSync(png).size;
  if (size > MAX_BYTES) {
    throw new Error(`${png} is ${Math.round(size / 1024)} KB; keep images under 300 KB`);
  }
  console.log(`wrote ${png.slice(PROJECT_ROOT.length + 1)} (${Math.round(size / 1024)} KB)`);
}

function auditReport(work: string): void {
  const out = join(work, 'audit');
  const run = spawnSync(
    join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'),
    [
      'scripts/audit/cli.ts',
      '--csv',
      'data/sample-closed-won.csv',
      '--activities',
      'data/sample-activities.csv',
      '--out',
      out,
      '--quiet'
    ],
    { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 120_000 }
  );
  if (run.status !== 0) {
    throw new Error(`the audit failed (${run.status}): ${run.stderr}`);
  }
  screenshot(join(out, 'audit.html'), join(IMAGES, 'audit-report.png'), 1000, 1500);
}

async function main(): Promise<void> {
  mkdirSync(IMAGES, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'docs-images-'));
  try {
    auditReport(work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`render-images: ${(e as Error).message}`);
    process.exitCode = 1;
  });
}
