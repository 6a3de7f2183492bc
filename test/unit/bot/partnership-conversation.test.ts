import { botHarness, cardOf, cardSubmit, cardText, PEOPLE, teamsMessage } from '../../support/bot-harness';

type Harness = Awaited<ReturnType<typeof botHarness>>;

/** The card's text without Markdown escapes, as a reader would see it. */
function lastReplacement(harness: Harness): string {
  return cardText(harness.adapter.replaced.at(-1)!).replace(/\\\\/g, '');
}

describe('partnership members', () => {
  it('shows the Prevent Officer the organisations, their Prevent leads and members, with edit buttons', async () => {
    const harness = await botHarness();
    await harness.adapter.send(teamsMessage('partnership members', undefined, PEOPLE.officer)).assertReply((reply) => {
      const text = cardText(reply);
      expect(text).toContain('South Warwickshire NHS Foundation Trust');
      expect(text).toContain('No Prevent lead named');
      expect(text).toContain('Pat Police: Partner lead, Warwickshire and West Mercia Police');
      expect(text).toContain('Add or change a member');
    });
  });

  it('shows the chair the same list without edit buttons', async () => {
    const harness = await botHarness();
    await harness.adapter.send(teamsMessage('partnership members', undefined, PEOPLE.chair)).assertReply((reply) => {
      expect(cardText(reply)).toContain('Members with a role');
      expect(cardText(reply)).not.toContain('Add or change a member');
    });
  });

  it('is not shown to staff', async () => {
    const harness = await botHarness();
    await harness.adapter.send(teamsMessage('partnership members', undefined, PEOPLE.staff)).assertReply((reply) => {
      expect(cardText(reply)).toContain('kept by the Prevent Officer and the chair');
    });
  });

  it("lets the Prevent Officer make someone a partner lead and their organisation's Prevent lead", async () => {
    const harness = await botHarness();
    await harness.adapter.send(cardSubmit({ verb: 'member-form' }, PEOPLE.officer)).assertReply((reply) => {
      expect(JSON.stringify(cardOf(reply))).toContain('"title":"Hana Health","value":"aad-health"');
    });
    await harness.adapter.send(cardSubmit({ verb: 'member-save', aadObjectId: 'aad-health', role: 'partner-lead', organisationId: 'police', preventLead: 'true' }, PEOPLE.officer));
    expect(lastReplacement(harness)).toContain('Saved: Hana Health is Partner lead and the named Prevent lead of Warwickshire and West Mercia Police.');
    const requests = await harness.services.updateRequests.requests('warwickshire');
    const police = requests.find((r) => r.organisation.id === 'police');
    expect(police?.organisation.preventLeadId).toBe('aad-health');
    expect(police?.recipients.map((m) => m.name).sort()).toEqual(['Hana Health', 'Pat Police']);
  });

  it('gives the form back when a partner lead has no organisation, saving nothing', async () => {
    const harness = await botHarness();
    await harness.adapter.send(cardSubmit({ verb: 'member-save', aadObjectId: 'aad-chair', role: 'partner-lead', organisationId: '', preventLead: 'false' }, PEOPLE.officer));
    expect(lastReplacement(harness)).toContain('A partner lead must belong to an organisation.');
    expect((await harness.members.get('warwickshire', 'aad-chair'))?.role).toBe('chair');
  });

  it('refuses a person who is not in the partnership team', async () => {
    const harness = await botHarness();
    await harness.adapter.send(cardSubmit({ verb: 'member-save', aadObjectId: 'aad-stranger', role: 'chair', preventLead: 'false' }, PEOPLE.officer));
    expect(lastReplacement(harness)).toContain('That person is not in the partnership team.');
    expect(await harness.members.get('warwickshire', 'aad-stranger')).toBeUndefined();
  });

  it('refuses a member change submitted by anyone but the Prevent Officer', async () => {
    const harness = await botHarness();
    await harness.adapter
      .send(cardSubmit({ verb: 'member-save', aadObjectId: 'aad-staff', role: 'prevent-officer', preventLead: 'false' }, PEOPLE.policeLead))
      .assertReply((reply) => {
        expect(cardText(reply)).toContain('You cannot do that');
      });
    expect(await harness.members.get('warwickshire', 'aad-staff')).toBeUndefined();
  });

  it('adds an organisation from the form', async () => {
    const harness = await botHarness();
    await harness.adapter.send(cardSubmit({ verb: 'organisation-save', name: 'Rugby Borough Council', sector: 'local-government', aliases: 'RBC, Rugby BC' }, PEOPLE.officer));
    expect(lastReplacement(harness)).toContain('Added Rugby Borough Council.');
    expect(lastReplacement(harness)).toContain('Rugby Borough Council');
  });

  it('gives the organisation form back with what to fix and the typed name', async () => {
    const harness = await botHarness();
    await harness.adapter.send(cardSubmit({ verb: 'organisation-save', name: 'Rugby Borough Council', sector: 'parish' }, PEOPLE.officer));
    expect(lastReplacement(harness)).toContain('choose a sector');
    expect(lastReplacement(harness)).toContain('"value":"Rugby Borough Council"');
  });

  it('lets the Prevent Officer change an organisation, keeping its id and Prevent lead', async () => {
    const harness = await botHarness();
    await harness.adapter.send(cardSubmit({ verb: 'member-save', aadObjectId: 'aad-police', role: 'partner-lead', organisationId: 'police', preventLead: 'true' }, PEOPLE.officer));
    await harness.adapter.send(cardSubmit({ verb: 'organisation-pick' }, PEOPLE.officer)).assertReply((reply) => {
      expect(JSON.stringify(cardOf(reply))).toContain('"title":"Warwickshire and West Mercia Police","value":"police"');
    });
    await harness.adapter.send(cardSubmit({ verb: 'organisation-edit', organisationId: 'police' }, PEOPLE.officer));
    expect(lastReplacement(harness)).toContain('"value":"Warwickshire and West Mercia Police"');
    await harness.adapter.send(
      cardSubmit({ verb: 'organisation-save', organisationId: 'police', name: 'Warwickshire Police', sector: 'police', aliases: 'Police Prevent Team' }, PEOPLE.officer),
    );
    expect(lastReplacement(harness)).toContain('Saved Warwickshire Police.');
    const [police] = (await harness.services.updateRequests.requests('warwickshire')).filter((r) => r.organisation.id === 'police');
    expect(police?.organisation).toMatchObject({ name: 'Warwickshire Police', aliases: ['Police Prevent Team'], preventLeadId: 'aad-police' });
  });
});
