import { normalise } from '../../../src/domain/language/normalise';

describe('normalise', () => {
  it('treats a curly apostrophe like a straight one', () => {
    expect(normalise('don\u2019t')).toEqual(normalise("don't"));
  });

  it('treats a left single quote used as an apostrophe like a straight one', () => {
    expect(normalise('I\u2018m')).toEqual(['i', 'am']);
  });

  it('expands "I\'m" to "i am"', () => {
    expect(normalise("I'm worried")).toEqual(['i', 'am', 'worried']);
  });

  it('expands "I\u2019m" with a curly apostrophe to "i am"', () => {
    expect(normalise('I\u2019m worried')).toEqual(['i', 'am', 'worried']);
  });

  it('expands "what\'s" to "what is"', () => {
    expect(normalise("what's on")).toEqual(['what', 'is', 'on']);
  });

  it('drops the apostrophe from words that are not listed contractions', () => {
    expect(normalise("partnership's plan")).toEqual(['partnerships', 'plan']);
  });

  it.each(['e-learning', 'e learning', 'E-Learning', 'E  learning', 'elearning'])('reads %j as "elearning"', (text) => {
    expect(normalise(text)).toEqual(['elearning']);
  });

  it('does not join "e" to "learning" inside a longer word', () => {
    expect(normalise('the learning pool')).toEqual(['the', 'learning', 'pool']);
  });

  it('strips punctuation', () => {
    expect(normalise('Help! What, now? (please)...')).toEqual(['help', 'what', 'now', 'please']);
  });

  it('folds case', () => {
    expect(normalise('REPORT a CoNcErN')).toEqual(['report', 'a', 'concern']);
  });

  it('keeps digits', () => {
    expect(normalise('Q3 2024')).toEqual(['q3', '2024']);
  });

  it('returns no words for empty input', () => {
    expect(normalise('')).toEqual([]);
  });

  it('returns no words for whitespace and punctuation only', () => {
    expect(normalise('  \t?!\n ')).toEqual([]);
  });

  it('drops accents rather than letters, so "café" stays a word', () => {
    expect(normalise('Café')).toEqual(['cafe']);
  });

  it('treats typographic hyphens like "-"', () => {
    expect(normalise('e\u2011learning')).toEqual(['elearning']);
  });
});
