import type { ZodError, ZodType, ZodTypeDef } from 'zod';
import { InvalidError } from './errors';

/** One line per problem, naming the field path, so a partnership editor can find and fix it. */
export function describeZodIssues(error: ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : '(root)';
    return `${path}: ${issue.message}`;
  });
}

export function parseOrThrow<Output, Input>(
  schema: ZodType<Output, ZodTypeDef, Input>,
  value: unknown,
  what: string,
): Output {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InvalidError(`${what} is not valid`, describeZodIssues(result.error));
  }
  return result.data;
}
