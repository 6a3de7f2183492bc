import { createHmac } from 'node:crypto';
import { REPORT_LINK_LIFETIME_MS, ReportLinks } from '../../../src/reports/report-links';

const SECRET = 'unit-test-report-link-secret-0123456789';
const NOW = new Date('2026-11-22T10:00:00Z');
const CLAIMS = { partnershipId: 'warwickshire', roundId: '2026-27-q3', format: 'docx' as const, aadObjectId: 'aad-officer' };

const LINK_ID = 'link-0000-0000-0001';

function links(now: Date = NOW, secret = SECRET): ReportLinks {
  return new ReportLinks({ secret, publicBaseUrl: 'https://prevent-bot.example.org/', now: () => now, newLinkId: () => LINK_ID });
}

const inFifteenMinutes = new Date(NOW.getTime() + REPORT_LINK_LIFETIME_MS);

describe('report links', () => {
  it('verifies a link it signed and gives back its claims', () => {
    const token = links().sign(CLAIMS, inFifteenMinutes);
    expect(links().verify(token)).toEqual({ valid: true, claims: { ...CLAIMS, linkId: LINK_ID, exp: inFifteenMinutes.getTime() / 1000 } });
  });

  it('still accepts a link one second before it expires', () => {
    const token = links().sign(CLAIMS, inFifteenMinutes);
    expect(links(new Date(inFifteenMinutes.getTime() - 1000)).verify(token).valid).toBe(true);
  });

  it('calls a link expired from the moment it expires', () => {
    const token = links().sign(CLAIMS, inFifteenMinutes);
    expect(links(inFifteenMinutes).verify(token)).toEqual({ valid: false, reason: 'expired' });
  });

  it('refuses a link whose claims were changed after signing', () => {
    const [payload, signature] = links().sign(CLAIMS, inFifteenMinutes).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    const widened = Buffer.from(JSON.stringify({ ...claims, roundId: '2025-26-q3' })).toString('base64url');
    expect(links().verify(`${widened}.${signature}`)).toEqual({ valid: false, reason: 'invalid' });
  });

  it('refuses a link whose expiry was pushed back after signing', () => {
    const [payload, signature] = links().sign(CLAIMS, inFifteenMinutes).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    const extended = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 86_400 })).toString('base64url');
    expect(links(inFifteenMinutes).verify(`${extended}.${signature}`)).toEqual({ valid: false, reason: 'invalid' });
  });

  it('refuses a link with a changed signature', () => {
    const token = links().sign(CLAIMS, inFifteenMinutes);
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    expect(links().verify(`${token.slice(0, -1)}${last}`)).toEqual({ valid: false, reason: 'invalid' });
  });

  it('refuses a link signed with another secret', () => {
    const token = links(NOW, 'another-deployment-secret-0123456789abc').sign(CLAIMS, inFifteenMinutes);
    expect(links().verify(token)).toEqual({ valid: false, reason: 'invalid' });
  });

  it.each(['', 'not-a-token', 'a.b.c', '..', `${'A'.repeat(2000)}.${'B'.repeat(43)}`])('refuses %j without failing', (token) => {
    expect(links().verify(token)).toEqual({ valid: false, reason: 'invalid' });
  });

  it('signs with HMAC-SHA256 of the payload under the secret', () => {
    const [payload, signature] = links().sign(CLAIMS, inFifteenMinutes).split('.');
    expect(signature).toBe(createHmac('sha256', SECRET).update(payload!).digest('base64url'));
  });

  it('refuses a correctly signed link whose claims are not a report link', () => {
    const payload = Buffer.from(JSON.stringify({ ...CLAIMS, format: 'pdf', exp: 1_900_000_000 })).toString('base64url');
    const signature = createHmac('sha256', SECRET).update(payload).digest('base64url');
    expect(links().verify(`${payload}.${signature}`)).toEqual({ valid: false, reason: 'invalid' });
  });

  it('offers one link per format under the public address, expiring in 15 minutes', () => {
    const offer = links().offer('warwickshire', '2026-27-q3', 'aad-officer');
    expect(offer.expiresAt).toEqual(inFifteenMinutes);
    expect(Object.keys(offer.urls)).toEqual(['docx', 'xlsx', 'csv']);
    for (const url of Object.values(offer.urls)) expect(url).toMatch(/^https:\/\/prevent-bot\.example\.org\/reports\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it('names the format in each offered link', () => {
    const offer = links().offer('warwickshire', '2026-27-q3', 'aad-officer');
    const formatOf = (url: string) => {
      const check = links().verify(url.split('/reports/')[1]!);
      return check.valid ? check.claims.format : check.reason;
    };
    expect([formatOf(offer.urls.docx), formatOf(offer.urls.xlsx), formatOf(offer.urls.csv)]).toEqual(['docx', 'xlsx', 'csv']);
  });

  it('never puts the secret in a link', () => {
    const offer = links().offer('warwickshire', '2026-27-q3', 'aad-officer');
    for (const url of Object.values(offer.urls)) {
      expect(url).not.toContain(SECRET);
      expect(Buffer.from(url.split('/reports/')[1]!.split('.')[0]!, 'base64url').toString('utf8')).not.toContain(SECRET);
    }
  });

  it('gives each offered link an id of its own, so each can be used once independently', () => {
    const realLinks = new ReportLinks({ secret: SECRET, publicBaseUrl: 'https://prevent-bot.example.org', now: () => NOW });
    const offer = realLinks.offer('warwickshire', '2026-27-q3', 'aad-officer');
    const ids = Object.values(offer.urls).map((url) => {
      const check = realLinks.verify(url.split('/reports/')[1]!);
      return check.valid ? check.claims.linkId : check.reason;
    });
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
  });

  it('refuses a correctly signed link without a link id (one that could not be recorded as used)', () => {
    const payload = Buffer.from(JSON.stringify({ ...CLAIMS, exp: 1_900_000_000 })).toString('base64url');
    const signature = createHmac('sha256', SECRET).update(payload).digest('base64url');
    expect(links().verify(`${payload}.${signature}`)).toEqual({ valid: false, reason: 'invalid' });
  });

  it('refuses a secret shorter than 32 characters', () => {
    expect(() => links(NOW, 'too-short')).toThrow('at least 32 characters');
  });
});
