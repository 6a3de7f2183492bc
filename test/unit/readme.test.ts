import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_VARIABLES } from '../../src/config';

const ROOT = path.join(__dirname, '..', '..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const ciRun = readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8');

describe('README', () => {
  it('shows the two quick-start commands near the top', () => {
    const top = readme.split('\n').slice(0, 40).join('\n');
    expect(top).toContain('npm install && npm start');
    expect(top).toContain('npm test');
  });

  it.each(CONFIG_VARIABLES)('documents the %s variable in the configuration table', (variable) => {
    expect(readme).toContain(`| \`${variable}\` |`);
  });

  it('documents the test commands that .ci/run runs', () => {
    for (const command of ['npm run lint', 'npm test', 'npm run test:e2e']) {
      expect(readme).toContain(command);
      expect(ciRun).toContain(command);
    }
  });
});
