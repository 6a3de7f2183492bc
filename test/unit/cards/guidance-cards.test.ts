import demoGuidance from '../../../src/data/demo/warwickshire-guidance.json';
import { actionUpdateCard } from '../../../src/cards/action-cards';
import { OWNER_TO_BE_SET } from '../../../src/domain/actions/action';
import { referralPathwayCard } from '../../../src/cards/referral-pathway-card';
import { trainingCard } from '../../../src/cards/training-card';
import { guidanceSchema } from '../../../src/domain/guidance/guidance';
import { cardProblems } from '../../support/adaptive-card-checks';

const guidance = guidanceSchema.parse(demoGuidance);
const { referralPathway: pathway, training } = guidance;
const partnershipName = guidance.partnershipName;

/** Every TextBlock text and button title of a card, in order, as a person reads it. */
function texts(card: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const element = node as Record<string, unknown>;
      if (element['type'] === 'TextBlock' && typeof element['text'] === 'string') out.push(element['text']);
      if (element['type'] === 'Action.OpenUrl') out.push(`[${element['title']}](${element['url']})`);
      for (const value of Object.values(element)) walk(value);
    }
  };
  walk(card);
  return out;
}

describe('the referral pathway card from the shipped guidance', () => {
  const card = referralPathwayCard({ partnershipName, pathway });
  const lines = texts(card);

  it('is a valid card', () => {
    expect(cardProblems(card)).toEqual([]);
  });

  it('shows each step followed by its source', () => {
    for (const step of pathway.steps) {
      const at = lines.indexOf(step.title);
      expect(lines.slice(at, at + 3)).toEqual([step.title, step.text, `Source: ${step.source}`]);
    }
  });

  it('cites a seed document or an official page for every step, the emergency line and Channel', () => {
    const cited = /OPCC Prevent Duty SOP \(2024\)|Warwickshire Prevent Action Plan 2017-18|Home Office Prevent Duty Toolkit \(2018\)|https:\/\/www\.gov\.uk\//;
    for (const source of [...pathway.steps.map((s) => s.source), pathway.emergency.source, pathway.channel.source]) expect(source).toMatch(cited);
  });

  it('does not send anyone to the MASH: no seed makes it part of the referral route', () => {
    expect(JSON.stringify(pathway)).not.toMatch(/MASH|Multi-Agency Safeguarding Hub/i);
  });

  it('says what happens after a referral: assessment, consent, other support and feedback, each with its source', () => {
    expect(pathway.afterReferral?.items.map((item) => item.title)).toEqual(['Assessment', 'Consent', 'Other support', 'Feedback to you']);
    expect(lines).toContain('What happens after a referral');
    for (const item of pathway.afterReferral!.items) expect(lines).toContain(`Source: ${item.source}`);
  });

  it('gives the sector links of the Home Office toolkit, by sector', () => {
    expect(pathway.sectorLinks?.map((link) => [link.sector, link.url])).toEqual([
      ['Education', 'https://www.gov.uk/government/publications/protecting-children-from-radicalisation-the-prevent-duty'],
      ['Education', 'https://educateagainsthate.com'],
      ['Health', 'https://www.england.nhs.uk/ourwork/safeguarding/our-work/prevent/'],
    ]);
    for (const link of pathway.sectorLinks!) expect(lines).toContain(`[${link.title}](${link.url})`);
  });

  it('still renders guidance saved before sources, the after-referral section and sector links existed', () => {
    const { afterReferral: _after, sectorLinks: _sector, ...older } = pathway;
    const { source: _source, ...emergency } = pathway.emergency;
    const olderLines = texts(referralPathwayCard({ partnershipName, pathway: { ...older, emergency } }));
    expect(olderLines).not.toContain('What happens after a referral');
    expect(olderLines).not.toContain('Links for your sector');
    expect(olderLines.filter((line) => line.startsWith('Source:'))).toEqual([...pathway.steps.map((s) => `Source: ${s.source}`), `Source: ${pathway.channel.source}`]);
  });
});

describe('the training card from the shipped guidance', () => {
  const card = trainingCard({ partnershipName, training });
  const lines = texts(card);

  it('is a valid card', () => {
    expect(cardProblems(card)).toEqual([]);
  });

  it('puts the current GOV.UK Prevent duty training first, under its official title and address', () => {
    const first = training.courses[0]!;
    expect(first.title).toBe('Prevent duty training: Learn how to support people susceptible to radicalisation (GOV.UK)');
    expect(first.link?.url).toBe('https://www.gov.uk/guidance/prevent-duty-training');
    expect(first.label).toBeUndefined();
  });

  it('labels every course taken from the 2017-18 plan as such, and only those', () => {
    const fromPlan = training.courses.filter((course) => course.source.includes('Warwickshire Prevent Action Plan 2017-18'));
    expect(fromPlan.map((course) => course.id)).toEqual(['warwickshire-prevent-elearning', 'wrap', 'beyond-wrap']);
    expect(training.courses.filter((course) => course.label).map((course) => course.id)).toEqual(fromPlan.map((course) => course.id));
    for (const course of fromPlan) {
      const at = lines.indexOf(course.title);
      expect(lines[at + 1]).toBe('From the 2017-18 action plan');
    }
  });

  it('shows the source of the introduction and of every course', () => {
    expect(lines).toContain(`Source: ${training.introSource}`);
    for (const course of training.courses) expect(lines).toContain(`Source: ${course.source}`);
  });
});

describe('an action whose owner is still to be set', () => {
  it('says so on its update card instead of an empty owner line', () => {
    const action = {
      id: '5.2',
      themeNumber: 5,
      themeTitle: 'Support',
      text: 'Implement E-CINS',
      who: 'ECINS Project Manager',
      ownerOrganisationIds: [],
      timescale: 'January 2018',
      recurring: false,
      outcomes: '',
      notes: '',
      flags: [],
    };
    const card = actionUpdateCard({ record: { action, etag: 'W/"1"' }, organisationNames: new Map(), today: '2026-11-22', nonce: 'nonce-0001' });
    expect(JSON.stringify(card)).toContain(OWNER_TO_BE_SET);
  });
});
