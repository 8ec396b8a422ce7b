import { defineElement } from './define.js';
import { VecheProvider } from './provider.js';

defineElement('veche-provider', VecheProvider);

declare global {
  interface HTMLElementTagNameMap {
    'veche-provider': VecheProvider;
  }
}
