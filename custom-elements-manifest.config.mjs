/** `npm run analyze` → custom-elements.json, read by Storybook's docs and by IDEs (package.json "customElements"). */
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/mocks/**', 'src/**/*.test.ts', 'src/core/api-schema.ts', 'src/locales/**'],
  outdir: '.',
  litelement: true,
};
