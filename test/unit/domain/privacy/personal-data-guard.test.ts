import fc from 'fast-check';
import { isValidNhsNumber } from '../../../../src/domain/privacy/nhs-number';
import { describeFindings, findPersonalData, type PersonalDataKind } from '../../../../src/domain/privacy/personal-data-guard';
import { hostileString } from '../../../support/hostile-input';

/** Each finding as the kind and the exact piece of text it points at. */
function pieces(text: string): Array<[PersonalDataKind, string]> {
  return findPersonalData(text).map((f) => [f.kind, text.slice(f.start, f.end)]);
}

describe('isValidNhsNumber', () => {
  it.each(['9434765919', '4010232137'])('accepts %s, whose check digit is right', (digits) => {
    expect(isValidNhsNumber(digits)).toBe(true);
  });

  it.each([
    ['9434765918', 'a wrong check digit'],
    ['9434765910', 'a wrong check digit of 0'],
    ['1000000010', 'a check digit that would be 10'],
    ['943476591', 'nine digits'],
    ['94347659190', 'eleven digits'],
    ['943 476 5919', 'spaces in it'],
    ['0000000000', 'ten identical digits'],
  ])('rejects %s (%s)', (digits) => {
    expect(isValidNhsNumber(digits)).toBe(false);
  });
});

describe('findPersonalData flags personal data', () => {
  it.each<[string, PersonalDataKind, string]>([
    ['NI number AB 12 34 56 C', 'ni-number', 'AB 12 34 56 C'],
    ['NI: AB123456C.', 'ni-number', 'AB123456C'],
    ['ni ab123456c', 'ni-number', 'ab123456c'],
    ['JG 103759 A on file', 'ni-number', 'JG 103759 A'],
    ['ZA 123456 D', 'ni-number', 'ZA 123456 D'],
    ['NHS no. 943 476 5919', 'nhs-number', '943 476 5919'],
    ['NHS no. 9434765919', 'nhs-number', '9434765919'],
    ['NHS no. 943-476-5919', 'nhs-number', '943-476-5919'],
    ['email jane.doe@example.org today', 'email', 'jane.doe@example.org'],
    ['contact j.smith+prevent@warwickshire.gov.uk.', 'email', 'j.smith+prevent@warwickshire.gov.uk'],
    ['shared mailbox prevent@warwickshire.gov.uk', 'email', 'prevent@warwickshire.gov.uk'],
    ['mobile 07700 900123', 'phone', '07700 900123'],
    ['mobile 07700900123', 'phone', '07700900123'],
    ['mobile 07700-900-123', 'phone', '07700-900-123'],
    ['mobile +44 7700 900123', 'phone', '+44 7700 900123'],
    ['mobile +447700900123', 'phone', '+447700900123'],
    ['tel (01926) 410410', 'phone', '(01926) 410410'],
    ['tel 0121 496 0000', 'phone', '0121 496 0000'],
    ['tel 020 7946 0000', 'phone', '020 7946 0000'],
    ['tel +44 (0)20 7946 0000', 'phone', '+44 (0)20 7946 0000'],
    ['rang 07700 900123 12 times', 'phone', '07700 900123'],
    ['DOB 12/03/2009', 'date-of-birth', '12/03/2009'],
    ['D.O.B. 12-03-09', 'date-of-birth', '12-03-09'],
    ['date of birth: 12 March 2009', 'date-of-birth', '12 March 2009'],
    ['born on 3rd May 2010', 'date-of-birth', '3rd May 2010'],
    ['born March 12th 2009', 'date-of-birth', 'March 12th 2009'],
    ['born in Coventry on 12 March 2009', 'date-of-birth', '12 March 2009'],
    ['b. 2009-03-12', 'date-of-birth', '2009-03-12'],
    ['John Smith lives at CV34 4RL', 'postcode-with-name', 'CV34 4RL'],
    ['Mrs Khan, B1 1AA', 'postcode-with-name', 'B1 1AA'],
    ['Ms A Jones, SW1A 1AA', 'postcode-with-name', 'SW1A 1AA'],
    ['cv34 4rl is where Dr Patel lives', 'postcode-with-name', 'cv34 4rl'],
    ['mobile 07700.900.123', 'phone', '07700.900.123'],
    ['mobile 0044 7700 900123', 'phone', '0044 7700 900123'],
    ['tel 0044 (0)20 7946 0000', 'phone', '0044 (0)20 7946 0000'],
    ['NI AB-12-34-56-C', 'ni-number', 'AB-12-34-56-C'],
    ['NHS 943.476.5919', 'nhs-number', '943.476.5919'],
    ['Channel case ref CH-2024-0173', 'case-reference', 'CH-2024-0173'],
    ['Prevent referral PR/2023/117', 'case-reference', 'PR/2023/117'],
    ['case number 12345', 'case-reference', '12345'],
    ['she is in Y8 at Rugby High School', 'child-at-school', 'she is in Y8 at Rugby High School'],
    ['lives at 14 Elm Road', 'home-address', '14 Elm Road'],
    ['email jane.doe＠example.org', 'email', 'jane.doe＠example.org'],
  ])('flags %j as %s', (text, kind, piece) => {
    expect(pieces(text)).toEqual([[kind, piece]]);
  });
});

