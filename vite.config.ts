/**
 * Vite serves the demo portal (`npm start`, `npm run dev`) and is the bundler behind the CDN
 * build and the size table (scripts/build-cdn.mjs, scripts/size.mjs).
 * The demo talks to the reference server through a same-origin proxy, the way a portal that
 * hosts its Veche backend on its own domain would.
 */
import { createReadStream } from 'node:fs';
import { defineConfig, type Connect, type Plugin } from 'vite';

const backend = process.env.VECHE_BACKEND ?? `http://127.0.0.1:${process.env.PORT ?? 8787}`;

/** The demo's no-server `?mock` mode: MSW's worker must be served from the origin root. */
function mockServiceWorker(): Plugin {
  const serve: Connect.NextHandleFunction = (req, res, next) => {
    if (req.url?.split('?')[0] !== '/mockServiceWorker.js') return next();
    res.setHeader('Content-Type', 'text/javascript');
    createReadStream('node_modules/msw/lib/mockServiceWorker.js').pipe(res);
  };
  return {
    name: 'veche-mock-service-worker',
    configureServer: (server) => void server.middlewares.use(serve),
    configurePreviewServer: (server) => void server.middlewares.use(serve),
  };
}

export default defineConfig({
  plugins: [mockServiceWorker()],
  root: '.',
  appType: 'mpa',
  publicDir: false,
  server: {
    host: '127.0.0.1',
    port: Number(process.env.DEMO_PORT ?? 5173),
    proxy: {
      // Not /api/fixtures/: that is the repository's api/ folder (the mocks import the demo region from it).
      '^/api/(?!fixtures/)': { target: backend, changeOrigin: false },
      '/open311': { target: backend, changeOrigin: false },
    },
  },
  preview: { host: '127.0.0.1' },
});
