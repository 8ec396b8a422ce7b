/**
 * Vite serves the demo portal (`npm start`, `npm run dev`) and is the bundler behind the CDN
 * build and the size table (scripts/build-cdn.mjs, scripts/size.mjs).
 * The demo talks to the reference server through a same-origin proxy, the way a portal that
 * hosts its Veche backend on its own domain would.
 */
import { defineConfig } from 'vite';

const backend = process.env.VECHE_BACKEND ?? `http://127.0.0.1:${process.env.PORT ?? 8787}`;

export default defineConfig({
  root: '.',
  appType: 'mpa',
  publicDir: false,
  server: {
    host: '127.0.0.1',
    port: Number(process.env.DEMO_PORT ?? 5173),
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/open311': { target: backend, changeOrigin: false },
    },
  },
  preview: { host: '127.0.0.1' },
});
