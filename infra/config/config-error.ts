/** A setting refused at start-up, naming its variable. */
export class ConfigError extends Error {
  constructor(variable: string, reason: string) {
    super(`Environment variable ${variable}: ${reason}`);
    this.name = 'ConfigError';
  }
}
