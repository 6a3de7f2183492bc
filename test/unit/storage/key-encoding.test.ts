import { InvalidError } from '../../../src/domain/errors';
import { historyRowKey } from '../../../src/storage/tables/history-keys';
import { fromJsonColumns, toJsonColumns } from '../../../src/storage/tables/json-columns';
import { decodeKey, encodeKey, encodeLongKey } from '../../../src/storage/tables/key-encoding';
import { seededDice as seededRandom } from '../../../tools/local/seeded-dice';

/** What Azure Tables refuses in a PartitionKey or RowKey. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what Table keys refuse
const FORBIDDEN_IN_KEYS = /[/\\#?\u0000-\u001f\u007f-\u009f]/;

const ALPHABET: readonly string[] = [
  '/',
  '\\',
  '#',
  '?',
  '%',
  '~',
  ':',
  ' ',
  '-',
  '_',
  '.',
  '2',
  'F',
  'f',
  'a',
  'Z',
  '0',
  '9',
  '\u0000',
  '\u0001',
  '\t',
  '\n',
  '\r',
  '\u001f',
  '\u007f',
  '\u0080',
  '\u0085',
  '\u009f',
  '\u00a0',
  '\u00e9',
  '\u4e2d',
  '\u2019',
  '\ud83d\ude00',
  '\ufeff',
];

function randomStrings(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const length = Math.floor(random() * 40);
    let s = '';
    for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(random() * ALPHABET.length)];
    return s;
  });
}

const TRICKY = [
  '',
  'msteams/bot/conversations/a:1#?',
  'msteams/bot/users/29:1abc',
  '100%',
  '%2F',
  '%%2F%',
  '%25',
  'back\\slash',
  'tab\there',
  'line\nbreak',
  '\u0000\u001f\u007f\u009f',
  'caf\u00e9 \u4e2d\u6587 \ud83d\ude00',
  'already%2Fencoded/too',
];

describe('encodeKey', () => {
  it.each(TRICKY)('leaves no forbidden character in the encoding of %j', (raw) => {
    expect(encodeKey(raw)).not.toMatch(FORBIDDEN_IN_KEYS);
  });

  it('leaves ordinary keys readable', () => {
    expect(encodeKey('warwickshire')).toBe('warwickshire');
  });

  it('encodes "/" as %2F', () => {
    expect(encodeKey('a/b')).toBe('a%2Fb');
  });

  it('escapes "%" so that an already-encoded-looking key is not confused with an encoded one', () => {
    expect(encodeKey('%2F')).not.toBe(encodeKey('/'));
  });

  it('leaves no forbidden character in 2,000 pseudo-random strings', () => {
    const offenders = randomStrings(2000, 20240601).filter((raw) => FORBIDDEN_IN_KEYS.test(encodeKey(raw)));
    expect(offenders).toEqual([]);
  });
});

describe('decodeKey', () => {
  it.each(TRICKY)('restores %j exactly', (raw) => {
    expect(decodeKey(encodeKey(raw))).toBe(raw);
  });

  it('restores 2,000 pseudo-random strings exactly', () => {
    const failures = randomStrings(2000, 424242).filter((raw) => decodeKey(encodeKey(raw)) !== raw);
    expect(failures).toEqual([]);
  });

  it('gives distinct encodings for 2,000 distinct pseudo-random strings', () => {
    const raws = [...new Set(randomStrings(2000, 777))];
    expect(new Set(raws.map(encodeKey)).size).toBe(raws.length);
  });
});

describe('encodeLongKey', () => {
  const LONG = `msteams/bot/conversations/${'19:meeting_abc#?/'.repeat(60)}`;

  it('leaves a key that fits unchanged from encodeKey', () => {
    expect(encodeLongKey('msteams/bot/conversations/a:1#?')).toBe(encodeKey('msteams/bot/conversations/a:1#?'));
  });

  it('keeps the key of an encoded length of exactly 400 unhashed', () => {
    const raw = 'k'.repeat(400);
    expect(encodeLongKey(raw)).toBe(raw);
  });

  it('keeps a long key to at most 400 characters', () => {
    expect(encodeLongKey(LONG).length).toBeLessThanOrEqual(400);
  });

  it('hashes a key whose encoding is just over 400 characters', () => {
    expect(encodeLongKey('k'.repeat(401)).length).toBeLessThanOrEqual(400);
  });

  it('keeps a long key free of forbidden characters', () => {
    expect(encodeLongKey(LONG)).not.toMatch(FORBIDDEN_IN_KEYS);
  });

  it('keeps a readable prefix of a long key', () => {
    expect(encodeLongKey(LONG).startsWith('msteams%2Fbot%2Fconversations%2F')).toBe(true);
  });

  it('gives the same key for the same long input every time', () => {
    expect(encodeLongKey(LONG)).toBe(encodeLongKey(`${LONG}`));
  });

  it('gives different keys to two long inputs that share their prefix', () => {
    expect(encodeLongKey(`${LONG}first`)).not.toBe(encodeLongKey(`${LONG}second`));
  });

  it('keeps every long pseudo-random key to at most 400 characters', () => {
    const random = seededRandom(99);
    const tooLong = Array.from({ length: 200 }, () => {
      const length = 300 + Math.floor(random() * 700);
      let s = '';
      for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(random() * ALPHABET.length)];
      return encodeLongKey(s);
    }).filter((key) => key.length > 400);
    expect(tooLong).toEqual([]);
  });
});

describe('historyRowKey', () => {
  it('sorts a later change before an earlier one', () => {
    const earlier = historyRowKey('guidance', new Date('2024-03-01T09:00:00.000Z'));
    const later = historyRowKey('guidance', new Date('2024-03-01T09:00:00.001Z'));
    expect(later < earlier).toBe(true);
  });

  it('sorts a change years later before one years earlier', () => {
    const earlier = historyRowKey('guidance', new Date('2001-01-01T00:00:00Z'));
    const later = historyRowKey('guidance', new Date('2099-12-31T23:59:59Z'));
    expect(later < earlier).toBe(true);
  });

  it('gives two changes in the same millisecond different keys', () => {
    const at = new Date('2024-03-01T09:00:00Z');
    expect(historyRowKey('guidance', at)).not.toBe(historyRowKey('guidance', at));
  });

  it('starts with the prefix it was given', () => {
    expect(historyRowKey('guidance', new Date('2024-03-01T09:00:00Z')).startsWith('guidance_')).toBe(true);
  });

  it('produces a key that is valid in Azure Tables', () => {
    expect(historyRowKey('guidance', new Date())).not.toMatch(FORBIDDEN_IN_KEYS);
  });
});

describe('toJsonColumns and fromJsonColumns', () => {
  const LARGE = { title: 'board report', body: 'x'.repeat(200_000), items: [1, 2, 3] };

  it('round-trips a 200,000-character document', () => {
    expect(fromJsonColumns(toJsonColumns(LARGE))).toEqual(LARGE);
  });

  it('keeps every column of a 200,000-character document to at most 30,000 characters', () => {
    const oversized = Object.values(toJsonColumns(LARGE)).filter((column) => typeof column === 'string' && column.length > 30_000);
    expect(oversized).toEqual([]);
  });

  it('records how many chunks it wrote', () => {
    const columns = toJsonColumns(LARGE);
    const chunkColumns = Object.keys(columns).filter((key) => /^json\d+$/.test(key));
    expect(columns['jsonChunks']).toBe(chunkColumns.length);
  });

  it('round-trips a small document in one column', () => {
    expect(toJsonColumns({ a: 1 })).toEqual({ jsonChunks: 1, json0: '{"a":1}' });
  });

  it('round-trips text outside the Basic Multilingual Plane', () => {
    const value = { text: '\ud83d\ude00 caf\u00e9 \u4e2d\u6587'.repeat(5_000) };
    expect(fromJsonColumns(toJsonColumns(value))).toEqual(value);
  });

  it('accepts a document that needs exactly 15 chunks', () => {
    const value = 'x'.repeat(15 * 30_000 - 2);
    expect(toJsonColumns(value)['jsonChunks']).toBe(15);
  });

  it('refuses a document that needs more than 15 chunks with InvalidError', () => {
    expect(() => toJsonColumns({ body: 'x'.repeat(15 * 30_000) })).toThrow(InvalidError);
  });
});
