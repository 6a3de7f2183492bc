import type { Response, Server } from 'restify';
import type { BotServices } from '../bot/bot-services';
import { isDomainError } from '../domain/errors';
import type { UsedReportLinks } from '../reports/used-report-links';

/** What serving a download needs: the link checker, the record of used links, and the services that re-check and read. */
export type ReportDownloadServices = Pick<BotServices, 'reportLinks' | 'directory' | 'summaries' | 'partnerships' | 'logger' | 'now'> & {
  readonly usedReportLinks: UsedReportLinks;
};

export const LINK_USED_MESSAGE = 'This link has already been used; ask the bot for a new board report.';
export const LINK_NOT_RECORDED_MESSAGE = 'The download could not be checked just now, so nothing was sent. Please try the link again in a moment.';

/** Signed links are a few hundred characters; the router's default cap on a path parameter is 100. */
export const MAX_REPORT_TOKEN_LENGTH = 1024;

// Paths with the token cut out, for logs; shared with the telemetry redaction so both cut the same.
export { withoutReportToken } from '../telemetry-redaction';

function plain(res: Response, status: number, message: string): void {
  res.sendRaw(status, `${message}\n`, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
}

function statusFor(error: unknown): { status: number; message: string } {
  if (isDomainError(error)) {
    switch (error.code) {
      case 'not-found':
        return { status: 404, message: 'That self-assessment round is no longer there. Ask the bot for the report again.' };
      case 'forbidden':
        return { status: 403, message: 'You are not allowed to download this report.' };
      case 'storage-unavailable':
        return { status: 503, message: 'The report could not be read just now. Please try the link again in a moment.' };
      default:
        break;
    }
  }
  return { status: 500, message: 'The report could not be made. Please ask the bot for the report again.' };
}

/**
 * GET /reports/:token: checks the link's signature (403) and expiry (410), checks that the person it
 * was made for is still the Prevent Officer or chair of that partnership (403), records the link as
 * used (410 if it already was; 503 if that cannot be recorded, failing closed), then makes the file
 * in memory and sends it as an attachment. A download that fails before the file is sent gives the
 * link back. The token never reaches a log line.
 */
export function registerReportDownloads(server: Server, services: ReportDownloadServices): void {
  server.get('/reports/:token', async (req, res) => {
    const check = services.reportLinks.verify(String(req.params?.token ?? ''));
    if (!check.valid) {
      services.logger.warn({ reason: check.reason }, 'board report link refused');
      if (check.reason === 'expired') plain(res, 410, 'This download link has expired. Ask the bot for the report again.');
      else plain(res, 403, 'This download link is not valid.');
      return;
    }
    const { partnershipId, roundId, format, aadObjectId, linkId, exp } = check.claims;
    let marked = false;
    try {
      const actor = await services.directory.actorFor(partnershipId, aadObjectId, undefined);
      if (!services.summaries.maySeeSummary(actor)) {
        services.logger.warn({ partnershipId, roundId, format }, 'board report link refused: the person is no longer the Prevent Officer or chair');
        plain(res, 403, 'You are not allowed to download this report.');
        return;
      }
      let use: 'first-use' | 'already-used';
      try {
        use = await services.usedReportLinks.markUsed({ linkId, format, usedAt: services.now(), expiresAt: new Date(exp * 1000) });
      } catch (error) {
        services.logger.error({ err: error, partnershipId, roundId, format }, 'board report link refused: its use could not be recorded');
        plain(res, 503, LINK_NOT_RECORDED_MESSAGE);
        return;
      }
      if (use === 'already-used') {
        services.logger.warn({ partnershipId, roundId, format }, 'board report link refused: already used');
        plain(res, 410, LINK_USED_MESSAGE);
        return;
      }
      marked = true;
      const data = await services.summaries.reportData(partnershipId, actor, roundId);
      // Loaded on the first download: the document, chart and spreadsheet libraries weigh about 55 MB
      // of memory that a bot answering chat never needs.
      const { buildBoardReport } = await import('../reports/board-report');
      const file = await buildBoardReport(data, format, { partnershipName: await services.partnerships.displayName(partnershipId) });
      services.logger.info({ partnershipId, roundId, format, bytes: file.body.length }, 'board report downloaded');
      res.sendRaw(200, file.body, {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      });
    } catch (error) {
      const { status, message } = statusFor(error);
      services.logger[status >= 500 ? 'error' : 'warn']({ err: error, partnershipId, roundId, format, status }, 'board report not served');
      if (marked && !res.headersSent) {
        await services.usedReportLinks.release(linkId).catch((releaseError: unknown) => {
          services.logger.error({ err: releaseError, partnershipId, roundId, format }, 'a board report link could not be given back after a failed download; it stays used');
        });
      }
      plain(res, status, message);
    }
  });
}