describe('findPersonalData leaves governance text alone', () => {
  it.each([
    ['an NHS-number-shaped value that fails the checksum', 'NHS number 943 476 5918'],
    ['an action id', 'Action 3.1 complete'],
    ['a financial year', '2017-18 plan'],
    ['a revised date', 'revised date 31/03/2027'],
    ['counts', '12 WRAP sessions delivered to 240 staff'],
    ['a meeting date and venue postcode', 'meeting on 12 March 2027 at Shire Hall, Warwick CV34 4RL'],
    ['an organisation and its postcode', 'Warwickshire County Council CV34 4RL'],
    ['a place and its postcode', 'Training at Leamington Spa Library, CV32 4AW'],
    ['money', 'budget £2,500'],
    ['a percentage', '85% of staff trained'],
    ["HMRC's specimen NI number, whose Q prefix is never issued", 'QQ123456C'],
    ["HMRC's spaced specimen NI number", 'QQ 12 34 56 C'],
    ['an NI-like value with an excluded prefix letter', 'DA123456A'],
    ['an NI-like value with an unissued prefix', 'GB123456A'],
    ['a link', 'see https://www.gov.uk/guidance/prevent-duty-training'],
    ['a Teams mention', '@channel please update'],
    ['an address with no domain', 'ask team@ for help'],
    ['the Anti-Terrorist Hotline', 'call the Anti-Terrorist Hotline on 0800 789 321'],
    ['the emergency number', 'in an emergency call 999'],
    ['a date after "date of birth" used as a word about time', 'date of birth field added from 1 April 2025'],
    ['an age with no date of birth', 'aged 15'],
    ['a postcode with no name nearby', 'Send forms to CV34 4RL'],
    ['a postcode far from a name', `John Smith chaired the meeting.${' '.repeat(50)}Venue CV34 4RL`],
    ['an ordinary capitalised sentence start', 'The Prevent Team met at CV34 4RL'],
    ['an empty note', ''],
    ['the Anti-Terrorist Hotline written with dots', 'call 0800.789.321'],
    ['a dotted date and time', 'met 01.02.2025 at 09.30'],
    ['a decimal', 'a 0.5 post'],
    ['a group of pupils by year group and school', 'Year 10 pupils at Westgate School'],
    ['a year-group event at a school', 'Year 9 assembly at Westgate School'],
    ['counted cases', 'Channel panel met on 3 May; 12 cases reviewed'],
    ['a number of staff before a capitalised word', '14 staff trained at the Council'],
  ])('does not flag %s: %j', (_why, text) => {
    expect(findPersonalData(text)).toEqual([]);
  });

  it('links a date of birth cue only to the first date after it', () => {
    expect(pieces('DOB 12/03/2009, reviewed 01/04/2024')).toEqual([['date-of-birth', '12/03/2009']]);
  });

  it('does not link a cue to a date in the next sentence', () => {
    expect(findPersonalData('Forms ask where people were born. Meeting 12 March 2027')).toEqual([]);
  });
});

