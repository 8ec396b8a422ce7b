/** `npm run analyze` (and `npm run build`) → custom-elements.json, read by Storybook's docs and by IDEs (package.json "customElements"). */

/**
 * The elements declare reactive properties in `static properties` (no decorator runtime in
 * every bundle). The analyzer reads those entries as attributes; internal state
 * (`{ state: true }`) is not an attribute and not public, so this drops it from the manifest.
 */
function internalStatePlugin() {
  const stateByClass = new Map();
  return {
    name: 'veche-internal-state',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const properties = node.members.find(
        (m) => ts.isPropertyDeclaration(m) && m.name?.getText() === 'properties' && m.initializer && ts.isObjectLiteralExpression(m.initializer),
      );
      if (!properties) return;
      const internal = new Set();
      for (const entry of properties.initializer.properties) {
        if (!ts.isPropertyAssignment(entry) || !ts.isObjectLiteralExpression(entry.initializer)) continue;
        const isState = entry.initializer.properties.some(
          (o) => ts.isPropertyAssignment(o) && o.name.getText() === 'state' && o.initializer.kind === ts.SyntaxKind.TrueKeyword,
        );
        if (isState) internal.add(entry.name.getText());
      }
      stateByClass.set(`${moduleDoc.path}#${node.name.getText()}`, internal);
    },
    moduleLinkPhase({ moduleDoc }) {
      for (const declaration of moduleDoc.declarations ?? []) {
        const internal = stateByClass.get(`${moduleDoc.path}#${declaration.name}`);
        if (!internal?.size) continue;
        declaration.attributes = (declaration.attributes ?? []).filter((a) => !internal.has(a.fieldName ?? a.name));
        declaration.members = (declaration.members ?? []).filter((m) => !internal.has(m.name));
      }
    },
  };
}

export default {
  // The public surface: core, the elements, their registration and events. A widget's other
  // modules (lazily loaded parts, its API calls, helpers) are internal and stay out.
  globs: ['src/*.ts', 'src/core/**/*.ts', 'src/widgets/*/veche-*.ts', 'src/widgets/*/define.ts', 'src/widgets/*/events.ts'],
  exclude: ['src/mocks/**', 'src/**/*.test.ts', 'src/core/api-schema.ts', 'src/locales/**'],
  outdir: '.',
  litelement: true,
  plugins: [internalStatePlugin()],
};
