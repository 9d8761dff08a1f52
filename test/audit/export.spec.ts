import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_TYPE_REGISTRY } from '@libs/event-sourcing-nest';
import { EventTypeRegistry, RecordedEvent } from '@libs/event-sourcing';
import type { EventStore } from '@libs/event-sourcing';
import type { ExportOutput } from '@libs/workflow';
import { ServiceSigningKey } from '@libs/auth';
import {
  AuditExports,
  DISCLOSURE_EVENT_TYPES,
  DISCLOSURE_STREAM,
  EXPORT_COLUMNS,
  ExportFormat,
  ExportSelection,
  exportEvents,
  InvalidExportRequestError,
  DisclosureGrantRefusedError,
  grantDisclosure,
  ParsedExportArgs,
  runExportCommand,
  UnmaskGrant,
} from '@libs/workflow';
import { InMemoryEventStore } from '@infra/event-store/in-memory/in-memory-event-store';
import { APPLICANT_IIN, SPOUSE_IIN } from '../domain/application/fixtures';
import { SagaHarness } from '../saga/support/saga-harness';
import { knownFamily, review, submitAndSign } from '../saga/support/scenario';
import { parseExportArgs } from '../../apps/cli/src/commands/export';
import { parseCsv } from './support/parse-csv';

const ADMIN = { id: 'auditor-7', role: 'auditor' };
const GRANTING_ADMIN = { id: 'admin-1', role: 'admin' };
const MASKED_IIN = `**********${APPLICANT_IIN.slice(10)}`;
const NAME_PARTS = ['Нұрланұлы', 'Ержан', 'Серікұлы', 'Сапарова', 'Айгүл', 'Аружан', 'Nurlanuly', 'Yerzhan'];
const signer = ServiceSigningKey.generate();

/** The export's rows (the JSON Lines' manifest line is verifiable-export.spec's subject). */
async function collect(output: ExportOutput): Promise<string[]> {
  const out: string[] = [];
  for await (const line of output.lines) if (!line.startsWith('{"manifest":')) out.push(line);
  return out;
}

