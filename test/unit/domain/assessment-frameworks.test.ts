import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KIND_LABELS, RATING_LABELS, RATINGS, frameworkSchema, type Framework, type ItemKind } from '../../../src/domain/assessment/framework';
import { buildFrameworkRegistry, frameworkItems, getFramework, parseFramework } from '../../../src/domain/assessment/framework-catalogue';
import { InvalidError, NotFoundError } from '../../../src/domain/errors';
import { describeZodIssues } from '../../../src/domain/validation';
import { FRAMEWORKS_DIRECTORY, loadFrameworks } from '../../../src/storage/files/framework-files';

const ROOT = path.join(__dirname, '..', '..', '..');
/** The source documents live beside the repository, not in it. */
const SEEDS = path.join(ROOT, '..', 'shared', 'seeds');
/** Seed 004: Home Office Prevent Duty Toolkit (2018), with the Local Authority Partnership Self-Assessment Tool. */
const TOOLKIT_2018 = path.join(SEEDS, '004_7a4d724def525a9b.txt');
/** Seed 000: OPCC Prevent Duty SOP (2024), section 4 "Compliance". */
const SOP_2024 = path.join(SEEDS, '000_65a463b48d188b40.txt');

function withSeed(file: string): jest.It {
  return existsSync(file) ? it : it.skip;
}
function seedTitle(file: string, title: string): string {
  return existsSync(file) ? title : `${title} (skipped: seed ${path.basename(file)} not found in ${SEEDS})`;
}

function shipped(id: string): Json {
  return JSON.parse(readFileSync(path.join(FRAMEWORKS_DIRECTORY, `${id}.json`), 'utf8')) as Json;
}

// biome-ignore lint/suspicious/noExplicitAny: the test reaches into JSON by path and edits it in place
type Json = Record<string, any>;

const normaliseSpace = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The Self-Assessment Tool table: everything after the last heading of that name in seed 004. */
function selfAssessmentTool(): string {
  const text = readFileSync(TOOLKIT_2018, 'utf8');
  const heading = 'Local Authority Partnership Self-Assessment Tool';
  const lines = text.split('\n');
  const start = lines.map((line) => line.trim()).lastIndexOf(heading);
  if (start < 0) throw new Error(`no "${heading}" heading in ${TOOLKIT_2018}`);
  return lines.slice(start + 1).join('\n');
}

/** Each item row of the tool: its marking ("Expectation of compliance" / "Good Practice Activity") and id. */
function seedItems(): { id: string; kind: ItemKind }[] {
  const rows = selfAssessmentTool().matchAll(/^(?:<p>)?(Expectation of Compliance|Good Practice Activity)(?:<\/p>)?\t(?:<p>)?(\d+\.\d+)\s/gim);
  return [...rows].map((row) => ({
    id: row[2]!,
    kind: row[1]!.toLowerCase() === 'expectation of compliance' ? 'expectation-of-compliance' : 'good-practice-activity',
  }));
}

function issuesFor(value: unknown): string[] {
  const result = frameworkSchema.safeParse(value);
  if (result.success) throw new Error('expected the framework to be refused');
  return describeZodIssues(result.error);
}

