import type { Span } from './span';

/**
 * One child identified by school year and school: "the boy in year 9 at Westgate School", "a Year
 * 10 pupil at St Mary's Academy", "she is in Y8 at Rugby High School". A single person (a singular
 * person word or he/she) next to a year group, then at/from/attending/in/of a named school: one to
 * five capitalised words ending in School, Academy, College, Primary, High, Grammar, Infant(s) or
 * Junior(s). Groups ("Year 10 pupils at Westgate School"), events ("Year 9 assembly at Westgate
 * School") and unnamed schools ("at school", "at three schools") are left alone; so is a school
 * the partnership knows, since naming the school is not what makes it personal. The span runs from
 * the person or year group to the end of the school's name.
 */
const PERSON = String.raw`(?:boy|girl|child|pupil|student|learner|son|daughter|teenager|lad|young\s+(?:person|man|woman)|he|she)(?![\p{L}'’])`;
const YEAR = String.raw`(?:year|yr|y)\.?\s?(?:1[0-3]|[1-9])(?!\d)`;
const CUE = new RegExp(String.raw`(?<![\p{L}\d])(?:${PERSON}\s+(?:(?:who\s+)?(?:is|was)\s+)?(?:in\s+)?${YEAR}|${YEAR}\s+${PERSON})\s+(?:at|from|attending|in|of)\s+`, 'giu');
// Case-sensitive on purpose: a named school is written with capitals, "at the local school" is not.
const NAMED_SCHOOL = /(?:\p{Lu}[\p{L}'’.-]*\s+){1,5}(?:[Ss]chool|[Aa]cademy|[Cc]ollege|[Pp]rimary|[Hh]igh|[Gg]rammar|[Ii]nfants?|[Jj]uniors?)(?![\p{L}])/uy;

export function findChildrenAtSchool(text: string): Span[] {
  const found: Span[] = [];
  for (const match of text.matchAll(CUE)) {
    NAMED_SCHOOL.lastIndex = match.index! + match[0].length;
    const school = NAMED_SCHOOL.exec(text);
    if (school) found.push({ start: match.index!, end: school.index + school[0].length });
  }
  return found;
}
