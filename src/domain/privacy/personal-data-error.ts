import { DomainError } from '../errors';
import type { ScreenOptions } from './personal-data-guard';

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
