import { ConcernLexicon } from '../../../../src/domain/language/concern-lexicon';
import { readConcernLexicon } from '../../../../src/storage/files/language-files';

/**
 * The safety net on its own, without the classifier: what it must always catch, whatever the
 * spelling or disguise, and the governance talk it must let pass.
 */
const lexicon = readConcernLexicon();

describe('the concern lexicon', () => {
  describe('catches a possible risk to a person', () => {
    it.each([
      'pupil said he wants to blow up the school',
      'he keeps watching beheading videos',
      'my neighbour has been stockpiling weapons',
      'student expressed support for ISIS',
      'a tenant has a swastika flag in his window',
      'colleague sharing far-right memes',
      'lad says the great replacement is real',
      'she wants to travel to join them over there',
      'is this a prevent thing?',
      'should I refer this?',
      'he has been radicalized online',
      'he has been radicalised online',
      'he has been radicalsed online',
      'he talks about being an incel and hating women',
      'boy threatened to stab a teacher',
      'he said he hates muslims and wants them gone',
      'Iѕ thіs abоut a bоmb',
      'b0mb in his bag',
      'he wants to k1ll them',
      'he spelled out b o m b in the chat',
      'k.i.l.l all of them',
      'man making threats to attack a mosque',
      'sharing terrorist propaganda',
      'extreamist views',
      'terrorsit group',
    ])('%j', (text) => {
      expect(lexicon.find(text)).toBeDefined();
    });
  });

  describe('lets partnership business pass', () => {
    it.each([
      'how are we doing?',
      'request updates by 12 December',
      'action 3.1 is on track',
      'add the counter terrorism local profile to the agenda',
      'I had a panic attack before the meeting',
      'please attach the minutes',
      'who has not replied?',
      '88% of staff are trained',
      'the local risk assessment process benchmark',
      'schedule meeting 12 March 2027 10:00',
    ])('%j', (text) => {
      expect(lexicon.find(text)).toBeUndefined();
    });
  });

  it('refuses a lexicon file that is not of its shape', () => {
    expect(() => ConcernLexicon.fromData({ categories: 'bombs' })).toThrow();
  });
});
