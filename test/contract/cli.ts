/**
 * `npm run contract -- --base-url https://region.example/veche/api [--open311-url URL]`
 * Checks a running backend (in demo mode) against api/openapi.yaml and api/open311.yaml.
 * The Open311 base defaults to the API base's sibling `/open311/v2`, as the reference server serves it.
 */
import { parseArgs } from 'node:util';
import { demoSignIn } from './client';
import { defineContractSuite } from './suite';

const { values } = parseArgs({ options: { 'base-url': { type: 'string' }, 'open311-url': { type: 'string' } } });
const apiUrl = values['base-url']?.replace(/\/+$/, '');
if (!apiUrl) {
  console.error('usage: npm run contract -- --base-url <API base URL> [--open311-url <Open311 base URL>]');
  process.exit(2);
}
const open311Url = values['open311-url']?.replace(/\/+$/, '') ?? new URL('../open311/v2', `${apiUrl}/`).href.replace(/\/+$/, '');
defineContractSuite({ name: apiUrl, apiUrl, open311Url, signIn: demoSignIn(apiUrl) });
