import Database from 'better-sqlite3';
import { dropRetiredTables } from '@infra/read-models/retired-tables';

/** Issue 15 (ADR 17): the tables signing and idempotency kept per instance are gone at start-up. */
describe('retired read-model tables', () => {
  it('drops otp_requests and idempotency_keys from a file an older version wrote, and nothing else; twice is harmless', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE otp_requests (otp_request_id TEXT PRIMARY KEY, code_mac TEXT NOT NULL);
      INSERT INTO otp_requests VALUES ('otp-1', 'mac');
      CREATE TABLE idempotency_keys (actor_id TEXT, key TEXT, fingerprint TEXT, PRIMARY KEY (actor_id, key));
      CREATE TABLE applications (application_id TEXT PRIMARY KEY);
      INSERT INTO applications VALUES ('kept');`);
    const tables = () =>
      (
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>
      ).map((row) => row.name);

    expect(dropRetiredTables(db)).toEqual(['otp_requests', 'idempotency_keys']);
    expect(tables()).toEqual(['applications']);
    expect(db.prepare('SELECT application_id FROM applications').pluck().all()).toEqual(['kept']);
    dropRetiredTables(db);
    expect(tables()).toEqual(['applications']);
    db.close();
  });
});
