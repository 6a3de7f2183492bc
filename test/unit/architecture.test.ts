import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SRC = path.join(__dirname, '..', '..', 'src');

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

describe('architecture', () => {
  it('keeps src/domain free of frameworks: it imports only zod, the language and calendar libraries, and its own modules', () => {
    const libraries = ['zod', '@nlpjs/core', '@nlpjs/nlp', '@nlpjs/lang-en-min', 'chrono-node', 'date-holidays'];
    expect(violations('domain', (s) => relative(s) || libraries.includes(s))).toEqual([]);
  });

  it('keeps src/cards free of frameworks: only zod, adaptivecards-templating, node built-ins and the domain', () => {
    expect(violations('cards', (s) => (relative(s) && !s.includes('/bot/') && !s.includes('/storage/')) || s === 'zod' || s === 'adaptivecards-templating' || s.startsWith('node:'))).toEqual([]);
  });

  it('imports botbuilder and Teams AI only from src/bot and src/http', () => {
    const outside = sourceFiles(SRC)
      .filter((file) => !/[\\/]src[\\/](bot|http)[\\/]/.test(file))
      .flatMap((file) => importsOf(file).filter((s) => /^(botbuilder|botframework-|@microsoft\/teams-ai)/.test(s)).map((s) => `${path.relative(SRC, file)} imports ${s}`));
    expect(outside).toEqual([]);
  });

  it('keeps src/reports free of the bot and web frameworks, Azure and storage: it builds files from domain data', () => {
    expect(violations('reports', (s) => !FRAMEWORKS.test(s) && !/\/(bot|http|storage|cli)\//.test(s))).toEqual([]);
  });

  it('imports restify only from src/http', () => {
    const outside = sourceFiles(SRC)
      .filter((file) => !/[\\/]src[\\/]http[\\/]/.test(file))
      .flatMap((file) => importsOf(file).filter((s) => s === 'restify').map((s) => `${path.relative(SRC, file)} imports ${s}`));
    expect(outside).toEqual([]);
  });

  it('sees the framework imports that do exist, so the checks above are not vacuous', () => {
    const botImports = sourceFiles(path.join(SRC, 'bot')).flatMap(importsOf);
    expect(botImports.some((s) => FRAMEWORKS.test(s))).toBe(true);
  });
});
