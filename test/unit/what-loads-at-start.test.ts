import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * What the bot holds in memory before its first turn is mostly the code it has loaded, so the
 * libraries only some turns or some deployments need load when first used (docs/architecture.md,
 * "What loads at start"). This loads the bot's entry module in a Node process of its own (jest keeps
 * its own module registry, not Node's) and reads Node's module cache.
 */
const ROOT = path.join(__dirname, '..', '..');

interface LoadedAtStart {
  /** Packages with at least one module run, by name. */
  readonly packages: string[];
  /** Modules standing in for a package until first used (defer-sign-in-modules.ts), by package. */
  readonly standIns: string[];
  /** chrono-node's locale folders loaded. */
  readonly chronoLocales: string[];
  /** Whether Teams AI's sign-in modules, read through the stand-in, are the real ones. */
  readonly signInOnFirstUse?: { dialogSetIsAClass: boolean; dialogsLoadedAfterwards: boolean };
}

/** Runs in the child: compiles src on the fly (no build needed) and reports Node's module cache. */
const CHILD = `
const fs = require('node:fs');
const ts = require('typescript');
const { isProxy } = require('node:util').types;
require.extensions['.ts'] = (module, filename) => {
  const options = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
  module._compile(ts.transpileModule(fs.readFileSync(filename, 'utf8'), { fileName: filename, compilerOptions: options }).outputText, filename);
};
const packageOf = (file) => {
  const at = file.lastIndexOf('/node_modules/');
  if (at < 0) return undefined;
  const parts = file.slice(at + 14).split('/');
  return parts[0].startsWith('@') ? parts[0] + '/' + parts[1] : parts[0];
};
const snapshot = () => {
  const entries = Object.entries(require.cache).map(([file, module]) => ({ file: file.split(require('node:path').sep).join('/'), standIn: isProxy(module.exports) }));
  const name = (e) => packageOf(e.file);
  return {
    packages: [...new Set(entries.filter((e) => !e.standIn).map(name).filter(Boolean))].sort(),
    standIns: [...new Set(entries.filter((e) => e.standIn).map(name))].sort(),
    chronoLocales: [...new Set(entries.map((e) => /chrono-node\\/dist\\/cjs\\/locales\\/([^/]+)\\//.exec(e.file)?.[1]).filter(Boolean))].sort(),
  };
};
require(process.env.ENTRY);
const atStart = snapshot();
if (process.env.TOUCH_SIGN_IN) {
  const from = require('node:path').dirname(require.resolve('@microsoft/teams-ai/lib/authentication/Authentication'));
  const dialogs = require(require.resolve('botbuilder-dialogs', { paths: [from] }));
  const dialogSetIsAClass = typeof dialogs.DialogSet === 'function';
  atStart.signInOnFirstUse = { dialogSetIsAClass, dialogsLoadedAfterwards: snapshot().packages.includes('botbuilder-dialogs') };
}
process.stdout.write(JSON.stringify(atStart));
`;

function loadInOwnProcess(entry: string, env: Record<string, string> = {}): LoadedAtStart {
  const { APPLICATIONINSIGHTS_CONNECTION_STRING: _unset, ...parentEnv } = process.env;
  const output = execFileSync(process.execPath, ['-e', CHILD], {
    cwd: ROOT,
    env: { ...parentEnv, ENTRY: path.join(ROOT, entry), NODE_OPTIONS: '', ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  return JSON.parse(output) as LoadedAtStart;
}

describe('what the bot loads at start', () => {
  let atStart: LoadedAtStart;
  beforeAll(() => {
    atStart = loadInOwnProcess('src/index.ts');
  }, 90_000);

  it('loads what every turn needs: the adapter, the Teams AI application, card templating and Table storage', () => {
    expect(atStart.packages).toEqual(expect.arrayContaining(['botbuilder', '@microsoft/teams-ai', 'adaptivecards-templating', '@azure/data-tables', 'restify']));
  });

  it('leaves the report libraries to the first report export', () => {
    expect(atStart.packages.filter((name) => ['docx', 'exceljs', 'vega', 'vega-lite', '@resvg/resvg-js', 'jszip'].includes(name))).toEqual([]);
  });

  it('loads no telemetry SDK when APPLICATIONINSIGHTS_CONNECTION_STRING is not set', () => {
    expect(atStart.packages.filter((name) => name === 'applicationinsights' || name.startsWith('@azure/monitor') || name.startsWith('@opentelemetry/sdk'))).toEqual([]);
  });

  it('leaves the Blob SDK to backups and blob anchors, which local mode does not have', () => {
    expect(atStart.packages).not.toContain('@azure/storage-blob');
  });

  it("loads chrono's English locale only", () => {
    expect(atStart.chronoLocales).toEqual(['en']);
  });

  it("holds Teams AI's sign-in modules as stand-ins, not botbuilder-dialogs itself", () => {
    expect([atStart.packages.includes('botbuilder-dialogs'), atStart.standIns]).toEqual([false, ['@microsoft/teams-ai', 'botbuilder-dialogs']]);
  });

  it('gives the real botbuilder-dialogs to the first thing that reads from it', () => {
    const touched = loadInOwnProcess('src/index.ts', { TOUCH_SIGN_IN: '1' });
    expect(touched.signInOnFirstUse).toEqual({ dialogSetIsAClass: true, dialogsLoadedAfterwards: true });
  }, 90_000);
});
