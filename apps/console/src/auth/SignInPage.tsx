import { useState } from 'react';
import type { FormEvent } from 'react';
import { Alert, Button, Center, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { authConfig, developmentSignIn } from './auth-api';
import { ROLES, signIn, useSession } from './session';
import type { ConsoleRole } from './session';
import { userManager } from './oidc';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { ProblemAlert } from '../components/ProblemAlert';

const DEFAULT_USERS: Record<ConsoleRole, string> = {
  reviewer: 'reviewer-1',
  supervisor: 'supervisor-1',
  admin: 'admin-1',
  operator: 'operator-1',
  auditor: 'auditor-1',
  payments: 'payments-1',
};

/** The door: the provider's sign-in in production; outside production, a developer picks a role and a user. */
export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const config = useQuery({ queryKey: ['auth-config'], queryFn: authConfig });
  const [role, setRole] = useState<ConsoleRole>('reviewer');
  const [user, setUser] = useState(DEFAULT_USERS.reviewer);
  const [failure, setFailure] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (session) return <Navigate to={from} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      signIn(await developmentSignIn(role, user.trim()));
    } catch (error) {
      setFailure(error instanceof Error ? error : new Error(String(error)));
    } finally {
      setBusy(false);
    }
  }

  async function provider() {
    const settings = config.data;
    if (!settings?.issuer || !settings.clientId) return;
    window.sessionStorage.setItem('kandas.after-sign-in', from);
    await userManager({
      issuer: settings.issuer,
      clientId: settings.clientId,
      scopes: settings.scopes ?? 'openid',
    }).signinRedirect();
  }

  return (
    <Center component="main" mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={420}>
        <Stack>
          <Title order={1} size="h3">
            {t('signIn.title')}
          </Title>
          <LanguageSwitch />
          {config.isPending && <Text>{t('loading')}</Text>}
          {config.error && (
            <Alert color="red" role="alert" title={t('error')}>
              {config.error.message}
            </Alert>
          )}
          {config.data?.issuer && (
            <Button onClick={() => void provider()} data-testid="oidc-sign-in">
              {t('signIn.oidc')}
            </Button>
          )}
          {config.data?.mode === 'none' && (
            <Alert color="yellow" role="alert">
              {t('signIn.none')}
            </Alert>
          )}
          {config.data?.devSignIn && (
            <form onSubmit={(event) => void submit(event)}>
              <Stack>
                <Text size="sm" c="dimmed">
                  {t('signIn.development')}
                </Text>
                <Select
                  label={t('signIn.role')}
                  value={role}
                  allowDeselect={false}
                  onChange={(value) => {
                    const next = value ?? 'reviewer';
                    setRole(next);
                    setUser(DEFAULT_USERS[next]);
                  }}
                  data={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
                />
                <TextInput
                  label={t('signIn.user')}
                  value={user}
                  onChange={(event) => setUser(event.currentTarget.value)}
                  required
                />
                <ProblemAlert problem={failure} />
                <Button type="submit" loading={busy}>
                  {t('signIn.submit')}
                </Button>
              </Stack>
            </form>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
