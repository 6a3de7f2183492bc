import { readDeadline, readMeetingStart } from '../../../../src/domain/calendar/date-phrases';
import { InvalidError } from '../../../../src/domain/errors';

/** Thursday 3 December 2026, 10:00 on UK clocks (GMT). */
const THURSDAY = new Date('2026-12-03T10:00:00Z');
/** Friday 4 December 2026, 10:00 GMT. */
const FRIDAY = new Date('2026-12-04T10:00:00Z');
/** Thursday 25 June 2026, 11:00 on UK clocks (BST, UTC+1). */
const SUMMER_THURSDAY = new Date('2026-06-25T10:00:00Z');
/** 00:30 BST on Friday 26 June 2026, while it is still Thursday 25 June in UTC. */
const SUMMER_FRIDAY_AFTER_MIDNIGHT = new Date('2026-06-25T23:30:00Z');

const startOf = (text: string, now: Date) => readMeetingStart(text, now)?.toISOString();

describe('the start of a meeting', () => {
  describe('on a winter morning (GMT)', () => {
    it.each([
      ['schedule meeting 12 March 2027 10:00', '2027-03-12T10:00:00.000Z'],
      ['schedule meeting 12 March 10:00', '2027-03-12T10:00:00.000Z'], // the next 12 March
      ['schedule meeting on 12/03/2027 at 2pm', '2027-03-12T14:00:00.000Z'], // day first
      ['schedule meeting 12.03.2027 at 2', '2027-03-12T14:00:00.000Z'],
      ['schedule meeting next Thursday at 2', '2026-12-10T14:00:00.000Z'],
      ['schedule meeting a week on Friday', '2026-12-11T10:00:00.000Z'],
      ['schedule meeting Friday week at 10:30', '2026-12-11T10:30:00.000Z'],
      ['schedule meeting tomorrow', '2026-12-04T10:00:00.000Z'],
    ])('reads "%s" as %s', (text, iso) => {
      expect(startOf(text, THURSDAY)).toBe(iso);
    });
  });

  describe('on UK clocks in summer time (BST)', () => {
    it.each([
      ['schedule meeting 2027-06-10 14:30', '2027-06-10T13:30:00.000Z'],
      ['schedule meeting 10 June 2027 at 2', '2027-06-10T13:00:00.000Z'],
      ['schedule meeting 1 July 2027 9:30', '2027-07-01T08:30:00.000Z'],
      ['Schedule meeting 3rd Sept 2027', '2027-09-03T09:00:00.000Z'],
      ['schedule meeting 29 March 2027 at 14:00', '2027-03-29T13:00:00.000Z'], // the day after the clocks go forward
      ['schedule meeting next Thursday at 2', '2026-07-02T13:00:00.000Z'],
    ])('reads "%s" as %s', (text, iso) => {
      expect(startOf(text, SUMMER_THURSDAY)).toBe(iso);
    });

    it('counts "tomorrow" from the UK date, which turns over an hour before UTC\'s', () => {
      expect(startOf('schedule meeting tomorrow at 2', SUMMER_FRIDAY_AFTER_MIDNIGHT)).toBe('2026-06-27T13:00:00.000Z');
    });
  });

  describe('the hour', () => {
    it.each([
      ['at 2', '2026-12-10T14:00:00.000Z', 'a bare 2 is 2pm: the Steering Group does not meet at 2am'],
      ['at 2:30', '2026-12-10T14:30:00.000Z', 'and 2:30 is half past two in the afternoon'],
      ['at 9', '2026-12-10T09:00:00.000Z', 'a bare 9 is the morning'],
      ['at 12', '2026-12-10T12:00:00.000Z', 'a bare 12 is noon'],
      ['at 2am', '2026-12-10T02:00:00.000Z', 'an explicit am is kept'],
      ['at 2pm', '2026-12-10T14:00:00.000Z', 'an explicit pm is kept'],
      ['', '2026-12-10T10:00:00.000Z', 'no time at all is 10:00'],
    ])('Thursday %s is %s (%s)', (time, iso) => {
      expect(startOf(`schedule meeting next Thursday ${time}`.trim(), THURSDAY)).toBe(iso);
    });

    it('takes 12am as midnight', () => {
      expect(startOf('schedule meeting 12 March 2027 12am', THURSDAY)).toBe('2027-03-12T00:00:00.000Z');
    });
  });

  it.each([
    ['schedule meeting', 'no day at all'],
    ['schedule meeting next week', 'a week but no day in it'],
    ['schedule meeting next month', 'a month but no day in it'],
    ['schedule meeting 31/02/2027', 'a date that does not exist'],
    ['schedule meeting 12 March 2027 25:00', 'a time that does not exist'],
  ])('is not read from "%s" (%s)', (text) => {
    expect(readMeetingStart(text, THURSDAY)).toBeUndefined();
  });
});

