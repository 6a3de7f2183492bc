import { existsSync } from 'node:fs';
import path from 'node:path';

/** The folder holding package.json and cards/, whether code runs from src (ts-jest) or dist. */
export function findProjectRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'cards'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`project root (package.json + cards/) not found above ${start}`);
    dir = parent;
  }
}

export const PROJECT_ROOT = findProjectRoot();
