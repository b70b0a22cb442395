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

/** The live wires of every stand-in adapter, to re-request after notifyRecordUpdateAvailable. */
export const liveWires = new Set<ServerWire>();

export class ServerWire {
  readonly name: string;
  private readonly callback: DataCallback;
  config: Record<string, unknown> = {};
  private sequence = 0;

  constructor(name: string, callback: DataCallback) {
    this.name = name;
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
    // LDS does not fetch while a reactive parameter is still undefined.
    if (Object.values(config ?? {}).some((value) => value === undefined)) {
      return;
    }
    void this.request();
  }

  async request(): Promise<void> {
    const sequence = ++this.sequence;
    const reply: Reply = await call('lds', this.name, normalise(this.config));
    if (sequence !== this.sequence) {
      return;
    }
    this.callback(
      deepFreeze(
        'error' in reply
          ? { data: undefined, error: reply.error }
          : { data: reply.data, error: undefined }
      )
    );
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

/** An adapter class for `@wire(adapter, config)` named `name` on the bridge. */
export function serverAdapter(name: string): new (callback: DataCallback) => unknown {
  return class {
    private readonly wire: ServerWire;
    constructor(callback: DataCallback) {
      this.wire = new ServerWire(name, callback);
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
