import type { Span } from './span';

/**
 * Prevent and Channel case references: "Channel case ref CH-2024-0173", "Prevent referral
 * PR/2023/117", "case number 12345". A case or referral cue is followed by an id-like token (letters,
 * digits and - / _ . joining them, with at least one digit). A reference word after the cue ("ref",
 * "reference", "number", "no.", "id", "#") makes any such token a reference; "Prevent" or "Channel"
 * before the cue without one asks more of the token, so figures such as "Prevent referrals rose
 * 12", "Channel case 2024/25" or "Prevent referral form v2" are left alone: it needs letters and
 * digits together ("PR0042") or five or more digits. Plurals ("cases", "numbers") are never cues.
 * The span is the token, the piece to remove.
 */
const REF_WORD = String.raw`(?:ref(?:erence)?\.?(?:\s*(?:no\.?|number))?|number|no\.?|id)(?![\p{L}\d])`;
const TOKEN = '[A-Za-z0-9]+(?:[-/_.][A-Za-z0-9]+)*';
const CASE_REFERENCE = new RegExp(String.raw`(?<![\p{L}\d])(?:(prevent|channel)\s+)?(?:case|referral)(?:\s+(${REF_WORD}))?(?:\s*:\s*|\s+)(#\s*)?(${TOKEN})`, 'giu');
// Quarters, halves, financial years and versions look like ids but name a period or a document.
const PERIOD_OR_VERSION = /^(?:q[1-4]|h[12]|fy|v)\d*(?![a-z])/i;

function isQualifiedId(token: string): boolean {
  if (/^\d{5,}$/.test(token)) return true;
  return token.length >= 4 && /[A-Za-z]/.test(token) && /\d/.test(token) && !PERIOD_OR_VERSION.test(token);
}

export function findCaseReferences(text: string): Span[] {
  const found: Span[] = [];
  for (const match of text.matchAll(CASE_REFERENCE)) {
    const [, qualifier, refWord, hash, token] = match;
    if (!/\d/.test(token!)) continue;
    const explicit = refWord !== undefined || hash !== undefined;
    if (!explicit && (qualifier === undefined || !isQualifiedId(token!))) continue;
    const end = match.index! + match[0].length;
    found.push({ start: end - token!.length, end });
  }
  return found;
}
