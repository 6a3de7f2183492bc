import type { TrainingCatalogue } from '../domain/guidance/guidance';
import { renderCard, type AdaptiveCardJson } from './render';

/** The partnership's training catalogue, one section per course with its link where it has one. */
export const TRAINING_TEMPLATE = 'training';

export interface TrainingCardData {
  readonly partnershipName: string;
  readonly training: TrainingCatalogue;
}

export function trainingCard(data: TrainingCardData): AdaptiveCardJson {
  return renderCard(TRAINING_TEMPLATE, data);
}
