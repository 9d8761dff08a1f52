import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { SlaClock } from '../api/shapes';
import { SlaIcon } from './SlaIcon';
import classes from './sla-clock.module.css';

/**
 * Dark text on a pale ground, each pair well above WCAG AA contrast: green on time, amber at risk,
 * red breached. Colour only repeats what the icon and the words say.
 */
const TONES: Record<SlaClock['state'], { color: string; background: string }> = {
  'not-started': { color: '#343a40', background: '#f1f3f5' },
  'on-time': { color: '#1b5e20', background: '#e3f4e5' },
  'at-risk': { color: '#6b3a00', background: '#ffeeba' },
  breached: { color: '#8a1010', background: '#fde2e2' },
  'decided-on-time': { color: '#16365c', background: '#e3ecf7' },
  'decided-late': { color: '#6a1b3a', background: '#f7e1ea' },
  withdrawn: { color: '#343a40', background: '#f1f3f5' },
};

const STATE_KEYS: Record<SlaClock['state'], string> = {
  'not-started': 'sla.notStarted',
  'on-time': 'sla.onTime',
  'at-risk': 'sla.atRisk',
  breached: 'sla.breached',
  'decided-on-time': 'sla.decidedOnTime',
  'decided-late': 'sla.decidedLate',
  withdrawn: 'sla.withdrawn',
};

/** The clock in words: its state, then the working days left (or over) when it runs. */
export function slaClockText(clock: SlaClock, t: TFunction): string {
  const state = t(STATE_KEYS[clock.state], { ns: 'domain' });
  const days = clock.workingDaysLeft;
  const running = clock.state === 'on-time' || clock.state === 'at-risk' || clock.state === 'breached';
  if (!running || days === null) return state;
  if (days > 0) return `${state} · ${t('sla.workingDaysLeft', { ns: 'domain', count: days })}`;
  if (days < 0) return `${state} · ${t('sla.workingDaysOver', { ns: 'domain', count: -days })}`;
  return clock.state === 'breached' ? state : `${state} · ${t('sla.dueToday', { ns: 'domain' })}`;
}

export function SlaClockBadge({ clock, size = 'md' }: { clock: SlaClock; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <ClockMark state={clock.state} size={size}>
      {slaClockText(clock, t)}
    </ClockMark>
  );
}

/** A clock's mark in its state's colours and icon, with the words given (a complaint's clock uses it too). */
export function ClockMark({
  state,
  size = 'md',
  children,
}: {
  state: SlaClock['state'];
  size?: 'sm' | 'md' | 'lg';
  children: ReactNode;
}) {
  const tone = TONES[state];
  return (
    <span
      className={size === 'md' ? classes.clock : `${classes.clock} ${classes[size]}`}
      style={{ '--clock-color': tone.color, '--clock-bg': tone.background } as CSSProperties}
      data-testid="sla-clock"
      data-state={state}
    >
      <SlaIcon state={state} />
      {children}
    </span>
  );
}
