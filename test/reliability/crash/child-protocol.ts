/** The line the crash test's child prints once it listens: `KANDAS_CRASH_CHILD_LISTENING <port>`. */
export const LISTENING = 'KANDAS_CRASH_CHILD_LISTENING';
