/**
 * The page's side of the harness bridge: every server call a stand-in makes (an Apex method, an
 * LDS wire adapter) goes to the journey running in Node through one Playwright binding,
 * `__harnessCall`, which answers with data or an error exactly as the platform would hand it
 * to the component. Nothing here decides an answer: the journey's fake server does.
 */

/** What the Node side answers: the data, or an error shaped like the platform's. */
export type Reply = { data: unknown } | { error: unknown };

type HarnessCall = (kind: string, name: string, payload: unknown) => Promise<Reply>;

interface HarnessWindow {
  __harnessCall?: HarnessCall;
}

/** Asks the journey for the answer to one server call. */
export function call(kind: string, name: string, payload: unknown): Promise<Reply> {
  const bridge = (window as unknown as HarnessWindow).__harnessCall;
  if (!bridge) {
    return Promise.reject(
      new Error(`harness bridge missing: ${kind} ${name} was called outside a journey`)
    );
  }
  return bridge(kind, name, payload);
}

/**
 * Freezes a value deeply, as Lightning Data Service and Apex wires hand data to components: a
 * component that mutates wired data fails here as it would in an org.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) {
      deepFreeze((value as Record<string, unknown>)[key]);
    }
  }
  return value;
}
