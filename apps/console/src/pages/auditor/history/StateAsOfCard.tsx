import { useState } from 'react';
import { Accordion, Code, Slider, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../../components/SectionCard';
import { Loading } from '../../../components/Loading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatInstant } from '../../../format';
import type { Language } from '../../../i18n';
import { stateAt } from '../audit-api';
import type { HistoryEvent } from '../audit-api';
import { StateSummary } from './StateSummary';

/**
 * The application as it stood after a chosen event: a slider over its events (mouse or arrow keys),
 * the state folded by the service's own decider up to there. The state is asked for when the slider
 * comes to rest, not at every pixel: each answer is a recorded read (ADR 26).
 */
export function StateAsOfCard({
  applicationId,
  events,
  revision,
  onRevision,
}: {
  applicationId: string;
  events: readonly HistoryEvent[];
  revision: number;
  onRevision: (revision: number) => void;
}) {
  const { t, i18n } = useTranslation('auditor');
  const language = i18n.language as Language;
  const [moving, setMoving] = useState(revision);
  const state = useQuery({
    queryKey: ['audit', 'as-of', applicationId, revision],
    queryFn: () => stateAt(applicationId, revision),
    placeholderData: (previous) => previous,
  });
  const shown = events[moving];
  return (
    <SectionCard id="as-of-title" title={t('history.asOf.title')}>
      <Slider
        min={0}
        max={Math.max(0, events.length - 1)}
        step={1}
        value={moving}
        onChange={setMoving}
        onChangeEnd={onRevision}
        marks={events.map((event) => ({ value: event.revision }))}
        label={(value) => `#${value}`}
        thumbLabel={t('history.asOf.thumb')}
        disabled={events.length < 2}
        mb="sm"
      />
      {shown && (
        <Text size="sm" data-testid="as-of-event">
          <b>
            {t('history.asOf.event', {
              n: moving + 1,
              total: events.length,
              when: formatInstant(shown.occurredAt, language),
            })}
          </b>{' '}
          {shown.text}
        </Text>
      )}
      {state.error && <ProblemAlert problem={state.error} />}
      {state.isPending ? (
        <Loading />
      ) : (
        state.data && (
          <>
            <StateSummary state={state.data.state} />
            <Accordion variant="contained">
              <Accordion.Item value="json">
                <Accordion.Control>{t('history.asOf.whole', { revision: state.data.revision })}</Accordion.Control>
                <Accordion.Panel>
                  <Code block mah={360} style={{ overflow: 'auto' }} translate="no">
                    {JSON.stringify(state.data.state, null, 2)}
                  </Code>
                </Accordion.Panel>
              </Accordion.Item>
            </Accordion>
          </>
        )
      )}
    </SectionCard>
  );
}
