/**
 * Renders the persona walkthroughs (walkthroughs.ts) from a harness run: each frame becomes a
 * slide (the step number and caption above the screen as the user saw it), drawn by the same
 * Chromium; ffmpeg joins the slides, each held long enough to read, into an animated GIF (plays
 * inline in the guides) and an MP4 (for training sessions and a learning platform). The
 * transcript beside them lists the captions as text, for search and screen readers.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT } from './build.ts';
import {
  WALKTHROUGHS,
  WALKTHROUGH_DIR,
  slideSeconds,
  transcript,
  type Frame,
  type Walkthrough
} from './walkthroughs.ts';
import type { Shot } from './harness.ts';

export interface RunFrames {
  journey: string;
  width: number;
  shots: Shot[];
}

const CAPTION_HEIGHT = 120;

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`
  );
}

/** The frames of one walkthrough, in journey order; a journey that took none is an error. */
export function framesOf(walkthrough: Walkthrough, runs: RunFrames[]): Frame[] {
  return walkthrough.journeys.flatMap((journey) => {
    const run = runs.find((r) => r.journey === journey.name && r.width === walkthrough.width);
    const frames = (run?.shots ?? []).filter((shot) => shot.frame);
    if (!frames.length) {
      throw new Error(
        `walkthrough ${walkthrough.id}: journey "${journey.name}" took no frame at ${walkthrough.width}px`
      );
    }
    return frames.map((shot) => ({ caption: shot.caption, path: shot.path }));
  });
}

function ffmpeg(args: string[]): void {
  const result = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], {
    encoding: 'utf8'
  });
  if (result.error) {
    throw new Error(
      `ffmpeg is needed for the walkthroughs (Debian: apt-get install -y ffmpeg): ${result.error.message}`
    );
  }
  if (result.status !== 0) {
    throw new Error(`ffmpeg failed: ${result.stderr.trim()}`);
  }
}

async function drawSlides(
  browser: Browser,
  walkthrough: Walkthrough,
  frames: Frame[],
  dir: string
): Promise<string[]> {
  const page = await browser.newPage({
    viewport: { width: walkthrough.width, height: 900 + CAPTION_HEIGHT },
    deviceScaleFactor: 1
  });
  const slides: string[] = [];
  try {
    for (const [index, frame] of frames.entries()) {
      const image = readFileSync(frame.path).toString('base64');
      await page.setContent(`<!doctype html><html lang="en"><head><style>
        body { margin: 0; font-family: 'Salesforce Sans', Arial, Helvetica, sans-serif; background: #f3f3f3; }
        header { box-sizing: border-box; height: ${CAPTION_HEIGHT}px; padding: 14px 20px; background: #032d60; color: #fff; }
        .step { font-size: 14px; letter-spacing: .04em; text-transform: uppercase; opacity: .85; }
        .caption { font-size: 21px; line-height: 1.3; margin-top: 6px; }
        img { display: block; width: ${walkthrough.width}px; height: 900px; }
      </style></head><body>
        <header><div class="step">${escapeHtml(walkthrough.title)} · Step ${index + 1} of ${frames.length}</div>
        <div class="caption">${escapeHtml(frame.caption)}</div></header>
        <img alt="" src="data:image/png;base64,${image}">
      </body></html>`);
      await page.waitForFunction('document.images[0] && document.images[0].complete');
      const path = join(dir, `${String(index + 1).padStart(2, '0')}.png`);
      await page.screenshot({ path });
      slides.push(path);
    }
  } finally {
    await page.close();
  }
  return slides;
}

/** Writes docs/walkthroughs/<id>.gif, .mp4 and .md for every walkthrough; returns what it wrote. */
export async function writeWalkthroughs(browser: Browser, runs: RunFrames[]): Promise<string[]> {
  const out = join(ROOT, WALKTHROUGH_DIR);
  mkdirSync(out, { recursive: true });
  const written: string[] = [];
  for (const walkthrough of WALKTHROUGHS) {
    const frames = framesOf(walkthrough, runs);
    const work = join(ROOT, 'reports', 'walkthroughs', walkthrough.id);
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    const slides = await drawSlides(browser, walkthrough, frames, work);
    // The concat demuxer holds each slide for its duration; the last is listed twice so its
    // duration is kept.
    const list = slides.flatMap((slide, i) => [
      `file '${slide}'`,
      `duration ${slideSeconds(frames[i].caption)}`
    ]);
    list.push(`file '${slides[slides.length - 1]}'`);
    const listFile = join(work, 'slides.txt');
    writeFileSync(listFile, `${list.join('\n')}\n`);
    const input = ['-f', 'concat', '-safe', '0', '-i', listFile];
    const gif = join(out, `${walkthrough.id}.gif`);
    ffmpeg([
      ...input,
      '-vf',
      'fps=2,scale=iw*3/4:-1:flags=lanczos,split[a][b];[a]palettegen=max_colors=128:stats_mode=full[p];[b][p]paletteuse=dither=none',
      '-loop',
      '0',
      gif
    ]);
    const mp4 = join(out, `${walkthrough.id}.mp4`);
    ffmpeg([
      ...input,
      '-vf',
      'fps=10,format=yuv420p',
      '-c:v',
      'libx264',
      '-tune',
      'stillimage',
      '-crf',
      '28',
      '-movflags',
      '+faststart',
      mp4
    ]);
    const md = join(out, `${walkthrough.id}.md`);
    writeFileSync(
      md,
      transcript(
        walkthrough,
        frames.map((f) => f.caption)
      )
    );
    written.push(
      ...[gif, mp4, md].map((file) => `wrote ${file.slice(ROOT.length + 1)}`),
      `${walkthrough.id}: ${frames.length} steps`
    );
  }
  return written;
}
