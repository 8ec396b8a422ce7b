/**
 * Identity comes from the host portal: a JWT (HS256 with VECHE_JWT_SECRET, or any JWKS algorithm via
 * VECHE_JWKS_URL) in `Authorization: Bearer`, or the `veche_session` cookie for same-site setups.
 * Verified tokens are cached until they expire so the vote hot path does not re-verify signatures.
 */
import { createHash, hash, timingSafeEqual } from 'node:crypto';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { Problem } from './problems';
import type { Identity, Role } from './domain/context';

export const SESSION_COOKIE = 'veche_session';
/** The session cookie's Set-Cookie value; an empty value with max-age 0 clears it (the attributes must match the ones it was set with). */
export const sessionCookie = (value: string, maxAgeSeconds: number, secure: boolean) =>
  `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
const ROLES: Role[] = ['citizen', 'agency', 'moderator'];
/** The contract's `Id` pattern (subjects and agency ids in tokens). */
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export interface AuthOptions { jwtSecret: string | null; jwksUrl: string | null; issuer?: string | undefined; audience?: string | undefined }

export class Authenticator {
  private secret: Uint8Array | null;
  /** HS256 with the secret's pads computed once (see verifyHs256). */
  private hmac: Hs256 | null;
  private jwks: ReturnType<typeof createRemoteJWKSet> | null;
  private cache = new Map<string, { identity: Identity; exp: number }>();
  private algByHeader = new Map<string, boolean>();
  constructor(private options: AuthOptions) {
    this.secret = options.jwtSecret ? new TextEncoder().encode(options.jwtSecret) : null;
    this.hmac = this.secret ? new Hs256(this.secret) : null;
    this.jwks = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : null;
  }

  /** The raw token from the header or the session cookie, if any. */
  static tokenFrom(authorization: string | undefined, cookie: string | undefined): string | null {
    if (authorization) {
      const m = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!m) throw new Problem(401, 'unauthorized', 'Заголовок Authorization должен иметь вид «Bearer <token>»');
      return m[1]!;
    }
    if (cookie) {
      for (const part of cookie.split(';')) {
        const [name, ...rest] = part.trim().split('=');
        if (name !== SESSION_COOKIE) continue;
        try {
          return decodeURIComponent(rest.join('='));
        } catch {
          // A cookie the browser could not have been given by us: a stale or tampered session.
          throw new Problem(401, 'unauthorized', 'Cookie сессии повреждена, войдите снова', { headers: { 'www-authenticate': 'Bearer error="invalid_token"' } });
        }
      }
    }
    return null;
  }

  /**
   * The identity behind a token. Synchronous (no promise) for cached tokens and HS256 with the
   * local secret — the hot path; a promise only when a JWKS has to be consulted.
   */
  verify(token: string, nowMs: number): Identity | Promise<Identity> {
    const hit = this.cache.get(token);
    if (hit && hit.exp * 1000 > nowMs) return hit.identity;
    try {
      if (this.secret !== null && this.isHs256(token)) return this.accept(token, this.verifyHs256(token, nowMs));
    } catch (e) {
      throw this.invalid(e);
    }
    if (!this.jwks) throw this.invalid(new Error('no key for this token'));
    const verifyOptions = { currentDate: new Date(nowMs), ...(this.options.issuer ? { issuer: this.options.issuer } : {}), ...(this.options.audience ? { audience: this.options.audience } : {}) };
    return jwtVerify(token, this.jwks, verifyOptions).then((r) => this.accept(token, r.payload), (e: unknown) => { throw this.invalid(e); });
  }

  /** Whether the token's header names HS256; decided once per distinct header (every token of one issuer has the same). */
  private isHs256(token: string): boolean {
    const dot = token.indexOf('.');
    const head = dot < 0 ? token : token.slice(0, dot);
    let hs256 = this.algByHeader.get(head);
    if (hs256 === undefined) {
      hs256 = /"alg"\s*:\s*"HS256"/.test(Buffer.from(head, 'base64url').toString());
      if (this.algByHeader.size < 64) this.algByHeader.set(head, hs256);
    }
    return hs256;
  }

  private invalid(e: unknown): Problem {
    if (e instanceof Problem) return e;
    const expired = e instanceof Error && 'code' in e && (e as { code: string }).code === 'ERR_JWT_EXPIRED';
    return new Problem(401, 'unauthorized', expired ? 'Срок действия входа истёк, войдите снова' : 'Токен недействителен', { headers: { 'www-authenticate': `Bearer error="invalid_token"` } });
  }

  private accept(token: string, payload: JWTPayload): Identity {
    if (typeof payload.sub !== 'string' || !ID.test(payload.sub) || typeof payload.exp !== 'number') {
      throw new Problem(401, 'unauthorized', 'В токене нет корректных sub и exp');
    }
    // The agency id reaches responses (`/me`) and queries; one the contract cannot carry is refused
    // like a bad `sub`, not passed on to break a response.
    if (payload.agencyId !== undefined && payload.agencyId !== null && (typeof payload.agencyId !== 'string' || !ID.test(payload.agencyId))) {
      throw new Problem(401, 'unauthorized', 'В токене некорректный agencyId');
    }
    const claimed = Array.isArray(payload.roles) ? payload.roles : typeof payload.role === 'string' ? [payload.role] : ['citizen'];
    const identity: Identity = {
      id: payload.sub, displayName: typeof payload.name === 'string' ? payload.name.slice(0, 100) : 'Житель',
      roles: claimed.filter((r): r is Role => ROLES.includes(r as Role)), agencyId: typeof payload.agencyId === 'string' ? payload.agencyId : null,
      ...(typeof payload.email === 'string' ? { email: payload.email } : {}), ...(typeof payload.phone === 'string' ? { phone: payload.phone } : {}),
    };
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(token, { identity, exp: payload.exp });
    return identity;
  }

  /**
   * HS256 verified with node:crypto synchronously: jose goes through WebCrypto, whose async
   * round trip cost ~2 ms per first-seen token under load — the whole vote budget.
   */
  private verifyHs256(token: string, nowMs: number): JWTPayload {
    const first = token.indexOf('.');
    const last = token.lastIndexOf('.');
    if (first <= 0 || last === first || token.indexOf('.', first + 1) !== last) throw new joseErrors.JWSInvalid('malformed');
    const expected = this.hmac!.sign(token, last);
    const given = Buffer.from(token.slice(last + 1), 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new joseErrors.JWSSignatureVerificationFailed();
    const payload = JSON.parse(Buffer.from(token.slice(first + 1, last), 'base64url').toString('utf8')) as JWTPayload;
    const now = Math.floor(nowMs / 1000);
    if (typeof payload.exp === 'number' && payload.exp <= now) throw new joseErrors.JWTExpired('expired', payload);
    if (typeof payload.nbf === 'number' && payload.nbf > now + 30) throw new joseErrors.JWTClaimValidationFailed('not yet valid', payload);
    if (this.options.issuer && payload.iss !== this.options.issuer) throw new joseErrors.JWTClaimValidationFailed('issuer', payload);
    if (this.options.audience && payload.aud !== this.options.audience && !(Array.isArray(payload.aud) && payload.aud.includes(this.options.audience))) throw new joseErrors.JWTClaimValidationFailed('audience', payload);
    return payload;
  }

  /** Demo sign-in only: the server issues its own token with the local secret. */
  async issue(identity: Identity, ttlSeconds: number, nowMs: number): Promise<{ token: string; expiresAt: string }> {
    if (!this.secret) throw new Error('demo sign-in needs a local JWT secret');
    const exp = Math.floor(nowMs / 1000) + ttlSeconds;
    const token = await new SignJWT({ name: identity.displayName, roles: identity.roles, agencyId: identity.agencyId, ...(identity.email ? { email: identity.email } : {}) })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject(identity.id).setIssuedAt(Math.floor(nowMs / 1000)).setExpirationTime(exp).sign(this.secret);
    return { token, expiresAt: new Date(exp * 1000).toISOString() };
  }
}

/**
 * HMAC-SHA256 with one secret, as RFC 2104 defines it: SHA256((K ^ opad) || SHA256((K ^ ipad) || m)).
 * The padded keys are computed once and each token takes two one-shot `crypto.hash` calls over
 * reused buffers — about half the CPU of a `createHmac` object per token, which a vote pays on
 * every first-seen token (every citizen's first request).
 */
class Hs256 {
  /** K ^ ipad, then room for the signed part of a token */
  private inner = Buffer.alloc(64 + 8192);
  /** K ^ opad, then the inner digest */
  private outer = Buffer.alloc(64 + 32);
  constructor(secret: Uint8Array) {
    const key = Buffer.alloc(64);
    (secret.length > 64 ? createHash('sha256').update(secret).digest() : Buffer.from(secret)).copy(key);
    for (let i = 0; i < 64; i++) {
      this.inner[i] = key[i]! ^ 0x36;
      this.outer[i] = key[i]! ^ 0x5c;
    }
  }
  /** The signature of `token.slice(0, end)` (the JWS signing input, ASCII by construction). */
  sign(token: string, end: number): Buffer {
    let input: Buffer;
    if (end <= this.inner.length - 64 && /^[\x21-\x7e]*$/.test(token)) {
      // Only for ASCII: latin1 would map other characters onto bytes of a signed token.
      input = this.inner.subarray(0, 64 + this.inner.write(token, 64, end, 'latin1'));
    } else {
      // Longer than the buffer, or not ASCII (then not a valid token, but hashed exactly as given, as UTF-8).
      input = Buffer.concat([this.inner.subarray(0, 64), Buffer.from(token.slice(0, end), 'utf8')]);
    }
    hash('sha256', input, 'buffer').copy(this.outer, 64);
    return hash('sha256', this.outer, 'buffer');
  }
}
