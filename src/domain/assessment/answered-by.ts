import { ForbiddenError } from '../errors';
import { isSpecifiedAuthority } from '../actions/plan-import';
import { SECTORS, type Organisation } from '../partnership/organisation';
import type { AnsweredBy, Framework } from './framework';

const EVERY_SPECIFIED_AUTHORITY: AnsweredBy = { kind: 'specified-authorities' };

/** Who answers the framework: every specified authority unless its file says otherwise. */
export function answeredByOf(framework: Framework): AnsweredBy {
  return framework.answeredBy ?? EVERY_SPECIFIED_AUTHORITY;
}

/** Lower case, punctuation as spaces: "Police & Crime Commissioner" and "police and crime commissioner" compare alike. */
function words(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}

function named(organisation: Pick<Organisation, 'id' | 'name' | 'aliases'>, match: readonly string[]): boolean {
  const names = [organisation.name, ...organisation.aliases].map(words);
  return match.some((wanted) => wanted === organisation.id || names.some((name) => name.includes(words(wanted))));
}

/** Whether the organisation is one of those asked to rate the framework. */
export function answersFramework(framework: Framework, organisation: Organisation): boolean {
  const answeredBy = answeredByOf(framework);
  switch (answeredBy.kind) {
    case 'specified-authorities':
      return isSpecifiedAuthority(organisation);
    case 'sectors':
      return isSpecifiedAuthority(organisation) && answeredBy.sectors.includes(organisation.sector);
    case 'organisations':
      return named(organisation, answeredBy.match);
  }
}

/** The partnership's organisations that answer the framework, in the order given. */
export function answeringOrganisations<T extends Organisation>(framework: Framework, organisations: readonly T[]): T[] {
  return organisations.filter((organisation) => answersFramework(framework, organisation));
}

/** "every specified authority", "the specified authorities of the police and health and social care sectors", or the file's own label. */
export function answeredByLabel(framework: Framework): string {
  const answeredBy = answeredByOf(framework);
  switch (answeredBy.kind) {
    case 'specified-authorities':
      return 'every specified authority';
    case 'sectors': {
      const names = answeredBy.sectors.map((sector) => SECTORS[sector].toLowerCase());
      const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
      return `the specified authorities of the ${list} ${names.length === 1 ? 'sector' : 'sectors'}`;
    }
    case 'organisations':
      return answeredBy.label;
  }
}

/** An organisation asked for ratings of a framework it does not answer: it is not one of those the round asked. */
export class NotAnsweringError extends ForbiddenError {
  constructor(organisationName: string, roundName: string, framework: Framework) {
    super(`${organisationName} is not asked to rate ${framework.title} in the ${roundName} self-assessment: it is answered by ${answeredByLabel(framework)}.`);
  }
}
