/**
 * Theming playground: edit the system tokens live on a real widget and copy the resulting CSS
 * as the start of a city preset. Tokens are applied through a constructed stylesheet (CSSOM),
 * never a style attribute, so the playground itself works under a strict CSP like the kit.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import { createMockBackend, fixtureIds, mockToken } from '../src/mocks/index.js';
import '../src/widgets/poll/define.js';
import { STORY_API } from './support/story-api.js';

interface Token {
  name: string;
  label: string;
  type: 'color' | 'px';
  value: string;
  min?: number;
  max?: number;
}

const TOKENS: Token[] = [
  { name: '--veche-color-primary', label: 'Primary colour', type: 'color', value: '#1f5fa8' },
  { name: '--veche-color-primary-strong', label: 'Primary, strong (hover, links)', type: 'color', value: '#143f72' },
  { name: '--veche-color-on-primary', label: 'Text on primary', type: 'color', value: '#ffffff' },
  { name: '--veche-color-surface', label: 'Surface', type: 'color', value: '#ffffff' },
  { name: '--veche-color-surface-alt', label: 'Surface, alternative', type: 'color', value: '#f2f4f7' },
  { name: '--veche-color-text', label: 'Text', type: 'color', value: '#1b1f24' },
  { name: '--veche-color-text-muted', label: 'Text, muted', type: 'color', value: '#4f5966' },
  { name: '--veche-color-border', label: 'Borders', type: 'color', value: '#7d8794' },
  { name: '--veche-color-danger', label: 'Danger', type: 'color', value: '#b3261e' },
  { name: '--veche-color-success', label: 'Success', type: 'color', value: '#1e6b34' },
  { name: '--veche-color-warning-surface', label: 'Warning surface', type: 'color', value: '#fff4d6' },
  { name: '--veche-color-focus', label: 'Focus halo', type: 'color', value: '#ffbf47' },
  { name: '--veche-color-focus-outline', label: 'Focus outline', type: 'color', value: '#0b0c0c' },
  { name: '--veche-font-size', label: 'Font size (px)', type: 'px', value: '16', min: 12, max: 28 },
  { name: '--veche-radius', label: 'Corner radius (px)', type: 'px', value: '8', min: 0, max: 24 },
  { name: '--veche-target-size', label: 'Target size (px)', type: 'px', value: '44', min: 24, max: 64 },
];

const SCOPE = 'veche-playground';
// Every colour role is set, so the preview never mixes edited tokens with the toolbar theme's.

function css(values: Map<string, string>, selector: string): string {
  const lines = TOKENS.map((t) => `  ${t.name}: ${t.type === 'px' ? `${values.get(t.name)}px` : values.get(t.name)};`);
  return `${selector} {\n${lines.join('\n')}\n}\n`;
}

let sheet: CSSStyleSheet | undefined;

function renderPlayground(): HTMLElement {
  const values = new Map(TOKENS.map((t) => [t.name, t.value]));
  // One sheet for the playground, replaced on every edit; the previous story's sheet goes.
  if (sheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  sheet = new CSSStyleSheet();
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

  const root = document.createElement('div');
  root.className = 'veche-playground-layout';
  const form = document.createElement('form');
  form.setAttribute('aria-label', 'Tokens');
  const preview = document.createElement('div');
  preview.className = SCOPE;
  const poll = document.createElement('veche-poll');
  poll.setAttribute('api', STORY_API);
  poll.setAttribute('poll', fixtureIds.polls.openSingle);
  poll.getToken = () => mockToken(fixtureIds.citizens.newcomer);
  preview.append(poll);

  const outputLabel = document.createElement('label');
  outputLabel.textContent = 'CSS for your preset';
  outputLabel.htmlFor = 'veche-playground-css';
  const output = document.createElement('textarea');
  output.id = 'veche-playground-css';
  output.readOnly = true;
  output.rows = TOKENS.length + 3;
  output.cols = 56;
  const copy = document.createElement('button');
  copy.type = 'button';
  copy.textContent = 'Copy CSS';
  const copied = document.createElement('span');
  copied.setAttribute('role', 'status');

  const apply = () => {
    sheet!.replaceSync(css(values, `.${SCOPE}`));
    output.value = css(values, ':where([data-veche-theme~="my-city"])');
  };
  for (const token of TOKENS) {
    const id = `veche-token${token.name.slice(7)}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = `${token.label} `;
    const code = document.createElement('code');
    code.textContent = token.name;
    label.append(code);
    const input = document.createElement('input');
    input.id = id;
    input.name = token.name;
    input.type = token.type === 'color' ? 'color' : 'number';
    if (token.min !== undefined) input.min = String(token.min);
    if (token.max !== undefined) input.max = String(token.max);
    input.value = token.value;
    input.addEventListener('input', () => {
      values.set(token.name, input.value);
      apply();
    });
    const row = document.createElement('div');
    row.append(label, input);
    form.append(row);
  }
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(output.value);
      copied.textContent = 'Copied.';
    } catch {
      output.select();
      copied.textContent = 'Select the text and copy it (Ctrl+C).';
    }
  });
  apply();
  const side = document.createElement('div');
  side.append(form, outputLabel, output, copy, copied);
  root.append(side, preview);
  return root;
}

const meta: Meta = {
  title: 'Theming/Playground',
  tags: ['!autodocs'],
  render: renderPlayground,
  parameters: { msw: { handlers: createMockBackend({ baseUrl: STORY_API }).handlers } },
};
export default meta;

/** Change a token: the widget follows at once, and the CSS to copy is updated. */
export const Playground: StoryObj = {
  play: async ({ canvasElement }) => {
    const input = canvasElement.querySelector<HTMLInputElement>('input[name="--veche-color-primary"]')!;
    input.value = '#8a1538';
    input.dispatchEvent(new Event('input'));
    const output = canvasElement.querySelector('textarea')!;
    await expect(output.value).toContain('--veche-color-primary: #8a1538;');
    const poll = canvasElement.querySelector('veche-poll')!;
    await waitFor(() => expect(getComputedStyle(poll).getPropertyValue('--veche-color-primary').trim()).toBe('#8a1538'));
  },
};
