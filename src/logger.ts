import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(level: string, name = 'prevent-partnership-bot'): Logger {
  return pino({ name, level, redact: ['*.password', '*.connectionString', '*.MicrosoftAppPassword'] });
}

export const silentLogger: Logger = pino({ level: 'silent' });
