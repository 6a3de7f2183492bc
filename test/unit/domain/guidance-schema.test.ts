import demoGuidance from '../../../src/data/demo/warwickshire-guidance.json';
import { InvalidError } from '../../../src/domain/errors';
import { guidanceSchema } from '../../../src/domain/guidance/guidance';
import { describeZodIssues, parseOrThrow } from '../../../src/domain/validation';

// biome-ignore lint/suspicious/noExplicitAny: the test reaches into JSON by path and edits it in place
type Json = Record<string, any>;

function demoCopy(): Json {
  return structuredClone(demoGuidance) as Json;
}

function refusal(value: unknown): InvalidError {
  try {
    parseOrThrow(guidanceSchema, value, 'guidance');
  } catch (error) {
    if (error instanceof InvalidError) return error;
    throw error;
  }
  throw new Error('expected the guidance to be refused');
}

function issuesFor(value: unknown): string[] {
  const result = guidanceSchema.safeParse(value);
  if (result.success) throw new Error('expected the guidance to be refused');
  return describeZodIssues(result.error);
}

describe('guidanceSchema', () => {
  it('accepts the shipped Warwickshire demo guidance', () => {
    expect(guidanceSchema.safeParse(demoGuidance).success).toBe(true);
  });

  it('keeps 999 in the emergency heading of the shipped referral pathway', () => {
    const guidance = guidanceSchema.parse(demoGuidance);
    expect(guidance.referralPathway.emergency.heading).toContain('999');
  });

  it('refuses an http:// link with an InvalidError', () => {
    const guidance = demoCopy();
    guidance['referralPathway'].links[0].url = 'http://safeinwarwickshire.com/radicalisation';
    expect(() => parseOrThrow(guidanceSchema, guidance, 'guidance')).toThrow(InvalidError);
  });

  it('names the path of an http:// link in the refusal details', () => {
    const guidance = demoCopy();
    guidance['referralPathway'].links[0].url = 'http://safeinwarwickshire.com/radicalisation';
    expect(refusal(guidance).details).toEqual([expect.stringContaining('referralPathway.links.0.url')]);
  });

  it('says why an http:// link is refused', () => {
    const guidance = demoCopy();
    guidance['training'].courses[0].link.url = 'http://www.gov.uk/guidance/prevent-duty-training';
    expect(issuesFor(guidance)).toEqual(['training.courses.0.link.url: links must use https://']);
  });

  it('refuses a duplicate course id, naming the second course', () => {
    const guidance = demoCopy();
    guidance['training'].courses[1].id = guidance['training'].courses[0].id;
    expect(refusal(guidance).details).toEqual([expect.stringMatching(/^training\.courses\.1\.id: duplicate course id/)]);
  });

  it('refuses a referral pathway without steps, naming referralPathway.steps', () => {
    const guidance = demoCopy();
    delete guidance['referralPathway'].steps;
    expect(refusal(guidance).details).toEqual([expect.stringMatching(/^referralPathway\.steps: /)]);
  });

  it('refuses a referral step without its source, naming the field', () => {
    const guidance = demoCopy();
    delete guidance['referralPathway'].steps[0].source;
    expect(refusal(guidance).details).toEqual([expect.stringMatching(/^referralPathway\.steps\.0\.source: /)]);
  });

  it('refuses a sector link without its sector, naming the field', () => {
    const guidance = demoCopy();
    delete guidance['referralPathway'].sectorLinks[0].sector;
    expect(refusal(guidance).details).toEqual([expect.stringMatching(/^referralPathway\.sectorLinks\.0\.sector: /)]);
  });

  it('still accepts guidance saved before after-referral steps, sector links, labels and introduction sources existed', () => {
    const guidance = demoCopy();
    delete guidance['referralPathway'].afterReferral;
    delete guidance['referralPathway'].sectorLinks;
    delete guidance['referralPathway'].emergency.source;
    delete guidance['training'].introSource;
    for (const course of guidance['training'].courses) delete course.label;
    expect(guidanceSchema.safeParse(guidance).success).toBe(true);
  });

  it('labels the refusal message with what was being parsed', () => {
    expect(refusal({}).message).toBe('guidance is not valid');
  });

  it('describes a problem with the whole value as (root)', () => {
    const result = guidanceSchema.safeParse('not an object');
    if (result.success) throw new Error('expected a string to be refused');
    expect(describeZodIssues(result.error)).toEqual([expect.stringMatching(/^\(root\): /)]);
  });
});
