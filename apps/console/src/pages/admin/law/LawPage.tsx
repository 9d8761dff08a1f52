import { Stack, Tabs, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CalendarTab } from './CalendarTab';
import { MciTab } from './MciTab';
import { RefusalGroundsTab } from './RefusalGroundsTab';
import { RentRatesTab } from './RentRatesTab';
import { SlaPolicyTab } from './SlaPolicyTab';
import { TimelinessTab } from './TimelinessTab';

const TABS = ['calendar', 'mci', 'rent-rates', 'refusal-grounds', 'sla-policy', 'timeliness'] as const;
type LawTab = (typeof TABS)[number];

/**
 * The law the service decides with, table by table, each with the amendments that made it; the
 * open tab is in the address (`?tab=mci`), so a link or a reload lands on it.
 */
export function LawPage() {
  const { t } = useTranslation('admin');
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: LawTab = (TABS as readonly string[]).includes(asked ?? '') ? (asked as LawTab) : 'calendar';
  return (
    <Stack gap="md">
      <Title order={2}>{t('law.title')}</Title>
      <Tabs value={tab} onChange={(value) => value && setParams({ tab: value }, { replace: true })} keepMounted={false}>
        <Tabs.List>
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {t(`law.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="calendar" pt="md">
          <CalendarTab />
        </Tabs.Panel>
        <Tabs.Panel value="mci" pt="md">
          <MciTab />
        </Tabs.Panel>
        <Tabs.Panel value="rent-rates" pt="md">
          <RentRatesTab />
        </Tabs.Panel>
        <Tabs.Panel value="refusal-grounds" pt="md">
          <RefusalGroundsTab />
        </Tabs.Panel>
        <Tabs.Panel value="sla-policy" pt="md">
          <SlaPolicyTab />
        </Tabs.Panel>
        <Tabs.Panel value="timeliness" pt="md">
          <TimelinessTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
