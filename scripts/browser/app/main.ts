/**
 * The harness page: the real LWC engine with synthetic shadow (as Lightning Experience runs
 * components), the project's components as compiled for deploy, and `window.harness`, which a
 * journey uses to mount a component with its public properties. Toasts a component fires
 * (lightning/platformShowToastEvent) are shown as SLDS toasts, as the one Experience shell
 * would, and kept for assertions.
 */
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import HandoffMyHandoffs from 'c/handoffMyHandoffs';
import HandoffMetricsDashboard from 'c/handoffMetricsDashboard';
import HandoffPanel from 'c/handoffPanel';
import HandoffIntakeChecklist from 'c/handoffIntakeChecklist';
import HandoffSetup from 'c/handoffSetup';
// A child mounted alone: its journey covers the states its parents' fixtures do not reach.
import HandoffFirstTimeGuide from 'c/handoffFirstTimeGuide';
import HandoffGoLive from 'c/handoffGoLive';
import HandoffBeforeAfter from 'c/handoffBeforeAfter';

interface Toast {
  title: string;
  message?: string;
  variant?: string;
}

const COMPONENTS: Record<string, unknown> = {
  'c-handoff-my-handoffs': HandoffMyHandoffs,
  'c-handoff-metrics-dashboard': HandoffMetricsDashboard,
  'c-handoff-panel': HandoffPanel,
  'c-handoff-intake-checklist': HandoffIntakeChecklist,
  'c-handoff-setup': HandoffSetup,
  'c-handoff-first-time-guide': HandoffFirstTimeGuide,
  'c-handoff-go-live': HandoffGoLive,
  'c-handoff-before-after': HandoffBeforeAfter
};

const toasts: Toast[] = [];

interface ChartMeasure {
  key: string;
  canvas: number;
  svgWidth: number;
  svgHeight: number;
  fontSizes: string[];
  labels: number;
  overlaps: string[];
  flags: string[];
}

/**
 * For each chart figure: the canvas width and the SVG's drawn size, the font sizes of its text,
 * how many value labels it draws, which labels of one kind overlap, and which months carry "!".
 */
function measureCharts(figures: Element[]): ChartMeasure[] {
  return figures.map((figure) => {
    const svg = figure.querySelector('svg') as SVGSVGElement;
    const canvas = figure.querySelector('[data-id="chart-canvas"]') as HTMLElement;
    const texts = Array.from(figure.querySelectorAll('text.bar__label, text.axis__label'));
    const boxes = texts.map((node) => ({
      text: node.textContent?.trim() ?? '',
      kind: node.getAttribute('class') ?? '',
      box: node.getBoundingClientRect()
    }));
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].box;
        const b = boxes[j].box;
        const apart =
          a.right - 0.5 <= b.left ||
          b.right - 0.5 <= a.left ||
          a.bottom - 0.5 <= b.top ||
          b.bottom - 0.5 <= a.top;
        if (boxes[i].kind === boxes[j].kind && !apart) {
          overlaps.push(`"${boxes[i].text}" and "${boxes[j].text}"`);
        }
      }
    }
    const rect = svg.getBoundingClientRect();
    return {
      key: (figure as HTMLElement).dataset.chart ?? '',
      canvas: canvas.clientWidth,
      svgWidth: Math.round(rect.width),
      svgHeight: Math.round(rect.height),
      fontSizes: [...new Set(texts.map((node) => getComputedStyle(node).fontSize))],
      labels: figure.querySelectorAll('text.bar__label').length,
      overlaps,
      flags: Array.from(figure.querySelectorAll('text.bar__flag')).map(
        (node) => (node.parentElement as HTMLElement | null)?.dataset.bar ?? ''
      )
    };
  });
}

function showToast(toast: Toast): void {
  toasts.push(toast);
  const region = document.getElementById('toasts') as HTMLElement;
  const variant = toast.variant ?? 'info';
  const box = document.createElement('div');
  box.className = `slds-notify slds-notify_toast slds-theme_${variant}`;
  box.setAttribute('role', 'status');
  box.dataset.toast = variant;
  const body = document.createElement('div');
  body.className = 'slds-notify__content';
  const title = document.createElement('h2');
  title.className = 'slds-text-heading_small';
  title.textContent = toast.title;
  body.appendChild(title);
  if (toast.message) {
    const message = document.createElement('p');
    message.textContent = toast.message;
    body.appendChild(message);
  }
  box.appendChild(body);
  region.appendChild(box);
}

document.addEventListener('lightning__showtoast', (event) => {
  showToast((event as CustomEvent<Toast>).detail);
});

