import type { TablePipelinePolicy } from '../../src/storage/tables/table-storage';

export interface TableCall {
  readonly method: string;
  /** Table and keys, e.g. `tAbc123Actions(PartitionKey='warwickshire',RowKey='action_3.1')` or `$batch`. */
  readonly target: string;
  readonly started: number;
  readonly ended: number;
}

/**
 * Every HTTP request the Table clients make, with when it started and ended, so a test can say how
 * many calls a turn costs and how many of them wait for one another.
 */
export class TableCallRecorder {
  private recorded: TableCall[] = [];

  readonly policy: TablePipelinePolicy = {
    name: 'table-call-recorder',
    sendRequest: async (request, next) => {
      const started = performance.now();
      try {
        return await next(request);
      } finally {
        this.recorded.push({ method: request.method, target: decodeURIComponent(new URL(request.url).pathname.split('/').at(-1) ?? ''), started, ended: performance.now() });
      }
    },
  };

  /** The calls made while `run` ran, including any it started and did not wait for, once they end. */
  async during(run: () => Promise<unknown>, settle: () => Promise<unknown> = async () => undefined): Promise<TableCall[]> {
    this.recorded = [];
    const from = performance.now();
    await run();
    const to = performance.now();
    await settle();
    return this.recorded.filter((call) => call.started >= from && call.started <= to).sort((a, b) => a.started - b.started);
  }
}

/** The longest run of calls each starting after the one before had ended: the round trips a turn waits through. */
export function longestChain(calls: readonly TableCall[]): number {
  const depth = new Map<TableCall, number>();
  for (const call of [...calls].sort((a, b) => a.started - b.started)) {
    const before = calls.filter((other) => other.ended <= call.started).map((other) => depth.get(other) ?? 1);
    depth.set(call, 1 + Math.max(0, ...before));
  }
  return Math.max(0, ...depth.values());
}
