import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { REPORT_FORMATS, type ReportFormat } from './report-format';

/** How long a download link works: long enough to click it, short enough that a forwarded one dies. */
export const REPORT_LINK_LIFETIME_MS = 15 * 60 * 1000;

/** Generous for the claims below; anything longer is not one of ours and is not even decoded. */
const MAX_TOKEN_LENGTH = 1024;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** Link ids become Table keys: letters, digits, - and _ only, long enough not to be guessed. */
export const LINK_ID = /^[A-Za-z0-9_-]{16,64}$/;

const claimsSchema = z
  .object({
    partnershipId: z.string().min(1).max(63),
    roundId: z.string().min(1).max(63),
    format: z.enum(REPORT_FORMATS),
    aadObjectId: z.string().min(1).max(100),
    /** Unique to this link, so its first download can be recorded and a second refused. */
    linkId: z.string().regex(LINK_ID),
    /** Expiry, in seconds since the epoch (as JWTs count). */
    exp: z.number().int().positive(),
  })
  .strict();

/** What a download link stands for: one person's right to one file of one round's report, until exp. */
export type ReportLinkClaims = z.infer<typeof claimsSchema>;

export type ReportLinkCheck = { readonly valid: true; readonly claims: ReportLinkClaims } | { readonly valid: false; readonly reason: 'invalid' | 'expired' };

export interface ReportLinkOffer {
  readonly expiresAt: Date;
  readonly urls: Readonly<Record<ReportFormat, string>>;
}

export interface ReportLinksOptions {
  /** At least 32 characters; never logged, never put in a link. */
  readonly secret: string;
  /** Where Teams users reach the bot, e.g. https://prevent-bot.example.org */
  readonly publicBaseUrl: string;
  readonly now: () => Date;
  /** A fresh link id per link; tests pass their own to know it. */
  readonly newLinkId?: () => string;
}

/**
 * Signed, expiring, single-use download links for the board report. A link is base64url JSON claims,
 * a dot, and an HMAC-SHA256 of the claims under the deployment's secret, so any instance can check
 * any link, and a link cannot be widened (another round, person or partnership) without breaking the
 * signature. Each carries a link id that the server records on first download (used-report-links.ts):
 * a link copied from a browser history or a proxy log is dead once used. Possession is not enough on
 * its own: the server checks again, at download time, that the person named in the link is still
 * allowed to see the report.
 */
export class ReportLinks {
  readonly #secret: Buffer;
  readonly #baseUrl: string;
  readonly #now: () => Date;
  readonly #newLinkId: () => string;

  constructor(options: ReportLinksOptions) {
    if (options.secret.length < 32) throw new Error('the report link secret must be at least 32 characters');
    this.#secret = Buffer.from(options.secret, 'utf8');
    this.#baseUrl = options.publicBaseUrl.replace(/\/+$/, '');
    this.#now = options.now;
    this.#newLinkId = options.newLinkId ?? randomUUID;
  }

  /** A new link, with a link id of its own, for these claims. */
  sign(claims: Omit<ReportLinkClaims, 'exp' | 'linkId'>, expiresAt: Date): string {
    const linkId = this.#newLinkId();
    if (!LINK_ID.test(linkId)) throw new Error('a report link id must be 16 to 64 letters, digits, - or _');
    const payload = Buffer.from(JSON.stringify({ ...claims, linkId, exp: Math.floor(expiresAt.getTime() / 1000) }), 'utf8').toString('base64url');
    return `${payload}.${this.signature(payload).toString('base64url')}`;
  }

  /** The signature is checked before anything in the token is trusted; expiry only after that. */
  verify(token: string): ReportLinkCheck {
    const invalid = { valid: false, reason: 'invalid' } as const;
    if (token.length > MAX_TOKEN_LENGTH) return invalid;
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined || !BASE64URL.test(payload) || !BASE64URL.test(signature)) return invalid;
    const expected = this.signature(payload);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return invalid;
    let claims: ReportLinkClaims;
    try {
      const parsed = claimsSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
      if (!parsed.success) return invalid;
      claims = parsed.data;
    } catch {
      return invalid;
    }
    if (claims.exp * 1000 <= this.#now().getTime()) return { valid: false, reason: 'expired' };
    return { valid: true, claims };
  }

  url(token: string): string {
    return `${this.#baseUrl}/reports/${token}`;
  }

  /** One link per format for this person and round, all expiring together; each is used once, on its own. */
  offer(partnershipId: string, roundId: string, aadObjectId: string): ReportLinkOffer {
    const expiresAt = new Date(this.#now().getTime() + REPORT_LINK_LIFETIME_MS);
    const urls = Object.fromEntries(REPORT_FORMATS.map((format) => [format, this.url(this.sign({ partnershipId, roundId, format, aadObjectId }, expiresAt))])) as Record<
      ReportFormat,
      string
    >;
    return { expiresAt, urls };
  }

  private signature(payload: string): Buffer {
    return createHmac('sha256', this.#secret).update(payload).digest();
  }
}
