import type { Rag } from '../domain/actions/action';

const LONDON_DATE = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric' });
const LONDON_DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "31 Mar 2018" for a YYYY-MM-DD date (dates are calendar dates, never shifted by time zone). */
export function formatDate(isoDate: string | undefined): string {
  if (!isoDate) return '';
  return LONDON_DATE.format(new Date(`${isoDate}T12:00:00Z`));
}

/** "22 Nov 2026, 14:05" in UK time, for when something happened. */
export function formatDateTime(iso: string): string {
  return LONDON_DATE_TIME.format(new Date(iso));
}

export const RAG_LABELS: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };
/** Adaptive Card TextBlock colours for each RAG rating. */
export const RAG_COLOURS: Record<Rag, string> = { red: 'Attention', amber: 'Warning', green: 'Good' };
