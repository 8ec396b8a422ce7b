/**
 * Prints the SHA-256 of the demo region built in Node for the instant given as the argument (ISO),
 * as the reference server seeds it. The browser test of the mocks compares its own build with it
 * (web-test-runner's `demo-region-digest` command).
 *
 *   node --import tsx test/helpers/demo-region-digest.ts 2026-12-04T15:06:02.334Z
 */
import { createHash } from 'node:crypto';
import { createDemoRegion } from '../../api/fixtures/demo-region.js';

const now = new Date(process.argv[2] ?? '');
if (Number.isNaN(now.getTime())) {
  console.error('usage: demo-region-digest.ts <ISO instant>');
  process.exit(1);
}
process.stdout.write(createHash('sha256').update(JSON.stringify(createDemoRegion({ now }))).digest('hex'));
