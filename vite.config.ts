import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app: src/web is the root; the build lands in dist/web and is served by the Fastify server.
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: { outDir: '../../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  server: { proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' } },
});
