import { useTranslation } from 'react-i18next';
import { ClockMark } from '../../components/SlaClockBadge';

interface ComplaintFlags {
  readonly atRisk: boolean;
  readonly breached: boolean;
  readonly escalated: boolean;
}

/**
 * A complaint's term as the review clock shows its own: green on time, amber a working day before
 * it ends, red once past it (ADR 32), and "escalated" said in words.
 */
export function ComplaintClock({ complaint, size = 'sm' }: { complaint: ComplaintFlags; size?: 'sm' | 'md' }) {
  const { t } = useTranslation('complaint');
  const state = complaint.breached ? 'breached' : complaint.atRisk ? 'at-risk' : 'on-time';
  const words = t(complaint.breached ? 'clock.breached' : complaint.atRisk ? 'clock.atRisk' : 'clock.onTime');
  return (
    <ClockMark state={state} size={size}>
      {complaint.escalated ? `${words} · ${t('queue.escalated')}` : words}
    </ClockMark>
  );
}
