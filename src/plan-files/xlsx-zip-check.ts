import type JSZip from 'jszip';
import { PLAN_FILE_LIMITS, formatCount, type ReadBudget } from './plan-file-limits';

const MB = 1024 * 1024;

/** jszip keeps each entry's sizes from the zip directory on a private field; read, never written. */
function declaredSize(entry: JSZip.JSZipObject): number | undefined {
  const size = (entry as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  return typeof size === 'number' ? size : undefined;
}

/**
 * Refuses a workbook that would inflate to far more than an action plan before exceljs sees it:
 * exceljs inflates every entry whole into memory, so a few kilobytes of zip can become gigabytes.
 *
 * First the zip's own directory: the number of entries and each entry's declared size, alone and in
 * total. The directory can lie, so each entry is then inflated as a stream and counted, stopping at
 * whichever is smaller of its declared size and the limit.
 */
export async function checkWorkbookZip(bytes: Uint8Array, name: string, budget: ReadBudget): Promise<void> {
  const { default: JSZipClass } = await import('jszip');
  let zip: JSZip;
  try {
    zip = await JSZipClass.loadAsync(bytes);
  } catch (error) {
    throw new Error(`cannot read ${name} as an Excel workbook: ${(error as Error).message}`);
  }
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  const tooBig = (what: string) => new Error(`cannot read ${name}: ${what}, far more than an action plan; check it is the plan, or save it as CSV UTF-8 and send that`);
  if (entries.length > PLAN_FILE_LIMITS.maxZipEntries) {
    throw tooBig(`the workbook holds ${formatCount(entries.length)} parts (at most ${PLAN_FILE_LIMITS.maxZipEntries})`);
  }
  let declaredTotal = 0;
  for (const entry of entries) {
    const size = declaredSize(entry) ?? 0;
    if (size > PLAN_FILE_LIMITS.maxZipEntryBytes)
      throw tooBig(`one part of the workbook unpacks to ${(size / MB).toFixed(1)} MB (at most ${PLAN_FILE_LIMITS.maxZipEntryBytes / MB} MB)`);
    declaredTotal += size;
  }
  if (declaredTotal > PLAN_FILE_LIMITS.maxZipTotalBytes) {
    throw tooBig(`the workbook unpacks to ${(declaredTotal / MB).toFixed(1)} MB (at most ${PLAN_FILE_LIMITS.maxZipTotalBytes / MB} MB)`);
  }
  for (const entry of entries) {
    const declared = declaredSize(entry);
    const limit = Math.min(declared ?? PLAN_FILE_LIMITS.maxZipEntryBytes, PLAN_FILE_LIMITS.maxZipEntryBytes);
    const inflated = await inflateCounting(entry, limit, budget, name);
    if (inflated > limit) {
      throw declared !== undefined && declared < PLAN_FILE_LIMITS.maxZipEntryBytes
        ? new Error(`cannot read ${name} as an Excel workbook: it is damaged (a part unpacks to more than the workbook says it holds)`)
        : tooBig(`one part of the workbook unpacks to more than ${PLAN_FILE_LIMITS.maxZipEntryBytes / MB} MB`);
    }
  }
}

/** Inflates one entry, keeping nothing; stops as soon as it passes `limit` bytes and says how far it got. */
function inflateCounting(entry: JSZip.JSZipObject, limit: number, budget: ReadBudget, name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let total = 0;
    const stream = entry.nodeStream('nodebuffer');
    stream
      .on('data', (chunk: Buffer) => {
        total += chunk.byteLength;
        try {
          budget.check();
        } catch (error) {
          stream.pause();
          reject(error as Error);
          return;
        }
        if (total > limit) {
          stream.pause();
          resolve(total);
        }
      })
      .on('error', (error: Error) => reject(new Error(`cannot read ${name} as an Excel workbook: ${error.message}`)))
      .on('end', () => resolve(total))
      .resume();
  });
}
