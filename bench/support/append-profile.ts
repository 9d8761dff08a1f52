/**
 * One subject of the append workload, alone and long enough to profile:
 *
 *   node --cpu-prof --cpu-prof-dir bench/.data/profiles --require ./test/support/swc-register.js \
 *     bench/support/append-profile.ts [ours|raw] [FULL|NORMAL] [batch size] [appends]
 *
 * Prints appends/s and events/s; the profile lands in the --cpu-prof-dir.
 */
import { join } from 'node:path';
import { openOurs, openRaw } from './append-stores';
import { planAppends, Synchronous } from './append-subject';
import { scratchDir } from './scratch';
import { millisSince, now, perSecond } from './stats';

async function main(): Promise<void> {
  const [which = 'ours', synchronous = 'NORMAL', batch = '1', count = '20000'] = process.argv.slice(2);
  const batchSize = Number(batch);
  const appends = Number(count);
  const open = which === 'raw' ? openRaw : openOurs;
  const plan = planAppends(appends, Math.max(1, Math.round(appends / 10)), batchSize);
  const scratch = scratchDir(`append-profile-${which}`);
  try {
    const subject = await open(join(scratch.dir, 'events.sqlite'), synchronous as Synchronous);
    const start = now();
    for (const { stream, index } of plan.order)
      await subject.append(stream.streamId, stream.appends[index]!, index * batchSize - 1);
    const millis = millisSince(start);
    await subject.close();
    process.stdout.write(
      `${which} ${synchronous} batch ${batchSize}: ${Math.round(perSecond(appends, millis))} appends/s, ${Math.round(perSecond(appends * batchSize, millis))} events/s\n`,
    );
  } finally {
    scratch.dispose();
  }
}

// Fire and forget: a failure is an unhandled rejection, which ends the profiling run with its stack.
void main();
