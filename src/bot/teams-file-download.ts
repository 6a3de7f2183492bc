import { InvalidError } from '../domain/errors';
import type { Logger } from '../logger';
import { PLAN_FILE_LIMITS } from '../plan-files/plan-file-limits';
import { isTeamsFileUrl } from './teams-file-hosts';

/** The plan reader's own size limit: nothing bigger is worth downloading. */
export const MAX_PLAN_FILE_BYTES = PLAN_FILE_LIMITS.maxBytes;
const DOWNLOAD_TIMEOUT_MS = 15_000;

export interface TeamsFileDownloadOptions {
  /** The network; tests put a local server behind it. The host check happens before it is called. */
  readonly fetch?: typeof fetch;
  readonly logger: Logger;
  readonly maxBytes?: number;
  readonly timeoutMs?: number;
}

const notDownloaded = () => new InvalidError('The file could not be downloaded from Teams. Please send it again.');
const tooLarge = (maxBytes: number) => new InvalidError(`That file is too large to be an action plan (over ${Math.round(maxBytes / (1024 * 1024))} MB).`);

/**
 * Downloads a file a user sent the bot, from Teams' file storage only.
 *
 * The URL comes from the message, so it is untrusted: anything but https on a SharePoint host is
 * refused before any request; redirects are refused rather than followed (a redirect could lead
 * anywhere); the remote status goes to the log, not to the user; and the body is counted as it
 * arrives and the stream cancelled at the limit, so an endless or oversized body never sits in memory.
 */
export async function downloadTeamsFile(downloadUrl: string, options: TeamsFileDownloadOptions): Promise<Uint8Array> {
  const { logger, maxBytes = MAX_PLAN_FILE_BYTES, timeoutMs = DOWNLOAD_TIMEOUT_MS } = options;
  let url: URL;
  try {
    url = new URL(downloadUrl);
  } catch {
    throw notDownloaded();
  }
  if (!isTeamsFileUrl(url)) {
    logger.warn({ protocol: url.protocol, host: url.host }, 'file attachment refused: not a Teams file storage URL');
    throw new InvalidError('That file did not come from Teams file storage, so it was not downloaded. Please attach it to a message in this chat.');
  }
  const fetchFile = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await fetchFile(url.href, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    logger.warn({ err: error, host: url.host }, 'file download failed');
    throw notDownloaded();
  }
  if (response.status !== 200) {
    logger.warn({ status: response.status, host: url.host }, 'file download refused: not HTTP 200 (redirects are not followed)');
    await response.body?.cancel().catch(() => undefined);
    throw notDownloaded();
  }
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(maxBytes);
  }
  return readAtMost(response, maxBytes, logger, url.host);
}

async function readAtMost(response: Response, maxBytes: number, logger: Logger, host: string): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof InvalidError) throw error;
    logger.warn({ err: error, host, bytes: total }, 'file download broke off');
    throw notDownloaded();
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
