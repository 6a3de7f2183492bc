/**
 * Erasing a person (`npm run erase-member`): their name is replaced wherever the bot keeps it, in
 * current and history rows alike. Rows pair a name with an id by naming convention (updatedById /
 * updatedByName, byId / byName, aadObjectId / name), so a name is recognised by the id beside it,
 * never by guessing at text. Serialised JSON inside strings (conversation references) is opened too.
 */
export const ERASED_NAME = 'Erased member';

/** The name property that goes with an id property, if the convention gives one. */
export function nameKeyFor(idKey: string): string | undefined {
  if (idKey === 'aadObjectId') return 'name';
  return idKey.endsWith('Id') && idKey.length > 2 ? `${idKey.slice(0, -2)}Name` : undefined;
}

function idKeyFor(nameKey: string): string | undefined {
  if (nameKey === 'name') return 'aadObjectId';
  return nameKey.endsWith('Name') && nameKey.length > 4 ? `${nameKey.slice(0, -4)}Id` : undefined;
}

export interface ErasureContext {
  readonly objectId: string;
  /** The person's names as found beside their id: the second pass looks for them elsewhere. */
  readonly names: Set<string>;
  changed: boolean;
}

type Visit = (object: Record<string, unknown>, context: ErasureContext) => Record<string, unknown>;

function walk(value: unknown, context: ErasureContext, visit: Visit): unknown {
  if (typeof value === 'string') {
    const trimmed = value.trimStart();
    if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return value;
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      return value;
    }
    const before = context.changed;
    context.changed = false;
    const walked = walk(parsed, context, visit);
    const changedInside = context.changed;
    context.changed = before || changedInside;
    return changedInside ? JSON.stringify(walked) : value;
  }
  if (Array.isArray(value)) return value.map((item) => walk(item, context, visit));
  if (value === null || typeof value !== 'object') return value;
  const children = Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, walk(v, context, visit)]));
  return visit(children, context);
}

/** First pass: a name beside the person's id is replaced, and remembered. */
const eraseBesideId: Visit = (object, context) => {
  const result = { ...object };
  for (const [key, id] of Object.entries(object)) {
    const nameKey = nameKeyFor(key);
    const name = nameKey ? object[nameKey] : undefined;
    if (id !== context.objectId || typeof name !== 'string' || name === ERASED_NAME) continue;
    context.names.add(name);
    result[nameKey!] = ERASED_NAME;
    context.changed = true;
  }
  return result;
};

/**
 * Second pass: a value that is exactly one of the person's names (an agenda item's owner, a
 * recipient kept without an id) is replaced too, unless the id beside it says it is someone else.
 */
const eraseExactName: Visit = (object, context) => {
  const result = { ...object };
  for (const [key, value] of Object.entries(object)) {
    if (typeof value !== 'string' || !context.names.has(value.trim())) continue;
    const idKey = idKeyFor(key);
    const pairedId = idKey ? object[idKey] : undefined;
    if (typeof pairedId === 'string' && pairedId !== context.objectId) continue;
    result[key] = ERASED_NAME;
    context.changed = true;
  }
  return result;
};

export function eraseNamesBesideId(value: unknown, context: ErasureContext): unknown {
  return walk(value, context, eraseBesideId);
}

export function eraseExactNames(value: unknown, context: ErasureContext): unknown {
  return walk(value, context, eraseExactName);
}

/** Whether text still mentions any of the names (free text is reported for review, never rewritten). */
export function mentionsAny(text: string, names: ReadonlySet<string>): boolean {
  return [...names].some((name) => name.length > 0 && text.includes(name));
}