describe('shipped self-assessment frameworks', () => {
  let frameworks: Map<string, Framework>;
  beforeAll(async () => {
    frameworks = await loadFrameworks();
  });

  it('loads both shipped frameworks from the frameworks folder', () => {
    expect([...frameworks.keys()].sort()).toEqual(['home-office-2018', 'opcc-sop-commitments-2024']);
  });

  it.each(['home-office-2018', 'opcc-sop-commitments-2024'])('%s parses with the pure parser too', (id) => {
    expect(parseFramework(shipped(id)).id).toBe(id);
  });

  it('traces every item of every framework after the 2018 tool (checked against seed 004 below) to where its source says it', () => {
    const untraced = [...frameworks.values()]
      .filter((framework) => framework.id !== 'home-office-2018')
      .flatMap((framework) =>
        frameworkItems(framework)
          .filter(({ item }) => !item.source)
          .map(({ item }) => `${framework.id} ${item.id}`),
      );
    expect(untraced).toEqual([]);
  });

  it('uses the scale of the Self-Assessment Tool', () => {
    for (const framework of frameworks.values()) expect(framework.scale).toEqual([...RATINGS]);
    expect(RATINGS.map((rating) => RATING_LABELS[rating])).toEqual(['Not yet started', 'Developing', 'Achieving']);
    expect(KIND_LABELS).toEqual({
      'expectation-of-compliance': 'Expectation of Compliance',
      'good-practice-activity': 'Good Practice Activity',
    });
  });

  describe('home-office-2018', () => {
    const framework = () => getFramework(frameworks, 'home-office-2018');

    it('has the 10 benchmarks, numbered 1 to 10, each with its statement and outcome', () => {
      const sections = framework().sections;
      expect(sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      for (const section of sections) {
        expect(section.benchmark).toBeTruthy();
        expect(section.outcome).toBeTruthy();
      }
    });

    withSeed(TOOLKIT_2018)(seedTitle(TOOLKIT_2018, "has exactly the item ids listed in seed 004's Self-Assessment Tool"), () => {
      const ids = frameworkItems(framework()).map(({ item }) => item.id);
      const fromSeed = seedItems().map((item) => item.id);
      expect(fromSeed.length).toBeGreaterThan(30);
      expect(ids).toEqual(fromSeed);
    });

    withSeed(TOOLKIT_2018)(seedTitle(TOOLKIT_2018, 'marks each item as seed 004 does (Expectation of Compliance / Good Practice Activity)'), () => {
      const kinds = Object.fromEntries(frameworkItems(framework()).map(({ item }) => [item.id, item.kind]));
      expect(kinds).toEqual(Object.fromEntries(seedItems().map((item) => [item.id, item.kind])));
    });

    withSeed(TOOLKIT_2018)(seedTitle(TOOLKIT_2018, 'transcribes every question, prompt, benchmark and outcome from the seed'), () => {
      const tool = normaliseSpace(selfAssessmentTool().replace(/<[^>]+>/g, ' '));
      const whole = normaliseSpace(readFileSync(TOOLKIT_2018, 'utf8'));
      const missing: string[] = [];
      for (const section of framework().sections) {
        if (!whole.includes(`Benchmark ${section.number}. ${section.benchmark}`)) missing.push(`benchmark ${section.number}`);
        if (!tool.includes(`Outcome ${section.outcome}`)) missing.push(`outcome ${section.number}`);
        if (!whole.includes(`${section.number}. ${section.title}`)) missing.push(`title ${section.number}`);
        for (const item of section.items) {
          if (!tool.includes(`${item.id} ${item.text}`)) missing.push(`item ${item.id}`);
          for (const prompt of item.prompts) if (!tool.includes(prompt)) missing.push(`item ${item.id} prompt "${prompt}"`);
        }
      }
      expect(missing).toEqual([]);
    });
  });

  describe("opcc-sop-commitments-2024: the OPCC's own commitments, named as such", () => {
    const framework = () => getFramework(frameworks, 'opcc-sop-commitments-2024');

    it("says it is the OPCC's commitments from its SOP, not Home Office text", () => {
      expect(framework().title).toBe("Warwickshire OPCC's own Prevent commitments (Prevent Duty SOP 2024)");
      expect(framework().source).toContain('Prevent Duty Standard Operating Procedure (2024), section 4 "Compliance" (seed 000)');
      expect(framework().source).toContain('Not Home Office text.');
    });

    it('is still found by the id stored rounds use, "home-office-2024"', () => {
      expect(framework().aliases).toEqual(['home-office-2024']);
      expect(getFramework(frameworks, 'home-office-2024')).toBe(framework());
    });

    it('is answered by the OPCC only', () => {
      expect(framework().answeredBy).toEqual({
        kind: 'organisations',
        label: 'the Office of the Police and Crime Commissioner',
        match: ['warwickshire-police-and-crime-commissioner', 'OPCC', 'Police and Crime Commissioner'],
      });
    });

    it('keeps the eight sections the SOP follows, in order', () => {
      expect(framework().sections.map((s) => [s.number, s.title])).toEqual([
        [1, 'Multi-agency partnership group'],
        [2, 'Local risk assessment process'],
        [3, 'Partnership plan'],
        [4, 'Referral pathway'],
        [5, 'Channel panel'],
        [6, 'Training programme'],
        [7, 'Reducing permissive environments'],
        [8, 'Communications and engagement'],
      ]);
    });

    it('traces every item to its SOP section and paragraph, and marks each an expectation of compliance', () => {
      for (const { section, item } of frameworkItems(framework())) {
        expect(item.source).toMatch(new RegExp(`^SOP §4\\.${section.number} ${section.title}, `));
        expect(item.kind).toBe('expectation-of-compliance');
      }
    });

    it('leaves out the statements of fact and list bullets, keeping the ids of the rest so stored ratings still match', () => {
      const texts = frameworkItems(framework()).map(({ item }) => item.text);
      for (const fragment of [
        'The PCC provides funding',
        'In Warwickshire, specified agencies have established',
        'The Prevent Duty places an obligation on all specified authorities',
        'Local Authorities have an additional obligation',
        'is the Prevent Lead for the OPCC',
        'The PCC and OPCC Chief Executive both attend SWPB',
        'Presentation of Warwickshire’s Counter-Terrorism Local Profile',
        'An assessment by the Prevent Steering Group of the corporate risk',
        'Provision by all local partners',
        'The level of activities carried out by the partnership will be dependent',
        'The OPCC can add actions',
        'have agreed an appropriate referral pathway',
        'the OPCC will be advised of the work',
      ]) {
        expect(texts.filter((text) => text.includes(fragment))).toEqual([]);
      }
      const ids = frameworkItems(framework()).map(({ item }) => item.id);
      expect(ids).toHaveLength(49);
      expect(ids.slice(0, 5)).toEqual(['1.4', '1.5', '1.6', '1.7', '1.10']);
    });

    withSeed(SOP_2024)(seedTitle(SOP_2024, 'takes every item word for word from section 4 of the SOP (seed 000)'), () => {
      const text = readFileSync(SOP_2024, 'utf8');
      const compliance = text.slice(text.indexOf('4. Compliance'), text.indexOf('5. Monitoring and Assurance'));
      const sop = normaliseSpace(
        compliance
          .split('\n')
          .filter((line) => !/^\s*https?:\/\/\S*[^.\s]\s*$/.test(line)) // footnote links, not sentence text
          .join('\n')
          .replace(/-[ \t]*\n\s*/g, '-'), // words hyphenated across a line break
      );
      const missing = frameworkItems(framework())
        .filter(({ item }) => !sop.includes(item.text))
        .map(({ item }) => item.id);
      expect(missing).toEqual([]);
    });
  });
});

describe('frameworkSchema cross-checks', () => {
  const copy = () => structuredClone(shipped('home-office-2018'));

  it('refuses a duplicate item id, naming its path', () => {
    const framework = copy();
    framework['sections'][1].items[1].id = '2.1';
    expect(issuesFor(framework)).toEqual(['sections.1.items.1.id: duplicate item id "2.1"']);
  });

  it('refuses an item id not prefixed by its section number, naming its path', () => {
    const framework = copy();
    framework['sections'][2].items[0].id = '4.9';
    expect(issuesFor(framework)).toEqual(['sections.2.items.0.id: item "4.9" is in section 3, so its id must start with "3."']);
  });

  it('does not take section 1 items for section 10 (prefix is the whole number and a dot)', () => {
    const framework = copy();
    framework['sections'][9].items[0].id = '1.1';
    expect(issuesFor(framework)).toContain('sections.9.items.0.id: item "1.1" is in section 10, so its id must start with "10."');
  });

  it('refuses an empty section, naming its path', () => {
    const framework = copy();
    framework['sections'][4].items = [];
    expect(issuesFor(framework)).toEqual(['sections.4.items: a section needs at least one item']);
  });

  it('refuses a duplicate section number, naming its path', () => {
    const framework = copy();
    framework['sections'][3].number = 3;
    expect(issuesFor(framework)).toContain('sections.3.number: duplicate section number 3');
  });

  it('refuses an unknown kind, a changed scale and a non-kebab id', () => {
    const framework = copy();
    framework['sections'][0].items[0].kind = 'nice-to-have';
    framework['scale'] = ['not-yet-started', 'achieving'];
    framework['id'] = 'Home Office 2018';
    const issues = issuesFor(framework);
    expect(issues.some((issue) => issue.startsWith('sections.0.items.0.kind:'))).toBe(true);
    expect(issues.some((issue) => issue.startsWith('scale'))).toBe(true);
    expect(issues.some((issue) => issue.startsWith('id:'))).toBe(true);
  });

  it('parseFramework throws an InvalidError whose details name the path', () => {
    const framework = copy();
    framework['sections'][4].items = [];
    let thrown: unknown;
    try {
      parseFramework(framework);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidError);
    expect((thrown as InvalidError).details).toEqual(['sections.4.items: a section needs at least one item']);
  });

  it('allows a section without benchmark or outcome, and an item without prompts', () => {
    const framework = copy();
    delete framework['sections'][0].benchmark;
    delete framework['sections'][0].outcome;
    framework['sections'][0].items[0].prompts = [];
    expect(frameworkSchema.safeParse(framework).success).toBe(true);
  });
});

describe('framework registry and file loader', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'frameworks-'));
  });
  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  function write(name: string, framework: Json): void {
    writeFileSync(path.join(directory, name), JSON.stringify(framework));
  }

  function smallFramework(id: string): Json {
    return {
      id,
      title: 'Test framework',
      version: '1',
      source: 'test',
      scale: ['not-yet-started', 'developing', 'achieving'],
      sections: [{ number: 1, title: 'One', items: [{ id: '1.1', kind: 'good-practice-activity', text: 'Is it so?', prompts: [] }] }],
    };
  }

  it('adds the frameworks of an extra folder: a new framework is a new JSON file', async () => {
    write('local.json', smallFramework('local-extra'));
    writeFileSync(path.join(directory, 'notes.txt'), 'not a framework');
    const frameworks = await loadFrameworks(directory);
    expect([...frameworks.keys()].sort()).toEqual(['home-office-2018', 'local-extra', 'opcc-sop-commitments-2024']);
  });

  it('refuses two files with the same id, naming both files', async () => {
    write('a.json', smallFramework('same-id'));
    write('b.json', smallFramework('same-id'));
    const refusal = loadFrameworks(directory);
    await expect(refusal).rejects.toBeInstanceOf(InvalidError);
    await expect(refusal).rejects.toMatchObject({
      message: 'two frameworks share the id "same-id"',
      details: [expect.stringMatching(/a\.json and .*b\.json both have id "same-id"/)],
    });
  });

  it('refuses an extra file that reuses a shipped id', async () => {
    write('copy.json', shipped('home-office-2018'));
    await expect(loadFrameworks(directory)).rejects.toThrow('two frameworks share the id "home-office-2018"');
  });

  it('names the file and the field of an invalid framework', async () => {
    const broken = smallFramework('broken');
    broken['sections'][0].items[0].id = '2.1';
    write('broken.json', broken);
    await expect(loadFrameworks(directory)).rejects.toMatchObject({
      message: expect.stringContaining('broken.json is not valid'),
      details: ['sections.0.items.0.id: item "2.1" is in section 1, so its id must start with "1."'],
    });
  });

  it('names the file of a framework that is not JSON', async () => {
    writeFileSync(path.join(directory, 'bad.json'), '{ not json');
    await expect(loadFrameworks(directory)).rejects.toThrow(/bad\.json is not valid JSON/);
  });

  it('says when the extra folder does not exist', async () => {
    await expect(loadFrameworks(path.join(directory, 'missing'))).rejects.toThrow(/there is no such folder/);
  });

  it('getFramework throws NotFoundError for an unknown id', () => {
    const registry = buildFrameworkRegistry([{ origin: 'x.json', framework: parseFramework(smallFramework('only-one')) }]);
    expect(getFramework(registry, 'only-one').id).toBe('only-one');
    expect(() => getFramework(registry, 'other')).toThrow(NotFoundError);
  });
});
