import { Text, Timeline } from '@mantine/core';
import type { HistoryEvent } from '../audit-api';

/**
 * The application's history told in words (ADR 27: the service's own sentences, in the language
 * asked, with their Almaty time and no personal data), up to the event the slider stands on
 * highlighted; under each, what an auditor cites: its revision, type and actor.
 */
export function StoryTimeline({ events, active }: { events: readonly HistoryEvent[]; active: number }) {
  return (
    <Timeline active={active} bulletSize={16} lineWidth={2} role="list">
      {events.map((event) => (
        <Timeline.Item key={event.eventId} role="listitem">
          <Text size="sm">{event.text}</Text>
          <Text size="xs" c="dimmed" ff="monospace" translate="no">
            #{event.revision} · {event.type} · {event.actor.role}:{event.actor.id}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
