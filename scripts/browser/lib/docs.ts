/**
 * The guides' pictures, taken from the journeys' screenshots (so they match the product by
 * construction): which screenshot of which journey at which width becomes which file in
 * docs/images/.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './build.ts';
import type { Shot } from './harness.ts';

export const IMAGES = join(ROOT, 'docs', 'images');

export interface JourneyShots {
  journey: string;
  width: number;
  shots: Shot[];
}

interface DocImage {
  file: string;
  journey: string;
  width: number;
  shot: string;
}

const DASHBOARD = 'Dashboard: a leader reads the flags, filters, drills through and sorts';
const MY_HANDOFFS = 'My Handoffs: a CSM reads and refreshes the groups';
const PANEL = 'Panel: an AE fills the handoff, saves, asks for an exception and reads the summary';
const PANEL_CLOSED = 'Panel: after close — on track, breached, paused';
const INTAKE = 'Intake: a CSM verifies the open items and accepts';
const INTAKE_RETURN = 'Intake: a CSM returns a handoff to Sales with reasons';

/**
 * The pictures the guides use: the dashboard at desktop width, the panel at 390 px (close to
 * the record page's side column, where it lives), My Handoffs and the checklist at tablet and
 * desktop widths.
 */
export const DOC_IMAGES: DocImage[] = [
  { file: 'dashboard.png', journey: DASHBOARD, width: 1280, shot: 'dashboard' },
  { file: 'panel.png', journey: PANEL, width: 390, shot: 'panel' },
  { file: 'panel-exception-refused.png', journey: PANEL, width: 768, shot: 'exception-refused' },
  { file: 'panel-closed.png', journey: PANEL_CLOSED, width: 390, shot: 'closed' },
  { file: 'my-handoffs.png', journey: MY_HANDOFFS, width: 768, shot: 'groups' },
  { file: 'intake-checklist.png', journey: INTAKE, width: 1280, shot: 'intake' },
  { file: 'intake-return.png', journey: INTAKE_RETURN, width: 768, shot: 'return' }
];

/** Copies each picture from its journey's screenshot; a missing screenshot is an error. */
export function writeDocImages(runs: JourneyShots[]): string[] {
  mkdirSync(IMAGES, { recursive: true });
  return DOC_IMAGES.map((image) => {
    const run = runs.find((r) => r.journey === image.journey && r.width === image.width);
    const shot = run?.shots.find((s) => s.name === image.shot);
    if (!shot) {
      throw new Error(
        `docs/images/${image.file}: journey "${image.journey}" at ${image.width}px took no screenshot "${image.shot}"`
      );
    }
    copyFileSync(shot.path, join(IMAGES, image.file));
    return `wrote docs/images/${image.file}`;
  });
}
