/**
 * Jest runs each test file in a vm context whose `Symbol` lacks Node's `Symbol.dispose`
 * (Node 22 adds it to the main realm only). undici 8 — jsforce's HTTP client — disposes abort
 * listeners with `listener[Symbol.dispose]` and fails with "removeAbortListener is not a
 * function" without it. This gives the test realm the host's symbol; importing it is enough.
 */
import { addAbortListener } from 'node:events';

if (typeof Symbol.dispose !== 'symbol') {
  const disposable = addAbortListener(
    new AbortController().signal,
    () => undefined
  ) as unknown as object;
  const [dispose] = Object.getOwnPropertySymbols(disposable);
  Object.defineProperty(Symbol, 'dispose', { value: dispose });
}
