import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');
const SRC = path.join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

/** Every module specifier a file imports or requires, including type-only and dynamic imports. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g),
    ...text.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...text.matchAll(/\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
  ];
  return specifiers.map((match) => match[1]!);
}

const FRAMEWORKS = /^(botbuilder|botframework-|@microsoft\/teams-ai|@microsoft\/agents|@azure\/|restify)/;

function violations(folder: string, allowed: (specifier: string) => boolean): string[] {
  return sourceFiles(path.join(SRC, folder)).flatMap((file) =>
    importsOf(file)
      .filter((specifier) => !allowed(specifier))
      .map((specifier) => `${path.relative(SRC, file)} imports ${specifier}`),
  );
}

const relative = (s: string) => s.startsWith('.');

interface ModuleImport {
  readonly specifier: string;
  /** `import type` / `export type`, or every named binding marked `type`: erased when compiled. */
  readonly typeOnly: boolean;
}

const parsed = new Map<string, ModuleImport[]>();

/** A file's imports as TypeScript parses them, so type-only imports can be told from the rest. */
function parsedImportsOf(file: string): ModuleImport[] {
  const known = parsed.get(file);
  if (known) return known;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const found: ModuleImport[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const allNamedAreTypes = !!clause && !clause.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly);
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: !!clause?.isTypeOnly || allNamedAreTypes });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly || (!!named && named.length > 0 && named.every((e) => e.isTypeOnly)) });
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0]!)) {
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (isRequire || node.expression.kind === ts.SyntaxKind.ImportKeyword) found.push({ specifier: node.arguments[0].text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      // `typeof import('./x')`: a type, erased like `import type`.
      found.push({ specifier: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  parsed.set(file, found);
  return found;
}

/** Where a relative specifier points, as an absolute path without extension resolution. */
const target = (file: string, specifier: string) => path.resolve(path.dirname(file), specifier);
const within = (folder: string, absolute: string) => absolute === folder || absolute.startsWith(folder + path.sep);

/** The .ts module a relative specifier loads (`./x` is x.ts or x/index.ts), if it is one. */
function resolveModule(file: string, specifier: string): string | undefined {
  if (!relative(specifier)) return undefined;
  const base = target(file, specifier);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => existsSync(candidate));
}

/** The import graph of src: each file and the src modules it loads when it runs. */
function runtimeImportGraph(): Map<string, string[]> {
  return new Map(
    sourceFiles(SRC).map((file) => [
      file,
      parsedImportsOf(file)
        .filter((i) => !i.typeOnly)
        .map((i) => resolveModule(file, i.specifier))
        .filter((m): m is string => m !== undefined && within(SRC, m)),
    ]),
  );
}

/** The groups of modules that import each other, directly or round a loop (Tarjan's strongly connected components). */
function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const connect = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1 || graph.get(node)!.includes(node)) cycles.push(group.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) connect(node);
  return cycles;
}

describe('architecture', () => {
  it('keeps src/domain free of frameworks: it imports only zod, the language and calendar libraries, and its own modules', () => {
    const libraries = ['zod', '@nlpjs/core', '@nlpjs/nlp', '@nlpjs/lang-en-min', 'chrono-node', 'chrono-node/en', 'date-holidays'];
    expect(violations('domain', (s) => relative(s) || libraries.includes(s))).toEqual([]);
  });

  it('keeps timers out of src/domain: workers, leases and polling loops live in src/delivery', () => {
    const timers = sourceFiles(path.join(SRC, 'domain')).filter((file) => /\b(setTimeout|setInterval|setImmediate)\s*\(/.test(readFileSync(file, 'utf8')));
    expect(timers.map((file) => path.relative(SRC, file))).toEqual([]);
    expect(sourceFiles(path.join(SRC, 'delivery')).some((file) => /\bsetInterval\s*\(/.test(readFileSync(file, 'utf8')))).toBe(true);
  });

  it('keeps src/cards free of frameworks: only zod, adaptivecards-templating, node built-ins and the domain', () => {
    expect(
      violations('cards', (s) => (relative(s) && !s.includes('/bot/') && !s.includes('/storage/')) || s === 'zod' || s === 'adaptivecards-templating' || s.startsWith('node:')),
    ).toEqual([]);
  });

  it('imports botbuilder and Teams AI only from src/bot and src/http', () => {
    const outside = sourceFiles(SRC)
      .filter((file) => !/[\\/]src[\\/](bot|http)[\\/]/.test(file))
      .flatMap((file) =>
        importsOf(file)
          .filter((s) => /^(botbuilder|botframework-|@microsoft\/teams-ai)/.test(s))
          .map((s) => `${path.relative(SRC, file)} imports ${s}`),
      );
    expect(outside).toEqual([]);
  });

  it('keeps src/reports free of the bot and web frameworks, Azure and storage: it builds files from domain data', () => {
    expect(violations('reports', (s) => !FRAMEWORKS.test(s) && !/\/(bot|http|storage|cli)\//.test(s))).toEqual([]);
  });

  it('imports restify only from src/http', () => {
    const outside = sourceFiles(SRC)
      .filter((file) => !/[\\/]src[\\/]http[\\/]/.test(file))
      .flatMap((file) =>
        importsOf(file)
          .filter((s) => s === 'restify')
          .map((s) => `${path.relative(SRC, file)} imports ${s}`),
      );
    expect(outside).toEqual([]);
  });

  it('keeps src/bot away from src/storage: the bot reaches storage only through the ports the composition root wires', () => {
    const reaching = sourceFiles(path.join(SRC, 'bot')).flatMap((file) =>
      parsedImportsOf(file)
        .filter((i) => relative(i.specifier) && within(path.join(SRC, 'storage'), target(file, i.specifier)))
        .map((i) => `${path.relative(SRC, file)} imports ${i.specifier}`),
    );
    expect(reaching).toEqual([]);
  });

  it('keeps permission checks in the services: nothing in src/bot or src/http asks authorise or isAllowed itself', () => {
    const asking = ['bot', 'http'].flatMap((folder) =>
      sourceFiles(path.join(SRC, folder))
        .filter((file) => /\b(authorise|isAllowed)\(/.test(readFileSync(file, 'utf8')))
        .map((file) => path.relative(SRC, file)),
    );
    expect(asking).toEqual([]);
  });

  it("keeps everything under src from importing tools/ or test/: the product never depends on the developer's tools or the tests", () => {
    const outside = [path.join(ROOT, 'tools'), path.join(ROOT, 'test')];
    const reaching = sourceFiles(SRC).flatMap((file) =>
      parsedImportsOf(file)
        .filter((i) => relative(i.specifier) && outside.some((folder) => within(folder, target(file, i.specifier))))
        .map((i) => `${path.relative(SRC, file)} imports ${i.specifier}`),
    );
    expect(reaching).toEqual([]);
  });

  // Imports marked `type` are left out: they are erased when compiled, so they cannot make a module
  // run before the one it needs has finished loading, which is what a cycle costs at run time. The
  // rest, require() and import() included, are what Node loads.
  it('has no import cycles among src modules', () => {
    const graph = runtimeImportGraph();
    expect(importCycles(graph).map((group) => group.map((file) => path.relative(SRC, file)).join(' -> '))).toEqual([]);
  });

  it('finds an import cycle where there is one, and sees the src import graph, so the check above is not vacuous', () => {
    const loop = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(importCycles(loop)).toEqual([['a', 'b', 'c'], ['e']]);
    const graph = runtimeImportGraph();
    expect(graph.get(path.join(SRC, 'index.ts'))).toEqual(expect.arrayContaining([path.join(SRC, 'config.ts')]));
  });

  it('sees the framework imports that do exist, so the checks above are not vacuous', () => {
    const botImports = sourceFiles(path.join(SRC, 'bot')).flatMap(importsOf);
    expect(botImports.some((s) => FRAMEWORKS.test(s))).toBe(true);
  });
});
