import { readFileSync } from 'node:fs';
import { MANIFEST_TEMPLATE } from '../../../src/deploy/teams-package';
import { isAnsweredOneToOne } from '../../../src/domain/language/capabilities';
import { answerOf } from '../../../src/domain/language/evaluation';
import { isIntentId } from '../../../src/domain/language/intents';
import type { IntentId } from '../../../src/domain/language/intents';
import type { LanguageUnderstanding } from '../../../src/domain/language/language-understanding';
import { loadLanguageUnderstanding } from '../../../src/storage/files/language-files';

/**
 * Teams puts a command's title in the compose box when it is picked from the bot's menu, so every
 * title must read, through the real matcher, as the intent the command promises. Adding a command to
 * manifest/manifest.json means adding its intent here.
 */
const PROMISED: Readonly<Record<string, string>> = {
  'How do I make a referral?': 'referral',
  Training: 'training',
  'My actions': 'my-actions',
  'Update action 3.1': 'update-action',
  'Self-assessment': 'self-assessment',
  'Next meeting': 'agenda',
  Agenda: 'agenda',
  'How are we doing?': 'compliance-summary',
  'Request updates': 'request-updates',
  'Board report': 'report',
  'Use this channel': 'use-this-channel',
  Help: 'help',
};

interface CommandList {
  scopes: string[];
  commands: { title: string }[];
}
const manifest = JSON.parse(readFileSync(MANIFEST_TEMPLATE, 'utf8')) as { bots: { commandLists: CommandList[] }[] };
const commands = manifest.bots.flatMap((bot) => bot.commandLists.flatMap((list) => list.commands.map((c) => [list.scopes.join('/'), c.title] as const)));

describe('the manifest commands', () => {
  let language: LanguageUnderstanding;
  beforeAll(async () => {
    language = await loadLanguageUnderstanding();
  });

  // Read as the Prevent Officer would type them, who may use every command.
  it.each(commands)('%s: "%s" is one the bot understands, as the intent it promises', async (_scope, title) => {
    expect(answerOf(await language.understand(title, 'prevent-officer'))).toBe(PROMISED[title] ?? 'a promised intent for this title');
  });

  // Everyone in a channel or group chat sees the answer to a command picked there.
  it('offers in a team or group chat only commands answered there, none whose answer is for the asker alone', () => {
    const shared = commands.filter(([scope]) => scope !== 'personal').map(([, title]) => PROMISED[title]);
    expect(shared.every((intent) => intent !== undefined && isIntentId(intent))).toBe(true);
    expect(shared.filter((intent) => isAnsweredOneToOne(intent as IntentId))).toEqual([]);
  });

  it('promises nothing the manifest no longer offers', () => {
    const offered = new Set(commands.map(([, title]) => title));
    expect(Object.keys(PROMISED).filter((title) => !offered.has(title))).toEqual([]);
  });
});
