import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';

// The web app: src/web is the root; the build lands in dist/web and is served by the Fastify server.
// Every file is also written compressed beside itself (x.js.br, x.js.gz, at the highest levels: the
// work is done once, at build time), and the server sends the one the browser accepts
// (docs/architecture.md, "Serving the web app").
const WEB = fileURLToPath(new URL('src/web/', import.meta.url));

// The phone app is an installable PWA (docs/architecture.md, "Offline field work"): a service worker at
// /field-sw.js, scoped to /field, keeps field.html and every file the phone screens can load (their
// chunks, lazy ones included, and their styles), and no file of the desk; it opens /field/* offline from
// them. The manifest and the icons are in src/web/public (tools/field-icons.mjs draws the icons).
const fieldFiles = new Set<string>();
const FIELD_STATIC = ['field.html', 'field.webmanifest', 'field-icon-192.png', 'field-icon-512.png'];

/** The files the field page can reach: its entry's imports, static and lazy, except the desk's entry. */
function fieldShell(): Plugin {
  return {
    name: 'wangge-field-shell',
    apply: 'build',
    generateBundle(_options, bundle) {
      fieldFiles.clear();
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const entry = chunks.find((c) => c.isEntry && c.name === 'field');
      if (!entry) return;
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const todo = [entry.fileName];
      while (todo.length) {
        const file = todo.pop() as string;
        const chunk = byFile.get(file);
        if (!chunk || fieldFiles.has(file)) continue;
        // the desk (src/web/shell/DeskApp) is a lazy import of the shared router: never kept on a phone
        if (chunk !== entry && chunk.facadeModuleId?.endsWith('/src/web/shell/DeskApp.tsx')) continue;
        fieldFiles.add(file);
        const meta = (chunk as { viteMetadata?: { importedCss?: Set<string>; importedAssets?: Set<string> } })
          .viteMetadata;
        for (const css of meta?.importedCss ?? []) fieldFiles.add(css);
        for (const asset of meta?.importedAssets ?? []) fieldFiles.add(asset);
        todo.push(...chunk.imports, ...chunk.dynamicImports);
      }
    },
  };
}

export default defineConfig({
  root: 'src/web',
  plugins: [
    react(),
    fieldShell(),
    VitePWA({
      strategies: 'generateSW',
      filename: 'field-sw.js',
      scope: '/field',
      // the field app registers it itself (src/web/field/offline/serviceWorker.ts), the desk never
      injectRegister: false,
      // src/web/public/field.webmanifest, named by field.html only
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,webmanifest,png,svg,woff2}'],
        // only the phone's files: the desk's chunks (Ant Design, ECharts) stay off the phone
        manifestTransforms: [
          async (entries) => ({
            manifest: entries.filter((e) => fieldFiles.has(e.url) || FIELD_STATIC.includes(e.url)),
            warnings: [],
          }),
        ],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // hashed names need no revision query
        dontCacheBustURLsMatching: /^assets\//,
        // any page under /field opens from the kept field.html
        navigateFallback: 'field.html',
        navigateFallbackAllowlist: [/^\/field(\/|$)/],
        // no API answer is ever kept by the service worker
        navigateFallbackDenylist: [/^\/api\//],
        // a new build takes over at once; the page's next load gets it, and a chunk of the old build
        // that is gone is handled by src/web/reloadOnStaleChunks.ts as without a service worker
        skipWaiting: true,
        clientsClaim: true,
        cleanupOutdatedCaches: true,
        sourcemap: false,
      },
    }),
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
