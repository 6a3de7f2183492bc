import type { ReferralPathway } from '../domain/guidance/guidance';
import { renderCard, type AdaptiveCardJson } from './render';

/** The referral pathway: the 999 line first, then the partnership's local steps and links. */
export const REFERRAL_PATHWAY_TEMPLATE = 'referral-pathway';

export interface ReferralPathwayCardData {
  readonly partnershipName: string;
  readonly pathway: ReferralPathway;
}

export function referralPathwayCard(data: ReferralPathwayCardData): AdaptiveCardJson {
  return renderCard(REFERRAL_PATHWAY_TEMPLATE, data);
}
