/**
 * Stand-in for `@salesforce/apex/<Class>.<method>` and `@salesforce/apex` (refreshApex), which
 * Salesforce does not publish. An imported Apex method is, as on the platform, both a function
 * (imperative call: a promise of the result, rejected with `{ body: { message }, status }`) and a
 * wire adapter (`@wire(method, config)`: `{ data, error }`, frozen). Each call goes to the
 * journey's fake server through the bridge; refreshApex asks again for the wired value it is
 * given and resolves once the new value was handed to the component.
 */
import { call } from './bridge';
import { liveWires, wireAdapter } from './wire';

/** The module `@salesforce/apex/<method>` exports: a callable wire adapter. */
export function apexMethod(method: string): unknown {
  const imperative = async (params?: Record<string, unknown>): Promise<unknown> => {
    const reply = await call('apex', method, params ?? {});
    if ('error' in reply) {
      throw reply.error;
    }
    return reply.data;
  };
  return Object.assign(imperative, {
    adapter: wireAdapter('apex-wire', method)
  });
}

/**
 * refreshApex: asks the server again for the wire that provided `wiredValue`; rejects with the
 * server's error after handing it to the component, as the platform does.
 */
export async function refreshApex(wiredValue: unknown): Promise<void> {
  const wire = [...liveWires].find((w) => w.last !== undefined && w.last === wiredValue);
  if (!wire) {
    throw new Error('refreshApex: the value given is not the latest value of a live Apex wire');
  }
  const value = await wire.request();
  if (value.error !== undefined) {
    throw value.error;
  }
}
