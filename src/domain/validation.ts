import { ZodError, type SafeParseReturnType, type ZodIssue, type ZodType, type ZodTypeDef } from 'zod';
import { InvalidError } from './errors';

/** One line per problem, naming the field path, so a partnership editor can find and fix it. */
export function describeZodIssues(error: ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : '(root)';
    return `${path}: ${messageOf(issue)}`;
  });
}

/** zod's own enum message repeats what was received, which may be anything a user or attacker sent. */
function messageOf(issue: ZodIssue): string {
  if (issue.code === 'invalid_enum_value' && issue.message.startsWith('Invalid enum value')) {
    return `expected one of ${issue.options.map(String).join(', ')}`;
  }
  return issue.message;
}

/**
 * safeParse that cannot throw: zod's coercions call Number() and String() on the value, which
 * throws for an object such as {"valueOf": 1}. Such a value is invalid input, not a crash.
 */
export function safeParseInput<Output, Input>(schema: ZodType<Output, ZodTypeDef, Input>, value: unknown): SafeParseReturnType<Input, Output> {
  try {
    return schema.safeParse(value);
  } catch {
    return { success: false, error: new ZodError([{ code: 'custom', path: [], message: 'it holds a value that is neither text nor a number' }]) };
  }
}

export function parseOrThrow<Output, Input>(schema: ZodType<Output, ZodTypeDef, Input>, value: unknown, what: string): Output {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InvalidError(`${what} is not valid`, describeZodIssues(result.error));
  }
  return result.data;
}
