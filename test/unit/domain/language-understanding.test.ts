import type { Role } from '../../../src/domain/partnership/member';
import { answerOf, type Answer } from '../../../src/domain/language/evaluation';
import type { LanguageUnderstanding } from '../../../src/domain/language/language-understanding';
import { loadLanguageUnderstanding } from '../../../src/storage/files/language-files';

let language: LanguageUnderstanding;
beforeAll(async () => {
  language = await loadLanguageUnderstanding();
});

/** What the bot answers: the Prevent Officer may use every command, so their reading is the plain one. */
async function answer(text: string, role: Role = 'prevent-officer'): Promise<Answer> {
  return answerOf(await language.understand(text, role));
}

const LOREM =
  'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et ' +
  'dolore magna aliqua ut enim ad minim veniam quis nostrud exercitation ullamco laboris nisi ut aliquip ex ' +
  'ea commodo consequat duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu ' +
  'fugiat nulla pariatur excepteur sint occaecat cupidatat non proident sunt in culpa qui officia deserunt ' +
  'mollit anim id est laborum';

function loremWords(count: number): string {
  const words = LOREM.split(' ');
  return Array.from({ length: count }, (_, i) => words[i % words.length]).join(' ');
}

describe('the language layer', () => {
  describe('the referral pathway', () => {
    it.each([
      'how do I make a referral?',
      'I need to make a referral, what data do I need?',
      'How do I refer someone',
      'report a concern',
      "I'm worried about someone",
      'I\u2019m concerned about a pupil',
      'referral pathway',
      'Prevent referral',
      'I think my colleague is being radicalised',
      'who do I refer to',
      'how do i make a refferal',
      'REPORT A CONCERN!!!',
      'safeguarding concern',
    ])('puts the referral pathway first for %j', async (text) => {
      expect((await language.understand(text, 'staff')).concern).toBe(true);
    });
  });

  describe('the training intent', () => {
    it.each([
      'training',
      'Prevent training',
      'e-learning',
      'e\u2011learning',
      'E learning',
      'elearning',
      'WRAP',
      'beyond wrap',
      'WRAP training dates',
      'trainig',
      'where is the learning pool',
      'learn about prevent',
      'how do I book a course',
      'referral training',
      'radicalisation awareness training',
    ])('reads %j as the training intent', async (text) => {
      expect(await answer(text)).toBe('training');
    });
  });

  describe('the help intent', () => {
    it.each(['help', 'HELP!', 'what can you do?', 'hi', 'hello', 'good morning'])('reads %j as the help intent', async (text) => {
      expect(await answer(text)).toBe('help');
    });
  });

  describe('the send-chasers intent', () => {
    it.each(['send chasers', 'Send chasers please', 'send reminders', 'chasers', 'chase reminders', 'remind everyone'])('reads %j as the send-chasers intent', async (text) => {
      expect(await answer(text)).toBe('send-chasers');
    });

    it.each([
      ['request updates', 'request-updates'],
      ['chase updates', 'request-updates'],
      ['send agenda', 'post-agenda'],
      ["who hasn't replied", 'not-replied'],
    ])('reads %j as %s, not send-chasers', async (text, intent) => {
      expect(await answer(text)).toBe(intent);
    });
  });

  describe('the not-replied intent', () => {
    it.each([
      "who hasn't replied",
      'Who hasn\u2019t replied?',
      'who has not replied',
      "who hasn't returned their updates",
      'who has not responded yet',
      'not replied',
      'outstanding returns',
      'non returns',
    ])('reads %j as the not-replied intent', async (text) => {
      expect(await answer(text)).toBe('not-replied');
    });

    it.each([
      ['who are the members', 'partnership'],
      ['who do I refer to', 'referral'],
      ['reply to the agenda', 'agenda'],
      ['send chasers', 'send-chasers'],
    ])('reads %j as %s, not not-replied', async (text, intent) => {
      expect(await answer(text)).toBe(intent);
    });
  });

  describe('the compliance-summary intent', () => {
    it.each([
      'compliance summary',
      'Compliance summary please',
      'how are we doing?',
      'How are we doing on training?',
      'how are we doing on referrals?',
      'summary for 2026/27 Q2',
      'how is the partnership doing',
      'how did we do in 2025/26 Q3',
      'self-assessment summary',
      'benchmark scores',
      'compliance',
    ])('reads %j as the compliance-summary intent', async (text) => {
      expect(await answer(text)).toBe('compliance-summary');
    });

    it.each([
      ['training', 'training'],
      ['compliance training', 'training'],
      ['how do I make a referral?', 'referral'],
      ['how do we do a referral', 'referral'],
      ["I'm worried about how my colleague is doing", 'referral'],
      ['how do I book a course', 'training'],
      ['self-assessment', 'self-assessment'],
      ['rate benchmarks', 'self-assessment'],
    ])('reads %j as %s, not the summary', async (text, intent) => {
      expect(await answer(text)).toBe(intent);
    });
  });

  describe('the report intent', () => {
    it.each([
      'report',
      'Report',
      'board report',
      'Board report please',
      'report for 2026/27 Q3',
      'board report 2026/27 Q2',
      'can I have the board report',
      'SWPB report',
      'compliance report',
      'self-assessment report',
      'export report',
      'reports',
      'where is the board report',
    ])('reads %j as the report intent', async (text) => {
      expect(await answer(text)).toBe('report');
    });

    it.each([
      ['report a concern', 'referral'],
      ['REPORT A CONCERN!!!', 'referral'],
      ['I want to report a concern about a pupil', 'referral'],
      ['report concerns about extremism', 'referral'],
      ['report action 3.1', 'update-action'],
      ['compliance summary', 'compliance-summary'],
    ])('reads %j as %s, not the board report', async (text, intent) => {
      expect(await answer(text)).toBe(intent);
    });
  });

  describe('the safety net errs on the side of the referral pathway', () => {
    it.each(['report radicalisation', "I'm worried about the budget"])('puts the referral pathway first for %j, from anyone', async (text) => {
      for (const role of ['staff', 'partner-lead', 'chair', 'prevent-officer'] as const) expect((await language.understand(text, role)).concern).toBe(true);
    });

    it.each(['I need to report something', 'how do I report someone', 'how do I report it'])(
      'reads %j from a member of staff, who has no board report, as the referral pathway',
      async (text) => {
        expect(await answer(text, 'staff')).toBe('referral');
      },
    );
  });

  describe('messages that mention governance words only', () => {
    it.each(['refer to the minutes', 'please defer the item'])('does not put the referral pathway first for %j', async (text) => {
      expect((await language.understand(text, 'chair')).concern).toBe(false);
    });
  });

  describe('short replies', () => {
    it.each(['thanks', 'Thank you!', 'cheers', '\u{1F44D}'])('reads %j as thanks', async (text) => {
      expect(await answer(text, 'staff')).toBe('thanks');
    });

    it.each(['', '   ', '?'])('answers %j, which has no words, with the help card', async (text) => {
      expect(await answer(text, 'staff')).toBe('help');
    });
  });

  describe('messages the bot does not understand', () => {
    it.each([["what's the weather"], ['is it raining'], ["I'm wrapping up"], [loremWords(500)]])('reads %j as unknown', async (text) => {
      expect(await answer(text)).toBe('unclear');
    });
  });
});
