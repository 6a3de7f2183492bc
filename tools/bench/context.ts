/** What every part of the bench is given. */
export interface BenchContext {
  /** Connection string of the bench's own Azurite (each part uses its own table prefix). */
  readonly storage: string;
  /** Azurite's process id, so a part can say how much CPU storage took (Linux only). */
  readonly storagePid?: number;
  /** Reduced sizes, for developing the bench. */
  readonly quick: boolean;
  /** Progress lines (stderr), so stdout keeps the results. */
  readonly log: (line: string) => void;
}
