/**
 * The journey runner's vocabulary: a fake Salesforce server per page (every Apex and Lightning
 * Data Service call a component makes is answered here, or fails the journey as unexpected),
 * steps, screenshots, keyboard focus, and axe-core scans that must find zero violations.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ROOT } from './build.ts';

/** Thrown by a handler to answer with an error as Apex / LDS would (`{ body: { message } }`). */
export class ServerError extends Error {
  readonly status: number;
  readonly fieldErrors?: Record<string, { message: string }[]>;
  constructor(message: string, status = 400) {
    super(message);
    this.status = status;
  }
}

type Params = Record<string, unknown>;
type Handler = (params: Params) => unknown;
type Reply = { data: unknown } | { error: unknown };

export interface ServerCall {
  kind: string;
  name: string;
  params: Params;
}

/** A call held open until the journey releases it (a loading state, a slow save). */
export interface Gate {
  release(): void;
}

/**
 * The fake server behind one page. Handlers are keyed by the Apex method
 * (`HandoffIntakeController.getMyHandoffs`) or the LDS adapter (`getRecord`, `getObjectInfo`,
 * `updateRecord`, `notifyRecordUpdateAvailable`). A call nobody answers fails the journey.
 */
export class FakeServer {
  private readonly handlers = new Map<string, Handler>();
  private readonly gates = new Map<string, Promise<void>>();
  readonly calls: ServerCall[] = [];
  readonly unexpected: string[] = [];

  /** Answers `name` with a value (cloned per call) or a handler's result. */
  on(name: string, answer: unknown): this {
    this.handlers.set(
      name,
      typeof answer === 'function'
        ? (answer as Handler)
        : () => JSON.parse(JSON.stringify(answer ?? null)) as unknown
    );
    return this;
  }

  /** Answers `name` with an error carrying `message`. */
  fail(name: string, message: string, status = 400): this {
    return this.on(name, () => {
      throw new ServerError(message, status);
    });
  }

  /** Holds every call to `name` until the gate is released. */
  hold(name: string): Gate {
    let release = (): void => undefined;
    this.gates.set(
      name,
      new Promise<void>((resolve) => {
        release = resolve;
      })
    );
    return {
      release: () => {
        this.gates.delete(name);
        release();
      }
    };
  }

  /** The calls made to `name`, oldest first. */
  callsTo(name: string): Params[] {
    return this.calls.filter((c) => c.name === name).map((c) => c.params);
  }

  async handle(kind: string, name: string, params: Params): Promise<Reply> {
    this.calls.push({ kind, name, params });
    const gate = this.gates.get(name);
    if (gate) {
      await gate;
    }
    const handler = this.handlers.get(name);
    if (!handler) {
      this.unexpected.push(`${kind} ${name}(${JSON.stringify(params)})`);
      return { error: { body: { message: `no answer for ${name}` }, status: 500 } };
    }
    try {
      return { data: await handler(params) };
    } catch (error) {
      if (error instanceof ServerError) {
        return {
          error: {
            body: { message: error.message },
            status: error.status,
            statusText: error.status === 404 ? 'Not Found' : 'Bad Request',
            ok: false
          }
        };
      }
      throw error;
    }
  }
}

