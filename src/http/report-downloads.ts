import type { Response, Server } from 'restify';
import type { BotServices } from '../bot/bot-services';
import { isDomainError } from '../domain/errors';
import type { ReportFormat } from '../reports/report-format';
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

const FORMAT_NAMES: Readonly<Record<ReportFormat, string>> = { docx: 'Word document', xlsx: 'Excel workbook', csv: 'CSV file' };

/**
 * What opening a link shows: one button that asks for the file. Safe Links and other scanners open
 * a link before the person does; a page costs nothing to open, so only the person's own click (a
 * POST) spends the link. Fixed text only: nothing from the link or the request is written into it.
 */
function downloadPage(format: ReportFormat): string {
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Board report</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;margin:3rem auto;max-width:32rem;padding:0 1rem;color:#242424}button{font:inherit;padding:.5rem 1.25rem;background:#5b5fc7;color:#fff;border:0;border-radius:4px;cursor:pointer}</style></head>
<body>
<h1>Board report</h1>
<p>The ${FORMAT_NAMES[format]} is made when you press Download. The link works once; ask the bot for the report again if you need another copy.</p>
<form method="post"><button type="submit">Download</button></form>
</body>
</html>
`;
}

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
 * GET /reports/:token: checks the link's signature (403) and expiry (410) and shows a page with a
 * Download button; nothing is read or spent, so a link scanner opening it first does no harm.
 *
 * POST /reports/:token (the button): the same checks, then that the person it was made for is still
 * the Prevent Officer or chair of that partnership (403), records the link as used (410 if it
 * already was; 503 if that cannot be recorded, failing closed), then makes the file in memory and
 * sends it as an attachment. A download that fails before the file is sent gives the link back.
 * The token never reaches a log line.
 */
export function registerReportDownloads(server: Server, services: ReportDownloadServices): void {
  const verified = (token: unknown, res: Response) => {
    const check = services.reportLinks.verify(String(token ?? ''));
    if (check.valid) return check.claims;
    services.logger.warn({ reason: check.reason }, 'board report link refused');
    if (check.reason === 'expired') plain(res, 410, 'This download link has expired. Ask the bot for the report again.');
    else plain(res, 403, 'This download link is not valid.');
    return undefined;
  };

  server.get('/reports/:token', async (req, res) => {
    const claims = verified(req.params?.token, res);
    if (!claims) return;
    res.sendRaw(200, downloadPage(claims.format), {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      // The page runs no script, loads nothing, may only post back to itself and never hands the
      // link on in a Referer header.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
      'Referrer-Policy': 'no-referrer',
    });
  });

  server.post('/reports/:token', async (req, res) => {
    const claims = verified(req.params?.token, res);
    if (!claims) return;
    const { partnershipId, roundId, format, aadObjectId, linkId, exp } = claims;
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
