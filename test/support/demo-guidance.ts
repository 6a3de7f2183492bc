import { readFileSync } from 'node:fs';
import path from 'node:path';
import { guidanceSchema, type Guidance } from '../../src/domain/guidance/guidance';

/** The Warwickshire demo guidance shipped with the project, parsed the way the bot parses it. */
export function demoGuidance(): Guidance {
  const file = path.join(__dirname, '..', '..', 'src', 'data', 'demo', 'warwickshire-guidance.json');
  return guidanceSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}
