import { z } from 'zod';

/**
 * The version a card carries back, as the bot gave it out: a weak ETag, W/"…" (Table storage writes
 * W/"datetime'…'"). "*" or any other form would let a submit overwrite someone else's change
 * unchecked, so it is refused like any other bad field.
 */
export const storageEtagSchema = z
  .string()
  .max(200)
  .regex(/^W\/"[A-Za-z0-9%:.'_+-]{1,180}"$/, 'the card is out of date or was changed: open it again');
