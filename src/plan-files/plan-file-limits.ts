import { performance } from 'node:perf_hooks';

/**
 * How big a plan file may be. An action plan is a few hundred rows in about seven columns (the
 * Warwickshire plan: 32 actions); these leave room for a long plan with notes while keeping a hostile
 * file from holding the bot's one thread or its memory.
 */
export const PLAN_FILE_LIMITS = {
  /** Bytes of the file as sent. */
  maxBytes: 5 * 1024 * 1024,
  /** Columns up to the last one with anything in it. */
  maxColumns: 100,
  /** Non-blank rows below the header. */
  maxRows: 2_000,
  /** Characters in one cell; the longest stored field holds 2,000. */
  maxCellChars: 4_000,
  /** Fields in one CSV record, empty ones included: Excel's own last column. */
  maxCsvFields: 16_384,
  /** Entries in an XLSX zip; Excel writes a dozen or so. */
  maxZipEntries: 200,
  /**
   * Bytes one XLSX entry inflates to. A 300-row plan's sheet is well under 1 MB; exceljs holds every
   * entry whole and took 3 s for 8 MB of sheet XML on the shared test machine, so this bounds its time and memory.
   */
  maxZipEntryBytes: 8 * 1024 * 1024,
  /** Bytes all XLSX entries inflate to together. */
  maxZipTotalBytes: 16 * 1024 * 1024,
  /** Time to read a file, checked between rows (and between chunks of one long row). */
  budgetMs: 5_000,
} as const;

export type PlanFileLimits = typeof PLAN_FILE_LIMITS;

/** What reading a plan file may be given: a clock, so a test can make the time budget run out. */
export interface PlanReadOptions {
  /** Milliseconds from any fixed point; performance.now by default. */
  readonly clock?: () => number;
}

/**
 * The time a read may take, checked cooperatively: parsers call `check()` every so many rows, and it
 * throws once the budget is spent, so a file that is slow to read is refused instead of freezing the bot.
 */
export class ReadBudget {
  private readonly deadline: number;

  constructor(
    private readonly name: string,
    private readonly clock: () => number = () => performance.now(),
    budgetMs: number = PLAN_FILE_LIMITS.budgetMs,
  ) {
    this.deadline = clock() + budgetMs;
  }

  check(): void {
    if (this.clock() > this.deadline) {
      throw new Error(
        `cannot read ${this.name}: it took more than ${PLAN_FILE_LIMITS.budgetMs / 1000} seconds to read, far longer than an action plan takes; check it is the plan and send a smaller file`,
      );
    }
  }
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}
