import { Stack, Tabs, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CalendarTab } from './CalendarTab';
import { MciTab } from './MciTab';
import { RefusalGroundsTab } from './RefusalGroundsTab';
import { RentRatesTab } from './RentRatesTab';
import { SlaPolicyTab } from './SlaPolicyTab';
import { TimelinessTab } from './TimelinessTab';

/** Each table of the law, and the decisions the law in force would judge otherwise, in one tab each. */
const PANELS = {
  calendar: CalendarTab,
  mci: MciTab,
  'rent-rates': RentRatesTab,
  'refusal-grounds': RefusalGroundsTab,
  'sla-policy': SlaPolicyTab,
  timeliness: TimelinessTab,
} as const;
type LawTab = keyof typeof PANELS;
const TABS = Object.keys(PANELS) as LawTab[];

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
        {TABS.map((value) => {
          const Panel = PANELS[value];
          return (
            <Tabs.Panel key={value} value={value} pt="md">
              <Panel />
            </Tabs.Panel>
          );
        })}
      </Tabs>
    </Stack>
  );
}
