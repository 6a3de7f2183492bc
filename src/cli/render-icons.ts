import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_DIRECTORY, renderIcon, TEAMS_ICONS } from '../deploy/icons';

/** `npm run icons`: renders manifest/icons-source/*.svg to the PNGs the Teams app package holds. */
function main(): void {
  for (const icon of TEAMS_ICONS) {
    const rendered = renderIcon(icon);
    const target = path.join(MANIFEST_DIRECTORY, icon.file);
    writeFileSync(target, rendered.png);
    console.log(`${path.relative(process.cwd(), target)}  ${rendered.width}x${rendered.height}`);
  }
}

if (require.main === module) main();
