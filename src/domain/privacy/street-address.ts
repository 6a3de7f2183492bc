import type { Span } from './span';

/**
 * A street address without a postcode: "lives at 14 Elm Road", "12 Station Street, Rugby", "3a
 * Church Lane". A house number (up to four digits and an optional letter) then one to three
 * capitalised words and a street suffix. The number must stand alone ("Q3 Drive" and "v2 Road" are
 * not addresses) and must not count or number something else ("Room 2, Elm Court", "Item 4,
 * Station Road"); the street's first word must not be a month or a day ("on 12 March Court
 * hearing"), and a court of law ("2 Magistrates Court sites") is not a street. An organisation's
 * own address is left to the caller to excuse (see known names). The span runs from the house
 * number to the suffix.
 *
 * Governance notes give venues' addresses ("Session held at the Council offices, 1 Northgate
 * Street"), so an address introduced as premises or an event's place earlier in the same clause is
 * not a person's, unless the clause also says whose home it is ("lives at", "the family at", "moved
 * to", "his"): those words always win. An address with no cue either way is flagged.
 */
const SUFFIX = '(?:Road|Rd|Street|Avenue|Ave|Lane|Close|Drive|Way|Crescent|Grove|Place|Terrace|Gardens|Court|Mews)';
const STREET_ADDRESS = new RegExp(String.raw`(?<![\p{L}\d.,/:£$€-])\d{1,4}[A-Za-z]?,?\s+((?:\p{Lu}[\p{L}'’-]*\s+){1,3})${SUFFIX}(?![\p{L}])`, 'gu');
const CALENDAR = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);
const NUMBERED_THING =
  /(?<![\p{L}])(?:room|floor|suite|unit|block|level|action|actions|section|item|items|year|phase|page|table|step|stage|week|day|quarter|no|number|appendix|annex|chapter|para|paragraph|point|priority|theme|objective|benchmark|wave|session|group|site|ward|gate|platform|bay|desk)\.?\s*$/iu;
const LAW_COURT = /(?:magistrates['’]?|crown|county|family|youth|coroner['’]?s|high|civil|combined)\s+$/i;

const RESIDENTIAL_CUE =
  /(?<![\p{L}])(?:lives?|living|lived|resides?|residing|home|homes|household|family|families|address|moved|moving|staying|stays|his|her|their|he|she|child|children|boy|girl|pupil|student|mum|mother|dad|father|parents?|carers?|son|daughter|brother|sister|neighbours?|flat|tenant)(?![\p{L}])/iu;
const VENUE_CUE =
  /(?<![\p{L}])(?:held|hosted|delivered|venue|meeting|meet|training|sessions?|event|roadshow|workshop|conference|briefing|panel|forum|offices?|centre|center|library|hall|hq|headquarters|building|station|church|mosque|gurdwara|temple|synagogue|college|school|academy|university|hospital|council|surgery|clinic|hub|hotel|theatre|museum|stadium|depot|premises)(?![\p{L}])/iu;
/** How far back in its clause an address's introduction is looked for. */
const CUE_WINDOW = 80;

/** The clause before the address: from the last sentence or clause break, at most CUE_WINDOW characters. */
function introduction(text: string, addressStart: number): string {
  const before = text.slice(Math.max(0, addressStart - CUE_WINDOW), addressStart);
  const clauseBreak = Math.max(before.lastIndexOf('.'), before.lastIndexOf(';'), before.lastIndexOf('!'), before.lastIndexOf('?'), before.lastIndexOf('\n'));
  return before.slice(clauseBreak + 1);
}

function isVenue(text: string, addressStart: number): boolean {
  const intro = introduction(text, addressStart);
  return !RESIDENTIAL_CUE.test(intro) && VENUE_CUE.test(intro);
}

export function findStreetAddresses(text: string): Span[] {
  const found: Span[] = [];
  for (const match of text.matchAll(STREET_ADDRESS)) {
    const street = match[1]!;
    if (CALENDAR.has(street.trim().split(/\s+/)[0]!.toLowerCase())) continue;
    if (match[0].endsWith('Court') && LAW_COURT.test(street)) continue;
    if (NUMBERED_THING.test(text.slice(Math.max(0, match.index! - 12), match.index!))) continue;
    if (isVenue(text, match.index!)) continue;
    found.push({ start: match.index!, end: match.index! + match[0].length });
  }
  return found;
}
