import { APPLICATION_STATE_PERSONAL_FIELDS } from '@domain/application';
import { maskAs, maskId } from '@domain/shared/personal-data';
import { maskDeclared, maskDeclaredAt, maskPersonalText } from '@domain/shared/personal-data-mask';
import { PERSON_STREAM_ID_FORM } from '@domain/person';
import { EventTypeRegistry } from '@libs/event-sourcing';
import {
  AUDIT_ACCESS_EVENT_TYPES,
  DISCLOSURE_EVENT_TYPES,
  DISCLOSURE_GRANT_EVENT_TYPES,
  WORKFLOW_EVENT_TYPES,
  WORKFLOW_PERSONAL_DATA,
} from '@libs/workflow';

const IIN = '850315400124';

describe('personal data, declared once (ADR 26)', () => {
  const stored = [
    ...WORKFLOW_EVENT_TYPES,
    ...DISCLOSURE_EVENT_TYPES,
    ...DISCLOSURE_GRANT_EVENT_TYPES,
    ...AUDIT_ACCESS_EVENT_TYPES,
  ];

  it('declares every stored event type, in the schema version it is read in', () => {
    const registry = new EventTypeRegistry().registerAll(stored);
    const undeclared = stored.filter(({ type }) => WORKFLOW_PERSONAL_DATA[type] === undefined).map((d) => d.type);
    expect(undeclared).toEqual([]);
    const stale = stored
      .filter(({ type }) => WORKFLOW_PERSONAL_DATA[type]!.schemaVersion !== registry.currentVersion(type))
      .map((d) => d.type);
    expect(stale).toEqual([]);
  });

  it('declares the law, the quotas and the audit’s own events too, with no personal fields but a reason typed by hand', () => {
    for (const type of ['CalendarYearAmended', 'SeatsReserved', 'IdempotencyKeyClaimed', 'AuditRecordRead'])
      expect(WORKFLOW_PERSONAL_DATA[type]!.fields).toEqual({});
    expect(WORKFLOW_PERSONAL_DATA.DisclosureGranted!.fields).toEqual({ reason: 'freeText' });
  });

  it('masks each kind so that the birth date, the name in an e-mail and the number are gone', () => {
    expect(maskAs('iin', IIN)).toBe('**********24');
    expect(maskAs('name', 'Әсел')).toBe('Ә***');
    expect(maskAs('email', 'botagoz.nurmagambetova13@mail.kz')).toBe('***@mail.kz');
    expect(maskAs('phone', '+77012345678')).toBe('***78');
    expect(maskAs('birthDate', '1985-03-15')).toBe('****-**-**');
    expect(maskAs('documentNumber', 'FA1234567')).toBe('***');
    expect(maskAs('freeText', 'Ержан asked to withdraw')).toBe('***');
    // An account keeps its country and last four characters, so two accounts of a family can be told apart.
    expect(maskAs('bankAccount', 'KZ86125KZT5004100100')).toBe('KZ**************0100');
  });

  it('masks the declared paths — arrays, objects whole — and passes every other string through the undeclared pass', () => {
    const masked = maskDeclared(
      { 'applicant.name': 'name', 'family[].iin': 'iin' },
      {
        applicant: { name: { lastName: 'Нұрланұлы', firstName: 'Ержан' }, note: `call +7 701 234 56 78 or ${IIN}` },
        family: [{ iin: IIN, relation: 'spouse' }],
      },
    );
    expect(masked).toEqual({
      applicant: { name: { lastName: 'Н***', firstName: 'Е***' }, note: 'call ***78 or **********24' },
      family: [{ iin: '**********24', relation: 'spouse' }],
    });
  });

  it('masks a changed field of a state by the declaration at its path', () => {
    const fields = APPLICATION_STATE_PERSONAL_FIELDS;
    expect(maskDeclaredAt(fields, ['submission', 'applicant', 'iin'], IIN)).toBe('**********24');
    expect(maskDeclaredAt(fields, ['submission', 'applicant'], { iin: IIN, category: 'kandas' })).toEqual({
      iin: '**********24',
      category: 'kandas',
    });
    expect(maskDeclaredAt(fields, ['status'], 'signed')).toBe('signed');
  });

  it('masks the IIN naming a Person stream, and finds IINs, e-mails and phones in any text', () => {
    expect(maskId([PERSON_STREAM_ID_FORM], `person-${IIN}`)).toBe('person-**********24');
    expect(maskPersonalText(`write to Ernar.Sultan@inbox.kz about ${IIN}; 8 (777) 123-45-67`)).toBe(
      'write to ***@inbox.kz about **********24; ***67',
    );
    expect(maskPersonalText('3f0c5a7e-8d1b-4c2e-9a6f-123456789012 and 1234567890123')).toBe(
      '3f0c5a7e-8d1b-4c2e-9a6f-123456789012 and 1234567890123',
    );
  });
});
