import { isWorkingDay } from '../../../../src/domain/calendar/working-days';
import { chaserDates, chaserOnceKey, DEFAULT_CHASER_WORKING_DAYS, isChaserDay } from '../../../../src/domain/chasers/chasers';
import { londonHour } from '../../../../src/domain/clock';
import { defaultUpdateDeadline, requestedDeadline } from '../../../../src/domain/chasers/update-deadline';
import { InvalidError } from '../../../../src/domain/errors';

/** Thursday 3 December 2026, 10:00 GMT. */
const THURSDAY = new Date('2026-12-03T10:00:00Z');
/** Friday 4 December 2026, 10:00 GMT. */
const FRIDAY = new Date('2026-12-04T10:00:00Z');

describe('the chaser schedule', () => {
  it('falls 7 and 2 working days before the deadline, skipping weekends', () => {
    expect(chaserDates('2026-12-04', [7, 2])).toEqual(['2026-11-25', '2026-12-02']);
    expect(chaserDates('2026-12-07', [7, 2])).toEqual(['2026-11-26', '2026-12-03']);
  });

  it('skips bank holidays: never Easter Monday or Good Friday', () => {
    // 31 March 2027 is the Wednesday after Easter; counting weekends only, 2 working days before would be Easter Monday.
    expect(chaserDates('2027-03-31', [7, 2])).toEqual(['2027-03-18', '2027-03-25']);
    expect(isChaserDay('2027-03-29', '2027-03-31', [7, 2])).toBe(false);
    expect(isChaserDay('2027-03-25', '2027-03-31', [7, 2])).toBe(true);
  });

  it("skips Christmas, the Boxing Day substitute day and New Year's Day", () => {
    expect(chaserDates('2027-01-05', [7, 2])).toEqual(['2026-12-22', '2026-12-31']);
  });

  it('only ever falls on a working day (every deadline in 2026 and 2027)', () => {
    for (let d = new Date('2026-01-01T12:00:00Z'); d.getUTCFullYear() < 2028; d.setUTCDate(d.getUTCDate() + 1)) {
      const deadline = d.toISOString().slice(0, 10);
      for (const day of chaserDates(deadline, DEFAULT_CHASER_WORKING_DAYS)) expect([deadline, day, isWorkingDay(day)]).toEqual([deadline, day, true]);
    }
  });

  it('is due on a chaser day only while the deadline is ahead', () => {
    expect(isChaserDay('2026-11-25', '2026-12-04', [7, 2])).toBe(true);
    expect(isChaserDay('2026-11-26', '2026-12-04', [7, 2])).toBe(false);
    expect(isChaserDay('2026-11-25', undefined, [7, 2])).toBe(false);
  });

  it('keys a chaser by subject, person and UK day, so a second one that day is the same row', () => {
    const subject = { kind: 'update-round' as const, id: '2026-11-22T10:00:00.000Z' };
    expect(chaserOnceKey(subject, 'aad-police', '2026-11-25')).toBe(chaserOnceKey(subject, 'aad-police', '2026-11-25'));
    expect(chaserOnceKey(subject, 'aad-police', '2026-11-25')).not.toBe(chaserOnceKey(subject, 'aad-police', '2026-11-26'));
  });

  it('reads the hour on UK clocks, in summer time too', () => {
    expect(londonHour(new Date('2026-11-25T09:30:00Z'))).toBe(9);
    expect(londonHour(new Date('2026-06-25T08:30:00Z'))).toBe(9);
  });
});

