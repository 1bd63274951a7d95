/** Structured logs: one JSON object a line (or a readable line in development). */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/**
 * @example
 * const logger = createLogger({ level: 'info', format: 'json', write: (line) => process.stdout.write(line) });
 * logger.info('request', { method: 'GET', path: '/healthz', status: 200 });
 */
export function createLogger(options: {
  level: LogLevel;
  format: 'json' | 'pretty';
  write: (line: string) => void;
}): Logger {
  const log =
    (level: Exclude<LogLevel, 'silent'>) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      if (ORDER[level] < ORDER[options.level]) return;
      if (options.format === 'json') {
        options.write(`${JSON.stringify({ level, time: new Date().toISOString(), msg: message, ...fields })}\n`);
        return;
      }
      const details = Object.entries(fields)
        .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
        .join(' ');
      options.write(
        `${new Date().toISOString().slice(11, 23)} ${level.padEnd(5)} ${message}${details ? ` ${details}` : ''}\n`,
      );
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** A logger that drops everything: for tests that assert on responses, not logs. */
export const silentLogger: Logger = createLogger({ level: 'silent', format: 'json', write: () => {} });
