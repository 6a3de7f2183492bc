import { InvalidError, NotFoundError } from '../errors';
import { parseOrThrow } from '../validation';
import { frameworkSchema, type Framework, type FrameworkItem, type FrameworkSection } from './framework';

/** The frameworks a deployment offers, by framework id. Built by src/storage/files/framework-files.ts. */
export type FrameworkRegistry = ReadonlyMap<string, Framework>;

/** Checks a decoded framework file; throws InvalidError whose details name each bad field's path. */
export function parseFramework(json: unknown): Framework {
  return parseOrThrow(frameworkSchema, json, 'framework');
}

/**
 * Puts parsed frameworks into a registry by id, refusing two with the same id or alias: a round
 * names its framework by id, so an id (or an old id kept as an alias) must mean one framework.
 * `origin` (a file name) is quoted in the error.
 */
export function buildFrameworkRegistry(entries: readonly { origin: string; framework: Framework }[]): Map<string, Framework> {
  const registry = new Map<string, Framework>();
  const origins = new Map<string, string>();
  for (const { origin, framework } of entries) {
    for (const id of [framework.id, ...(framework.aliases ?? [])]) {
      const first = origins.get(id);
      if (first !== undefined) {
        throw new InvalidError(`two frameworks share the id "${id}"`, [`${first} and ${origin} both have id "${id}"; give each framework its own id`]);
      }
      origins.set(id, origin);
    }
    registry.set(framework.id, framework);
  }
  return registry;
}

/** The framework with this id, or with this id among its aliases (a round stored before a rename); undefined when none. */
export function findFramework(registry: FrameworkRegistry, id: string): Framework | undefined {
  return registry.get(id) ?? [...registry.values()].find((framework) => framework.aliases?.includes(id));
}

/** Whether two framework ids (either possibly an alias) name the same framework: rounds compare like with like across a rename. */
export function sameFramework(registry: FrameworkRegistry, a: string, b: string): boolean {
  if (a === b) return true;
  const first = findFramework(registry, a);
  return first !== undefined && first === findFramework(registry, b);
}

export function getFramework(registry: FrameworkRegistry, id: string): Framework {
  const framework = findFramework(registry, id);
  // The id can come from a card submit: it is named only when it looks like an id, never echoed as markup.
  if (!framework)
    throw new NotFoundError(
      /^[a-z0-9][a-z0-9-]{0,79}$/i.test(id) ? `there is no self-assessment framework "${id}"` : 'there is no such self-assessment framework: choose one from the list',
    );
  return framework;
}

/** Every item of a framework in document order, with the section it belongs to. */
export function frameworkItems(framework: Framework): { section: FrameworkSection; item: FrameworkItem }[] {
  return framework.sections.flatMap((section) => section.items.map((item) => ({ section, item })));
}
