/**
 * A wire adapter whose values come from the journey's fake server (Lightning Data Service
 * stand-ins). Values are frozen as LDS hands them out; a reply to an older config is dropped.
 */
import { call, deepFreeze, type Reply } from './bridge';

export interface WiredValue {
  data: unknown;
  error: unknown;
}

type DataCallback = (value: WiredValue) => void;

/**
 * The live wires of every stand-in adapter (LDS and Apex alike): notifyRecordUpdateAvailable
 * re-requests the getRecord ones, refreshApex finds the one that handed out a value.
 */
export const liveWires = new Set<ServerWire>();

/** One `@wire` of a component, answered on the bridge as `kind`/`name`. */
export class ServerWire {
  readonly kind: string;
  readonly name: string;
  private readonly callback: DataCallback;
  private readonly prepare: (config: Record<string, unknown>) => unknown;
  config: Record<string, unknown> = {};
  /** The last value handed to the component (refreshApex is called with it). */
  last: WiredValue | undefined;
  private sequence = 0;

  constructor(
    kind: string,
    name: string,
    callback: DataCallback,
    prepare: (config: Record<string, unknown>) => unknown
  ) {
    this.kind = kind;
    this.name = name;
    this.callback = callback;
    this.prepare = prepare;
  }

  connect(): void {
    liveWires.add(this);
  }

  disconnect(): void {
    liveWires.delete(this);
    this.sequence++;
  }

  update(config: Record<string, unknown>): void {
    this.config = config ?? {};
    // The platform does not fetch while a reactive parameter is still undefined (null is sent).
    if (Object.values(this.config).some((value) => value === undefined)) {
      return;
    }
    void this.request().catch(() => undefined);
  }

  /** Asks the server; a reply to an older config is dropped, as Lightning Data Service does. */
  async request(): Promise<WiredValue> {
    const sequence = ++this.sequence;
    const reply: Reply = await call(this.kind, this.name, this.prepare(this.config));
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

/** Schema imports (`{ objectApiName, fieldApiName }`) as the API names LDS sends on the wire. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(normalise);
  }
  if (value && typeof value === 'object') {
    const ref = value as { objectApiName?: string; fieldApiName?: string };
    if (typeof ref.objectApiName === 'string' && Object.keys(ref).length <= 2) {
      return ref.fieldApiName ? `${ref.objectApiName}.${ref.fieldApiName}` : ref.objectApiName;
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
  }
  return value;
}

/**
 * An adapter class for `@wire(adapter, config)`, answered on the bridge as `kind`/`name`;
 * `prepare` turns the component's config into what the server is sent.
 */
export function wireAdapter(
  kind: string,
  name: string,
  prepare: (config: Record<string, unknown>) => unknown = (config) => config
): new (callback: DataCallback) => unknown {
  return class {
    private readonly wire: ServerWire;
    constructor(callback: DataCallback) {
      this.wire = new ServerWire(kind, name, callback, prepare);
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
  };
}

/** A Lightning Data Service adapter named `name` on the bridge (schema imports as API names). */
export function serverAdapter(name: string): new (callback: DataCallback) => unknown {
  return wireAdapter('lds', name, normalise);
}
