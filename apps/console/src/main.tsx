import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/500.css';
import '@fontsource/noto-sans/700.css';
import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createTheme, MantineProvider } from '@mantine/core';
import type { CSSVariablesResolver } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import './i18n';
import { router } from './router';
import { ApiProblem } from './api/problem';

/** The bundled font has every Kazakh letter, so every computer (and every screenshot) shows the same. */
const theme = createTheme({
  fontFamily: '"Noto Sans", sans-serif',
  headings: { fontFamily: '"Noto Sans", sans-serif' },
  primaryColor: 'blue',
  // The darker shade keeps text on the light variants (the active section, badges) above WCAG AA contrast.
  primaryShade: 8,
});

/**
 * Text that must stay readable at WCAG AA (4.5:1) on the light scheme: dimmed text one shade darker
 * than Mantine's; a field's error (the API's reason under an input) in the darkest red (Mantine's
 * red 6 is 3.8:1 on white); the text of light variants (the active section) one shade darker; and
 * the text of light badges in the colours whose shade 9 is too pale on their own background (green,
 * teal, orange, yellow), so a status word stays legible in its colour.
 */
const readableText: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-blue-light-color': 'var(--mantine-color-blue-9)',
    '--mantine-color-green-light-color': '#1e6b2e',
    '--mantine-color-teal-light-color': '#0b5e49',
    '--mantine-color-orange-light-color': '#a13c07',
    '--mantine-color-yellow-light-color': '#7a5c00',
  },
  dark: {},
});

const queries = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 5_000,
      // A refusal (4xx) will not change by asking again; a 503 or a dropped connection may.
      retry: (failures, error) => !(error instanceof ApiProblem && error.status < 500) && failures < 2,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={readableText}>
      <QueryClientProvider client={queries}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
