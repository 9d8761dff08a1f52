import type { RefusalGround, RefusalGroundList } from '../application/refusal-grounds';
import { ViolationCollector } from '../shared/errors';
import type { Decider } from '../shared/decider';
import {
  amendmentBasisOf,
  sameContent,
  tableDecider,
  nothingChanged,
  type AmendmentCommand,
  type TableState,
} from './amendment-command';
import { LawError, LawErrorCode } from './errors';
import type { RefusalGroundsAmended } from './events';

/**
 * A ground of the list as amended. A ground once listed stays in every later list: refusals
 * recorded on it must keep their meaning (an auditor reads its labels from the list version the
 * refusal names), so it is retired — no new decision may use it — never removed.
 */
export interface LawRefusalGround extends RefusalGround {
  readonly retired?: boolean;
}

export interface SetRefusalGrounds extends AmendmentCommand {
  readonly type: 'SetRefusalGrounds';
  readonly grounds: readonly LawRefusalGround[];
}

export type RefusalGroundsState = TableState<RefusalGroundsAmended['data']>;

const CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

export const refusalGroundsDecider: Decider<SetRefusalGrounds, RefusalGroundsAmended, RefusalGroundsState> =
  tableDecider((command, state) => {
    const basis = amendmentBasisOf(command);
    const grounds = checkedGrounds(command.grounds);
    const before = state.latest?.grounds ?? [];
    const left = before.filter((old) => !grounds.some((g) => g.code === old.code));
    if (left.length > 0)
      throw new LawError(
        LawErrorCode.GroundRemoved,
        'A refusal ground once listed cannot be removed: retire it instead',
        left.map((g) => ({ field: 'grounds', reason: `${g.code} is left out: keep it with "retired": true` })),
      );
    if (state.latest && sameContent(before, grounds)) throw nothingChanged('the refusal grounds');
    return [{ type: 'RefusalGroundsAmended', data: { ...basis, version: String(state.amendments + 1), grounds } }];
  });

function checkedGrounds(grounds: readonly LawRefusalGround[] | undefined): LawRefusalGround[] {
  const found = new ViolationCollector();
  const list: readonly LawRefusalGround[] = Array.isArray(grounds) ? grounds : [];
  found.check(list.length > 0, 'grounds', 'must list at least one ground');
  const seen = new Set<string>();
  list.forEach((g, i) => {
    found.check(
      typeof g.code === 'string' && CODE.test(g.code),
      `grounds[${i}].code`,
      'must be an upper-case code A–Z, 0–9, _',
    );
    found.check(!seen.has(g.code), `grounds[${i}].code`, `${g.code} is listed twice`);
    seen.add(g.code);
    for (const lang of ['ru', 'kk', 'en'] as const)
      found.check(
        typeof g[lang] === 'string' && g[lang].trim().length > 0 && g[lang].length <= 300,
        `grounds[${i}].${lang}`,
        'must be a label of 1–300 characters',
      );
    found.check(
      typeof g.explanationRequired === 'boolean',
      `grounds[${i}].explanationRequired`,
      'must be true or false',
    );
  });
  found.check(
    list.some((g) => g.retired !== true),
    'grounds',
    'must keep at least one ground in use',
  );
  found.throwIfAny((v) => new LawError(LawErrorCode.GroundsInvalid, 'The refusal grounds are invalid', v));
  return list.map(({ code, ru, kk, en, explanationRequired, retired }) => ({
    code,
    ru,
    kk,
    en,
    explanationRequired,
    ...(retired === true ? { retired: true } : {}),
  }));
}

/** The list a decision takes its grounds from: the grounds in use, under the list's version. */
export function groundsInUse(version: string, grounds: readonly LawRefusalGround[]): RefusalGroundList {
  return {
    version,
    grounds: grounds.filter((g) => g.retired !== true).map(({ retired: _retired, ...ground }) => ground),
  };
}
