import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The console is a static bundle the back office serves at /console (ADR 30): built by `npm run build`
 * into dist/console, no server of its own. Vite's own transform (Oxc) compiles the TSX with React's
 * automatic runtime; fast refresh is not needed for a bundle that is only ever built.
 */
export default defineConfig({
  root,
  base: '/console/',
  publicDir: false,
  // The vocabulary (region names, ADR 20) is the domain's own, framework-free and safe in a browser.
  resolve: { alias: { '@domain': fileURLToPath(new URL('../../domain', import.meta.url)) } },
  // Always React's production build and JSX runtime, whatever NODE_ENV the builder runs under: Jest
  // sets it to `test` and the benchmark to `benchmark`, and either made Vite bundle React's
  // development build, several times slower (ADR 30).
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  oxc: { jsx: { runtime: 'automatic', development: false } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // Mantine marks its modules "use client" for React Server Components; a static bundle has none.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: { proxy: { '^/(?!console)': 'http://127.0.0.1:3000' } },
});
