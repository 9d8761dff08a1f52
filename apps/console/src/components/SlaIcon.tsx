import type { SlaClock } from '../api/shapes';

/** Small line icons (no icon library is bundled): the clock's state is never told by colour alone. */
const PATHS: Record<SlaClock['state'], string> = {
  'not-started': 'M12 7v5l3 2M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z',
  'on-time': 'M12 7v5l3 2M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z',
  'at-risk': 'M12 9v4M12 17h.01M10.3 3.9 2.2 18a2 2 0 0 0 1.7 3h16.2a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z',
  breached: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM15 9l-6 6M9 9l6 6',
  'decided-on-time': 'M20 6 9 17l-5-5',
  'decided-late': 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 8v4M12 16h.01',
  withdrawn: 'M5 12h14',
};

export function SlaIcon({ state, size = 14 }: { state: SlaClock['state']; size?: number }) {
  return (
    <svg
      aria-hidden="true"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2.2}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[state]} />
    </svg>
  );
}
