import { useEffect, useState } from 'react';
import { Loading } from '../components/Loading';
import { Alert, Center } from '@mantine/core';
import { Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { authConfig, whoAmI } from './auth-api';
import { userManager } from './oidc';
import { ROLES, signIn } from './session';
import type { ConsoleRole } from './session';

/**
 * The provider's answer can be redeemed once only (its state is removed from storage when used), but
 * the page may mount more than once while the console starts (the router and the language load can
 * remount it). Every mount therefore shares the one redemption for the address it came back to.
 */
const redemptions = new Map<string, Promise<{ to: string }>>();

function redeemOnce(callbackUrl: string): Promise<{ to: string }> {
  let redemption = redemptions.get(callbackUrl);
  if (!redemption) {
    redemption = redeem(callbackUrl);
    redemptions.set(callbackUrl, redemption);
  }
  return redemption;
}

async function redeem(callbackUrl: string): Promise<{ to: string }> {
  const settings = await authConfig();
  if (!settings.issuer || !settings.clientId) throw new Error('the back office has no identity provider');
  const user = await userManager({
    issuer: settings.issuer,
    clientId: settings.clientId,
    scopes: settings.scopes ?? 'openid',
  }).signinRedirectCallback(callbackUrl);
  const me = await whoAmI(user.access_token);
  // A role of the service with no area here: the portal is a machine, and a back office newer than
  // this console may know a role it does not; either is told so rather than shown an empty frame.
  if (!(ROLES as readonly string[]).includes(me.role)) throw new NoConsoleArea(me.role);
  signIn({
    token: user.access_token,
    actor: { id: me.id, role: me.role as ConsoleRole },
    expiresAt: new Date((user.expires_at ?? Date.now() / 1000 + 3600) * 1000).toISOString(),
  });
  return { to: window.sessionStorage.getItem('kandas.after-sign-in') ?? '/' };
}

class NoConsoleArea extends Error {
  constructor(readonly role: string) {
    super(`the role ${role} has no console area`);
  }
}

/** Back from the provider: the code becomes a token, and the back office says who it is. */
export function OidcCallbackPage() {
  const { t } = useTranslation();
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    redeemOnce(window.location.href).then(
      ({ to }) => {
        if (!cancelled) setDone(to);
      },
      (error: unknown) => {
        if (cancelled) return;
        if (error instanceof NoConsoleArea) setFailure(t('signIn.noConsoleArea', { role: error.role }));
        else setFailure(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);
  if (done) return <Navigate to={done} replace />;
  return (
    <Center component="main" mih="100vh">
      {failure ? (
        <Alert color="red" role="alert" title={t('error')}>
          {t('signIn.oidcFailed', { reason: failure })}
        </Alert>
      ) : (
        <Loading />
      )}
    </Center>
  );
}
