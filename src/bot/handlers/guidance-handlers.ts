import { referralPathwayCard } from '../../cards/referral-pathway-card';
import { trainingCard } from '../../cards/training-card';
import type { TurnHandler } from '../bot-services';
import { sendCard } from '../send-card';

export const answerReferral: TurnHandler = async (context, turn, services) => {
  const { partnershipId } = turn;
  const answer = await services.guidance.referralPathway(partnershipId);
  await sendCard(context, referralPathwayCard(answer));
};

export const answerTraining: TurnHandler = async (context, turn, services) => {
  const { partnershipId } = turn;
  const answer = await services.guidance.training(partnershipId);
  await sendCard(context, trainingCard(answer));
};
