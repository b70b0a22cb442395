/**
 * Stand-in for `@salesforce/apex/<Class>.<method>` and `@salesforce/apex` (refreshApex), which
 * Salesforce does not publish. An imported Apex method is, as on the platform, both a function
 * (imperative call: a promise of the result, rejected with `{ body: { message }, status }`) and a
 * wire adapter (`@wire(method, config)`: `{ data, error }`, frozen). Each call goes to the
 * journey's fake server through the bridge; refreshApex asks again for the wired value it is
 * given and resolves once the new value was handed to the component.
 */
import { call, deepFreeze, type Reply } from './bridge';

interface WiredValue {
  data: unknown;
  error: unknown;
}

type DataCallback = (value: WiredValue) => void;

/** The wires alive on the page, to find the one a refreshApex(value) call refers to. */
const liveWires = new Set<ApexWire>();

class ApexWire {
  private readonly method: string;
  private readonly callback: DataCallback;
  private config: Record<string, unknown> | undefined;
  private sequence = 0;
  /** The last value handed to the component (refreshApex is called with it). */
  last: WiredValue | undefined;

  constructor(method: string, callback: DataCallback) {
    this.method = method;
    this.callback = callback;
  }

  connect(): void {
    liveWires.add(this);
  }

  disconnect(): void {
    liveWires.delete(this);
    this.sequence++;
  }

  update(config: Record<string, unknown>): void {
    this.config = config;
    // The platform does not call the method while a parameter is undefined (null is sent).
    if (Object.values(config ?? {}).some((value) => value === undefined)) {
      return;
    }
    void this.request().catch(() => undefined);
  }

  /** Asks the server; a reply to an older config is dropped, as Lightning Data Service does. */
  async request(): Promise<WiredValue> {
    const sequence = ++this.sequence;
    const reply: Reply = await call('apex-wire', this.method, this.config ?? {});
    const value: WiredValue = deepFreeze(
      'error' in reply
        ? { data: undefined, error: reply.error }
        : { data: reply.data, error: undefined }
    );
    if (sequence === this.sequence) {
      this.last = value;
      this.callback(value);
    }
    return value;
  }
}

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
    adapter: class {
      private readonly wire: ApexWire;
      constructor(callback: DataCallback) {
        this.wire = new ApexWire(method, callback);
      }
      connect(): void {
        this.wire.connect();
      }
      disconnect(): void {
        this.wire.disconnect();
      }
      update(config: Record<string, unknown>): void {
        this.wire.update(config);
      }
    }
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
