import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { cardExecute, cardText, botHarness, invokeBodyOf, invokeCardOf, PEOPLE, teamsMessage } from '../../support/bot-harness';
import { cardProblems } from '../../support/adaptive-card-checks';

const FOLDER = path.resolve(__dirname, '../../fixtures/teams-payloads');
const payload = (name: string): Partial<Activity> => JSON.parse(readFileSync(path.join(FOLDER, name), 'utf8')) as Partial<Activity>;

describe('Teams payloads, replayed through the real bot', () => {
  it('has a test for every payload in the folder', () => {
    const tested = [
      'execute-from-form',
      'execute-from-button',
      'submit-fallback',
      'malformed-invoke',
      'no-action-invoke',
      'unknown-verb',
      'automatic-refresh-of-a-write',
      'automatic-refresh',
    ];
    expect(
      readdirSync(FOLDER)
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.replace(/\.json$/, ''))
        .sort(),
    ).toEqual([...tested].sort());
  });

  it('answers a form pressed with Action.Execute with the new card in the invoke response, and updates nothing in place', async () => {
    const harness = await botHarness();
    await harness.adapter.send(payload('execute-from-form.json')).assertReply((reply) => {
      const body = invokeBodyOf(reply);
      expect(body.statusCode).toBe(200);
      expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(JSON.stringify(body.value)).toContain('Thursday, 10 June 2027 at 14:30');
      expect(cardProblems(body.value)).toEqual([]);
    });
    expect(harness.adapter.replaced).toEqual([]);
    expect(harness.adapter.activeQueue).toEqual([]);
    expect((await harness.services.meetings.next('warwickshire'))?.location).toBe('Shire Hall, Warwick');
  });

  it('answers a button whose answer is a new message with that message, then a short message response', async () => {
    const harness = await botHarness();
    await harness.adapter
      .send(payload('execute-from-button.json'))
      .assertReply((reply) => expect(cardText(reply)).toContain('999'))
      .assertReply((reply) => {
        expect(invokeBodyOf(reply)).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Done: the answer is in the conversation.' });
      });
  });

  it('answers the Action.Submit fallback of the same button as before: the answer as a message, no invoke response', async () => {
    const harness = await botHarness();
    await harness.adapter.send(payload('submit-fallback.json')).assertReply((reply) => {
      expect(reply.type).toBe('message');
      expect(cardText(reply)).toContain('999');
    });
    expect(harness.adapter.activeQueue).toEqual([]);
  });

  it.each([
    ['malformed-invoke.json', 'That card action could not be read. Nothing was changed.'],
    ['no-action-invoke.json', 'That card action could not be read. Nothing was changed.'],
    ['unknown-verb.json', 'This card action is not one the bot can carry out. Nothing was changed.'],
    ['automatic-refresh-of-a-write.json', 'Only a view can be refreshed automatically. Nothing was changed.'],
  ])('answers %s with the error response Teams documents, running nothing', async (name, message) => {
    const harness = await botHarness();
    await harness.adapter.send(payload(name)).assertReply((reply) => {
      expect(invokeBodyOf(reply)).toEqual({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message } });
    });
    expect(harness.adapter.activeQueue).toEqual([]);
    expect(await harness.services.meetings.next('warwickshire')).toBeUndefined();
  });

  it('answers an Action.Execute the person may not carry out with the problem card in place of the one pressed', async () => {
    const harness = await botHarness();
    const press = cardExecute('meeting-schedule', { date: '2027-06-10', time: '14:30', location: '' }, PEOPLE.staff);
    await harness.adapter.send(press).assertReply((reply) => {
      const card = JSON.stringify(invokeCardOf(reply));
      expect(card).toContain('You cannot do that');
      expect(card).toContain('Reference');
    });
    expect(harness.adapter.activeQueue).toEqual([]);
    expect(await harness.services.meetings.next('warwickshire')).toBeUndefined();
  });

  it('answers a form that fails its schema with the card that says what to fix, as the invoke response', async () => {
    const harness = await botHarness();
    await harness.adapter.send(cardExecute('meeting-schedule', { date: 'soon', time: '14:30', location: '' })).assertReply((reply) => {
      expect(JSON.stringify(invokeCardOf(reply))).toContain('Please check what you entered');
    });
  });

  it("answers an automatic refresh of the channel's agenda with the lead's own view, refreshing for them only", async () => {
    const harness = await botHarness();
    await harness.adapter.send(teamsMessage('schedule meeting 12 March 2027 10:00')).assertReply(() => undefined);
    await harness.adapter.send(payload('automatic-refresh.json')).assertReply((reply) => {
      const card = invokeCardOf(reply);
      expect(JSON.stringify(card)).toContain('Your organisation, Warwickshire and West Mercia Police: not replied yet');
      expect(card['refresh']).toMatchObject({ userIds: ['29:1police-lead-mri-Pat'], action: { verb: 'agenda-view' } });
      expect(cardProblems(card)).toEqual([]);
    });
    expect(harness.adapter.activeQueue).toEqual([]);
  });
});
