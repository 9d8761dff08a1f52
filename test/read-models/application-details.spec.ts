import Database from 'better-sqlite3';
import { applicationStreamId } from '@domain/application';
import type { ApplicationSubmission } from '@domain/application';
import {
  ApplicationFilter,
  APPLICATIONS_SCHEMA_VERSION,
  ApplicationsProjection,
  ApplicationView,
  ensureApplicationsSchema,
  InvalidReadModelQueryError,
  Page,
  PageRequest,
  SqliteCheckpointStore,
} from '@infra/read-models';
import { APPLICANT_IIN, kandasFamily, SPOUSE_IIN } from '../domain/application/fixtures';
import { envelope, ReadModels, registry } from './support/read-models';
import { History, runWorkflow } from './support/workflow-history';

describe('the application as an officer decides on it, and finding it', () => {
  let history: History;
  let models: ReadModels;
  let key: Record<string, string>;
  beforeAll(async () => {
    history = await runWorkflow();
    models = new ReadModels().feed(history.events);
    key = Object.fromEntries(Object.entries(history.ids).map(([name, id]) => [id, name]));
  });
  const keys = (items: readonly ApplicationView[]) => items.map((item) => key[item.applicationId]).sort();
  const found = (filter: ApplicationFilter) => keys(models.applications.list(filter, { limit: 200 }).items);
  const all = () => Object.keys(history.ids).sort();
  const submissionOf = (id: string) =>
    (
      history.events.find((e) => e.streamId === applicationStreamId(id) && e.type === 'ApplicationSubmitted')!.data as {
        submission: ApplicationSubmission;
      }
    ).submission;

  describe('details', () => {
    it('given an included application: the people, contacts, each document judged, the SLA, the review and the decision', () => {
      const details = models.applications.details(history.ids.included)!;
      const stream = history.events.filter((e) => e.streamId === applicationStreamId(history.ids.included));
      const submission = kandasFamily();
      const { contacts, ...applicant } = submission.applicant;
      expect(details).toMatchObject({
        applicationId: history.ids.included,
        status: 'included',
        applicantName: 'Нұрланұлы Ержан Серікұлы',
        region: 'pavlodar',
        year: 2026,
        persons: 3,
        applicant,
        contacts,
        familyMembers: submission.familyMembers,
        documentPolicyVersion: '2026.1',
        digest: expect.stringMatching(/^[0-9a-f]{64}$/),
        sla: {
          acceptedOn: '2026-03-02',
          dueOn: '2026-03-26',
          dueAt: '2026-03-26T13:30:00.000Z',
          dueAtLocal: '2026-03-26T18:30:00.000+05:00',
          atRisk: false,
          breached: false,
          escalated: false,
        },
        review: {
          reviewerId: 'reviewer-1',
          verdict: 'eligible',
          grounds: [],
          groundsListVersion: '1',
          reviewedAt: '2026-03-05T05:00:00.000Z',
        },
        decision: {
          outcome: 'included',
          date: '2026-03-05',
          late: false,
          grounds: [],
          persons: 3,
          subsidies: { relocation: 70 * 4325 * 3, rent: 20 * 4325 * 12 },
        },
        revision: stream.at(-1)!.revision,
      });
      expect(details.documents).toEqual(
        submission.documents.map((doc, index) => ({
          index,
          kind: doc.kind,
          issuedOn: doc.issuedOn ?? null,
          expiresOn: doc.expiresOn ?? null,
          fileRef: doc.fileRef,
          sha256: doc.sha256,
          validity: 'valid',
        })),
      );
      expect(details.review.findings).toHaveLength(submission.documents.length);
    });

    it('given a not-eligible review: its findings and grounds, and the refusal with its explanation', () => {
      expect(models.applications.details(history.ids.refused)).toMatchObject({
        status: 'refused',
        review: { reviewerId: 'reviewer-2', verdict: 'not-eligible', grounds: ['INVALID_OR_EXPIRED_DOCUMENTS'] },
        decision: {
          outcome: 'refused',
          grounds: ['INVALID_OR_EXPIRED_DOCUMENTS'],
          groundsListVersion: '1',
          explanation: expect.any(String),
          persons: null,
        },
      });
    });

    it('given a review in progress: who has it, nothing recorded yet, no decision', () => {
      expect(models.applications.details(history.ids.atRisk)).toMatchObject({
        status: 'under-review',
        sla: { atRisk: true },
        review: { reviewerId: 'reviewer-1', verdict: null, findings: [], grounds: [], reviewedAt: null },
        decision: null,
      });
    });

    it('given an unknown id: nothing', () => {
      expect(models.applications.details('no-such-application')).toBeNull();
    });
  });

  describe('search', () => {
    it('by IIN, exactly: the applicant’s, or a family member’s', () => {
      // Each application has persons of its own (ADR 16); the included one is the fixture family's.
      expect(found({ iin: APPLICANT_IIN })).toEqual(['included']);
      expect(found({ iin: SPOUSE_IIN })).toEqual(['included']);
      for (const [name, id] of Object.entries(history.ids)) {
        const { applicant, familyMembers } = submissionOf(id);
        expect(found({ iin: applicant.iin })).toEqual([name]);
        for (const member of familyMembers)
          if (member.iin !== undefined) expect(found({ iin: member.iin })).toEqual([name]);
      }
      expect(found({ iin: APPLICANT_IIN.slice(0, 11) })).toEqual([]);
    });

    it.each(['Нұрлан', 'нурлан', 'НУРЛАН', 'Nurlan', 'nurlanuly', 'Ержан', 'Yerzhan', 'erzhan'])(
      'by name "%s": the applicant Нұрланұлы Ержан (Nurlanuly Yerzhan) in every spelling',
      (name) => expect(found({ name })).toEqual(all()),
    );

    it('by several words: all of them in the name of one person', () => {
      expect(found({ name: 'Айгүл Сапарова' })).toEqual(all().filter((k) => k !== 'refused'));
      expect(found({ name: 'saparova aigul' })).toEqual(all().filter((k) => k !== 'refused'));
      expect(found({ name: 'Айгүл Нұрланұлы' })).toEqual([]); // the spouse and the applicant are two people
      expect(found({ name: 'Петров' })).toEqual([]);
    });

    it('by name together with the other filters', () => {
      expect(found({ name: 'нурлан', region: 'akmola' })).toEqual(['late', 'onTime', 'unassigned']);
    });

    it('refuses a name of no letter or digit, naming the field', () => {
      expect(() => models.applications.list({ name: ' - ' })).toThrow(
        expect.objectContaining({ code: 'READ_MODEL.INVALID_QUERY', field: 'name' }),
      );
    });
  });

  describe('due filters', () => {
    const dueOn2March = ['breached', 'exhausted', 'included', 'late', 'refused', 'unassignedBreached', 'withdrawn'];

    it('by date: strictly before or after the due date in Almaty', () => {
      expect(found({ dueBefore: '2026-03-27' })).toEqual(dueOn2March);
      expect(found({ dueAfter: '2026-03-26' })).toEqual(['atRisk', 'onTime', 'reassigned', 'unassigned']);
      expect(found({ dueAfter: '2026-03-25', dueBefore: '2026-03-27' })).toEqual(dueOn2March);
    });

    it('by instant, with any offset: strictly before or after the due instant', () => {
      expect(found({ dueBefore: '2026-03-26T18:30:00+05:00' })).toEqual([]);
      expect(found({ dueBefore: '2026-03-26T13:30:00.001Z' })).toEqual(dueOn2March);
      expect(found({ dueAfter: '2026-03-26T13:30:00Z' })).toEqual(['atRisk', 'onTime', 'reassigned', 'unassigned']);
    });

    it('refuses what is neither a date nor an instant, naming the field', () => {
      for (const [field, filter] of [
        ['dueBefore', { dueBefore: '26.03.2026' }],
        ['dueAfter', { dueAfter: '2026-02-30' }],
      ] as const) {
        expect(() => models.applications.list(filter)).toThrow(
          expect.objectContaining({ code: 'READ_MODEL.INVALID_QUERY', field }),
        );
      }
    });
  });

  describe('pages', () => {
    /** Every page of a list, walked by its cursors with `limit` items a page. */
    const walk = (read: (page: PageRequest) => Page<ApplicationView>, limit: number) => {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = read({ limit, cursor });
        expect(page.items.length).toBeLessThanOrEqual(limit);
        ids.push(...page.items.map((item) => item.applicationId));
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      return ids;
    };

    it.each([1, 2, 3])(
      'every queue walked %i a page gives the whole queue, in due order, without a repeat',
      (limit) => {
        const queues = {
          reviewer: (page: PageRequest) => models.applications.reviewerQueue('reviewer-1', page),
          supervisors: (page: PageRequest) => models.applications.supervisorQueue(page),
          unassigned: (page: PageRequest) => models.applications.unassignedQueue(page),
        };
        for (const read of Object.values(queues)) {
          const whole = read({ limit: 200 }).items;
          const due = whole.map((item) => item.dueAt ?? '~');
          expect(due).toEqual([...due].sort());
          expect(walk(read, limit)).toEqual(whole.map((item) => item.applicationId));
        }
      },
    );

    it('refuses a cursor of another list (a queue’s cursor on the list), naming the cursor', () => {
      const cursor = models.applications.unassignedQueue({ limit: 1 }).nextCursor!;
      expect(() => models.applications.list({}, { cursor })).toThrow(InvalidReadModelQueryError);
    });
  });
});

