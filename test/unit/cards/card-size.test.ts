import { CardTooLargeError, MAX_MESSAGE_UTF16_BYTES, renderCard, teamsMessageBytes, utf16Bytes } from '../../../src/cards/render';

describe('card size, measured as Teams measures a message', () => {
  it('counts two bytes for every UTF-16 code unit, so plain ASCII counts double its UTF-8 size', () => {
    expect(utf16Bytes('Prevent')).toBe(14);
    expect(utf16Bytes('é')).toBe(2);
    // An emoji outside the Basic Multilingual Plane is two code units.
    expect(utf16Bytes('😀')).toBe(4);
  });

  it('counts the message around the card, not the card alone', () => {
    const card = { type: 'AdaptiveCard', version: '1.5', body: [] };
    expect(teamsMessageBytes(card)).toBeGreaterThan(utf16Bytes(JSON.stringify(card)));
  });

  it('refuses to render a card that is within 80 KB in UTF-8 but over 80 KB in UTF-16, naming the template', () => {
    // The help card's template binds none of these, so the size comes from a list the caller could make long.
    const lines = Array.from({ length: 500 }, (_, i) => `Action ${i}: ${'a'.repeat(80)}`);
    const utf8Bytes = Buffer.byteLength(JSON.stringify(lines), 'utf8');
    expect(utf8Bytes).toBeLessThan(MAX_MESSAGE_UTF16_BYTES);
    let thrown: unknown;
    try {
      renderCard('round-progress', { title: 'Big', countLine: '', doneLine: '', colour: 'Good', requestedBy: '', requestedAt: '', waitingFor: lines });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CardTooLargeError);
    expect((thrown as CardTooLargeError).template).toBe('round-progress');
    expect((thrown as CardTooLargeError).bytes).toBeGreaterThan(MAX_MESSAGE_UTF16_BYTES);
  });
});
