/** `npm run analyze` → custom-elements.json, read by Storybook's docs and by IDEs (package.json "customElements"). */
export default {
  // The public surface: core, the elements, their registration and events. A widget's other
  // modules (lazily loaded parts, its API calls, helpers) are internal and stay out.
  globs: ['src/*.ts', 'src/core/**/*.ts', 'src/widgets/*/veche-*.ts', 'src/widgets/*/define.ts', 'src/widgets/*/events.ts'],
  exclude: ['src/mocks/**', 'src/**/*.test.ts', 'src/core/api-schema.ts', 'src/locales/**'],
  outdir: '.',
  litelement: true,
};
