import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The renderer is built once into dist-renderer/ and served by the Electron host (app://smsdesk/)
// or the web host (smsdesk serve). Relative base so both schemes work.
export default defineConfig({
  root: fileURLToPath(new URL('./src-renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist-renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    // No inline scripts: the CSP is script-src 'self'.
    modulePreload: { polyfill: false },
  },
  logLevel: 'warn',
});
