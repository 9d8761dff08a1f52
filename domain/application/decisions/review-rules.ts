import { Violation } from '../../shared/errors';
import type { RecordReview } from './review';
import { findGround, notAGroundReason, RefusalGroundList } from '../refusal-grounds';

/**
 * A review judges every document once, and its verdict agrees with its findings: "not eligible"
 * names at least one ground from the list; "eligible" names none and accepts every document.
 */
export function reviewViolations(command: RecordReview, documentCount: number, list: RefusalGroundList): Violation[] {
  const violations: Violation[] = [];
  if (command.verdict !== 'eligible' && command.verdict !== 'not-eligible') {
    return [{ field: 'verdict', reason: 'must be eligible or not-eligible' }];
  }
  const judged = new Set<number>();
  command.findings.forEach((finding, index) => {
    const valid =
      Number.isInteger(finding.documentIndex) && finding.documentIndex >= 0 && finding.documentIndex < documentCount;
    if (!valid)
      violations.push({
        field: `findings[${index}].documentIndex`,
        reason: `must point at one of the ${documentCount} documents`,
      });
    else if (judged.has(finding.documentIndex))
      violations.push({ field: `findings[${index}].documentIndex`, reason: 'judges a document twice' });
    judged.add(finding.documentIndex);
  });
  for (let i = 0; i < documentCount; i++) {
    if (!judged.has(i)) violations.push({ field: 'findings', reason: `document ${i} has no finding` });
  }
  if (command.verdict === 'eligible') {
    if (command.grounds.length > 0)
      violations.push({ field: 'grounds', reason: 'an eligible verdict names no refusal ground' });
    if (command.findings.some((f) => !f.accepted))
      violations.push({ field: 'findings', reason: 'an eligible verdict accepts every document' });
  } else {
    if (command.grounds.length === 0)
      violations.push({ field: 'grounds', reason: 'a not-eligible verdict names at least one ground' });
    command.grounds.forEach((code, index) => {
      if (!findGround(list, code))
        violations.push({
          field: `grounds[${index}]`,
          reason: notAGroundReason(list),
        });
    });
  }
  return violations;
}