describe('search by name among families named in different scripts', () => {
  const named = (lastName: string, firstName: string, latin?: { lastName: string; firstName: string }) =>
    ((): ApplicationSubmission => {
      const base = kandasFamily();
      const { nameLatin: _, ...applicant } = base.applicant;
      return {
        ...base,
        familyMembers: [],
        applicant: { ...applicant, name: { lastName, firstName }, ...(latin ? { nameLatin: latin } : {}) },
      };
    })();
  const models = new ReadModels().feed(
    [
      ['kazakh', named('Серікбаев', 'Нұрлан')],
      ['russian', named('Серикбаев', 'Нурлан')],
      ['latin', named('Serikbayev', 'Nurlan')],
      ['other', named('Иванов', 'Сергей', { lastName: 'Ivanov', firstName: 'Sergei' })],
    ].map(([id, submission], i) =>
      envelope(`application-${id as string}`, 0, 'ApplicationSubmitted', {
        applicationId: id,
        submission,
        digest: '0'.repeat(64),
        documentPolicyVersion: '2026.1',
        submittedAt: `2026-03-0${i + 2}T05:00:00.000Z`,
      }),
    ),
  );
  const found = (name: string) =>
    models.applications
      .list({ name })
      .items.map((item) => item.applicationId)
      .sort();

  it.each(['Нұрлан', 'нурлан', 'Nurlan', 'NURLAN', 'нұр'])('"%s" finds the Nurlans of every script', (name) => {
    expect(found(name)).toEqual(['kazakh', 'latin', 'russian']);
  });

  it('"Ivanov" finds the Latin name of a passport, "Иванов" the Cyrillic one: the same person', () => {
    expect(found('Ivanov')).toEqual(['other']);
    expect(found('иванов сергей')).toEqual(['other']);
  });
});