/** A component's Jest fixture (`force-app/main/default/lwc/<component>/__tests__/data/<name>.json`). */
export function fixture<T = unknown>(component: string, name: string): T {
  const file = join(
    ROOT,
    'force-app',
    'main',
    'default',
    'lwc',
    component,
    '__tests__',
    'data',
    `${name}.json`
  );
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The axe-core rule sets every state is scanned with: WCAG 2.2 A/AA and best practices. */
export const AXE_TAGS = [
  'wcag2a',
  'wcag2aa',
  'wcag21a',
  'wcag21aa',
  'wcag22aa',
  'best-practice'
] as const;

/**
 * Findings inside Salesforce's own base components that the project cannot change, each with
 * its reason. Only these exact (rule, component) pairs are set aside; everything else fails.
 */
export const BASE_COMPONENT_FINDINGS: { rule: string; inside: string; why: string }[] = [
  {
    rule: 'target-size',
    inside: 'lightning-datepicker',
    why: 'lightning-input type=date draws its calendar button 16 px square; typing the date in the field is the full-size alternative'
  },
  {
    rule: 'label',
    inside: 'lightning-timepicker',
    why: "lightning-input type=datetime: the time combobox gets its name from a <label for> in lightning-timepicker's template, which is outside lightning-base-combobox's (synthetic) shadow tree where axe looks; the visible label Time is drawn above it"
  },
  {
    rule: 'label-title-only',
    inside: 'lightning-timepicker',
    why: 'the same time combobox: axe sees only its title; its visible label Time is drawn above it (the entry above)'
  }
];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** A readable description of the element that has keyboard focus, through shadow roots. */
export interface Focus {
  tag: string;
  text: string;
  label: string;
  dataId: string;
  role: string;
}

export interface Shot {
  name: string;
  path: string;
  caption: string;
  /** A walkthrough frame (the viewport as the user sees it), not a full-page picture. */
  frame?: boolean;
}

export interface JourneyContext {
  page: Page;
  server: FakeServer;
  width: number;
  /** Loads the harness page and mounts a component with its public properties. */
  open(tag: string, props?: Record<string, unknown>, title?: string): Promise<void>;
  /** One user-visible step; failures name it. */
  step(name: string, body: () => Promise<void>): Promise<void>;
  /** Scans the page with axe-core; any violation fails the journey. */
  axe(state: string): Promise<void>;
  /** A full-page screenshot, kept for the report, the docs and the walkthroughs. */
  shot(name: string, caption?: string): Promise<Shot>;
  /**
   * One step of the persona walkthroughs (scripts/browser/lib/walkthrough.ts): the viewport as
   * the user sees it, scrolled to `at` when given, with the caption the walkthrough shows.
   */
  frame(caption: string, at?: Locator): Promise<Shot>;
  /** Waits until the locator's text matches (trimmed, whitespace collapsed). */
  expectText(locator: Locator, expected: string | RegExp, timeout?: number): Promise<void>;
  /** The focused element, through shadow roots. */
  focused(): Promise<Focus>;
  /** Presses Tab until `match` has focus (at most `limit` times); returns how many presses. */
  tabTo(match: (focus: Focus) => boolean, limit?: number, key?: string): Promise<number>;
  /**
   * Runs a page-side helper of `window.harness` (scripts/browser/app/main.ts, typed for the
   * browser) on the elements a locator matches: `inPage(locator, 'data', 'tile')`.
   */
  inPage<T>(locator: Locator, helper: string, ...args: unknown[]): Promise<T>;
  /** Fails when the page scrolls sideways (its content is wider than the viewport). */
  fitsWidth(): Promise<void>;
  /** Waits until a condition in Node holds (polling). */
  until(what: string, condition: () => boolean | Promise<boolean>, timeout?: number): Promise<void>;
}

export interface Journey {
  name: string;
  /** Viewport widths to run at; default 390, 768 and 1280 px. */
  widths?: number[];
  /** Custom permissions the user holds (`@salesforce/customPermission/*`). */
  permissions?: string[];
  run(t: JourneyContext): Promise<void>;
}

export const WIDTHS = [390, 768, 1280];

/** Collapses whitespace as a reader sees text. */
export function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

export interface ContextOptions {
  page: Page;
  server: FakeServer;
  width: number;
  baseUrl: string;
  shotDir: string;
  shots: Shot[];
  scanned: string[];
  steps: string[];
}

export function journeyContext(options: ContextOptions): JourneyContext {
  const { page, server, width, baseUrl, shotDir, shots, scanned, steps } = options;
  let shotIndex = 0;

  // Page-side helpers live in the page (scripts/browser/app/main.ts), typed for the browser.
  const focused = async (): Promise<Focus> => page.evaluate<Focus>('window.harness.focused()');

  const context: JourneyContext = {
    page,
    server,
    width,
    async open(tag, props = {}, title = 'Handoff') {
      await page.goto(`${baseUrl}/?title=${encodeURIComponent(title)}`);
      await page.waitForFunction('document.documentElement.dataset.harness === "ready"', null, {
        timeout: 10_000
      });
      await page.evaluate(`window.harness.mount(${JSON.stringify(tag)}, ${JSON.stringify(props)})`);
    },
    async step(name, body) {
      steps.push(name);
      try {
        await body();
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`step "${name}": ${message}`, { cause: error });
      }
    },
    async axe(state) {
      await page.evaluate(AXE_SOURCE);
      const options = { runOnly: { type: 'tag', values: AXE_TAGS }, resultTypes: ['violations'] };
      const found = await page.evaluate<AxeViolation[]>(
        `window.axe.run(document, ${JSON.stringify(options)}).then((result) => result.violations)`
      );
      const violations = found
        .map((v) => ({
          ...v,
          nodes: v.nodes.filter(
            (n) =>
              !BASE_COMPONENT_FINDINGS.some(
                (k) =>
                  k.rule === v.id &&
                  (n.target.flat(3) as unknown[]).some(
                    (part) =>
                      typeof part === 'string' &&
                      (part === k.inside || part.startsWith(`${k.inside}[`))
                  )
              )
          )
        }))
        .filter((v) => v.nodes.length > 0);
      scanned.push(state);
      if (violations.length) {
        const shot = await context.shot(`axe-${state}`);
        const lines = violations.map(
          (v) =>
            `  ${v.id} (${v.impact}): ${v.help}\n` +
            v.nodes
              .slice(0, 5)
              .map(
                (n) =>
                  `    at ${JSON.stringify(n.target)}${n.failureSummary ? `: ${clean(n.failureSummary)}` : ''}`
              )
              .join('\n')
        );
        throw new Error(
          `axe found ${violations.length} violation(s) in state "${state}" (screenshot ${shot.path}):\n${lines.join('\n')}`
        );
      }
    },
    async shot(name, caption = '') {
      mkdirSync(shotDir, { recursive: true });
      shotIndex++;
      const path = join(shotDir, `${String(shotIndex).padStart(2, '0')}-${name}.png`);
      await page.screenshot({ path, fullPage: true, animations: 'disabled' });
      const shot = { name, path, caption };
      shots.push(shot);
      return shot;
    },
    async frame(caption, at) {
      if (at) {
        await at
          .first()
          .evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'nearest' }));
      }
      mkdirSync(shotDir, { recursive: true });
      shotIndex++;
      const path = join(shotDir, `${String(shotIndex).padStart(2, '0')}-frame.png`);
      await page.screenshot({ path, animations: 'disabled' });
      const shot = { name: 'frame', path, caption, frame: true };
      shots.push(shot);
      return shot;
    },
    async expectText(locator, expected, timeout = 5000) {
      const deadline = Date.now() + timeout;
      let last = '';
      for (;;) {
        last = clean(
          await locator
            .first()
            .textContent({ timeout: 1000 })
            .catch(() => '')
        );
        const ok = typeof expected === 'string' ? last === expected : expected.test(last);
        if (ok) {
          return;
        }
        if (Date.now() > deadline) {
          throw new Error(`expected text ${String(expected)}, saw "${last}"`);
        }
        await page.waitForTimeout(50);
      }
    },
    focused,
    async tabTo(match, limit = 40, key = 'Tab') {
      for (let presses = 1; presses <= limit; presses++) {
        await page.keyboard.press(key);
        if (match(await focused())) {
          return presses;
        }
      }
      const now = await focused();
      throw new Error(
        `focus never reached the target in ${limit} ${key} presses; ends on ${JSON.stringify(now)}`
      );
    },
    async inPage<T>(locator: Locator, helper: string, ...args: unknown[]): Promise<T> {
      // A function, not a string: Playwright evaluates a string as an expression, and an arrow
      // function's text would come back as the function itself (serialised as undefined).
      return (await locator.evaluateAll(
        (elements, [name, rest]) =>
          (
            globalThis as unknown as {
              harness: Record<string, (elements: unknown[], ...args: unknown[]) => unknown>;
            }
          ).harness[name](elements, ...rest),
        [helper, args] as const
      )) as T;
    },
    async fitsWidth() {
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth'
      );
      if (overflow > 0) {
        const shot = await context.shot('overflow');
        const culprits = await page.evaluate<string[]>('window.harness.overflowing()');
        throw new Error(
          `the page is ${overflow} px wider than the ${width} px viewport (screenshot ${shot.path}); past the edge: ${culprits.join(', ')}`
        );
      }
    },
    async until(what, condition, timeout = 5000) {
      const deadline = Date.now() + timeout;
      while (!(await condition())) {
        if (Date.now() > deadline) {
          throw new Error(`timed out waiting for ${what}`);
        }
        await page.waitForTimeout(50);
      }
    }
  };
  return context;
}
