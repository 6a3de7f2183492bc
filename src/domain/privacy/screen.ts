import type { PersonalDataScreen } from './personal-data-error';
import { describeFindings, findPersonalData, type ScreenOptions } from './personal-data-guard';

/** The screen every free-text field passes before it is stored. */
export const screenForPersonalData: PersonalDataScreen = (text, options) => describeFindings(findPersonalData(text, options));

/** A screen for one partnership: its organisations' names and aliases are never read as people. */
export function screenFor(options: ScreenOptions): (text: string) => string[] {
  return (text) => screenForPersonalData(text, options);
}
