import type { Organisation } from '../partnership/organisation';
import type { Partnership } from '../partnership/partnership';
import type { ReturnKind } from './figures';

/** Who returns each kind of figures; training comes from every organisation. */
export interface FiguresProviders {
  /** The organisation giving referrals by sector and outcome; undefined when none fits. */
  readonly referrals?: Organisation;
  readonly channel?: Organisation;
  /** How each was chosen, for the Prevent Officer to see: named on the partnership, or worked out from sectors. */
  readonly basis: { readonly referrals: 'named' | 'by sector'; readonly channel: 'named' | 'by sector' };
}

const byName = (preferred: RegExp, avoided?: RegExp) => (a: Organisation, b: Organisation) => rank(a, preferred, avoided) - rank(b, preferred, avoided) || a.id.localeCompare(b.id);

function rank(organisation: Organisation, preferred: RegExp, avoided?: RegExp): number {
  if (avoided?.test(organisation.name)) return 2;
  return preferred.test(organisation.name) ? 0 : 1;
}

/**
 * The organisations the partnership names for its referral and Channel figures, or, for each not
 * named, the one its sector points to: the police force that runs the Police Prevent Team (not the
 * Police and Crime Commissioner, nor CTPWM, which is not one of the area's specified authorities),
 * and the county council, which convenes the Channel panel (SOP 000 §4.5).
 */
export function figuresProviders(partnership: Pick<Partnership, 'figures'> | undefined, organisations: readonly Organisation[]): FiguresProviders {
  const named = (id: string | undefined) => (id ? organisations.find((o) => o.id === id) : undefined);
  const namedReferrals = named(partnership?.figures?.referralsOrganisationId);
  const namedChannel = named(partnership?.figures?.channelOrganisationId);
  const police = organisations.filter((o) => o.sector === 'police' && o.specifiedAuthority !== false).sort(byName(/police|constabulary/i, /commissioner|opcc/i))[0];
  const council = organisations.filter((o) => o.sector === 'local-government').sort(byName(/county/i))[0];
  const referrals = namedReferrals ?? police;
  const channel = namedChannel ?? council;
  return {
    ...(referrals ? { referrals } : {}),
    ...(channel ? { channel } : {}),
    basis: { referrals: namedReferrals ? 'named' : 'by sector', channel: namedChannel ? 'named' : 'by sector' },
  };
}

/** The kinds of return an organisation owes each quarter. */
export function kindsOwedBy(organisationId: string, providers: FiguresProviders): ReturnKind[] {
  return [...(providers.referrals?.id === organisationId ? (['referrals'] as const) : []), ...(providers.channel?.id === organisationId ? (['channel'] as const) : []), 'training'];
}
