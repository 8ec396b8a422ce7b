/**
 * The contract as a response checker: api/openapi.yaml and api/open311.yaml compiled with Ajv 2020,
 * a matcher from (method, URL) to operation, and a validator for every response the suite sees —
 * success bodies, problem documents and Open311 error arrays alike.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

type Json = Record<string, unknown>;
const apiDir = fileURLToPath(new URL('../../api/', import.meta.url));

export interface ContractOperation {
  doc: 'veche' | 'open311';
  operationId: string;
  method: string;
  path: string;
  matcher: RegExp;
  /** status → content type → schema validator (null: no JSON body to check) */
  responses: Map<number, Map<string, ValidateFunction | null>>;
}

function rewriteRefs(value: unknown, docId: string): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, docId));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? v.replace('#/components/schemas/', `${docId}#/$defs/`) : rewriteRefs(v, docId)]));
  }
  return value;
}

function resolve(doc: Json, value: Json): Json {
  const ref = value.$ref as string | undefined;
  if (!ref) return value;
  let node: unknown = doc;
  for (const part of ref.replace(/^#\//, '').split('/')) node = (node as Json)[part];
  return resolve(doc, node as Json);
}

export class Contract {
  readonly operations: ContractOperation[] = [];
  private readonly ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });

  constructor() {
    addFormats(this.ajv);
    this.load('veche', `${apiDir}openapi.yaml`);
    this.load('open311', `${apiDir}open311.yaml`);
  }

  private load(docId: 'veche' | 'open311', file: string) {
    const doc = parse(readFileSync(file, 'utf8')) as Json;
    this.ajv.addSchema({ $id: docId, $defs: rewriteRefs((doc.components as Json).schemas ?? {}, docId) });
    for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
      for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
        const op = item[method] as Json | undefined;
        if (!op) continue;
        const responses = new Map<number, Map<string, ValidateFunction | null>>();
        for (const [status, r] of Object.entries(op.responses as Json)) {
          const byType = new Map<string, ValidateFunction | null>();
          for (const [type, media] of Object.entries((resolve(doc, r as Json).content ?? {}) as Record<string, Json>)) {
            byType.set(type, type.includes('json') && media.schema ? this.ajv.compile(rewriteRefs(media.schema, docId) as Json) : null);
          }
          responses.set(Number(status), byType);
        }
        const pattern = path.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+');
        this.operations.push({ doc: docId, operationId: String(op.operationId), method: method.toUpperCase(), path, matcher: new RegExp(`^${pattern}$`), responses });
      }
    }
  }

  /** The operation a request hits; static paths win over templated ones (`/complaints/nearby`). */
  match(doc: 'veche' | 'open311', method: string, path: string): ContractOperation | undefined {
    const candidates = this.operations.filter((o) => o.doc === doc && o.method === method && o.matcher.test(path));
    return candidates.sort((a, b) => (a.path.match(/\{/g)?.length ?? 0) - (b.path.match(/\{/g)?.length ?? 0))[0];
  }

  /** Everything wrong with a response, as readable lines (empty when it matches the contract). */
  check(op: ContractOperation, status: number, contentType: string, body: unknown): string[] {
    const declared = op.responses.get(status);
    if (!declared) return [`${op.operationId}: status ${status} is not declared (declared: ${[...op.responses.keys()].join(', ')})`];
    if (declared.size === 0) return [];
    const type = contentType.split(';')[0]!.trim().toLowerCase();
    const entry = [...declared.entries()].find(([t]) => t === type || (t.endsWith('/*') && type.startsWith(t.slice(0, -1))));
    if (!entry) return [`${op.operationId} ${status}: content type "${type}" is not declared (${[...declared.keys()].join(', ')})`];
    const validator = entry[1];
    if (!validator || validator(body)) return [];
    return (validator.errors ?? []).slice(0, 8).map((e) => `${op.operationId} ${status}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  }
}
