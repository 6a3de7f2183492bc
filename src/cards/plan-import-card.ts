import type { PlanImportOutcome } from '../domain/actions/plan-import-service';
import { escapeMarkdown } from './markdown';
import { renderCard, type AdaptiveCardJson } from './render';

/** Problems shown on the card; the rest are counted, so a bad file cannot push the card over the size limit. */
const MAX_PROBLEMS_SHOWN = 25;

export function planImportCard(fileName: string, outcome: PlanImportOutcome): AdaptiveCardJson {
  const [headline = '', ...problemLines] = outcome.summary.split('\n');
  const shown = problemLines.slice(0, MAX_PROBLEMS_SHOWN);
  return renderCard('plan-import-result', {
    title: outcome.saved ? 'Action plan imported' : 'Action plan not imported',
    style: outcome.saved ? 'good' : 'attention',
    fileName: escapeMarkdown(fileName),
    headline: escapeMarkdown(headline),
    problems: shown.map(escapeMarkdown),
    more: problemLines.length > shown.length ? `and ${problemLines.length - shown.length} more` : '',
    hint: outcome.saved
      ? 'Updates already recorded against these actions are kept. Say "request updates" to ask the owners for their progress.'
      : 'Nothing was changed. Fix these rows in the file and send it again.',
  });
}
