import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_DIRECTORY, renderIcon, TEAMS_ICONS } from '../../../src/deploy/icons';
import { decodePng } from '../../support/png';

const ACCENT = JSON.parse(readFileSync(path.join(MANIFEST_DIRECTORY, 'manifest.json'), 'utf8')).accentColor as string;
const committed = (file: string) => decodePng(readFileSync(path.join(MANIFEST_DIRECTORY, file)));
const pixel = (rgba: Buffer, width: number, x: number, y: number) => [...rgba.subarray((y * width + x) * 4, (y * width + x) * 4 + 4)];

describe('Teams app icons', () => {
  it('has a 192x192 colour icon', () => {
    const { width, height } = committed('color.png');
    expect([width, height]).toEqual([192, 192]);
  });

  it('has a 32x32 outline icon', () => {
    const { width, height } = committed('outline.png');
    expect([width, height]).toEqual([32, 32]);
  });

  it('fills the colour icon edge to edge with the accent colour', () => {
    const { rgba, width } = committed('color.png');
    const accent = [1, 3, 5].map((i) => parseInt(ACCENT.slice(i, i + 2), 16));
    for (const [x, y] of [
      [0, 0],
      [191, 0],
      [0, 191],
      [191, 191],
      [96, 4],
    ] as const) {
      expect(pixel(rgba, width, x, y)).toEqual([...accent, 255]);
    }
  });

  it('draws the outline icon in white only, on a transparent background', () => {
    const { rgba } = committed('outline.png');
    const offending: number[] = [];
    for (let i = 0; i < rgba.length; i += 4) {
      const transparent = rgba[i + 3] === 0;
      const white = rgba[i] === 255 && rgba[i + 1] === 255 && rgba[i + 2] === 255;
      if (!transparent && !white) offending.push(i / 4);
    }
    expect(offending).toEqual([]);
  });

  it('leaves the outline icon transparent around the symbol', () => {
    const { rgba } = committed('outline.png');
    expect(pixel(rgba, 32, 0, 0)[3]).toBe(0);
  });

  it.each(TEAMS_ICONS.map((icon) => [icon.file, icon] as const))('keeps %s identical to a fresh render of its SVG source (npm run icons)', (_file, icon) => {
    expect(committed(icon.file).rgba.equals(decodePng(renderIcon(icon).png).rgba)).toBe(true);
  });
});
