import type { ActionRecord } from '../actions/action';
import type { Attendance, Meeting } from './meeting';

/** The channel's agenda card: who has replied is shown by organisation name. */
export interface ChannelAgenda {
  readonly meeting: Meeting;
  readonly organisationNames: ReadonlyMap<string, string>;
}

/** An agenda ready for the partnership channel, and where that channel is. */
export interface AgendaPost extends ChannelAgenda {
  readonly channel: string;
}

/** What one person sees on the channel's agenda: their organisation's reply, and whether they may reply. */
export interface AgendaViewer {
  /** Set for those who may reply: the organisation they reply for. */
  readonly organisationName?: string;
  readonly reply?: Attendance;
  readonly mayReply: boolean;
}

/** The channel's agenda as one person sees it (the card's refresh, or "Show my view"). */
export interface AgendaView extends ChannelAgenda {
  readonly viewer: AgendaViewer;
}

/** A reply recorded, as the person who replied sees it; `channel` is set when the agenda posted in the channel should show it too. */
export interface AgendaReply extends AgendaView {
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
