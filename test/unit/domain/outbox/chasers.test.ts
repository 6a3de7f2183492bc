import { chaserDates, chaserOnceKey, isChaserDay, londonHour } from '../../../../src/domain/outbox/chasers';
import { defaultUpdateDeadline, parseDeadline } from '../../../../src/domain/outbox/deadline';
import { InvalidError } from '../../../../src/domain/errors';

describe('the chaser schedule', () => {
  it('falls 7 and 2 working days before the deadline, skipping weekends', () => {
    expect(chaserDates('2026-12-04', [7, 2])).toEqual(['2026-11-25', '2026-12-02']);
    expect(chaserDates('2026-12-07', [7, 2])).toEqual(['2026-11-26', '2026-12-03']);
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
  it.each([
    ['request updates by 12 December', '2026-12-12'],
    ['request updates by 12th Dec 2026', '2026-12-12'],
    ['request updates by 3 January', '2027-01-03'],
    ['request updates by 12/12/2026', '2026-12-12'],
    ['request updates by 2026-12-12', '2026-12-12'],
  ])('reads %j as %s', (text, date) => {
    expect(parseDeadline(text, '2026-11-22')).toBe(date);
  });

  it('is absent when no date is named', () => {
    expect(parseDeadline('request updates', '2026-11-22')).toBeUndefined();
  });

  it.each(['request updates by 22 November 2026', 'request updates by 31/02/2027'])('refuses %j', (text) => {
    expect(() => parseDeadline(text, '2026-11-22')).toThrow(InvalidError);
  });
});

describe('the default update deadline', () => {
  it('is the working day before the next meeting\'s agenda is posted', () => {
    expect(defaultUpdateDeadline('2026-11-22', '2027-03-12', 5)).toEqual({ dueOn: '2027-03-04', basis: 'the working day before the agenda for the meeting on 12 Mar 2027 is posted' });
  });

  it('is 10 working days from today without a meeting, or when that day has passed', () => {
    expect(defaultUpdateDeadline('2026-11-22', undefined, 5).dueOn).toBe('2026-12-04');
    expect(defaultUpdateDeadline('2026-11-22', '2026-11-27', 5).dueOn).toBe('2026-12-04');
  });
});
