import { createBrowserRouter, Navigate } from 'react-router';
import type { RouteObject } from 'react-router';
import { Shell } from './layout/Shell';
import { RequireRole, RequireSession } from './layout/guards';
import { useSession } from './auth/session';
import type { ConsoleRole } from './auth/session';
import { AREAS } from './pages/areas';
import { lazyPage } from './pages/lazy-page';
import { NotFound } from './layout/NotFound';

/** A route may be shared with other roles: `handle: { alsoFor: ['supervisor'] }`. */
interface SharedHandle {
  readonly alsoFor?: readonly ConsoleRole[];
}

function guarded(role: ConsoleRole, route: RouteObject): RouteObject {
  const alsoFor = (route.handle as SharedHandle | undefined)?.alsoFor ?? [];
  return { ...route, element: <RequireRole roles={[role, ...alsoFor]}>{route.element}</RequireRole> };
}

function Home() {
  const session = useSession();
  return <Navigate to={session ? AREAS[session.actor.role].home : '/sign-in'} replace />;
}

/** A path two areas share is served once, by the first area that declares it. */
function areaRoutes(): RouteObject[] {
  const seen = new Set<string>();
  const routes: RouteObject[] = [];
  for (const area of Object.values(AREAS))
    for (const route of area.routes) {
      if (route.path && seen.has(route.path)) continue;
      if (route.path) seen.add(route.path);
      routes.push(guarded(area.role, route));
    }
  return routes;
}

export const router = createBrowserRouter(
  [
    { path: '/sign-in', element: lazyPage(() => import('./auth/SignInPage'), 'SignInPage') },
    { path: '/auth/callback', element: lazyPage(() => import('./auth/OidcCallbackPage'), 'OidcCallbackPage') },
    {
      path: '/',
      element: (
        <RequireSession>
          <Shell />
        </RequireSession>
      ),
      children: [{ index: true, element: <Home /> }, ...areaRoutes(), { path: '*', element: <NotFound /> }],
    },
  ],
  { basename: '/console' },
);
