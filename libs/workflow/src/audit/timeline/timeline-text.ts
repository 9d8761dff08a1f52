import { AuditStreamNotFoundError } from '../audit-trail';
import type { ApplicationStory } from './application-story';
import type { TimelineLanguage } from './timeline-language';

type Print = (line: string) => void;

export interface StoryOutput {
  readonly language: TimelineLanguage;
  /** The answer as the HTTP route gives it, one JSON document. */
  readonly json?: boolean;
}

/** `history <id>`: the events as numbered sentences (exit 0), or "no stream" (exit 1). */
export function printTimeline(
  story: ApplicationStory,
  applicationId: string,
  output: StoryOutput,
  print: Print,
): Promise<number> {
  return withStoryExitCode(print, async () => {
    const timeline = await story.timeline(applicationId, output.language);
    if (output.json)
      print(JSON.stringify({ applicationId, events: timeline.map(({ data: _data, ...told }) => told) }, null, 2));
    else timeline.forEach((entry, index) => print(`${String(index + 1).padStart(3)}. ${entry.text}`));
    return 0;
  });
}

/** `decision <id>`: the one answer — the summary, then each move of the deadline (exit 0), or "no stream" (exit 1). */
export function printDecision(
  story: ApplicationStory,
  applicationId: string,
  output: StoryOutput,
  print: Print,
): Promise<number> {
  return withStoryExitCode(print, async () => {
    const answer = await story.decision(applicationId, output.language);
    if (output.json) print(JSON.stringify(answer, null, 2));
    else {
      print(answer.summary);
      for (const moved of answer.reschedulings) print(`  ${moved.text}`);
    }
    return 0;
  });
}

async function withStoryExitCode(print: Print, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof AuditStreamNotFoundError)) throw error;
    print(`No stream ${error.streamId}.`);
    return 1;
  }
}
