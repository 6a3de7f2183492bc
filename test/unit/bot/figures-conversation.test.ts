import { botHarness, cardExecute, cardSubmit, DEMO_PARTNERSHIP_TENANT, DEMO_PEOPLE, PEOPLE, teamsMessage } from '../../support/bot-harness';
import { isRefusal, runTurn } from '../../support/bot-turn';
import { VALID_PAYLOADS } from '../../support/card-payloads';

const plain = (text: string) => text.replace(/\\\\/g, '');
const SEEDS = { roundId: '', meetingId: '', agendaItemId: '', actionEtag: '', statementYear: '', prioritiesEtag: '' };
const referrals = () => ({ verb: 'figures-save', ...VALID_PAYLOADS['figures-save']!(SEEDS) });

describe('the quarterly figures in conversation', () => {
  it('a newcomer asking "quarterly figures" in the seeded demo sees last quarter, suppressed, and a four-quarter trend', async () => {
    const harness = await botHarness({ demo: true });
    const outcome = await runTurn(harness, teamsMessage('quarterly figures', DEMO_PARTNERSHIP_TENANT, DEMO_PEOPLE.chair));
    const text = plain(outcome.cards.join('\n'));
    expect(text).toContain('Quarterly figures: 2026-27 Q2');
    expect(text).toContain('Trend over the last four quarters');
    expect(text).toMatch(/2025-26 Q3[\s\S]*2026-27 Q2/);
    expect(text).toContain('fewer than 5');
    expect(text).toContain('from Warwickshire');
    expect(text).not.toMatch(/\b[1-4] referrals\b/);
  });

  it("the agenda of the demo's next meeting has the figures under the referral data, Channel Panel and training items", async () => {
    const harness = await botHarness({ demo: true });
    const outcome = await runTurn(harness, teamsMessage('agenda', DEMO_PARTNERSHIP_TENANT, DEMO_PEOPLE.chair));
    const text = plain(outcome.cards.join('\n'));
    expect(text).toMatch(/20\d\d-\d\d Q\d \([A-Za-z]+ to [A-Za-z]+ 20\d\d\): \d+ referrals/);
    expect(text).toContain('Current caseload');
    expect(text).toContain('Staff trained this quarter');
  });

  it('the chair\'s "how are we doing?" ends with the figures block and its four-quarter trend', async () => {
    const harness = await botHarness({ demo: true });
    const outcome = await runTurn(harness, teamsMessage('how are we doing?', DEMO_PARTNERSHIP_TENANT, DEMO_PEOPLE.chair));
    const text = plain(outcome.cards.join('\n'));
    expect(text).toContain('Quarterly figures: 2026-27 Q2');
    expect(text).toMatch(/referrals [^"]*; Channel caseload/);
  });

  it('staff get a polite no; partner leads and the chair get the figures', async () => {
    const harness = await botHarness();
    expect(isRefusal(await runTurn(harness, teamsMessage('quarterly figures', undefined, PEOPLE.staff)))).toBe(true);
    expect(isRefusal(await runTurn(harness, teamsMessage('how many referrals', undefined, PEOPLE.healthLead)))).toBe(false);
  });

  it('the police lead returns referral figures: the card turns into a receipt, and the same submit twice is recorded once', async () => {
    const harness = await botHarness();
    const first = await runTurn(harness, cardExecute('figures-save', referrals(), PEOPLE.policeLead));
    expect(first.cards.join('')).toContain('Prevent referrals figures for 2026-27 Q2 recorded');
    const again = await runTurn(harness, cardExecute('figures-save', referrals(), PEOPLE.policeLead));
    expect(again.cards.join('')).toContain('not saved twice');
    const officer = await harness.services.directory.actorFor('warwickshire', PEOPLE.officer.aadObjectId, PEOPLE.officer.name);
    expect(await harness.services.figures.history('warwickshire', officer, { quarter: '2026-27 Q2', kind: 'referrals', organisationId: 'police' })).toHaveLength(1);
  });

  it('totals that do not agree come back on the card with what to fix, and nothing is written', async () => {
    const harness = await botHarness();
    const outcome = await runTurn(harness, cardSubmit({ ...referrals(), 'outcome-being-assessed': '4' }, PEOPLE.policeLead));
    const text = outcome.cards.join('');
    expect(text).toContain('the referrals by outcome add up to 26 but the referrals by sector add up to 25');
    expect((await harness.services.figures.snapshot('warwickshire')).returns).toEqual([]);
  });

  it('issues of concern naming a person (an NHS number, an email) are refused and nothing is written', async () => {
    const harness = await botHarness();
    const channel = {
      verb: 'figures-save',
      quarter: '2026-27 Q2',
      kind: 'channel',
      organisationId: 'wcc',
      nonce: 'nonce-channel-private',
      etag: '',
      caseload: '6',
      adopted: '2',
      closed: '1',
      reviewsCompleted: '5',
      issuesOfConcern: 'Case of j.bloggs@example.com, NHS number 943 476 5919, delayed',
    };
    const outcome = await runTurn(harness, cardExecute('figures-save', channel, PEOPLE.officer));
    expect(outcome.cards.join('')).toContain('Not saved: please remove the personal details');
    expect((await harness.services.figures.snapshot('warwickshire')).returns).toEqual([]);
  });

  it("another organisation's lead cannot return the police's referral figures", async () => {
    const harness = await botHarness();
    expect(isRefusal(await runTurn(harness, cardExecute('figures-save', referrals(), PEOPLE.healthLead)))).toBe(true);
    expect((await harness.services.figures.snapshot('warwickshire')).returns).toEqual([]);
  });

  it('"request figures" asks each organisation\'s leads, and "who hasn\'t replied" lists the figures owed', async () => {
    const harness = await botHarness();
    // The police lead has a 1:1 chat with the bot: their figures cards go there.
    await runTurn(harness, teamsMessage('help', undefined, PEOPLE.policeLead));
    const requested = await runTurn(harness, teamsMessage('request figures'));
    expect(plain(requested.cards.join(''))).toContain('Figures requests for 2026-27 Q2');
    const sent = harness.messenger.sent.map((m) => plain(JSON.stringify(m.card)));
    expect(sent.some((card) => card.includes('Prevent referrals figures for 2026-27 Q2'))).toBe(true);
    expect(sent.some((card) => card.includes('Prevent training figures for 2026-27 Q2'))).toBe(true);
    const owed = await runTurn(harness, teamsMessage("who hasn't replied"));
    const text = plain(owed.cards.join(''));
    expect(text).toContain('Quarterly figures for 2026-27 Q2');
    expect(text).toContain('Prevent referrals');
  });
});
