import type { ReactNode } from 'react';
import { Alert } from '@mantine/core';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import type { ConsoleRole } from '../auth/session';

/** Without a session, to the sign-in page, coming back here afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return children;
}

/** A screen of another role says so (the API would refuse its calls anyway). */
export function RequireRole({ roles, children }: { roles: readonly ConsoleRole[]; children: ReactNode }) {
  const session = useSession();
  const { t } = useTranslation();
  if (!session || !roles.includes(session.actor.role))
    return (
      <Alert color="red" title={t('error')} role="alert">
        {t('forbidden')}
      </Alert>
    );
  return children;
}
