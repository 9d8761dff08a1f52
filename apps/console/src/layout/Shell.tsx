import { AppShell, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { signOut, useSession } from '../auth/session';
import { AREAS } from '../pages/areas';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of every screen: the product, the role's sections, the language and the officer. */
export function Shell() {
  const session = useSession();
  const { t } = useTranslation();
  const location = useLocation();
  if (!session) return null;
  const area = AREAS[session.actor.role];
  // The entry whose address is the longest prefix of the current one is the section the officer is in.
  const current = area.nav
    .filter((entry) => location.pathname === entry.to || location.pathname.startsWith(`${entry.to}/`))
    .sort((a, b) => b.to.length - a.to.length)[0]?.to;
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm' }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Title order={1} size="h4">
            {t('product')}
          </Title>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <Text size="sm" data-testid="signed-in-as">
              {t('signedInAs', { id: session.actor.id, role: t(`roles.${session.actor.role}`) })}
            </Text>
            <Button size="xs" variant="default" onClick={signOut}>
              {t('signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('navigation')} component="nav">
        <Stack gap={2}>
          {area.nav.map((entry) => (
            <NavLink
              key={entry.to}
              component={RouterLink}
              to={entry.to}
              // Only the section computed above is current: without `end` the router would also mark
              // a section whose address is a prefix of another's (/audit under /audit/exports).
              end
              label={t(entry.labelKey, { ns: area.role })}
              active={entry.to === current}
              // Filled: white on the darkest blue keeps AA contrast when hovered too (the light variant did not).
              variant="filled"
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