const harness = {
  /** Mounts a component (by tag) in the page's main region with the given public properties. */
  mount(tag: string, props: Record<string, unknown> = {}): void {
    const is = COMPONENTS[tag];
    if (!is) {
      throw new Error(`harness: no component ${tag}; known: ${Object.keys(COMPONENTS).join(', ')}`);
    }
    const element = createElement(tag, { is: is as never });
    Object.assign(element, props);
    const root = document.getElementById('root') as HTMLElement;
    root.replaceChildren(element);
  },
  /** The element that has keyboard focus, through (synthetic) shadow roots. */
  focused(): { tag: string; text: string; label: string; dataId: string; role: string } {
    let element: Element | null = document.activeElement;
    while (element && element.shadowRoot && element.shadowRoot.activeElement) {
      element = element.shadowRoot.activeElement;
    }
    const el = element as HTMLElement | null;
    return {
      tag: el ? el.tagName.toLowerCase() : '',
      text: el ? (el.innerText || el.textContent || '').replace(/\s+/g, ' ').trim() : '',
      label: el ? (el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '') : '',
      dataId: el ? (el.getAttribute('data-id') ?? el.getAttribute('data-action') ?? '') : '',
      role: el ? (el.getAttribute('role') ?? '') : ''
    };
  },
  /** Each element's `data-<key>` (camelCase key), for journeys reading an order or a set. */
  data(elements: Element[], key: string): string[] {
    return elements.map((e) => (e as HTMLElement).dataset[key] ?? '');
  },
  /** Each element's text (or that of its first `inner` match), whitespace collapsed. */
  text(elements: Element[], inner = ''): string[] {
    return elements.map((e) =>
      ((inner ? e.querySelector(inner) : e)?.textContent ?? '').replace(/\s+/g, ' ').trim()
    );
  },
  /** Each element's attribute `name` ('' when absent). */
  attribute(elements: Element[], name: string): string[] {
    return elements.map((e) => e.getAttribute(name) ?? '');
  },
  /**
   * The elements (through shadow roots) that reach past the viewport's right edge, innermost
   * first, for a journey's message when the page scrolls sideways.
   */
  overflowing(): string[] {
    const limit = document.documentElement.clientWidth;
    const found: string[] = [];
    const visit = (element: Element): boolean => {
      let inner = false;
      const children = [
        ...Array.from(element.shadowRoot ? element.shadowRoot.children : []),
        ...Array.from(element.children)
      ];
      for (const child of children) {
        inner = visit(child) || inner;
      }
      const box = element.getBoundingClientRect();
      if (!inner && box.width > 0 && box.right > limit + 0.5) {
        const id = element.getAttribute('data-id') ?? element.getAttribute('class') ?? '';
        found.push(`${element.tagName.toLowerCase()}[${id}] right=${Math.round(box.right)}`);
        return true;
      }
      return inner;
    };
    visit(document.body);
    return found.slice(0, 8);
  },
  /**
   * An icon button's drawn colours: its icon's fill and the first opaque background behind it
   * (a white icon on a white header is an invisible button).
   */
  iconColours(elements: Element[]): { fill: string; background: string }[] {
    return elements.map((button) => {
      const svg = button.querySelector('svg');
      let background = 'rgba(0, 0, 0, 0)';
      for (
        let e: Element | null = button;
        e && (background === 'rgba(0, 0, 0, 0)' || background === 'transparent');
        e = e.parentElement
      ) {
        background = getComputedStyle(e).backgroundColor;
      }
      return { fill: svg ? getComputedStyle(svg).fill : '', background };
    });
  },
  /**
   * For each form row: its field label (`[data-id="field-label"]`), how many elements show that
   * text on screen (through shadow roots; text kept for assistive technology only, as
   * `.slds-assistive-text`, does not count) and the accessible name of its control (aria-label,
   * aria-labelledby or its `<label>`s), so a journey can assert one visible label and a named control.
   */
  fieldLabels(
    rows: Element[]
  ): { label: string; visible: number; hasControl: boolean; controlName: string }[] {
    const shown = (e: Element): boolean => {
      if (e.closest('.slds-assistive-text')) {
        return false;
      }
      const style = getComputedStyle(e);
      const box = e.getBoundingClientRect();
      return (
        style.visibility !== 'hidden' && style.display !== 'none' && box.width > 1 && box.height > 1
      );
    };
    const all = (root: Element): Element[] => {
      const children = [
        ...Array.from(root.shadowRoot ? root.shadowRoot.children : []),
        ...Array.from(root.children)
      ];
      return [root, ...children.flatMap(all)];
    };
    const ownText = (e: Element): string =>
      Array.from(e.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
    return rows.map((row) => {
      const label = (row.querySelector('[data-id="field-label"]')?.textContent ?? '').trim();
      const elements = all(row);
      const visible = elements.filter((e) => ownText(e) === label && shown(e)).length;
      const control = elements.find(
        (e) =>
          ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.tagName) ||
          e.getAttribute('role') === 'combobox'
      ) as HTMLInputElement | undefined;
      const byLabels = control?.labels
        ? Array.from(control.labels)
            .map((l) => l.textContent ?? '')
            .join(' ')
        : '';
      const root = control?.getRootNode() as Document | ShadowRoot | undefined;
      const byIds = (control?.getAttribute('aria-labelledby') ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => root?.getElementById(id)?.textContent ?? '')
        .join(' ');
      const controlName = (control?.getAttribute('aria-label') ?? (byIds || byLabels))
        .replace(/\s+/g, ' ')
        .trim();
      return { label, visible, hasControl: control !== undefined, controlName };
    });
  },
  /** Measures dashboard charts as drawn (see journeys/dashboard.journey.ts). */
  measureCharts,
  /** Removes the mounted component (its wires disconnect). */
  unmount(): void {
    (document.getElementById('root') as HTMLElement).replaceChildren();
  },
  toasts
};

(window as unknown as { harness: typeof harness }).harness = harness;
document.documentElement.dataset.harness = 'ready';
