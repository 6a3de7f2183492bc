import path from 'node:path';
import { Writable } from 'node:stream';
import { context, trace, TraceFlags } from '@opentelemetry/api';
import { createLogger } from '../../src/logger';

/**
 * Log lines carry the trace id of the request they belong to, so an operator can go from a line in
 * Log Analytics to the request in Application Insights. The context manager is the one
 * applicationinsights installs (resolved from its own folder, as src/telemetry.ts does).
 */
function linesOf(run: (log: ReturnType<typeof createLogger>) => void): Record<string, unknown>[] {
  const lines: string[] = [];
  const stream = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      lines.push(chunk.toString());
      done();
    },
  });
  run(createLogger('info', 'test', 'json', stream));
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('log lines and traces', () => {
  beforeAll(() => {
    const from = path.dirname(require.resolve('applicationinsights'));
    const hooks = require(require.resolve('@opentelemetry/context-async-hooks', { paths: [from] })) as { AsyncLocalStorageContextManager: new () => { enable(): unknown } };
    context.setGlobalContextManager(new hooks.AsyncLocalStorageContextManager().enable() as Parameters<typeof context.setGlobalContextManager>[0]);
  });

  afterAll(() => {
    context.disable();
  });

  it('carry the trace and span id of the request being handled', () => {
    const span = trace.wrapSpanContext({ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: TraceFlags.SAMPLED });
    const [line] = linesOf((log) => context.with(trace.setSpan(context.active(), span), () => log.info('turn handled')));
    expect(line).toMatchObject({ msg: 'turn handled', trace_id: '0af7651916cd43dd8448eb211c80319c', span_id: 'b7ad6b7169203331' });
  });

  it('carry nothing of the kind outside a request, or when telemetry is off', () => {
    const [line] = linesOf((log) => log.info('started'));
    expect(line).not.toHaveProperty('trace_id');
    expect(line).not.toHaveProperty('span_id');
  });
});
