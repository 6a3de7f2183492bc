import { editDistance, isCloseTo, typoAllowance } from '../../../src/domain/language/edit-distance';

describe('editDistance', () => {
  it('is 0 for identical words', () => {
    expect(editDistance('training', 'training')).toBe(0);
  });

  it('is 0 for two empty strings', () => {
    expect(editDistance('', '')).toBe(0);
  });

  it('is the length of the other word when one is empty', () => {
    expect(editDistance('', 'wrap')).toBe(4);
  });

  it('counts one inserted letter as 1', () => {
    expect(editDistance('referal', 'referral')).toBe(1);
  });

  it('counts one deleted letter as 1', () => {
    expect(editDistance('trainig', 'training')).toBe(1);
  });

  it('counts one substituted letter as 1', () => {
    expect(editDistance('concorn', 'concern')).toBe(1);
  });

  it('counts an adjacent transposition as 1', () => {
    expect(editDistance('trainnig', 'training')).toBe(1);
  });

  it('counts a transposition at the start of a word as 1', () => {
    expect(editDistance('rtaining', 'training')).toBe(1);
  });

  it('gives the classic distance of 3 between "kitten" and "sitting"', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('is symmetric', () => {
    expect(editDistance('refferal', 'referral')).toBe(editDistance('referral', 'refferal'));
  });

  it('counts two separate slips as 2', () => {
    expect(editDistance('refferal', 'referral')).toBe(2);
  });
});

describe('typoAllowance', () => {
  it.each([
    ['hi', 0],
    ['wrap', 0],
    ['help', 0],
    ['learn', 1],
    ['concern', 1],
    ['training', 2],
    ['safeguarding', 2],
  ])('allows %j %i typos', (word, allowance) => {
    expect(typoAllowance(word)).toBe(allowance);
  });
});

describe('isCloseTo', () => {
  it('accepts an exact match of a short word', () => {
    expect(isCloseTo('wrap', 'wrap')).toBe(true);
  });

  it.each([
    ['helo', 'help'],
    ['wrep', 'wrap'],
    ['wra', 'wrap'],
    ['rwap', 'wrap'],
    ['hii', 'hi'],
  ])('refuses %j for the short word %j (4 letters or fewer must match exactly)', (typed, expected) => {
    expect(isCloseTo(typed, expected)).toBe(false);
  });

  it.each([
    ['helo', 'hello'],
    ['lern', 'learn'],
    ['concren', 'concern'],
    ['concerm', 'concern'],
  ])('accepts %j for the 5-7 letter word %j with one slip', (typed, expected) => {
    expect(isCloseTo(typed, expected)).toBe(true);
  });

  it.each([
    ['hel', 'hello'],
    ['cnocren', 'concern'],
    ['wurreed', 'worried'],
  ])('refuses %j for the 5-7 letter word %j with two slips', (typed, expected) => {
    expect(isCloseTo(typed, expected)).toBe(false);
  });

  it.each([
    ['trainig', 'training'],
    ['refferal', 'referral'],
    ['trianign', 'training'],
  ])('accepts %j for the 8+ letter word %j with up to two slips', (typed, expected) => {
    expect(isCloseTo(typed, expected)).toBe(true);
  });

  it.each([
    ['trxxxing', 'training'],
    ['trng', 'training'],
    ['rfrrl', 'referral'],
  ])('refuses %j for the 8+ letter word %j with three or more slips', (typed, expected) => {
    expect(isCloseTo(typed, expected)).toBe(false);
  });
});
