import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

// The web app: src/web is the root; the build lands in dist/web and is served by the Fastify server.
// Every file is also written compressed beside itself (x.js.br, x.js.gz, at the highest levels: the
// work is done once, at build time), and the server sends the one the browser accepts
// (docs/architecture.md, "Serving the web app").
const WEB = fileURLToPath(new URL('src/web/', import.meta.url));

export default defineConfig({
  root: 'src/web',
  plugins: [
    react(),
    compression({
      algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip', { level: 9 })],
      logLevel: 'silent',
    }),
  ],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    // two pages of one app: index.html, and field.html for /field/* (src/web/fieldMain.tsx says why)
    rolldownOptions: {
      input: { index: resolve(WEB, 'index.html'), field: resolve(WEB, 'field.html') },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' } },
});
