/**
 * Writes src/mocks/contract.gen.ts: the schemas and per-operation parameters/bodies of
 * api/openapi.yaml and api/open311.yaml as plain data, so the browser mocks validate requests by
 * the contract itself (no YAML parser, no Ajv code generation — strict CSP pages and service
 * workers stay happy). The contract suite fails when the file is stale: run
 * `npx tsx test/contract/gen-mock-contract.ts`.
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

function operationsOf(doc: Json): Json {
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
  return operations;
}

export function renderMockContract(): string {
  const veche = parse(readFileSync(`${root}api/openapi.yaml`, 'utf8')) as Json;
  const open311 = parse(readFileSync(`${root}api/open311.yaml`, 'utf8')) as Json;
  const vecheSchemas = (veche.components as Json).schemas as Json;
  const open311Schemas = (open311.components as Json).schemas as Json;
  // One table for both documents, so the mocks resolve a $ref by its name alone.
  const clash = Object.keys(open311Schemas).filter((name) => name in vecheSchemas);
  if (clash.length) throw new Error(`api/open311.yaml and api/openapi.yaml both define ${clash.join(', ')}: rename one, the mocks look schemas up by name`);
  return `/* Generated from api/openapi.yaml and api/open311.yaml by test/contract/gen-mock-contract.ts — do not edit. */
import type { JsonSchema, OperationSpec } from './validate';

export const contractSchemas: Record<string, JsonSchema> = ${JSON.stringify({ ...vecheSchemas, ...open311Schemas })};

export const contractOperations: Record<string, OperationSpec> = ${JSON.stringify(operationsOf(veche))};

export const open311Operations: Record<string, OperationSpec> = ${JSON.stringify(operationsOf(open311))};
`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(GENERATED_FILE, renderMockContract());
  console.log(`wrote ${GENERATED_FILE}`);
}
