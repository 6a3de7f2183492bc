import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { universalActionProblems } from '../../support/adaptive-card-checks';

const CARDS = path.resolve(__dirname, '../../../cards');
const templates = readdirSync(CARDS).filter((name) => name.endsWith('.json'));

describe('card actions are Universal Actions', () => {
  it.each(templates)('%s: every action is an Action.Execute with its verb, falling back to the same Action.Submit', (name) => {
    expect(universalActionProblems(JSON.parse(readFileSync(path.join(CARDS, name), 'utf8')))).toEqual([]);
  });

  it('finds an Action.Submit that is not a fallback, and a fallback that sends something else', () => {
    const card = {
      type: 'AdaptiveCard',
      actions: [
        { type: 'Action.Submit', title: 'Old', data: { verb: 'ask' } },
        { type: 'Action.Execute', title: 'New', verb: 'ask', data: { verb: 'ask' }, fallback: { type: 'Action.Submit', title: 'New', data: { verb: 'other' } } },
        { type: 'Action.Execute', title: 'Bare', verb: 'ask', data: { verb: 'ask' } },
      ],
    };
    expect(universalActionProblems(card)).toEqual([
      'Action.Execute "New": its fallback sends other data',
      'Action.Execute "Bare" has no Action.Submit fallback',
      'Action.Submit "Old" is not the fallback of an Action.Execute',
    ]);
  });

  it("lets a card's refresh action go without a fallback: only Teams presses it", () => {
    const card = { type: 'AdaptiveCard', refresh: { action: { type: 'Action.Execute', verb: 'agenda-view', data: { verb: 'agenda-view' } }, userIds: [] } };
    expect(universalActionProblems(card)).toEqual([]);
  });
});
