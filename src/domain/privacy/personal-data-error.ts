import { DomainError } from '../errors';

/**
 * What a screen knows about the partnership whose text it screens. Declared beside the screen's type
 * rather than in the guard, so the guard's helpers can name the screen without a loop back to it.
 */
export interface ScreenOptions {
  /** The partnership's organisation names and aliases: organisations, never people. */
  readonly knownNames?: readonly string[];
}

/**
 * Returns one line per kind of personal data found in the text; empty when it is clean. Services
 * that know the partnership pass its organisation names, so a partner's name is not read as a person.
 */
export type PersonalDataScreen = (text: string, options?: ScreenOptions) => string[];

/** Free text looks like it holds personal data: nothing was stored and the user must edit it. */
export class PersonalDataError extends DomainError {
  constructor(
    readonly findings: readonly string[],
    what = 'The progress note',
  ) {
    super('invalid', `${what} looks like it contains personal data about someone. Nothing was saved.`, findings);
  }
}