describe('the deadline named in a message', () => {
  it.each([
    ['request updates by 12 December', '2026-12-12'], // a Saturday: moving it is requestedDeadline's job
    ['request updates by 12th Dec 2026', '2026-12-12'],
    ['request updates by 12/12/2026', '2026-12-12'], // day first
    ['request updates by 2026-12-12', '2026-12-12'],
    ['request updates by 3 January', '2027-01-03'], // the next 3 January
    ['request updates by tomorrow', '2026-12-04'],
    ['request updates by Friday', '2026-12-04'],
    ['request updates by next Thursday', '2026-12-10'],
    ['request updates by a week on Friday', '2026-12-11'],
    ['request updates by Friday week', '2026-12-11'],
    ['request updates by a week on Monday', '2026-12-14'],
    ['request updates by Tuesday week', '2026-12-15'],
  ])('reads %j on Thursday 3 December 2026 as %s', (text, date) => {
    expect(readDeadline(text, THURSDAY)).toBe(date);
  });

  it('reads "a week on Friday" said on a Friday as the Friday after next', () => {
    expect(readDeadline('request updates by a week on Friday', FRIDAY)).toBe('2026-12-18');
  });

  it('reads "by the end of the month" as the last day of this month', () => {
    expect(readDeadline('request updates by the end of the month', THURSDAY)).toBe('2026-12-31');
  });

  it.each(['request updates', 'request updates now', 'request updates today', 'request updates by next week', 'request updates next month'])(
    'is absent from %j, which names no day',
    (text) => {
      expect(readDeadline(text, THURSDAY)).toBeUndefined();
    },
  );

  it.each([
    ['request updates by 31/02/2027', 'That deadline is not a date in the calendar.'],
    ['request updates by 22 November 2026', 'The deadline 22 Nov 2026 is not after today; choose a later date.'],
    ['request updates by 3 December 2026', 'The deadline 3 Dec 2026 is not after today; choose a later date.'],
  ])('refuses %j: %s', (text, message) => {
    const read = () => readDeadline(text, THURSDAY);
    expect(read).toThrow(InvalidError);
    expect(read).toThrow(message);
  });

  describe('on UK clocks', () => {
    it('takes "today" to be the UK date, so just after midnight BST Friday has begun', () => {
      expect(readDeadline('request updates by tomorrow', SUMMER_FRIDAY_AFTER_MIDNIGHT)).toBe('2026-06-27');
      expect(() => readDeadline('request updates by 26 June', SUMMER_FRIDAY_AFTER_MIDNIGHT)).toThrow('The deadline 26 Jun 2026 is not after today; choose a later date.');
    });

    it('reads a date in summer time the same as in winter', () => {
      expect(readDeadline('request updates by a week on Friday', SUMMER_THURSDAY)).toBe('2026-07-03');
      expect(readDeadline('request updates by 12 December', SUMMER_THURSDAY)).toBe('2026-12-12');
    });

    it('still counts from today in the last seconds before midnight', () => {
      // 23:59:45 GMT on Thursday 3 December: tomorrow is Friday 4 December.
      const lateThursday = new Date('2026-12-03T23:59:45Z');
      expect(readDeadline('request updates by tomorrow', lateThursday)).toBe('2026-12-04');
      expect(readDeadline('request updates by a week on Friday', lateThursday)).toBe('2026-12-11');
    });
  });
});
