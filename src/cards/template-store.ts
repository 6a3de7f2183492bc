import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root';

export const CARDS_DIRECTORY = path.join(PROJECT_ROOT, 'cards');

const cache = new Map<string, object>();

export function loadTemplate(name: string): object {
  const cached = cache.get(name);
  if (cached) return cached;
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`bad card template name "${name}"`);
  const template = JSON.parse(readFileSync(path.join(CARDS_DIRECTORY, `${name}.json`), 'utf8')) as object;
  cache.set(name, template);
  return template;
}
