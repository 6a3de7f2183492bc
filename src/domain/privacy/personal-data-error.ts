import { DomainError } from '../errors';

/** Returns one line per kind of personal data found in the text; empty when it is clean. */
export type PersonalDataScreen = (text: string) => string[];

/** Free text looks like it holds personal data: nothing was stored and the user must edit it. */
export class PersonalDataError extends DomainError {
  constructor(
    readonly findings: readonly string[],
    what = 'The progress note',
  ) {
    super('invalid', `${what} looks like it contains personal data about someone. Nothing was saved.`, findings);
  }
}
