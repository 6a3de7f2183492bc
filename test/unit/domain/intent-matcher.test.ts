import { matchIntent } from '../../../src/domain/intents/intent-matcher';

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

describe('matchIntent', () => {
  describe('the referral intent', () => {
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
    ])('reads %j as the referral intent', (text) => {
      expect(matchIntent(text).intent).toBe('referral');
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
    ])('reads %j as the training intent', (text) => {
      expect(matchIntent(text).intent).toBe('training');
    });
  });

  describe('the help intent', () => {
    it.each(['help', 'HELP!', 'what can you do?', 'hi', 'hello', 'good morning'])(
      'reads %j as the help intent',
      (text) => {
        expect(matchIntent(text).intent).toBe('help');
      },
    );
  });

  describe('messages that mention referral words but are about something else', () => {
    it.each([
      'referral data for Q3',
      'referral statistics',
      'report',
      'refer to the minutes',
      "I'm worried about the budget",
      'please defer the item',
    ])('does not read %j as the referral intent', (text) => {
      expect(matchIntent(text).intent).not.toBe('referral');
    });
  });

  describe('messages the bot does not understand', () => {
    it.each([
      ["what's the weather"],
      ['is it raining'],
      ['of course'],
      ["I'm wrapping up"],
      ['thanks'],
      [''],
      ['   '],
      [loremWords(500)],
    ])('reads %j as unknown', (text) => {
      expect(matchIntent(text)).toEqual({ intent: 'unknown' });
    });
  });
});
