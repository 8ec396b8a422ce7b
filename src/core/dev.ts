/**
 * Development-mode diagnostics. The production build defines `__VECHE_DEV__` as `false`,
 * which lets the bundler drop every warning; anywhere else (tests, Storybook, unbundled
 * npm use) warnings are on.
 */
declare const __VECHE_DEV__: boolean | undefined;

export const DEV: boolean = typeof __VECHE_DEV__ === 'undefined' ? true : __VECHE_DEV__;

const DOCS = 'https://veche.dev/docs';
const warned = new Set<string>();

/** Warns once per `code` so a misuse inside a loop does not flood the console. */
export function warnOnce(code: string, message: string): void {
  if (!DEV || warned.has(code)) return;
  warned.add(code);
  console.warn(`[veche] ${message}\n${DOCS}#${code}`);
}
