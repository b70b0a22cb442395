/**
 * Type declarations for the Lightning platform modules the LWC TypeScript sources import and
 * that no installed package types (@salesforce/lightning-types covers base components only).
 * Shared by every component: add a module here once rather than per component.
 */

/**
 * `lwc` resolves (tsconfig `paths`) to @lwc/engine-dom, whose declarations re-export the
 * component base class and decorators from @lwc/engine-core, a package npm does not install
 * (a devDependency of engine-dom; its code is bundled into engine-dom). These are the parts the
 * components use, with the shapes of @lwc/engine-core 8.
 */
declare module '@lwc/engine-core' {
  export class LightningElement {
    constructor();
    /** The component's shadow root (LWC restricts it to querying and events). */
    readonly template: ShadowRoot;
    readonly refs: Record<string, Element | undefined>;
    readonly hostElement: Element;
    readonly classList: DOMTokenList;
    dispatchEvent(event: Event): boolean;
    addEventListener(type: string, listener: EventListenerOrEventListenerObject): void;
    removeEventListener(type: string, listener: EventListenerOrEventListenerObject): void;
    getAttribute(name: string): string | null;
    setAttribute(name: string, value: string): void;
    querySelector<E extends Element = Element>(selectors: string): E | null;
    querySelectorAll<E extends Element = Element>(selectors: string): NodeListOf<E>;
  }
  /** Marks a public property or method. */
  export function api(value: unknown, context: DecoratorContext): void;
  /** Marks a deeply reactive field. */
  export function track(value: unknown, context: DecoratorContext): void;
  /** Provisions data from a wire adapter to a field or method. */
  export function wire(
    adapter: unknown,
    config?: Record<string, unknown>
  ): (value: unknown, context: DecoratorContext) => void;
  export type WireAdapterConstructor = new (...args: unknown[]) => unknown;
}

declare module '@salesforce/schema/*' {
  /** An object (`Opportunity`) or field (`Opportunity.Amount`, `Opportunity.Account.Name`). */
  const schemaReference: { objectApiName: string; fieldApiName: string };
  export default schemaReference;
}

declare module '@salesforce/i18n/locale' {
  /** The user's locale, e.g. `en-US`. */
  const locale: string;
  export default locale;
}

declare module '@salesforce/i18n/timeZone' {
  /** The user's time zone, e.g. `America/Los_Angeles`. */
  const timeZone: string;
  export default timeZone;
}

declare module '@salesforce/apex' {
  /** Refreshes the value a wired Apex method provisioned. */
  export function refreshApex(wiredValue: unknown): Promise<void>;
}

declare module 'lightning/uiRecordApi' {
  /** Wire adapter: one record's fields. */
  export function getRecord(config: unknown): unknown;
  /** Tells Lightning Data Service that records changed on the server. */
  export function notifyRecordUpdateAvailable(items: { recordId: string }[]): Promise<void>;
}

declare module 'lightning/uiObjectInfoApi' {
  /** Wire adapter: an object's metadata (field labels, types, access). */
  export function getObjectInfo(config: unknown): unknown;
}

declare module 'lightning/platformShowToastEvent' {
  /** Shows a toast in Lightning Experience and the Salesforce mobile app. */
  export class ShowToastEvent extends CustomEvent<unknown> {
    constructor(init: {
      title: string;
      message?: string;
      variant?: 'info' | 'success' | 'warning' | 'error';
      mode?: 'dismissible' | 'pester' | 'sticky';
    });
  }
}
