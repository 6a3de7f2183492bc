import { Template } from 'adaptivecards-templating';
import { loadTemplate } from './template-store';

export interface AdaptiveCardJson {
  readonly type: 'AdaptiveCard';
  readonly version: string;
  readonly body: unknown[];
  readonly actions?: unknown[];
  readonly [key: string]: unknown;
}

/**
 * Teams counts a bot message in UTF-16 (two bytes a character, mentions and reactions included) and
 * refuses one over about 100 KB with 413 MessageSizeTooBig; it recommends keeping the message within
 * 80 KB to be sure of delivery (Teams: "Format your bot messages"). Every card is held to the 80 KB.
 */
export const MAX_MESSAGE_UTF16_BYTES = 80 * 1024;

/** The limit over which Teams refuses the message outright (the local fake connector enforces it). */
export const TEAMS_REFUSES_UTF16_BYTES = 100 * 1024;

/** A message carrying one Adaptive Card, as Teams measures it: the activity, encoded as UTF-16. */
export function teamsMessageBytes(card: object): number {
  const message = { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] };
  return utf16Bytes(JSON.stringify(message));
}

/** UTF-16 takes two bytes per code unit, and a JavaScript string's length counts code units. */
export function utf16Bytes(text: string): number {
  return text.length * 2;
}

export class CardTooLargeError extends Error {
  constructor(
    readonly template: string,
    readonly bytes: number,
  ) {
    super(`card "${template}" is ${bytes} bytes in UTF-16 as Teams counts it, over the ${MAX_MESSAGE_UTF16_BYTES}-byte limit`);
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
  const bytes = teamsMessageBytes(card);
  if (bytes > MAX_MESSAGE_UTF16_BYTES) throw new CardTooLargeError(templateName, bytes);
  return card;
}
