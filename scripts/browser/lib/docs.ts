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

/** The pictures the guides use. */
export const DOC_IMAGES: DocImage[] = [];

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
