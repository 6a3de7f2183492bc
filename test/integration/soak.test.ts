import { runSoak, type SoakReport } from '../../src/cli/soak/soak-run';

// The short form of `npm run soak`: its own Azurite, the bot and the fake connector, on loopback.
describe('a short soak: 10 partners submitting action updates for 15 seconds', () => {
  let report: SoakReport;

  beforeAll(async () => {
    report = await runSoak({ seconds: 15, partners: 10, duplicateShare: 0.2 });
  }, 120_000);

  it('stores every accepted submit exactly once and nothing the partner was told was not saved', () => {
    expect(report.mismatches).toEqual([]);
    expect(report.stored).toBe(report.accepted);
  });

  it('answers every submit: accepted, or refused with a reason the partner is shown', () => {
    const refused = Object.values(report.refused).reduce((sum, count) => sum + count, 0);
    expect(report.errors).toEqual([]);
    expect(report.accepted + refused).toBe(report.submitsSent);
  });

  it('suppresses every repeated submit instead of storing it twice', () => {
    expect(report.duplicatesSent).toBeGreaterThan(0);
    expect(report.duplicatesSuppressed).toBe(report.duplicatesSent);
  });

  it("stays inside Teams' rate limits while doing so", () => {
    expect(report.connectorBreaches).toBe(0);
  });
});
