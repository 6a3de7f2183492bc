import type { Figures, FiguresReturn } from '../../src/domain/figures/figures';
import type { FiguresSnapshot } from '../../src/domain/figures/figures-content';
import { figuresProviders } from '../../src/domain/figures/figures-providers';
import type { Organisation } from '../../src/domain/partnership/organisation';

export const FIGURES_ORGANISATIONS: Organisation[] = [
  { id: 'wcc', name: 'Warwickshire County Council', sector: 'local-government', aliases: [] },
  { id: 'rbc', name: 'Rugby Borough Council', sector: 'local-government', aliases: [] },
  { id: 'police', name: 'Warwickshire and West Mercia Police', sector: 'police', aliases: [] },
  { id: 'opcc', name: 'Warwickshire Police and Crime Commissioner', sector: 'police', aliases: [] },
  { id: 'ctpwm', name: 'Counter Terrorism Policing West Midlands', sector: 'police', aliases: [], specifiedAuthority: false },
  { id: 'swft', name: 'South Warwickshire NHS Foundation Trust', sector: 'health-social-care', aliases: [] },
];

export const REFERRALS: Extract<Figures, { kind: 'referrals' }> = {
  kind: 'referrals',
  bySector: { 'education-childcare': 9, police: 3, 'local-government': 5, 'health-social-care': 6, 'criminal-justice': 0, other: 2 },
  byOutcome: { 'adopted-channel': 2, 'other-support': 8, 'no-further-action': 12, 'being-assessed': 3 },
};

export const CHANNEL: Extract<Figures, { kind: 'channel' }> = {
  kind: 'channel',
  caseload: 7,
  adopted: 2,
  closed: 3,
  reviewsCompleted: 6,
  issuesOfConcern: 'Delays in consent at two schools.',
};

/** One return as stored. */
export function sampleReturn(quarter: string, organisationId: string, figures: Figures, at = '2026-10-14T10:00:00.000Z'): FiguresReturn {
  return {
    quarter,
    organisationId,
    figures,
    submittedById: 'aad-officer',
    submittedByName: 'Priya Officer',
    submittedAt: at,
    nonce: `nonce-${quarter}-${figures.kind}-${organisationId}`,
  };
}

/** Four quarters of figures for the small partnership above, with small counts in each. */
export function sampleSnapshot(): FiguresSnapshot {
  const quarters = ['2025-26 Q3', '2025-26 Q4', '2026-27 Q1', '2026-27 Q2'];
  const returns = quarters.flatMap((quarter, i) => [
    sampleReturn(quarter, 'police', REFERRALS),
    sampleReturn(quarter, 'wcc', { ...CHANNEL, caseload: 5 + i }),
    sampleReturn(quarter, 'wcc', { kind: 'training', staffTrained: 40 + i, refreshersDue: 12 }),
    sampleReturn(quarter, 'rbc', { kind: 'training', staffTrained: 3, refreshersDue: 0 }),
    sampleReturn(quarter, 'swft', { kind: 'training', staffTrained: 25, refreshersDue: 7 }),
  ]);
  return { returns, organisations: FIGURES_ORGANISATIONS, providers: figuresProviders(undefined, FIGURES_ORGANISATIONS) };
}
