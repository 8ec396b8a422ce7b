/**
 * Writes src/mocks/contract.gen.ts: the schemas and per-operation parameters/bodies of
 * api/openapi.yaml as plain data, so the browser mocks validate requests by the contract itself
 * (no YAML parser, no Ajv code generation — strict CSP pages and service workers stay happy).
 * The contract suite fails when the file is stale: run `npx tsx test/contract/gen-mock-contract.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

type Json = Record<string, unknown>;
const root = fileURLToPath(new URL('../../', import.meta.url));
export const GENERATED_FILE = `${root}src/mocks/contract.gen.ts`;

const resolve = (doc: Json, value: Json): Json => {
  const ref = value.$ref as string | undefined;
  if (!ref) return value;
  let node: unknown = doc;
  for (const part of ref.replace(/^#\//, '').split('/')) node = (node as Json)[part];
  return resolve(doc, node as Json);
};

export function renderMockContract(): string {
  const doc = parse(readFileSync(`${root}api/openapi.yaml`, 'utf8')) as Json;
  const operations: Json = {};
  for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const params = [...((item.parameters ?? []) as Json[]), ...((op.parameters ?? []) as Json[])]
        .map((p) => resolve(doc, p))
        .map((p) => ({ name: p.name, in: p.in, required: Boolean(p.required), schema: p.schema }));
      const body = op.requestBody ? resolve(doc, op.requestBody as Json) : null;
      const content = (body?.content ?? {}) as Record<string, Json>;
      const security = (op.security ?? doc.security ?? []) as Json[];
      operations[String(op.operationId)] = {
        method: method.toUpperCase(),
        path,
        params,
        bodyRequired: Boolean(body?.required),
        bodyTypes: Object.keys(content),
        body: content['application/json']?.schema ?? null,
        authRequired: security.length > 0 && !security.some((alt) => Object.keys(alt).length === 0),
        roles: (op['x-roles'] as string[] | undefined) ?? null,
      };
    }
  }
  const schemas = (doc.components as Json).schemas;
  return `/* Generated from api/openapi.yaml by test/contract/gen-mock-contract.ts — do not edit. */
import type { JsonSchema, OperationSpec } from './validate';

export const contractSchemas: Record<string, JsonSchema> = ${JSON.stringify(schemas)};

export const contractOperations: Record<string, OperationSpec> = ${JSON.stringify(operations)};
`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(GENERATED_FILE, renderMockContract());
  console.log(`wrote ${GENERATED_FILE}`);
}
