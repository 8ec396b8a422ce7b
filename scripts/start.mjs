#!/usr/bin/env node
/**
 * `npm start`: the reference server on its embedded SQLite (demo mode, seeded demo region)
 * plus the demo portal, served by Vite with the backend proxied under /api on the same origin.
 * Ctrl+C stops both.
 */
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { createServer } from 'vite';

const port = Number(process.env.PORT ?? 8787);
const env = { ...process.env, PORT: String(port), VECHE_DEMO: process.env.VECHE_DEMO ?? '1' };
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: 'inherit' });

function waitForPort(tries = 150) {
  return new Promise((resolve, reject) => {
    const attempt = (left) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve()));
      socket.once('error', () => {
        socket.destroy();
        if (server.exitCode !== null) return reject(new Error(`the reference server exited with ${server.exitCode}`));
        if (left === 0) return reject(new Error(`the reference server did not open port ${port}`));
        setTimeout(() => attempt(left - 1), 200);
      });
    };
    attempt(tries);
  });
}

let vite;
async function stop(code = 0) {
  await vite?.close();
  server.kill('SIGTERM');
  process.exit(code);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
server.on('exit', (code) => {
  if (code) console.error(`The reference server stopped (exit ${code}).`);
  void stop(code ?? 0);
});

try {
  await waitForPort();
  vite = await createServer({ configFile: 'vite.config.ts' });
  await vite.listen();
  const { port: demoPort } = vite.config.server;
  console.log(`\nVeche demo portal:   http://127.0.0.1:${demoPort}/demo/`);
  console.log(`Reference server:    http://127.0.0.1:${port}/api (SQLite at ${env.VECHE_DB ?? 'data/veche.db'})\n`);
} catch (error) {
  console.error(String(error));
  await stop(1);
}
