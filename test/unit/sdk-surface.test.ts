import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The Bot Framework SDK and Teams AI v1 are out of mainstream support, so the files that use them are
 * kept few and written down (docs/sdk.md): a new one must be added there, with what it uses.
 */
const ROOT = path.join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sourceFiles(file) : file.endsWith('.ts') ? [file] : [];
  });
}

// tools/ too: the bench's echo bot runs on the same adapter, so an SDK move touches it as well.
const importing = [...sourceFiles(path.join(ROOT, 'src')), ...sourceFiles(path.join(ROOT, 'tools'))]
  .filter((file) => /from '(botbuilder|@microsoft\/teams-ai)'|require\('(botbuilder|@microsoft\/teams-ai)'\)/.test(readFileSync(file, 'utf8')))
  .map((file) => path.relative(ROOT, file).split(path.sep).join('/'))
  .sort();
const documented = [...readFileSync(path.join(ROOT, 'docs', 'sdk.md'), 'utf8').matchAll(/^\| `((?:src|tools)\/[^`]+)` \|/gm)].map((m) => m[1]!).sort();

describe('the files that use botbuilder or Teams AI', () => {
  it('are exactly the ones docs/sdk.md lists', () => {
    expect(importing).toEqual(documented);
  });

  it('are all in src/bot or src/http, or outside the product in tools/', () => {
    expect(importing.filter((file) => !/^(src\/(bot|http)|tools)\//.test(file))).toEqual([]);
  });

  it('use versions pinned exactly in package.json', () => {
    const dependencies = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies;
    expect([dependencies['botbuilder'], dependencies['@microsoft/teams-ai']]).toEqual([expect.stringMatching(/^\d+\.\d+\.\d+$/), expect.stringMatching(/^\d+\.\d+\.\d+$/)]);
  });
});
