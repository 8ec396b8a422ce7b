import type { StorybookConfig } from '@storybook/web-components-vite';

/*
 * Lit's decorators need no Vite option here: Vite 8's transformer follows tsconfig.json
 * (`experimentalDecorators`, `useDefineForClassFields: false`), so `@property()` compiles to
 * prototype accessors. `npm run test:storybook` would fail on any story if that ever changed.
 */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  // Without this every build waits on the closed network for the telemetry endpoint.
  core: { disableTelemetry: true },
  // MSW's worker must be served from the origin root to control the preview iframe. It comes
  // straight from the installed msw package, so it always matches the library's version.
  staticDirs: [{ from: '../node_modules/msw/lib/mockServiceWorker.js', to: '/mockServiceWorker.js' }],
};

export default config;