describe('findPersonalData findings', () => {
  const note = 'Update from Mrs Khan, B1 1AA: call 07700 900123 or email k.khan@example.org; ' + 'NHS 943 476 5919, NI AB 12 34 56 C, DOB 12/03/2009. Action 3.1 on track.';

  it('point at exactly the matched pieces, in order', () => {
    expect(pieces(note)).toEqual([
      ['postcode-with-name', 'B1 1AA'],
      ['phone', '07700 900123'],
      ['email', 'k.khan@example.org'],
      ['nhs-number', '943 476 5919'],
      ['ni-number', 'AB 12 34 56 C'],
      ['date-of-birth', '12/03/2009'],
    ]);
  });

  it('are sorted by start and never overlap', () => {
    const findings = findPersonalData(note);
    findings.slice(1).forEach((f, i) => expect(f.start).toBeGreaterThanOrEqual(findings[i]!.end));
  });

  it('carry the plain-English label of their kind', () => {
    expect(findPersonalData('NHS 9434765919')).toEqual([{ kind: 'nhs-number', label: 'an NHS number', start: 4, end: 14 }]);
  });

  it('keep one finding when two detectors claim the same digits', () => {
    // 0192641042 is both a ten-digit 01 phone number and a checksum-valid NHS number.
    expect(pieces('ref 0192641042')).toEqual([['nhs-number', '0192641042']]);
  });

  it('point into the text as typed when it was folded before screening', () => {
    const text = '🙂 NI ＡＢ\u200b１２ ３４ ５６ Ｃ, mobile 07700\u202f900\u2060123';
    expect(pieces(text)).toEqual([
      ['ni-number', 'ＡＢ\u200b１２ ３４ ５６ Ｃ'],
      ['phone', '07700\u202f900\u2060123'],
    ]);
  });

  it('count UTF-16 offsets past characters outside the Basic Multilingual Plane', () => {
    const text = '🙂 mobile 07700 900123';
    const [f] = findPersonalData(text);
    expect(text.slice(f!.start, f!.end)).toBe('07700 900123');
  });
});

describe('describeFindings', () => {
  it.each<[string, string]>([
    ['AB 12 34 56 C', 'It looks like it contains a National Insurance number. Please remove it.'],
    ['943 476 5919', 'It looks like it contains an NHS number. Please remove it.'],
    ['a@example.org', 'It looks like it contains an email address. Please remove it.'],
    ['07700 900123', 'It looks like it contains a phone number. Please remove it.'],
    ['DOB 12/03/2009', 'It looks like it contains a date of birth. Please remove it.'],
    ['Mrs Khan, B1 1AA', "It looks like it contains a person's name and postcode. Please remove it."],
    ['Channel case ref CH-2024-0173', 'It looks like it contains a Prevent or Channel case reference. Please remove it.'],
    ['the boy in year 9 at Westgate School', "It looks like it contains a child's school and year group. Please remove it."],
    ['12 Station Street, Rugby', 'It looks like it contains a home address. Please remove it.'],
  ])('describes %j in plain English', (text, line) => {
    expect(describeFindings(findPersonalData(text))).toEqual([line]);
  });

  it('gives one line per kind, in the order the kinds first appear', () => {
    const findings = findPersonalData('07700 900123, a@example.org, 07700 900124, b@example.org');
    expect(describeFindings(findings)).toEqual(['It looks like it contains a phone number. Please remove it.', 'It looks like it contains an email address. Please remove it.']);
  });

  it('gives no lines when nothing was found', () => {
    expect(describeFindings([])).toEqual([]);
  });
});

describe('findPersonalData on any input', () => {
  function wellFormed(text: string, knownNames?: readonly string[]): void {
    const findings = findPersonalData(text, { knownNames });
    for (const [i, f] of findings.entries()) {
      expect(f.start).toBeGreaterThanOrEqual(i === 0 ? 0 : findings[i - 1]!.end);
      expect(f.end).toBeGreaterThan(f.start);
      expect(f.end).toBeLessThanOrEqual(text.length);
    }
  }

  it('never throws on random Unicode text up to a few KB, and its findings stay inside the text, in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 4000 }), fc.array(fc.string({ unit: 'grapheme', maxLength: 20 }), { maxLength: 4 }), (text, names) => {
        wellFormed(text);
        wellFormed(text, names);
      }),
      { seed: 16, numRuns: 150 },
    );
  });

  it('never throws on hostile text, including pastes of 100 KB', () => {
    fc.assert(
      fc.property(hostileString, (text) => wellFormed(text, ['Westgate School'])),
      { seed: 16, numRuns: 60 },
    );
  });
});
