import { runSoak, type SoakReport, type SubmitFigures } from '../../tools/soak/soak-run';

const kinds = [
  ['action updates', (report: SoakReport) => report.updates],
  ['rating saves', (report: SoakReport) => report.ratings],
] as const satisfies readonly (readonly [string, (report: SoakReport) => SubmitFigures])[];

// The short form of `npm run soak`: its own Azurite, the bot and the fake connector, on loopback.
describe('a short soak: 10 partners submitting action updates and rating saves for 15 seconds', () => {
  let report: SoakReport;

  beforeAll(async () => {
    report = await runSoak({ seconds: 15, partners: 10, duplicateShare: 0.2 });
  }, 120_000);

  it('stores every accepted submit exactly once and nothing the partner was told was not saved', () => {
    expect(report.mismatches).toEqual([]);
  });

  it('answers every submit without an error', () => {
    expect(report.errors).toEqual([]);
  });

  describe.each(kinds)('%s', (_kind, figuresOf) => {
    it('are stored once per accepted submit', () => {
      const figures = figuresOf(report);
      expect(figures.accepted).toBeGreaterThan(0);
      expect(figures.stored).toBe(figures.accepted);
    });

    it('are each accepted, or refused with a reason the partner is shown', () => {
      const figures = figuresOf(report);
      const refused = Object.values(figures.refused).reduce((sum, count) => sum + count, 0);
      expect(figures.accepted + refused).toBe(figures.sent);
    });

    it('are not stored twice when repeated with the same nonce', () => {
      const figures = figuresOf(report);
      expect(figures.duplicatesSent).toBeGreaterThan(0);
      expect(figures.duplicatesSuppressed).toBe(figures.duplicatesSent);
    });
  });

  it("stays inside Teams' rate limits while doing so", () => {
    expect(report.connectorBreaches).toBe(0);
  });
});
