import type { ActionRecord } from '../actions/action';
import type { Meeting } from './meeting';

/** The channel's agenda card: who has replied is shown by organisation name. */
export interface ChannelAgenda {
  readonly meeting: Meeting;
  readonly organisationNames: ReadonlyMap<string, string>;
}

/** An agenda ready for the partnership channel, and where that channel is. */
export interface AgendaPost extends ChannelAgenda {
  readonly channel: string;
}

/** A reply recorded; `channel` is set when the agenda posted in the channel should show it too. */
export interface AgendaReply extends ChannelAgenda {
  readonly channel?: string;
}

/** What the decision form offers: the plan's themes and the organisations an action may go to. */
export interface DecisionForm {
  readonly meeting: Meeting;
  readonly themes: readonly { number: number; title: string }[];
  readonly organisations: readonly { id: string; name: string }[];
}

/** Nothing saved: the form or editor comes back with why (the bot words it). */
export interface NotSaved<View> {
  readonly kind: 'not-saved';
  readonly reason: 'invalid' | 'personal-data';
  readonly view: View;
  readonly message: string;
  readonly details: readonly string[];
}

export type AgendaEditOutcome = { readonly kind: 'saved'; readonly view: Meeting } | NotSaved<Meeting>;

export type DecisionOutcome = { readonly kind: 'saved'; readonly view: DecisionForm; readonly newActionId?: string } | NotSaved<DecisionForm>;

/** The plan's themes in number order, each once. */
export function themesOf(plan: readonly ActionRecord[]): { number: number; title: string }[] {
  return [...new Map(plan.map((r) => [r.action.themeNumber, r.action.themeTitle])).entries()].sort(([a], [b]) => a - b).map(([number, title]) => ({ number, title }));
}
