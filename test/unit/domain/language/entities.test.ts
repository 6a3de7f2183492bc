import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findActionId, leadsWithActionId, mentionedOrganisation, type NamedOrganisation } from '../../../../src/domain/language/entities';

/** The fifteen organisations of the Warwickshire demo partnership, with their aliases. */
const WARWICKSHIRE: readonly NamedOrganisation[] = JSON.parse(
  readFileSync(path.join(__dirname, '..', '..', '..', '..', 'src', 'data', 'demo', 'warwickshire-organisations.json'), 'utf8'),
);

describe('the action a message names', () => {
  it.each([
    ['3.1', '3.1'],
    ['update on 3.1: training delivered to 40 staff', '3.1'],
    ['Action 6.4 is complete', '6.4'],
    ['action 3-1', '3.1'],
    ['update action 3 - 1 please', '3.1'],
    ['action three point one', '3.1'],
    ['Action Three Point One is on track', '3.1'],
    ['ten point twelve', '10.12'],
    ['03.01', '3.1'],
    ['update 3.1 by 12.03.2027', '3.1'],
    ['after the 10.30am meeting, action 2.4 is done', '2.4'],
  ])('finds in %j the action %s', (text, id) => {
    expect(findActionId(text)).toBe(id);
  });

  it.each([
    ['meeting on 12.03.2027', 'a date'],
    ['12/03/2027', 'a date with slashes'],
    ['see you at 10.30am', 'a time'],
    ['see you at 10.30 pm', 'a time with a space before pm'],
    ['the score was 3-1', 'a dash without the word action'],
    ['version 1.2.3', 'three numbers, not two'],
    ['request updates', 'no numbers at all'],
    ['point one', 'half of a spoken id'],
  ])('finds none in %j (%s)', (text) => {
    expect(findActionId(text)).toBeUndefined();
  });
});

describe('a message that leads with an action id', () => {
  it.each(['3.1 training delivered to 40 staff', '  action 3.1: done', 'Action 6.4 complete', 'Update on action 3.1: venue policy agreed', 'updating 6.4 now', 'update 3.1'])(
    'is %j',
    (text) => {
      expect(leadsWithActionId(text)).toBe(true);
    },
  );

  it.each([
    ['I have finished 3.1', 'the id comes late, after no update word'],
    ['what is action 3.1 about?', 'a question about the action'],
    ['12.03.2027 meeting', 'a date, not an action'],
    ['10.30am meeting moved to Friday', 'a time, not an action'],
    ['request updates by 12 December', 'no action id'],
  ])('is not %j (%s)', (text) => {
    expect(leadsWithActionId(text)).toBe(false);
  });
});

describe('the organisation a message names', () => {
  it.each([
    ['summary for Rugby Borough Council', 'rugby-borough-council', 'its full name'],
    ['how is warwickshire county council doing', 'warwickshire-county-council', 'its full name in lower case'],
    ['summary for WCC', 'warwickshire-county-council', 'an acronym alias'],
    ['how is NBBC doing?', 'nuneaton-and-bedworth-borough-council', 'an acronym alias'],
    ['CAVA', 'warwickshire-cava', 'an alias alone'],
    ['what has the Police Prevent Team returned', 'warwickshire-and-west-mercia-police', 'a team named as an alias'],
    ['Coventry and Warwickshire Partnership Trust', 'coventry-and-warwickshire-partnership-nhs-trust', 'the alias without NHS'],
  ])('finds in %j %s (%s)', (text, id) => {
    expect(mentionedOrganisation(text, WARWICKSHIRE)).toBe(id);
  });

  it.each([
    ['summary for the police', 'warwickshire-and-west-mercia-police', 'the organisation whose name ends in Police, not the Police and Crime Commissioner'],
    ['the police and crime commissioner', 'warwickshire-police-and-crime-commissioner', 'the Commissioner, named by the words only it has'],
    ['West Mercia Police', 'warwickshire-and-west-mercia-police', 'not the West Mercia CRC'],
    ['Rugby', 'rugby-borough-council', 'a town only one name holds'],
    ['Nuneaton', 'nuneaton-and-bedworth-borough-council', 'a town only one name holds'],
    ['Warwick', 'warwick-district-council', 'Warwick, which is not Warwickshire'],
    ['South Warwickshire', 'south-warwickshire-nhs-foundation-trust', 'the word South'],
    ['George Eliot', 'george-eliot-hospital-nhs-trust', 'a hospital by its name'],
    ['probation', 'national-probation-service', 'the service by what it does'],
  ])('finds in %j %s (%s)', (text, id) => {
    expect(mentionedOrganisation(text, WARWICKSHIRE)).toBe(id);
  });

  it.each([
    ['District & Borough', 'an alias all five districts and boroughs share'],
    ['Warwickshire', 'a word in nine of the names'],
    ['West Mercia', 'the police and the CRC alike'],
    ['Coventry and Warwickshire', 'both Coventry and Warwickshire NHS trusts'],
    ['the council', 'a word that tells no council from another'],
    ['the NHS trust', 'words that tell no trust from another'],
    ['the PCC', 'an acronym that is not an alias'],
    ['what is the weather like', 'no organisation at all'],
  ])('finds none in %j (%s)', (text) => {
    expect(mentionedOrganisation(text, WARWICKSHIRE)).toBeUndefined();
  });

  describe('in questions about the action plan', () => {
    // "Action" is the last word of Warwickshire Community and Voluntary Action, and no other name has it.
    it('finds none in "summary of the action plan"', () => {
      expect(mentionedOrganisation('summary of the action plan', WARWICKSHIRE)).toBeUndefined();
    });

    it('finds the police in "how is the police doing on the action plan"', () => {
      expect(mentionedOrganisation('how is the police doing on the action plan', WARWICKSHIRE)).toBe('warwickshire-and-west-mercia-police');
    });
  });

  it('finds none among no organisations', () => {
    expect(mentionedOrganisation('summary for the police', [])).toBeUndefined();
  });
});
