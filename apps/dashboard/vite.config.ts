// Vite build and dev-server settings for the dashboard SPA.
// The server serves dist/ at "/" and the API on the same origin, so the dev server proxies the API paths
// to a locally running Centric server instead of needing CORS.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = 'http://127.0.0.1:8080';

export default defineConfig({
  // Pinned so builds behave the same whichever directory npm runs them from.
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The ECharts chunk (~530 kB) is loaded lazily by charts/chart.tsx, after the first paint.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '/v1': apiTarget,
      '/health': apiTarget,
    },
  },
  preview: {
    proxy: {
      '/v1': apiTarget,
      '/health': apiTarget,
    },
  },
});
