/**
 * Configuration: one schema, resolved per element.
 *
 * Precedence, first match wins: the element's own attribute → the nearest `<veche-provider>`
 * (through @lit/context) → the page level (`configure({...})` or `data-*` on the loader
 * script) → defaults. Values from every source go through the same `normalize()` so a bad
 * value produces one message naming the attribute and what it accepts.
 */

export const LOCALES = ['ru', 'en', 'tt'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ru';

/** Returns a bearer token for the backend, or nothing when the citizen is signed out. */
export type TokenGetter = () => string | null | undefined | Promise<string | null | undefined>;

export interface VecheConfig {
  /** Backend base URL (absolute, or a path on this site), e.g. `https://region.example/veche/api`. */
  api?: string;
  locale?: Locale;
  /** Space-separated theme names, e.g. `kazan dark`. */
  theme?: string;
  loginUrl?: string;
  privacyUrl?: string;
  getToken?: TokenGetter;
}

export type ConfigKey = keyof VecheConfig;

/** Attribute names as a webmaster writes them (and as `data-*` on the loader script). */
export const CONFIG_ATTRIBUTES: Record<Exclude<ConfigKey, 'getToken'>, string> = {
  api: 'api',
  locale: 'locale',
  theme: 'theme',
  loginUrl: 'login-url',
  privacyUrl: 'privacy-url',
};

export interface ConfigProblem {
  key: ConfigKey;
  /** The attribute (or option) name the webmaster wrote. */
  attribute: string;
  value: unknown;
  /** What the attribute accepts, in plain words (English: this goes to the developer console). */
  expected: string;
}

export interface NormalizedConfig {
  config: VecheConfig;
  problems: ConfigProblem[];
}

const THEME_WORD = /^[a-z][a-z0-9-]{0,39}$/;

function toUrl(value: string): URL | undefined {
  try {
    const base = typeof document === 'undefined' ? 'http://localhost/' : document.baseURI;
    return new URL(value, base);
  } catch {
    return undefined;
  }
}

function isHttpUrl(value: string): boolean {
  const url = toUrl(value);
  return !!url && (url.protocol === 'https:' || url.protocol === 'http:');
}

/** Maps `ru-RU`, `RU`, `tt_RU` to a supported locale; undefined when unsupported. */
export function toLocale(value: string | null | undefined): Locale | undefined {
  if (!value) return undefined;
  const primary = value.trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(primary!) ? (primary as Locale) : undefined;
}

type Check = (value: unknown) => { ok: true; value: unknown } | { ok: false; expected: string };

const urlCheck =
  (what: string): Check =>
  (value) =>
    typeof value === 'string' && value.trim() !== '' && isHttpUrl(value.trim())
      ? { ok: true, value: value.trim() }
      : { ok: false, expected: `${what}: an http(s) URL or a path on this site` };

const checks: Record<ConfigKey, Check> = {
  api: urlCheck('the backend base URL'),
  loginUrl: urlCheck("the portal's sign-in page"),
  privacyUrl: urlCheck('the personal-data processing policy'),
  locale: (value) => {
    const locale = typeof value === 'string' ? toLocale(value) : undefined;
    return locale ? { ok: true, value: locale } : { ok: false, expected: `one of ${LOCALES.join(', ')}` };
  },
  theme: (value) => {
    const words = typeof value === 'string' ? value.trim().split(/\s+/).filter(Boolean) : [];
    return words.length > 0 && words.every((w) => THEME_WORD.test(w))
      ? { ok: true, value: words.join(' ') }
      : { ok: false, expected: 'space-separated theme names of lowercase letters, digits and dashes, e.g. "kazan dark"' };
  },
  getToken: (value) =>
    typeof value === 'function' ? { ok: true, value } : { ok: false, expected: 'a function returning a token' },
};

function attributeName(key: ConfigKey): string {
  return key === 'getToken' ? 'getToken' : CONFIG_ATTRIBUTES[key];
}

/**
 * Validates a partial configuration from one source. Unknown keys are reported, empty values
 * (`null`, `undefined`) mean "not set here" and fall through to the next source.
 */
export function normalize(input: Record<string, unknown>): NormalizedConfig {
  const config: VecheConfig = {};
  const problems: ConfigProblem[] = [];
  for (const [rawKey, value] of Object.entries(input)) {
    if (value === undefined || value === null) continue;
    const key = (rawKey in checks ? rawKey : keyForAttribute(rawKey)) as ConfigKey | undefined;
    if (!key) {
      problems.push({ key: rawKey as ConfigKey, attribute: rawKey, value, expected: `a known option (${Object.keys(checks).join(', ')})` });
      continue;
    }
    const result = checks[key](value);
    if (result.ok) (config as Record<string, unknown>)[key] = result.value;
    else problems.push({ key, attribute: attributeName(key), value, expected: result.expected });
  }
  return { config, problems };
}

function keyForAttribute(attribute: string): ConfigKey | undefined {
  const entry = Object.entries(CONFIG_ATTRIBUTES).find(([, name]) => name === attribute);
  return entry?.[0] as ConfigKey | undefined;
}

/** Merges sources in precedence order: the first source that sets a key wins. */
export function mergeConfig(...sources: Array<VecheConfig | undefined>): VecheConfig {
  const merged: VecheConfig = {};
  for (const source of sources) {
    if (!source) continue;
    for (const [key, value] of Object.entries(source)) {
      if (value !== undefined && (merged as Record<string, unknown>)[key] === undefined) {
        (merged as Record<string, unknown>)[key] = value;
      }
    }
  }
  return merged;
}

/** The one human sentence for the console, naming the element, the attribute and what it accepts. */
export function describeProblem(tag: string, problem: ConfigProblem): string {
  const shown = typeof problem.value === 'function' ? 'a function' : JSON.stringify(problem.value);
  return `<${tag}>: "${problem.attribute}" is ${shown}, but it must be ${problem.expected}.`;
}
