/**
 * Turns a story's rendered source into what a webmaster pastes into a portal page: the loader
 * script configured by `data-*`, then the widget tags with their attributes — without Lit's
 * markers, without the story wrapper, and with the mocked backend replaced by a real-looking one.
 */
const CDN = 'https://cdn.example/veche/veche.js';
const API = 'https://region.example/veche/api';

function clean(element: Element): Element {
  const copy = element.cloneNode(true) as Element;
  // The backend comes from the loader's data-api on a real page.
  for (const el of [copy, ...copy.querySelectorAll('*')]) el.removeAttribute('api');
  return copy;
}

export function pasteSnippet(code: string): string {
  const template = document.createElement('template');
  template.innerHTML = code.replace(/<!--\??(lit\$\d+\$)?-->/g, '');
  const tags = [...template.content.querySelectorAll('*')].filter(
    (el) => el.localName.startsWith('veche-') && !el.closest('veche-story-tokens'),
  );
  // Outermost veche-* elements only: a provider carries its widgets inside.
  const outermost = tags.filter((el) => !tags.some((other) => other !== el && other.contains(el)));
  if (outermost.length === 0) return code;
  const themed = template.content.querySelector('[data-veche-theme]:not([data-veche-theme=""])')?.getAttribute('data-veche-theme');
  const script = `<script type="module" src="${CDN}"\n        data-api="${API}"${themed ? `\n        data-theme="${themed}"` : ''}></script>`;
  const body = outermost.map((el) => clean(el).outerHTML.replace(/=""/g, '')).join('\n');
  return `${script}\n\n${body}\n`;
}
