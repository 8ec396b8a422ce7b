// The bundle-time minifier of Lit templates (scripts/minify-templates.mjs) may only remove what
// cannot change a render: CSS comments and spacing, line-break indentation between markup.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minifyCss, minifyHtml, minifyTemplates } from '../../scripts/minify-templates.mjs';

test('css: comments and spacing go; descendant pseudo-classes, calc() and attribute selectors stay', () => {
  const source = `
    /* why this rule */
    :host > * {
      margin: calc(1em + 2px) 0;
      color: var(--_text, #000);
    }
    .list :focus-visible { outline: 2px solid; }
    :host([data-veche-theme~='vision']) .x { gap: 0.5em; }
  `;
  assert.equal(
    minifyCss(source),
    " :host > *{margin:calc(1em + 2px) 0;color:var(--_text,#000)}.list :focus-visible{outline:2px solid}:host([data-veche-theme~='vision']) .x{gap:0.5em}",
  );
});

test('html: indentation with a line break becomes one space; spaces within a line stay', () => {
  assert.equal(minifyHtml('<p>\n      <b>a</b> <i>b</i>\n    </p>'), '<p> <b>a</b> <i>b</i> </p>');
  assert.equal(minifyHtml('<span>a  b</span>'), '<span>a  b</span>');
});

test('only the literal parts of css/html/svg templates change: interpolations, other templates, strings and regexes do not', () => {
  const source = [
    "const re = /`[ \\n]+`/g; // a regex with backticks",
    "const plain = `keep\n   this`;",
    "const s = 'html`not a template`';",
    'const view = (x: string) => html`<ul>\n  ${items.map((i) => html`<li>\n  ${`${i}\n  raw`}</li>`)}\n</ul>`;',
    'const style = css`\n  .a { color: red; }\n`;',
    'const notLit = myhtml`<p>\n  kept</p>`;',
    'const withPart = css`.a ${x} .b { color: red; }`;',
  ].join('\n');
  const out = minifyTemplates(source, 'x.ts');
  assert.ok(out.includes("const re = /`[ \\n]+`/g;"));
  assert.ok(out.includes('const plain = `keep\n   this`;'));
  assert.ok(out.includes("'html`not a template`'"));
  assert.ok(out.includes('html`<ul> ${items.map((i) => html`<li> ${`${i}\n  raw`}</li>`)} </ul>`'), out);
  assert.ok(out.includes('css`.a{color:red}`'), out);
  assert.ok(out.includes('myhtml`<p>\n  kept</p>`'));
  assert.ok(out.includes('css`.a ${x} .b{color:red}`'), out);
});

test('a module without Lit templates is returned unchanged', () => {
  const source = 'export const x = `a\n   b`;';
  assert.equal(minifyTemplates(source, 'x.ts'), source);
});
