/**
 * Queries for jsdom tests of components built from child components: each child renders in its
 * own shadow root, which `shadowRoot.querySelector` does not enter. These search a component's
 * shadow tree and, recursively, the shadow trees of every element in it, in document order
 * (an element before the content of its own shadow tree).
 */

/** Every element matching `selector` in `root` and the shadow trees below it. */
export function deepQueryAll<E extends Element = HTMLElement>(
  root: ParentNode | null | undefined,
  selector: string
): E[] {
  const found: E[] = [];
  if (!root) {
    return found;
  }
  for (const element of Array.from(root.querySelectorAll('*'))) {
    if (element.matches(selector)) {
      found.push(element as E);
    }
    if (element.shadowRoot) {
      found.push(...deepQueryAll<E>(element.shadowRoot, selector));
    }
  }
  return found;
}

/** The first element matching `selector` in `root` and the shadow trees below it, or null. */
export function deepQuery<E extends Element = HTMLElement>(
  root: ParentNode | null | undefined,
  selector: string
): E | null {
  return deepQueryAll<E>(root, selector)[0] ?? null;
}

/** The element an ARIA id reference points at, in the shadow root that holds `from`. */
export function byIdRef(from: Element | null | undefined, attribute: string): Element | null {
  const id = from?.getAttribute(attribute);
  const root = from?.getRootNode() as ParentNode | undefined;
  return id && root ? root.querySelector(`[id="${id}"]`) : null;
}

/** The deepest focused element: follows `activeElement` through shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) {
    active = active.shadowRoot.activeElement;
  }
  return active;
}
