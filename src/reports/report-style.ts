import type { Rag } from '../domain/actions/action';
import type { Rating } from '../domain/assessment/framework';

/**
 * The colours a rating or a RAG status is shown in, the same in the document, the workbook and the
 * charts so the board reads one legend. Cell fills are the pale "good / neutral / bad" shades office
 * suites use, with dark text that keeps a readable contrast; charts use the stronger tone.
 */
export interface Shade {
  /** Cell background, RRGGBB. */
  readonly fill: string;
  /** Text on that background, RRGGBB. */
  readonly text: string;
  /** Bar colour in charts, #RRGGBB. */
  readonly chart: string;
}

const GREEN: Shade = { fill: 'C6EFCE', text: '006100', chart: '#2E8B57' };
const AMBER: Shade = { fill: 'FFEB9C', text: '7A4A00', chart: '#F0A30A' };
const RED: Shade = { fill: 'FFC7CE', text: '9C0006', chart: '#C0392B' };

export const RATING_SHADES: Readonly<Record<Rating, Shade>> = { achieving: GREEN, developing: AMBER, 'not-yet-started': RED };
export const RAG_SHADES: Readonly<Record<Rag, Shade>> = { green: GREEN, amber: AMBER, red: RED };
export const RAG_NAMES: Readonly<Record<Rag, string>> = { red: 'Red', amber: 'Amber', green: 'Green' };
