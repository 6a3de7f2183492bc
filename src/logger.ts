import { trace } from '@opentelemetry/api';
import pino from 'pino';

export type Logger = pino.Logger;

/**
 * JSON logs for hosting (Application Insights and log tools read them); `pretty` turns them into
 * readable lines for a person watching `npm start` (pino-pretty is a development dependency).
 */
/**
 * The trace and span of the request being handled, when telemetry is on, so an operator can go from a
 * log line in Log Analytics to the request in Application Insights. Nothing when telemetry is off.
 */
export function traceFields(): { trace_id?: string; span_id?: string } {
  const context = trace.getActiveSpan()?.spanContext();
  return context && trace.isSpanContextValid(context) ? { trace_id: context.traceId, span_id: context.spanId } : {};
}

export function createLogger(
  level: string,
  name = 'prevent-partnership-bot',
  format: 'json' | 'pretty' = 'json',
  /** Where JSON lines go; tests pass a stream to read what would be logged. */
  destination?: pino.DestinationStream,
): Logger {
  const options = { name, level, mixin: traceFields, redact: ['*.password', '*.connectionString', '*.MicrosoftAppPassword', '*.authorization', '*.headers.authorization'] };
  if (destination) return pino(options, destination);
  if (format === 'pretty') {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } });
  }
  return pino(options);
}

export const silentLogger: Logger = pino({ level: 'silent' });
