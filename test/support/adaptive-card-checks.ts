import { MAX_MESSAGE_UTF16_BYTES, teamsMessageBytes } from '../../src/cards/render';

// The adaptivecards UMD bundle has no typings for require(); only the parser is used here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AdaptiveCards = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => { parse(json: unknown, context: unknown): void; validateProperties(): { validationEvents: { message: string }[] } };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string } };
};

/** Teams' recommended most for a message, counted in UTF-16 (src/cards/render.ts). */
export const TEAMS_MESSAGE_LIMIT_BYTES = MAX_MESSAGE_UTF16_BYTES;

/**
 * The chart elements Teams documents ("Charts in Adaptive Cards"). The JS parser does not know them
 * and renders their fallback instead, so they pass only when they carry a fallback element; any
 * other element the parser does not know is still a problem.
 */
export const TEAMS_CHART_TYPES: readonly string[] = [
  'Chart.Donut',
  'Chart.Pie',
  'Chart.VerticalBar',
  'Chart.VerticalBar.Grouped',
  'Chart.HorizontalBar',
  'Chart.HorizontalBar.Stacked',
  'Chart.Line',
  'Chart.Gauge',
];

const UNKNOWN_ELEMENT = /^Unknown element type "([^"]+)"/;

/** Every problem the Adaptive Cards parser and our house rules find in a rendered card. */
export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const parsed = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) {
    const message = context.getEventAt(i).message;
    // A Teams chart is checked below for its fallback (which the parser has just parsed in its place).
    if (TEAMS_CHART_TYPES.includes(UNKNOWN_ELEMENT.exec(message)?.[1] ?? '')) continue;
    problems.push(`parse: ${message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);

  const ids = new Map<string, number>();
  walk(card, (node) => {
    const type = typeof node['type'] === 'string' ? node['type'] : '';
    if (TEAMS_CHART_TYPES.includes(type)) {
      const fallback = node['fallback'] as { type?: unknown } | undefined;
      if (!fallback || typeof fallback !== 'object' || typeof fallback.type !== 'string') problems.push(`${type} has no fallback element for clients without charts`);
    }
    if (typeof node['id'] === 'string') ids.set(node['id'], (ids.get(node['id']) ?? 0) + 1);
    if (type.startsWith('Input.') && !(typeof node['label'] === 'string' && node['label'].trim())) {
      problems.push(`input "${String(node['id'])}" has no label`);
    }
  });
  for (const [id, count] of ids) if (count > 1) problems.push(`id "${id}" used ${count} times`);

  problems.push(...universalActionProblems(card));

  const json = JSON.stringify(card);
  if ((card as { version?: string }).version !== '1.5') problems.push('version is not 1.5');
  if (json.includes('${')) problems.push('unbound ${...} expression left in the card');
  const bytes = teamsMessageBytes(card as object);
  if (bytes > TEAMS_MESSAGE_LIMIT_BYTES) problems.push(`card is ${bytes} bytes in UTF-16`);
  return problems;
}

function walk(value: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) value.forEach((item) => walk(item, visit));
  else if (value && typeof value === 'object') {
    visit(value as Record<string, unknown>);
    Object.values(value).forEach((child) => walk(child, visit));
  }
}

/**
 * The one shape every card action has (Teams: "define Action.Execute with an Action.Submit in the
 * fallback property"): an Action.Execute whose `verb` is also in its `data`, falling back to an
 * Action.Submit with the same title and data, so older clients send the same payload as a message.
 * A card's `refresh.action` is an Action.Execute only Teams presses: it needs no fallback. No
 * Action.Submit appears anywhere but as such a fallback. Works on templates and on rendered cards.
 */
export function universalActionProblems(card: unknown): string[] {
  const problems: string[] = [];
  const fallbacks = new Set<unknown>();
  const refreshActions = new Set<unknown>();
  walk(card, (node) => {
    const refresh = node['refresh'] as { action?: unknown } | undefined;
    if (refresh && typeof refresh === 'object') refreshActions.add(refresh.action);
  });
  walk(card, (node) => {
    if (node['type'] !== 'Action.Execute') return;
    const title = String(node['title'] ?? '');
    const verb = node['verb'];
    const data = node['data'] as Record<string, unknown> | undefined;
    if (typeof verb !== 'string' || !verb) problems.push(`Action.Execute "${title}" has no verb`);
    // A template's page buttons bind verb and data from one pager object, whose data always carries its verb (src/cards/paging.ts).
    const boundFromPager = typeof data === 'string' && typeof verb === 'string' && /^\$\{pager\.\w+\}$/.test(data) && verb === '${pager.verb}';
    if (!boundFromPager && (!data || typeof data !== 'object' || data['verb'] !== verb)) problems.push(`Action.Execute "${title}" does not repeat its verb in its data`);
    if (refreshActions.has(node)) return;
    const fallback = node['fallback'] as Record<string, unknown> | undefined;
    if (fallback?.['type'] !== 'Action.Submit') {
      problems.push(`Action.Execute "${title}" has no Action.Submit fallback`);
      return;
    }
    fallbacks.add(fallback);
    if (fallback['title'] !== node['title']) problems.push(`Action.Execute "${title}": its fallback has another title`);
    if (JSON.stringify(fallback['data']) !== JSON.stringify(data)) problems.push(`Action.Execute "${title}": its fallback sends other data`);
  });
  walk(card, (node) => {
    if (node['type'] === 'Action.Submit' && !fallbacks.has(node)) problems.push(`Action.Submit "${String(node['title'] ?? '')}" is not the fallback of an Action.Execute`);
  });
  return problems;
}
