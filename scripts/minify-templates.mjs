/**
 * Minifies the static text of Lit's `css` and `html` tagged templates in the kit's own sources
 * at bundle time. The JavaScript minifier leaves template text alone (it cannot know the tag's
 * language), so without this every widget ships its stylesheet comments and indentation.
 *
 * Templates are found with rolldown's parser (no guessing about strings, regexes or nesting);
 * only a template's literal parts change, never its `${…}` interpolations, and only in ways
 * that cannot alter what renders:
 * - css: comments removed; whitespace runs become one space; spaces next to `{ } ; ,` and after
 *   `:` dropped, and a `;` before `}`. Spaces around `+ - * /` stay (calc()), and so does a
 *   space before `:` (`.a :focus` is not `.a:focus`).
 * - html/svg: a whitespace run that contains a line break becomes one space. HTML renders such a
 *   run as one space anyway, and Lit sees the same text nodes and bindings. (The kit's
 *   templates have no `<pre>`; a test checks the rendered widgets from the bundles.)
 */
import { parseAst } from 'rolldown/parseAst';

export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}');
}

export function minifyHtml(text) {
  return text.replace(/\s*\n\s*/g, ' ');
}

const minifiers = { css: minifyCss, html: minifyHtml, svg: minifyHtml };

/** Returns `code` (TypeScript or JavaScript) with every css`…`/html`…`/svg`…` template minified. */
export function minifyTemplates(code, filename = 'module.ts') {
  if (!/\b(css|html|svg)`/.test(code)) return code;
  const program = parseAst(code, { lang: filename.endsWith('.ts') ? 'ts' : 'js' }, filename);
  const edits = [];
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && minifiers[node.tag.name]) {
      const minify = minifiers[node.tag.name];
      const { quasis } = node.quasi;
      for (const quasi of quasis) {
        // The parser's span includes the delimiters (` ${ }); the raw text sits inside it.
        const raw = quasi.value.raw;
        const start = code.indexOf(raw, quasi.start);
        if (start < 0 || start + raw.length > quasi.end) throw new Error(`minify-templates: cannot locate a template part in ${filename}`);
        // A whole stylesheet without interpolations can also lose its outer spacing.
        const small = minify === minifyCss && quasis.length === 1 ? minify(raw).trim() : minify(raw);
        if (small !== raw) edits.push({ start, end: start + raw.length, text: small });
      }
    }
    for (const key in node) if (key !== 'parent') visit(node[key]);
  };
  visit(program);
  edits.sort((a, b) => b.start - a.start);
  let out = code;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
