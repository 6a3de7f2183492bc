/**
 * Text as the personal-data screen reads it, with a map back to what the user typed.
 *
 * A number or address can be disguised without changing how it looks: a zero-width space inside an
 * NI number, a narrow no-break space inside a phone number, full-width digits or a full-width "@",
 * a right-to-left override around an email. The detectors are written for plain ASCII shapes, so
 * the text is folded first: NFKC (full-width and other compatibility forms become ASCII), invisible
 * format characters (zero-width, word joiner, byte-order mark, soft hyphen, direction marks,
 * embeddings, overrides and isolates) are dropped, every other Unicode space becomes " ", line and
 * paragraph separators become "\n", and dash look-alikes become "-".
 *
 * Findings must still point into the original text (callers and tests slice it), so each folded
 * UTF-16 unit remembers the original character, with its combining marks, it came from.
 */
export interface ScreeningText {
  /** The folded text the detectors read. */
  readonly text: string;
  /** The original span behind folded units `start` to `end` (exclusive); `end > start`. */
  originalSpan(start: number, end: number): { start: number; end: number };
}

const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;
const SPACE = /\p{Zs}/gu;
const LINE_BREAK = /[\u2028\u2029\u0085]/gu;
const DASH = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/gu;
const MARK = /^\p{M}$/u;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range, control characters included, on purpose
const ASCII_ONLY = /^[\x00-\x7f]*$/;

function fold(piece: string): string {
  return piece.normalize('NFKC').replace(INVISIBLE, '').replace(SPACE, ' ').replace(LINE_BREAK, '\n').replace(DASH, '-');
}

/** Folds `original` for screening; plain ASCII (most notes) is returned as it is, with no map. */
export function prepareForScreening(original: string): ScreeningText {
  if (ASCII_ONLY.test(original)) return { text: original, originalSpan: (start, end) => ({ start, end }) };

  // Folded one base character (with the combining marks after it) at a time, so every folded unit
  // knows its source; composing across such pieces never changes an ASCII shape.
  const pieces: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let pieceStart = 0;
  const flush = (pieceEnd: number) => {
    if (pieceEnd === pieceStart) return;
    const piece = original.slice(pieceStart, pieceEnd);
    const folded = piece.length === 1 && piece.charCodeAt(0) < 0x80 ? piece : fold(piece);
    for (let unit = 0; unit < folded.length; unit++) {
      starts.push(pieceStart);
      ends.push(pieceEnd);
    }
    pieces.push(folded);
  };
  for (let i = 0; i < original.length; ) {
    const codePoint = original.codePointAt(i)!;
    const size = codePoint > 0xffff ? 2 : 1;
    const attaches = codePoint >= 0x300 && i > pieceStart && MARK.test(String.fromCodePoint(codePoint));
    if (!attaches) {
      flush(i);
      pieceStart = i;
    }
    i += size;
  }
  flush(original.length);

  return {
    text: pieces.join(''),
    originalSpan: (start, end) => ({ start: starts[start]!, end: ends[end - 1]! }),
  };
}