describe('the deadline in "request updates by ..."', () => {
  const weekendBefore = (named: string) => `the working day before ${named}, which is a weekend`;
  const holidayBefore = (named: string) => `the working day before ${named}, which is a bank holiday`;

  it.each([
    ['request updates by 12 December', '2026-12-11', weekendBefore('12 Dec 2026')], // a Saturday
    ['request updates by 12th Dec 2026', '2026-12-11', weekendBefore('12 Dec 2026')],
    ['request updates by 3 January', '2026-12-31', weekendBefore('3 Jan 2027')], // a Sunday, after New Year's Day
    ['request updates by 12/12/2026', '2026-12-11', weekendBefore('12 Dec 2026')],
    ['request updates by 2026-12-12', '2026-12-11', weekendBefore('12 Dec 2026')],
    ['request updates by 10 December', '2026-12-10', 'as requested'], // a Thursday
    ['request updates by next Thursday', '2026-12-10', 'as requested'],
    ['request updates by a week on Friday', '2026-12-11', 'as requested'],
    ['request updates by Friday week', '2026-12-11', 'as requested'],
    ['request updates by Saturday', '2026-12-04', weekendBefore('5 Dec 2026')],
    ['request updates by 28 December', '2026-12-24', holidayBefore('28 Dec 2026')], // the Boxing Day substitute day
    ['request updates by 29/03/2027', '2027-03-25', holidayBefore('29 Mar 2027')], // Easter Monday, after Good Friday
  ])('reads %j on Thursday 3 December 2026 as due %s (%s)', (text, dueOn, basis) => {
    expect(requestedDeadline(text, THURSDAY)).toEqual({ dueOn, basis });
  });

  it('reads "by the end of the month" as the last working day of the month', () => {
    expect(requestedDeadline('request updates by the end of the month', THURSDAY)).toEqual({ dueOn: '2026-12-31', basis: 'as requested' });
    // 31 January 2027 is a Sunday.
    expect(requestedDeadline('request updates by the end of the month', new Date('2027-01-14T10:00:00Z'))).toEqual({ dueOn: '2027-01-29', basis: weekendBefore('31 Jan 2027') });
  });

  it('reads the date on UK clocks in summer time', () => {
    // 00:30 BST on Friday 26 June 2026: tomorrow is Saturday, so due on Friday, which is today.
    expect(() => requestedDeadline('request updates by tomorrow', new Date('2026-06-25T23:30:00Z'))).toThrow(InvalidError);
    expect(requestedDeadline('request updates by tomorrow', new Date('2026-06-25T10:00:00Z'))).toEqual({ dueOn: '2026-06-26', basis: 'as requested' });
  });

  it('is absent when no date is named', () => {
    expect(requestedDeadline('request updates', THURSDAY)).toBeUndefined();
    expect(requestedDeadline('request updates next week', THURSDAY)).toBeUndefined();
  });

  it.each([
    ['request updates by 22 November 2026', 'The deadline 22 Nov 2026 is not after today; choose a later date.'],
    ['request updates by 3 December 2026', 'The deadline 3 Dec 2026 is not after today; choose a later date.'],
    ['request updates by 31/02/2027', 'That deadline is not a date in the calendar.'],
  ])('refuses %j', (text, message) => {
    const read = () => requestedDeadline(text, THURSDAY);
    expect(read).toThrow(InvalidError);
    expect(read).toThrow(message);
  });

  it('refuses a weekend whose working day before is today', () => {
    const read = () => requestedDeadline('request updates by Saturday', FRIDAY);
    expect(read).toThrow(InvalidError);
    expect(read).toThrow('5 Dec 2026 is not a working day, and the working day before it is not after today; choose a later date.');
  });
});

describe('the default update deadline', () => {
  it("is the working day before the next meeting's agenda is posted", () => {
    expect(defaultUpdateDeadline('2026-11-22', '2027-03-12', 5)).toEqual({
      dueOn: '2027-03-04',
      basis: 'the working day before the agenda for the meeting on 12 Mar 2027 is posted',
    });
  });

  it('counts back over bank holidays to the agenda and the day before it', () => {
    // Meeting Thursday 1 April 2027: the agenda goes out 5 working days before (31, 30, 25, 24, 23 March), so on the 23rd.
    expect(defaultUpdateDeadline('2027-03-01', '2027-04-01', 5)).toEqual({
      dueOn: '2027-03-22',
      basis: 'the working day before the agenda for the meeting on 1 Apr 2027 is posted',
    });
    // Meeting Thursday 7 January 2027: agenda on 30 December (6, 5, 4 Jan, 31, 30 Dec), updates due on the 29th.
    expect(defaultUpdateDeadline('2026-12-03', '2027-01-07', 5).dueOn).toBe('2026-12-29');
  });

  it('is 10 working days from today without a meeting, or when that day has passed', () => {
    expect(defaultUpdateDeadline('2026-11-22', undefined, 5)).toEqual({ dueOn: '2026-12-04', basis: '10 working days from today' });
    expect(defaultUpdateDeadline('2026-11-22', '2026-11-27', 5).dueOn).toBe('2026-12-04');
  });

  it("skips Christmas, the Boxing Day substitute day and New Year's Day in those 10 working days", () => {
    expect(defaultUpdateDeadline('2026-12-17', undefined, 5)).toEqual({ dueOn: '2027-01-05', basis: '10 working days from today' });
  });
});
