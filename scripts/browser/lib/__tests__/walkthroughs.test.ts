import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  WALKTHROUGHS,
  WALKTHROUGH_DIR,
  captionsOf,
  frameCaptionsInSource,
  slideSeconds,
  transcript
} from '../walkthroughs';

const ROOT = join(__dirname, '..', '..', '..', '..');
const JOURNEYS = join(ROOT, 'scripts', 'browser', 'journeys');

describe('frameCaptionsInSource', () => {
  const source = [
    'const journeys = [',
    '  {',
    "    name: 'First',",
    '    async run(t) {',
    "      await t.frame('One.');",
    '      await t.frame(',
    "        'Two, it\\'s wrapped.',",
    '        at',
    '      );',
    '    }',
    '  },',
    '  {',
    "    name: 'Second',",
    '    async run(t) {',
    "      await t.frame('Three.');",
    "      await t.shot('x', 'Not a frame.');",
    '    }',
    '  }',
    '];'
  ].join('\n');

  it('reads the captions of the named journey only, in order, unescaped', () => {
    expect(frameCaptionsInSource(source, 'First')).toEqual(['One.', "Two, it's wrapped."]);
    expect(frameCaptionsInSource(source, 'Second')).toEqual(['Three.']);
  });

  it('names a journey that does not exist', () => {
    expect(() => frameCaptionsInSource(source, 'Third')).toThrow('no journey named "Third"');
  });
});

describe('slideSeconds', () => {
  it('holds a short caption 3 s and a long one long enough to read', () => {
    expect(slideSeconds('')).toBe(3);
    expect(slideSeconds('x'.repeat(22))).toBe(3);
    expect(slideSeconds('x'.repeat(30))).toBe(3.5);
    expect(slideSeconds('x'.repeat(150))).toBe(11.5);
  });
});

describe.each(WALKTHROUGHS.map((w) => [w.id, w] as const))(
  'the %s walkthrough',
  (_id, walkthrough) => {
    const dir = join(ROOT, WALKTHROUGH_DIR);

    it('shows at least five steps, each from a journey that exists', () => {
      expect(captionsOf(walkthrough, JOURNEYS).length).toBeGreaterThanOrEqual(5);
    });

    it('was regenerated after its journeys last changed (npm run docs:images)', () => {
      const written = readFileSync(join(dir, `${walkthrough.id}.md`), 'utf8');
      expect(written).toBe(transcript(walkthrough, captionsOf(walkthrough, JOURNEYS)));
    });

    it('has its recording as an animated GIF and an MP4', () => {
      const gif = readFileSync(join(dir, `${walkthrough.id}.gif`));
      expect(gif.subarray(0, 6).toString('latin1')).toBe('GIF89a');
      // More than one image: an image descriptor after the first frame's.
      expect(
        gif.indexOf(Buffer.from([0x21, 0xf9]), gif.indexOf(Buffer.from([0x2c])))
      ).toBeGreaterThan(0);
      const mp4 = readFileSync(join(dir, `${walkthrough.id}.mp4`));
      expect(mp4.subarray(4, 8).toString('latin1')).toBe('ftyp');
    });

    it('is linked from its guide', () => {
      const guide = join(ROOT, 'docs', walkthrough.guide);
      expect(existsSync(guide)).toBe(true);
      expect(readFileSync(guide, 'utf8')).toContain(`walkthroughs/${walkthrough.id}.md`);
    });
  }
);
