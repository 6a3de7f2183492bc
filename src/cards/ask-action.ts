import { z } from 'zod';

/**
 * The "ask" button on the help and welcome cards: pressing it asks the bot the example question,
 * exactly as if the user had typed it.
 */
export const ASK_VERB = 'ask';

export const askSubmitSchema = z.object({
  verb: z.literal(ASK_VERB),
  question: z.string().trim().min(1, 'the question is empty').max(200, 'the question is too long'),
});

export type AskSubmit = z.infer<typeof askSubmitSchema>;
