import { readCsvText } from '../../../src/plan-files/plan-file-reader';
import { botHarness, cardText, PEOPLE, teamsMessage } from '../../support/bot-harness';

const OFFICER = { ...PEOPLE.officer, role: 'prevent-officer' as const };

/** A plan a hostile or careless author wrote in Markdown: links, emphasis and a list in its cells. */
const MARKDOWN_PLAN = [
  'Action id,Theme,Key action,Who,Timescale',
  '1.1,"1. [Click here](https://evil.example)",Run <https://evil.example/autolink> roadshows,Warwickshire County Council,**Soon** [now](https://evil.example)',
].join('\n');

async function importedHarness() {
  const harness = await botHarness();
  await harness.organisations.save(
    'warwickshire',
    { id: 'wcc', name: 'Warwickshire *County* Council', sector: 'local-government', aliases: ['Warwickshire County Council'] },
    { id: 'test', name: 'test' },
  );
  const outcome = await harness.services.planImports.importTable('warwickshire', OFFICER, readCsvText(MARKDOWN_PLAN));
  expect(outcome.summary).toBe('Imported 1 action in 1 theme');
  return harness;
}

/** The card's TextBlock and FactSet strings as Teams receives them (JSON-decoded). */
function shownTexts(reply: unknown): string[] {
  const texts: string[] = [];
  JSON.parse(cardText(reply as never), (key, value) => {
    if ((key === 'text' || key === 'value') && typeof value === 'string') texts.push(value);
    return value;
  });
  return texts;
}

describe('text from an imported plan on the update card', () => {
  it('shows a theme title written as a Markdown link as text, with its brackets escaped', async () => {
    const harness = await importedHarness();
    await harness.adapter.send(teamsMessage('update action 1.1')).assertReply((reply) => {
      const texts = shownTexts(reply);
      expect(texts).toContain('\\[Click here\\]\\(https://evil\\.example\\)');
      expect(texts.some((t) => /(^|[^\\])\[Click here\]\(/.test(t))).toBe(false);
    });
  });

  it('escapes the action text, the timescale and the owner names, each exactly once', async () => {
    const harness = await importedHarness();
    await harness.adapter.send(teamsMessage('update action 1.1')).assertReply((reply) => {
      const texts = shownTexts(reply);
      expect(texts).toContain('Run \\<https://evil\\.example/autolink\\> roadshows');
      expect(texts).toContain('\\*\\*Soon\\*\\* \\[now\\]\\(https://evil\\.example\\)');
      expect(texts).toContain('Warwickshire \\*County\\* Council');
      expect(texts.some((t) => t.includes('\\\\'))).toBe(false);
    });
  });

  it('keeps the plan as it was written, escaping only when a card is drawn', async () => {
    const harness = await importedHarness();
    expect((await harness.actions.get('warwickshire', '1.1'))?.action).toMatchObject({
      themeTitle: '[Click here](https://evil.example)',
      timescale: '**Soon** [now](https://evil.example)',
    });
  });

  it('escapes the timescale on the "my actions" list as well', async () => {
    const harness = await importedHarness();
    await harness.adapter.send(teamsMessage('my actions', undefined, PEOPLE.officer)).assertReply((reply) => {
      const texts = shownTexts(reply);
      expect(texts.some((t) => t.includes('\\*\\*Soon\\*\\*'))).toBe(true);
      expect(texts.some((t) => /(^|[^\\])\*\*Soon/.test(t))).toBe(false);
    });
  });
});
