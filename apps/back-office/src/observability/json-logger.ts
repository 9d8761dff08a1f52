import { LoggerService, LogLevel } from '@nestjs/common';

/** Twelve digits standing alone: an IIN (or something as sensitive); never written to a log. */
const IIN_LIKE = /(?<!\d)(\d{2})\d{8}(\d{2})(?!\d)/g;

export function maskPersonalData(text: string): string {
  return text.replace(IIN_LIKE, '$1********$2');
}

/**
 * One JSON object per line (time, level, context, message), for the ministry's log pipeline. Every
 * message passes through `maskPersonalData`; names are never logged by our code in the first place.
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
    private readonly levels: readonly LogLevel[] = ['log', 'error', 'warn'],
  ) {}

  log(message: unknown, context?: string): void {
    this.emit('info', 'log', message, context);
  }

  error(message: unknown, stackOrContext?: string, context?: string): void {
    this.emit('error', 'error', message, context ?? stackOrContext);
  }

  warn(message: unknown, context?: string): void {
    this.emit('warn', 'warn', message, context);
  }

  debug(message: unknown, context?: string): void {
    this.emit('debug', 'debug', message, context);
  }

  verbose(message: unknown, context?: string): void {
    this.emit('verbose', 'verbose', message, context);
  }

  private emit(level: string, nestLevel: LogLevel, message: unknown, context?: string): void {
    if (!this.levels.includes(nestLevel)) return;
    const text = message instanceof Error ? `${message.message}\n${message.stack ?? ''}` : typeof message === 'string' ? message : JSON.stringify(message);
    this.write(JSON.stringify({ time: new Date().toISOString(), level, context, message: maskPersonalData(text) }));
  }
}
