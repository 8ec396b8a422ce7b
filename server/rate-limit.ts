/**
 * Fixed-window request counters per citizen and per IP. Two independent limits: a shared NAT
 * (a school, an office) gets the larger IP budget while one noisy account is held to its own.
 */
export interface RateLimitOptions { perIp: number; perCitizen: number; windowMs: number }

export class RateLimiter {
  private windowStart = 0;
  // One map per kind: keys are the raw IP or citizen id, no per-request key string to build.
  private counts = { ip: new Map<string, number>(), citizen: new Map<string, number>() };
  constructor(private options: RateLimitOptions) {}
  /** Returns seconds to wait, or 0 when the request may proceed. */
  hit(kind: 'ip' | 'citizen', key: string, nowMs: number): number {
    if (nowMs - this.windowStart >= this.options.windowMs) {
      this.windowStart = nowMs;
      this.counts.ip.clear();
      this.counts.citizen.clear();
    }
    const counts = this.counts[kind];
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    const limit = kind === 'ip' ? this.options.perIp : this.options.perCitizen;
    return n > limit ? Math.max(1, Math.ceil((this.windowStart + this.options.windowMs - nowMs) / 1000)) : 0;
  }
}