describe('the schema of the applications read model is versioned', () => {
  it('given a file of the shape before versions (one applications table), drops it and forgets its checkpoint', async () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE applications (application_id TEXT PRIMARY KEY, status TEXT NOT NULL) STRICT`);
    db.exec(`INSERT INTO applications VALUES ('old', 'submitted')`);
    const checkpoints = new SqliteCheckpointStore(db);
    await checkpoints.commit('applications', 41n);
    await checkpoints.commit('quota-usage', 41n);

    new ApplicationsProjection(db, registry());

    expect(db.prepare('SELECT COUNT(*) FROM applications').pluck().get()).toBe(0);
    expect(await checkpoints.load('applications')).toBeNull(); // replays from the start on the next run
    expect(await checkpoints.load('quota-usage')).toBe(41n); // another read model is not touched
    expect(db.prepare(`SELECT version FROM read_model_schemas WHERE read_model = 'applications'`).pluck().get()).toBe(
      APPLICATIONS_SCHEMA_VERSION,
    );
  });

  it('given a file of version 2 (details in the retired names receivingRegion, quotaYear), drops it to be rebuilt', async () => {
    const db = new Database(':memory:');
    new ReadModels(db).feed([
      envelope('application-a', 0, 'ApplicationSubmitted', {
        applicationId: 'a',
        submission: kandasFamily(),
        digest: '0'.repeat(64),
        submissionVersion: 2,
        documentPolicyVersion: '2026.1',
        submittedAt: '2026-03-02T05:00:00.000Z',
      }),
    ]);
    db.prepare(`UPDATE read_model_schemas SET version = 2 WHERE read_model = 'applications'`).run();
    const checkpoints = new SqliteCheckpointStore(db);
    await checkpoints.commit('applications', 7n);

    ensureApplicationsSchema(db);

    expect(db.prepare('SELECT COUNT(*) FROM applications').pluck().get()).toBe(0);
    expect(await checkpoints.load('applications')).toBeNull();
  });

  it('given the current version, keeps the rows and the checkpoint', async () => {
    const db = new Database(':memory:');
    const models = new ReadModels(db).feed([
      envelope('application-a', 0, 'ApplicationSubmitted', {
        applicationId: 'a',
        submission: kandasFamily(),
        digest: '0'.repeat(64),
        submissionVersion: 2,
        documentPolicyVersion: '2026.1',
        submittedAt: '2026-03-02T05:00:00.000Z',
      }),
    ]);
    const checkpoints = new SqliteCheckpointStore(db);
    await checkpoints.commit('applications', 7n);
    ensureApplicationsSchema(db);
    expect(models.applications.get('a')).not.toBeNull();
    expect(await checkpoints.load('applications')).toBe(7n);
  });
});
