/**
 * Starts a real reference server process on a free loopback port with a temporary SQLite file, and
 * stops it afterwards. Shared by the server tests, the contract tests and the end-to-end browser tests.
 *
 *   const server = await startReferenceServer();
 *   fetch(`${server.apiUrl}/polls`); const token = await server.token({ sub: 'anna' });
 *   await server.stop();
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';

export interface ReferenceServer {
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  /** baseUrl + /api — what the widgets' `api` setting points at */
  apiUrl: string;
  open311Url: string;
  dbFile: string;
  jwtSecret: string;
  /** Mints a host-portal token the server accepts (roles default to citizen, 1 h expiry). */
  token(claims: { sub: string; name?: string; roles?: string[]; agencyId?: string; expiresInSeconds?: number }): Promise<string>;
  /** SIGTERM (graceful), waits for exit, deletes the temp directory. */
  stop(): Promise<void>;
  output(): string;
}

export interface StartOptions { demo?: boolean; env?: Record<string, string>; timeoutMs?: number }

const root = fileURLToPath(new URL('../../', import.meta.url));

export async function startReferenceServer(options: StartOptions = {}): Promise<ReferenceServer> {
  const dir = mkdtempSync(join(tmpdir(), 'veche-server-'));
  const dbFile = join(dir, 'veche.db');
  const jwtSecret = `test-secret-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/main.ts')], {
    cwd: root,
    env: {
      ...process.env, PORT: '0', HOST: '127.0.0.1', VECHE_DB: dbFile, VECHE_JWT_SECRET: jwtSecret, VECHE_DEMO: options.demo === false ? '0' : '1',
      // Tests fire many requests from one address; their limits are raised unless a test sets its own.
      VECHE_RATE_LIMIT_IP: '1000000', VECHE_RATE_LIMIT_CITIZEN: '1000000', ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`reference server did not start in time:\n${out}`)); }, options.timeoutMs ?? 30_000);
    const check = () => {
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]!); }
    };
    child.stdout.on('data', check);
    void exited.then((code) => { clearTimeout(timer); reject(new Error(`reference server exited (${code}):\n${out}`)); });
  });
  const secret = new TextEncoder().encode(jwtSecret);
  return {
    baseUrl, apiUrl: `${baseUrl}/api`, open311Url: `${baseUrl}/open311/v2`, dbFile, jwtSecret,
    token: async (c) => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ name: c.name ?? c.sub, roles: c.roles ?? ['citizen'], ...(c.agencyId ? { agencyId: c.agencyId } : {}) })
        .setProtectedHeader({ alg: 'HS256' }).setSubject(c.sub).setIssuedAt(now).setExpirationTime(now + (c.expiresInSeconds ?? 3600)).sign(secret);
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
    output: () => out,
  };
}
