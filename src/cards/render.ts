import { Template } from 'adaptivecards-templating';
import { loadTemplate } from './template-store';

export interface AdaptiveCardJson {
  readonly type: 'AdaptiveCard';
  readonly version: string;
  readonly body: unknown[];
  readonly actions?: unknown[];
  readonly [key: string]: unknown;
}

/** Teams refuses bot messages of roughly 80 KB and over; leave room for the activity envelope. */
export const MAX_CARD_BYTES = 76 * 1024;

export class CardTooLargeError extends Error {
  constructor(
    readonly template: string,
    readonly bytes: number,
  ) {
    super(`card "${template}" is ${bytes} bytes, over the ${MAX_CARD_BYTES}-byte limit`);
  }
}

/**
 * Parsing a template's expressions costs several milliseconds a card, so each template is parsed once.
 * A Template may be expanded again and again; expand is synchronous, so sharing one is safe.
 */
const parsed = new Map<string, Template>();

function templateFor(name: string): Template {
  let template = parsed.get(name);
  if (!template) {
    template = new Template(loadTemplate(name));
    parsed.set(name, template);
  }
  return template;
}

/**
 * Binds data to a template from cards/. Values are data only: templating evaluates ${...} in the
 * template, never in the bound values, so user text cannot inject expressions.
 */
export function renderCard(templateName: string, data: object): AdaptiveCardJson {
  const card = templateFor(templateName).expand({ $root: data }) as AdaptiveCardJson;
  const bytes = Buffer.byteLength(JSON.stringify(card), 'utf8');
  if (bytes > MAX_CARD_BYTES) throw new CardTooLargeError(templateName, bytes);
  return card;
}
