import type Database from 'better-sqlite3';

/** One issued OTP. The code itself is never stored: only its keyed MAC (see OtpService). */
export interface OtpRecord {
  readonly otpRequestId: string;
  readonly applicationId: string;
  readonly iin: string;
  readonly digest: string;
  /** Hex HMAC-SHA-256 of the code and its binding, under the server secret. */
  readonly codeMac: string;
  readonly issuedAt: string;
  readonly expiresAt: string;
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly usedAt: string | null;
  readonly lockedAt: string | null;
}

interface OtpRow {
  otp_request_id: string;
  application_id: string;
  iin: string;
  digest: string;
  code_mac: string;
  issued_at: string;
  expires_at: string;
  attempts: number;
  max_attempts: number;
  used_at: string | null;
  locked_at: string | null;
}

/** The OTP requests, in a table of a given SQLite database (typically the read-models file). */
export class SqliteOtpStore {
  private readonly insertRow: Database.Statement;
  private readonly selectRow: Database.Statement;
  private readonly failAttempt: Database.Statement;
  private readonly markUsedRow: Database.Statement;
  private readonly deleteExpired: Database.Statement;

  constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS otp_requests (
      otp_request_id TEXT PRIMARY KEY,
      application_id TEXT NOT NULL,
      iin            TEXT NOT NULL,
      digest         TEXT NOT NULL,
      code_mac       TEXT NOT NULL,
      issued_at      TEXT NOT NULL,
      expires_at     TEXT NOT NULL,
      attempts       INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      max_attempts   INTEGER NOT NULL CHECK (max_attempts > 0),
      used_at        TEXT,
      locked_at      TEXT
    ) STRICT`);
    db.exec('CREATE INDEX IF NOT EXISTS otp_requests_by_expiry ON otp_requests (expires_at)');
    this.insertRow = db.prepare(
      `INSERT INTO otp_requests (otp_request_id, application_id, iin, digest, code_mac, issued_at, expires_at, attempts, max_attempts)
       VALUES (@otp_request_id, @application_id, @iin, @digest, @code_mac, @issued_at, @expires_at, 0, @max_attempts)`,
    );
    this.selectRow = db.prepare('SELECT * FROM otp_requests WHERE otp_request_id = ?');
    this.failAttempt = db.prepare(
      `UPDATE otp_requests SET attempts = attempts + 1,
         locked_at = CASE WHEN locked_at IS NULL AND attempts + 1 >= max_attempts THEN @at ELSE locked_at END
       WHERE otp_request_id = @id`,
    );
    this.markUsedRow = db.prepare(
      'UPDATE otp_requests SET used_at = @at WHERE otp_request_id = @id AND used_at IS NULL',
    );
    this.deleteExpired = db.prepare('DELETE FROM otp_requests WHERE expires_at < ?');
  }

  insert(record: Omit<OtpRecord, 'attempts' | 'usedAt' | 'lockedAt'>): void {
    this.insertRow.run({
      otp_request_id: record.otpRequestId,
      application_id: record.applicationId,
      iin: record.iin,
      digest: record.digest,
      code_mac: record.codeMac,
      issued_at: record.issuedAt,
      expires_at: record.expiresAt,
      max_attempts: record.maxAttempts,
    });
  }

  find(otpRequestId: string): OtpRecord | undefined {
    const row = this.selectRow.get(otpRequestId) as OtpRow | undefined;
    return row && toRecord(row);
  }

  /** Counts a failed attempt; the request is locked when it reaches its maximum. */
  recordFailedAttempt(otpRequestId: string, at: string): void {
    this.failAttempt.run({ id: otpRequestId, at });
  }

  /** Marks the request used; false when it was used already (the caller lost a race). */
  markUsed(otpRequestId: string, at: string): boolean {
    return this.markUsedRow.run({ id: otpRequestId, at }).changes === 1;
  }

  /** Housekeeping: drops the requests that expired before `instant` (ISO-8601 UTC). */
  purgeExpiredBefore(instant: string): number {
    return this.deleteExpired.run(instant).changes;
  }

  /** Runs `work` in one BEGIN IMMEDIATE transaction, so two verifiers cannot both use one code. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }
}

function toRecord(row: OtpRow): OtpRecord {
  return {
    otpRequestId: row.otp_request_id,
    applicationId: row.application_id,
    iin: row.iin,
    digest: row.digest,
    codeMac: row.code_mac,
    issuedAt: row.issued_at,
    expiresAt: row.expires_at,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    usedAt: row.used_at,
    lockedAt: row.locked_at,
  };
}
