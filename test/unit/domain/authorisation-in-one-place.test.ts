import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SRC = path.join(__dirname, '..', '..', '..', 'src');
const AUTHORISATION = path.join('domain', 'authorisation.ts');

/** Refusals that are not about who is asking, with the reason they stay where they are. */
const NOT_ROLE_RULES: Record<string, string> = {
  [path.join('domain', 'assessment', 'assessment-service.ts')]: 'a closed self-assessment round can no longer be changed, by anyone',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

function filesMatching(pattern: RegExp): string[] {
  return sourceFiles(SRC)
    .map((file) => path.relative(SRC, file))
    .filter((file) => file !== AUTHORISATION && pattern.test(readFileSync(path.join(SRC, file), 'utf8')));
}

describe('authorisation in one place', () => {
  it("decides on nobody's role outside src/domain/authorisation.ts", () => {
    expect(filesMatching(/\bactor\.role\s*[!=]==/)).toEqual([]);
  });

  it('refuses people outside src/domain/authorisation.ts only for reasons that are not about who they are', () => {
    expect(filesMatching(/new ForbiddenError\(/).filter((file) => !NOT_ROLE_RULES[file])).toEqual([]);
  });
});
