/**
 * Just enough of Bicep to check infra/main.bicep against the code: declarations and the property
 * names of an object at a path inside a resource. It relies on the file's conventional layout (one
 * property a line, two-space indentation), which the tests reading it keep true.
 */
export interface BicepParam {
  readonly name: string;
  readonly hasDefault: boolean;
  readonly decorators: readonly string[];
}

export function bicepParams(text: string): BicepParam[] {
  const lines = text.split('\n');
  return lines.flatMap((line, i) => {
    const match = /^param\s+(\w+)\s+\w+(\s*=.*)?$/.exec(line.trim());
    if (!match) return [];
    const decorators: string[] = [];
    for (let j = i - 1; j >= 0 && lines[j]!.trim().startsWith('@'); j--) decorators.push(lines[j]!.trim());
    return [{ name: match[1]!, hasDefault: match[2] !== undefined, decorators }];
  });
}

export function bicepOutputs(text: string): string[] {
  return [...text.matchAll(/^output\s+(\w+)\s/gm)].map((m) => m[1]!);
}

/** The lines of `resource NAME 'TYPE' = { ... }`, by its symbolic name. */
export function resourceBlock(text: string, symbolicName: string): { type: string; lines: string[] } {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => new RegExp(`^resource\\s+${symbolicName}\\s+'`).test(line));
  if (start < 0) throw new Error(`no resource ${symbolicName}`);
  const end = lines.findIndex((line, i) => i > start && line === '}');
  return { type: /'([^']+)'/.exec(lines[start]!)![1]!, lines: lines.slice(start + 1, end) };
}

/** Property names directly inside the object at `path` (e.g. ['properties', 'siteConfig']). */
export function objectKeys(block: { lines: string[] }, objectPath: readonly string[]): string[] {
  return Object.keys(objectAt(block, objectPath));
}

/** Property name -> the rest of its line, for the object at `path`. */
export function objectAt(block: { lines: string[] }, objectPath: readonly string[]): Record<string, string> {
  let lines = block.lines;
  let indent = 2;
  for (const key of objectPath) {
    const start = lines.findIndex((line) => line.startsWith(`${' '.repeat(indent)}${key}: {`));
    if (start < 0) throw new Error(`no object ${objectPath.join('.')}`);
    const end = lines.findIndex((line, i) => i > start && line === `${' '.repeat(indent)}}`);
    lines = lines.slice(start + 1, end);
    indent += 2;
  }
  const entries: Record<string, string> = {};
  for (const line of lines) {
    const match = new RegExp(`^ {${indent}}([A-Za-z_][A-Za-z0-9_]*|'[^']+'):\\s*(.*)$`).exec(line);
    if (match) entries[match[1]!] = match[2]!;
  }
  return entries;
}
