import { z } from 'zod';

/**
 * The least a request must be to reach the adapter: an object with an activity type. Anything else
 * ({}, an array, a number for a type) is answered 400 here, before botbuilder, which would throw and
 * answer 500 with its own error text.
 */
const activityShape = z
  .object({
    type: z.string().min(1).max(64),
    name: z.string().max(256).optional(),
  })
  .passthrough();

export type ActivityShape = z.infer<typeof activityShape>;

export function readActivityShape(body: unknown): ActivityShape | undefined {
  const parsed = activityShape.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}

/**
 * What Teams expects back from an invoke the bot cannot serve (Universal Actions' error response):
 * HTTP 200 carrying the error, never a 5xx that Teams would retry.
 */
export function invokeErrorBody(message: string) {
  return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message } };
}
