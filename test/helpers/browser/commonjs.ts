/**
 * React 19 ships CommonJS only, and the test runner serves ES modules. This evaluates the few
 * CommonJS files the interop tests need, in the page, with a minimal `require` — development
 * builds, as an app in development would use. Not a general loader: every file is listed.
 */
const FILES: Record<string, string> = {
  react: '/node_modules/react/cjs/react.development.js',
  'react-dom': '/node_modules/react-dom/cjs/react-dom.development.js',
  'react-dom/client': '/node_modules/react-dom/cjs/react-dom-client.development.js',
  scheduler: '/node_modules/scheduler/cjs/scheduler.development.js',
};

const sources = new Map<string, string>();
const cache = new Map<string, unknown>();
const process = { env: { NODE_ENV: 'development' } };

function requireModule(name: string): unknown {
  if (cache.has(name)) return cache.get(name);
  const source = sources.get(name);
  if (source === undefined) throw new Error(`commonjs: ${name} is not listed in test/helpers/browser/commonjs.ts`);
  const module = { exports: {} as unknown };
  cache.set(name, module.exports);
  new Function('module', 'exports', 'require', 'process', `${source}\n//# sourceURL=${FILES[name]}`)(module, module.exports, requireModule, process);
  cache.set(name, module.exports);
  return module.exports;
}

/** Fetches every listed file once, then returns the module's exports. */
export async function requireCommonJs<T>(name: string): Promise<T> {
  await Promise.all(
    Object.entries(FILES)
      .filter(([key]) => !sources.has(key))
      .map(async ([key, url]) => {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`commonjs: ${url} → HTTP ${response.status}`);
        sources.set(key, await response.text());
      }),
  );
  return requireModule(name) as T;
}
