/**
 * The browser test harness (issue 19): every screen rendered in headless Chromium with the real
 * LWC engine, the open-source Lightning base components and SLDS, driven through user journeys
 * at phone, tablet and desktop widths, with keyboard-only runs and an axe-core scan of every
 * state.
 *
 *   npm run test:browser                     build, then every journey at 390, 768 and 1280 px
 *   npm run test:browser -- --only dashboard  journeys whose name contains "dashboard"
 *   npm run test:browser -- --no-build        reuse the last build (.cache/browser)
 *   npm run docs:images                       the same run, then the guides' pictures and
 *                                             walkthroughs regenerated from its screenshots
 *
 * Needs Chromium (Debian: `apt-get install -y chromium`; or set CHROMIUM to its path), and for
 * the walkthroughs ffmpeg. Screenshots of every step go to reports/browser/ (git-ignored).
 * Prints one line per journey and width, then `N passed, N failed`; exits 1 on any failure.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { build, LOCALE, ROOT, TIME_ZONE } from './lib/build.ts';
import { serve } from './lib/server.ts';
import { FakeServer, WIDTHS, journeyContext, type Journey, type Shot } from './lib/harness.ts';
import { writeDocImages, type JourneyShots } from './lib/docs.ts';
import { writeWalkthroughs } from './lib/walkthroughRender.ts';

const REPORT_DIR = join(ROOT, 'reports', 'browser');
const JOURNEY_DIR = join(__dirname, 'journeys');

interface Options {
  only: string[];
  build: boolean;
  images: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { only: [], build: true, images: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--only') {
      const value = argv[++i];
      if (!value) {
        throw new Error('--only needs a part of a journey name');
      }
      options.only.push(value.toLowerCase());
    } else if (arg === '--no-build') {
      options.build = false;
    } else if (arg === '--images') {
      options.images = true;
    } else {
      throw new Error(`unknown option ${arg} (see the header of scripts/browser/run.ts)`);
    }
  }
  return options;
}

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((c): c is string => typeof c === 'string' && existsSync(c));
  if (!found) {
    throw new Error(
      'Chromium not found: install it (Debian: apt-get install -y chromium) or set CHROMIUM to its path'
    );
  }
  return found;
}

async function loadJourneys(): Promise<Journey[]> {
  const files = readdirSync(JOURNEY_DIR)
    .filter((f) => f.endsWith('.journey.ts'))
    .sort();
  const journeys: Journey[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(join(JOURNEY_DIR, file)).href)) as {
      default: Journey[];
    };
    journeys.push(...module.default);
  }
  return journeys;
}

interface RunResult {
  journey: string;
  width: number;
  ok: boolean;
  seconds: number;
  error?: string;
  shots: Shot[];
  scanned: string[];
}

async function runOne(
  browser: Browser,
  baseUrl: string,
  journey: Journey,
  width: number
): Promise<RunResult> {
  const started = Date.now();
  const server = new FakeServer();
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    deviceScaleFactor: 1,
    locale: LOCALE,
    timezoneId: TIME_ZONE,
    reducedMotion: 'reduce'
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') {
      problems.push(`console error: ${message.text()}`);
    }
  });
  await context.exposeBinding('__harnessCall', (_source, kind: string, name: string, payload) =>
    server.handle(kind, name, (payload ?? {}) as Record<string, unknown>)
  );
  // The custom permissions the user holds, read by `@salesforce/customPermission/*`.
  const granted = Object.fromEntries((journey.permissions ?? []).map((p) => [p, true]));
  await context.addInitScript({
    content: `window.__harnessPermissions = ${JSON.stringify(granted)};`
  });
  const slug = journey.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const shots: Shot[] = [];
  const scanned: string[] = [];
  const steps: string[] = [];
  const t = journeyContext({
    page,
    server,
    width,
    baseUrl,
    shotDir: join(REPORT_DIR, slug, String(width)),
    shots,
    scanned,
    steps
  });
  let error: string | undefined;
  try {
    await journey.run(t);
    if (server.unexpected.length) {
      throw new Error(`unanswered server calls: ${server.unexpected.join('; ')}`);
    }
    if (problems.length) {
      throw new Error(problems.join('\n'));
    }
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
    if (problems.length && !error.includes(problems[0])) {
      error += `\n${problems.join('\n')}`;
    }
    await t.shot('failure').catch(() => undefined);
  } finally {
    await context.close();
  }
  return {
    journey: journey.name,
    width,
    ok: !error,
    seconds: (Date.now() - started) / 1000,
    error,
    shots,
    scanned
  };
}

/** The guides' pictures and the persona walkthroughs, from a run where every journey passed. */
async function writePictures(browser: Browser, results: RunResult[]): Promise<void> {
  if (results.some((r) => !r.ok)) {
    console.log('pictures and walkthroughs not written: a journey failed');
    return;
  }
  const byJourney: JourneyShots[] = results.map((r) => ({
    journey: r.journey,
    width: r.width,
    shots: r.shots
  }));
  for (const line of writeDocImages(byJourney)) {
    console.log(line);
  }
  for (const line of await writeWalkthroughs(browser, byJourney)) {
    console.log(line);
  }
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  if (options.build) {
    const built = await build();
    console.log(
      `built the components in ${built.seconds.toFixed(1)} s (${(built.bundleBytes / 1e6).toFixed(1)} MB)`
    );
  }
  const journeys = (await loadJourneys()).filter(
    (j) => !options.only.length || options.only.some((o) => j.name.toLowerCase().includes(o))
  );
  if (!journeys.length) {
    throw new Error(`no journey matches ${options.only.join(', ')}`);
  }
  rmSync(REPORT_DIR, { recursive: true, force: true });
  const server = await serve();
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none']
  });
  const results: RunResult[] = [];
  try {
    for (const journey of journeys) {
      for (const width of journey.widths ?? WIDTHS) {
        const result = await runOne(browser, server.url, journey, width);
        results.push(result);
        const scans = result.scanned.length ? `, axe: ${result.scanned.join(', ')}` : '';
        console.log(
          `${result.ok ? 'ok  ' : 'FAIL'} ${journey.name} @${width}px (${result.seconds.toFixed(1)} s${scans})`
        );
        if (result.error) {
          console.log(result.error.replace(/^/gm, '     '));
        }
      }
    }
    if (options.images) {
      await writePictures(browser, results);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const failed = results.filter((r) => !r.ok).length;
  const passed = results.length - failed;
  console.log(`browser harness: ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`test:browser: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
);