describe('exporting events for auditors', () => {
  let h: SagaHarness;
  let registry: EventTypeRegistry;
  let id: string;
  let from: string;
  let to: string;

  const run = async (selection: ExportSelection, format: ExportFormat = 'jsonl', unmask?: UnmaskGrant) =>
    collect(
      await exportEvents({
        store: h.store,
        registry,
        selection,
        format,
        unmask,
        now: h.clock.now(),
        actor: ADMIN,
        signer,
      }),
    );
  const rows = async (selection: ExportSelection) =>
    (await run(selection)).map((line) => JSON.parse(line) as Record<string, unknown>);
  const disclosures = () => h.events(DISCLOSURE_STREAM);

  beforeAll(async () => {
    h = await SagaHarness.start();
    registry = h.app.get<EventTypeRegistry>(EVENT_TYPE_REGISTRY);
    await h.openQuota('pavlodar', 2026, 'kandas', 977);
    h.clock.set('2026-03-02T06:00:00.000Z');
    from = '2026-03-02T05:30:00.000Z';
    id = await submitAndSign(h, knownFamily());
    await h.settle();
    to = '2026-03-02T07:00:00.000Z';
    h.clock.set('2026-03-10T06:00:00.000Z');
    await review(h, id, 'eligible');
    await h.settle();
  });
  afterAll(() => h.close());

  it('writes one JSON object per line, with every column, positions as strings', async () => {
    const lines = await run({ stream: `application-${id}` });
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed.map((row) => row.type)).toEqual([
      'ApplicationSubmitted',
      'SigningCodeIssued',
      'ApplicationSigned',
      'ReviewDeadlineScheduled',
      'HearingNoticeDeadlineScheduled',
      'ReviewStarted',
      'ApplicationReviewed',
      'ApplicationIncluded',
      'SubsidyGranted',
      'SubsidyGranted',
    ]);
    for (const row of parsed) {
      expect(Object.keys(row)).toEqual([...EXPORT_COLUMNS]);
      expect(row.position).toEqual(expect.stringMatching(/^\d+$/));
    }
    expect(parsed.map((row) => row.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(parsed[0]).toMatchObject({
      streamId: `application-${id}`,
      actor: { id: 'egov', role: 'portal' },
      schemaVersion: 2,
      occurredAt: '2026-03-02T06:00:00.000Z',
    });
    const stored = await h.events(`application-${id}`);
    expect(
      parsed.map((row) => [row.eventId, row.commandId, row.correlationId, row.causationId, row.recordedAt]),
    ).toEqual(
      stored.map((e) => [
        e.eventId,
        e.metadata.commandId,
        e.metadata.correlationId,
        e.metadata.causationId,
        e.recordedAt,
      ]),
    );
  });

  it('masks every IIN (birth date included) and every name by default', async () => {
    const text = (await run({ from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' })).join('\n');
    expect(text).not.toContain(APPLICANT_IIN);
    expect(text).not.toContain(SPOUSE_IIN);
    for (const line of text.split('\n'))
      expect(JSON.stringify((JSON.parse(line) as { data: unknown }).data)).not.toMatch(/"\d{12}"/);
    for (const part of NAME_PARTS) expect(text).not.toContain(part);
    expect(text).toContain(MASKED_IIN);
    expect(text).not.toContain(APPLICANT_IIN.slice(0, 6));
    expect(text).toContain('"lastName":"Н***","firstName":"Е***","patronymic":"С***"');
  });

  it('writes RFC 4180 CSV with a header, the same columns, actor and data as JSON', async () => {
    const lines = await run({ stream: `application-${id}` }, 'csv');
    const records = parseCsv(lines.join('\r\n') + '\r\n');
    expect(records[0]).toEqual([...EXPORT_COLUMNS]);
    expect(records).toHaveLength(11);
    const json = await rows({ stream: `application-${id}` });
    records.slice(1).forEach((record, i) => {
      const row = Object.fromEntries(EXPORT_COLUMNS.map((column, c) => [column, record[c]]));
      expect(JSON.parse(row.data!)).toEqual(json[i]!.data);
      expect(JSON.parse(row.actor!)).toEqual(json[i]!.actor);
      expect(Number(row.revision)).toBe(json[i]!.revision);
      expect(row.position).toBe(json[i]!.position);
    });
    expect(lines.join('\n')).not.toContain(APPLICANT_IIN);
  });

  it('selects what one correlation caused, across streams', async () => {
    const reviewed = (await rows({ stream: `application-${id}` })).find((row) => row.type === 'ApplicationReviewed')!;
    const caused = await rows({ correlationId: reviewed.correlationId as string });
    expect(caused.every((row) => row.correlationId === reviewed.correlationId)).toBe(true);
    expect(caused.map((row) => [row.streamId, row.type])).toEqual(
      expect.arrayContaining([
        [`application-${id}`, 'ApplicationReviewed'],
        ['regional-quota-pavlodar-2026-kandas', 'SeatsReserved'],
        [`application-${id}`, 'ApplicationIncluded'],
      ]),
    );
    expect(await rows({ correlationId: '00000000-0000-4000-8000-000000000000' })).toEqual([]);
  });

  it('selects a period by occurredAt, from inclusive, to exclusive', async () => {
    const period = await rows({ from, to });
    const expected = (await h.allEvents()).filter((e) => e.metadata.occurredAt >= from && e.metadata.occurredAt < to);
    expect(period.map((row) => row.eventId)).toEqual(expected.map((e) => e.eventId));
    expect(period.map((row) => row.type)).toEqual(
      expect.arrayContaining(['ApplicationSubmitted', 'SigningCodeIssued', 'ApplicationSigned']),
    );
    expect(period.some((row) => row.type === 'ApplicationReviewed' || row.type === 'QuotaCapacitySet')).toBe(false);
    const exactly = await rows({ from: '2026-03-02T06:00:00.000Z', to: '2026-03-02T06:00:00.000Z' });
    expect(exactly).toEqual([]);
  });

  it('refuses a malformed selection', async () => {
    const bad = (selection: unknown) =>
      exportEvents({
        store: h.store,
        registry,
        selection: selection as ExportSelection,
        format: 'jsonl',
        now: h.clock.now(),
        actor: ADMIN,
        signer,
      });
    await expect(bad({})).rejects.toBeInstanceOf(InvalidExportRequestError);
    await expect(bad({ stream: 'a', correlationId: 'b' })).rejects.toBeInstanceOf(InvalidExportRequestError);
    await expect(bad({ from: 'yesterday', to: '2026-03-02T06:00:00Z' })).rejects.toBeInstanceOf(
      InvalidExportRequestError,
    );
    await expect(bad({ from: '2026-03-03T00:00:00Z', to: '2026-03-02T00:00:00Z' })).rejects.toBeInstanceOf(
      InvalidExportRequestError,
    );
  });

  it('exports in clear with a grant, and records exactly one disclosure before any line', async () => {
    const before = (await disclosures()).length;
    const selection = { stream: `application-${id}` };
    const { grantId } = await grantDisclosure(h.store, h.clock.now(), GRANTING_ADMIN, {
      grantee: ADMIN.id,
      selection,
      reason: 'Court request No. 12/345',
      expiresAt: '2026-03-11T06:00:00Z',
    });
    const lines = await exportEvents({
      store: h.store,
      registry,
      selection,
      format: 'jsonl',
      unmask: { grantId },
      now: h.clock.now(),
      actor: ADMIN,
      signer,
    });
    const recorded = await disclosures();
    expect(recorded).toHaveLength(before + 1);
    const text = (await collect(lines)).join('\n');
    expect(text).toContain(APPLICANT_IIN);
    expect(text).toContain('"lastName":"Нұрланұлы","firstName":"Ержан","patronymic":"Серікұлы"');
    expect(await disclosures()).toHaveLength(before + 1);
    const disclosed = recorded[recorded.length - 1]!;
    expect(disclosed).toMatchObject({
      type: 'PersonalDataDisclosed',
      schemaVersion: 2,
      data: {
        selection,
        format: 'jsonl',
        grantId,
        grantedBy: 'admin-1',
        reason: 'Court request No. 12/345',
        requestedBy: ADMIN,
        disclosedAt: '2026-03-10T06:00:00.000Z',
      },
      metadata: { actor: ADMIN, occurredAt: '2026-03-10T06:00:00.000Z' },
    });
    const { commandId, correlationId, causationId } = disclosed.metadata;
    expect([commandId, correlationId, causationId].every((value) => /^[0-9a-f-]{36}$/.test(value))).toBe(true);
    expect(DISCLOSURE_EVENT_TYPES.map((d) => d.type)).toEqual(['PersonalDataDisclosed']);
  });

  it('exports an unknown-to-the-registry disclosure event as stored, masked', async () => {
    const all = await rows({ from: '2026-03-10T05:00:00Z', to: '2026-03-11T00:00:00Z' });
    expect(all.some((row) => row.streamId === DISCLOSURE_STREAM && row.type === 'PersonalDataDisclosed')).toBe(true);
  });

  it('refuses an unmask without its grant, and records nothing', async () => {
    const before = (await disclosures()).length;
    const attempt = (unmask: UnmaskGrant) =>
      exportEvents({
        store: h.store,
        registry,
        selection: { stream: `application-${id}` },
        format: 'csv',
        unmask,
        now: h.clock.now(),
        actor: ADMIN,
        signer,
      });
    await expect(attempt({ grantId: '' })).rejects.toBeInstanceOf(InvalidExportRequestError);
    await expect(attempt({ grantId: '00000000-0000-4000-8000-000000000000' })).rejects.toBeInstanceOf(
      DisclosureGrantRefusedError,
    );
    await expect(attempt({} as UnmaskGrant)).rejects.toBeInstanceOf(InvalidExportRequestError);
    expect(await disclosures()).toHaveLength(before);
  });

  describe('the CLI command', () => {
    const deps = () => ({
      exports: new AuditExports(h.store, registry, signer),
      now: () => h.clock.now(),
      actor: { id: 'cli:test', role: 'cli' },
    });
    const parsed = (args: string[]): ParsedExportArgs => {
      const result = parseExportArgs(args);
      if (typeof result === 'string') throw new Error(result);
      return result;
    };

    it('refuses the free-text --unmask, --granted-by and --reason, pointing to --grant', async () => {
      const before = (await disclosures()).length;
      // The CLI refuses these arguments (exit 2) before the export runs, so before anything is recorded.
      for (const args of [
        ['--stream', `application-${id}`, '--unmask'],
        ['--stream', `application-${id}`, '--unmask', '--granted-by', 'admin-1'],
        ['--stream', `application-${id}`, '--unmask', '--reason', 'x'],
      ]) {
        expect(parseExportArgs(args)).toEqual(expect.stringContaining('--grant <grant-id>'));
      }
      expect(await disclosures()).toHaveLength(before);
      expect(parseExportArgs(['--stream', 'a', '--grant', 'g'])).toEqual(
        expect.stringContaining('--grant needs --token'),
      );
      expect(parseExportArgs(['--from', '2026-01-01T00:00:00Z'])).toEqual(expect.any(String));
      expect(parseExportArgs(['--stream', 'a', '--correlation', 'b'])).toEqual(expect.any(String));
      expect(parseExportArgs(['--stream', 'a', '--format', 'xml'])).toEqual(expect.any(String));
      expect(parseExportArgs(['--stream', 'a', '--format', 'csv'])).toBe(
        '--format csv needs --out <file>: its signed manifest is written beside it',
      );
    });

    it('prints masked JSON Lines to stdout, and writes CSV in clear to --out with CRLF, recording the grant', async () => {
      const printed: string[] = [];
      expect(
        await runExportCommand(deps(), parsed(['--stream', `application-${id}`]), (line) => printed.push(line)),
      ).toBe(0);
      expect(printed).toHaveLength(10 + 1); // the rows, then the manifest
      expect(printed.join('\n')).not.toContain(APPLICANT_IIN);

      const dir = mkdtempSync(join(tmpdir(), 'kandas-export-'));
      try {
        const before = (await disclosures()).length;
        const out = join(dir, 'out.csv');
        const correlationId = printed.map((l) => JSON.parse(l) as { correlationId: string })[0]!.correlationId;
        const { grantId } = await grantDisclosure(h.store, h.clock.now(), GRANTING_ADMIN, {
          grantee: 'cli:test',
          selection: { correlationId },
          reason: 'inspection',
          expiresAt: '2026-03-11T06:00:00Z',
        });
        const args = [
          '--correlation',
          correlationId,
          '--format',
          'csv',
          '--grant',
          grantId,
          '--token',
          'x',
          '--out',
          out,
        ];
        const messages: string[] = [];
        expect(await runExportCommand(deps(), parsed(args), (line) => messages.push(line))).toBe(0);
        const text = readFileSync(out, 'utf8');
        expect(text.endsWith('\r\n')).toBe(true);
        expect(text).toContain(APPLICANT_IIN);
        expect(parseCsv(text)[0]).toEqual([...EXPORT_COLUMNS]);
        expect(messages.join('\n')).toMatch(/Exported \d+ event\(s\) as csv IN CLEAR/);
        const recorded = await disclosures();
        expect(recorded).toHaveLength(before + 1);
        expect(recorded[recorded.length - 1]!.data).toMatchObject({
          grantedBy: 'admin-1',
          reason: 'inspection',
          format: 'csv',
          requestedBy: { id: 'cli:test', role: 'cli' },
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});

describe('CSV quoting of awkward values', () => {
  const registry = new EventTypeRegistry().register({ type: 'PersonNoted', schemaVersion: 1 });
  const person = { lastName: 'O"Brien, Jr', firstName: 'Ann "Annie"', patronymic: 'Ли, "Ю"' };
  const note = 'first line, with a comma\nsecond "quoted" line';
  let store: EventStore;

  beforeAll(async () => {
    store = new InMemoryEventStore();
    const commandId = '11111111-1111-4111-8111-111111111111';
    await store.append(
      'notes-1',
      [
        {
          eventId: '22222222-2222-4222-8222-222222222222',
          type: 'PersonNoted',
          schemaVersion: 1,
          data: { person, note, iin: APPLICANT_IIN },
          metadata: {
            actor: { id: 'officer-1', role: 'operator' },
            commandId,
            correlationId: commandId,
            causationId: commandId,
            occurredAt: '2026-03-02T06:00:00.000Z',
          },
        },
      ],
      { expectedRevision: 'no-stream' },
    );
  });

  const csv = async (unmask?: UnmaskGrant) =>
    (
      await collect(
        await exportEvents({
          store,
          registry,
          selection: { stream: 'notes-1' },
          format: 'csv',
          unmask,
          now: new Date('2026-03-02T07:00:00Z'),
          actor: ADMIN,
          signer,
        }),
      )
    ).join('\r\n') + '\r\n';

  it('quotes commas, quotes and newlines, and parses back to the same values', async () => {
    const { grantId } = await grantDisclosure(store, new Date('2026-03-02T07:00:00Z'), GRANTING_ADMIN, {
      grantee: ADMIN.id,
      selection: { stream: 'notes-1' },
      reason: 'test',
      expiresAt: '2026-03-03T07:00:00Z',
    });
    const text = await csv({ grantId });
    expect(text).toContain('""O\\""Brien, Jr""');
    const records = parseCsv(text);
    expect(records).toHaveLength(2);
    expect(records[1]).toHaveLength(EXPORT_COLUMNS.length);
    const data = JSON.parse(records[1]![EXPORT_COLUMNS.indexOf('data')]!) as {
      person: unknown;
      note: string;
      iin: string;
    };
    expect(data).toEqual({ person, note, iin: APPLICANT_IIN });
    const recorded: RecordedEvent[] = [];
    for await (const e of store.readStream(DISCLOSURE_STREAM)) recorded.push(e);
    expect(recorded).toHaveLength(1);
  });

  it('masks the whole data of a type with no personal-data declaration (the safe side)', async () => {
    const records = parseCsv(await csv());
    const data = JSON.parse(records[1]![EXPORT_COLUMNS.indexOf('data')]!) as { person: unknown; iin: string };
    expect(data).toEqual({ person: { lastName: '***', firstName: '***', patronymic: '***' }, note: '***', iin: '***' });
  });
});
