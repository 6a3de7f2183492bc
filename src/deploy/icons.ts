import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { PROJECT_ROOT } from '../project-root';

export const MANIFEST_DIRECTORY = path.join(PROJECT_ROOT, 'manifest');
export const ICON_SOURCE_DIRECTORY = path.join(MANIFEST_DIRECTORY, 'icons-source');

export interface IconSpec {
  readonly file: 'color.png' | 'outline.png';
  readonly source: string;
  readonly size: number;
}

/** The two icons a Teams app package must hold, at the sizes Teams requires. */
export const TEAMS_ICONS: readonly IconSpec[] = [
  { file: 'color.png', source: 'color.svg', size: 192 },
  { file: 'outline.png', source: 'outline.svg', size: 32 },
];

export interface RenderedIcon {
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
  /** Straight (not premultiplied) RGBA, row by row. */
  readonly pixels: Buffer;
}

/** Renders an icon's SVG source; system fonts are not loaded so the result is the same on every machine. */
export function renderIcon(icon: IconSpec, sourceDirectory: string = ICON_SOURCE_DIRECTORY): RenderedIcon {
  const svg = readFileSync(path.join(sourceDirectory, icon.source), 'utf8');
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: icon.size }, font: { loadSystemFonts: false } }).render();
  return { png: image.asPng(), width: image.width, height: image.height, pixels: image.pixels };
}
