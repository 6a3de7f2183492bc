import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildFrameworkRegistry, parseFramework } from '../../domain/assessment/framework-catalogue';
import type { Framework } from '../../domain/assessment/framework';
import { InvalidError, isDomainError } from '../../domain/errors';
import { PROJECT_ROOT } from '../../project-root';

/**
 * The shipped frameworks. Resolved from the project root rather than __dirname, so the same
 * folder is read whether the code runs from src (ts-jest) or from dist.
 */
export const FRAMEWORKS_DIRECTORY = path.join(PROJECT_ROOT, 'src', 'data', 'frameworks');

/**
 * Reads every *.json framework in the shipped folder, then in `extraDirectory` if given, parses
 * each through the framework schema and returns them by id. A bad file, or two files with the same
 * id, refuses the whole load: a registry that silently dropped a framework would hide the mistake.
 */
export async function loadFrameworks(extraDirectory?: string): Promise<Map<string, Framework>> {
  const directories = extraDirectory === undefined ? [FRAMEWORKS_DIRECTORY] : [FRAMEWORKS_DIRECTORY, extraDirectory];
  const entries: { origin: string; framework: Framework }[] = [];
  for (const directory of directories) {
    for (const file of await jsonFilesIn(directory)) {
      entries.push({ origin: file, framework: await readFrameworkFile(file) });
    }
  }
  return buildFrameworkRegistry(entries);
}

async function jsonFilesIn(directory: string): Promise<string[]> {
  const names = await readdir(directory).catch((error: NodeJS.ErrnoException) => {
    throw new Error(`cannot read the framework folder ${directory}: ${error.code === 'ENOENT' ? 'there is no such folder' : error.message}`);
  });
  return names
    .filter((name) => name.toLowerCase().endsWith('.json'))
    .sort()
    .map((name) => path.join(directory, name));
}

export async function readFrameworkFile(file: string): Promise<Framework> {
  const text = await readFile(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InvalidError(`framework file ${file} is not valid JSON`, [error instanceof Error ? error.message : String(error)]);
  }
  try {
    return parseFramework(json);
  } catch (error) {
    if (isDomainError(error)) throw new InvalidError(`framework file ${file} is not valid`, error.details);
    throw error;
  }
}
