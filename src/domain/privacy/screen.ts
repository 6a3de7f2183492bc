import type { PersonalDataScreen } from './personal-data-error';
import { describeFindings, findPersonalData } from './personal-data-guard';

/** The screen every free-text field passes before it is stored. */
export const screenForPersonalData: PersonalDataScreen = (text) => describeFindings(findPersonalData(text));
