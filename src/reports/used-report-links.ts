import type { ReportFormat } from './report-format';

/** One download of one link: what is kept of it (never who, never the token). */
export interface ReportLinkUse {
  readonly linkId: string;
  readonly format: ReportFormat;
  readonly usedAt: Date;
  /** When the link stops working anyway; the record is worth nothing after it and is purged. */
  readonly expiresAt: Date;
}

/**
 * Which board report links have been used. Recording is a conditional insert, so of two downloads
 * racing on one link exactly one is 'first-use'. A failure to record throws: the caller refuses the
 * download rather than serve a link it could not mark.
 */
export interface UsedReportLinks {
  markUsed(use: ReportLinkUse): Promise<'first-use' | 'already-used'>;
  /** Gives a link back when its download failed before the file was sent, so it can be tried again. */
  release(linkId: string): Promise<void>;
  /** Deletes the records of links that expired before `before`; how many went. */
  purgeExpired(before: Date): Promise<number>;
}
