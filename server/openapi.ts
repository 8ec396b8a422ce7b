/**
 * Reads the OpenAPI documents once at start-up and compiles, per operation, the validators for its
 * parameters, request body and responses. The contract is the only schema: nothing here restates a
 * field.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { PLAIN_DECIMAL } from './domain/context';
import { loneSurrogates } from '../src/mocks/formats';
import type { FieldError } from './problems';

type Json = Record<string, unknown>;
type AjvInstance = InstanceType<typeof Ajv2020>;

export interface CompiledOperation {
  operationId: string;
  method: string;
  /** OpenAPI path, e.g. /polls/{id} */
  path: string;
  /** Fastify path, e.g. /polls/:id */
  routePath: string;
  /** false when `{}` (anonymous) is one of the security alternatives */
  authRequired: boolean;
  /** x-roles: the caller needs one of these */
  roles: string[] | null;
  /** declares the Idempotency-Key header */
  idempotent: boolean;
  bodyRequired: boolean;
  /** media types of the request body; JSON validated, others handled by the operation */
  bodyTypes: string[];
  /** the header parameters it declares (lower case): only these are validated, so only these need copying */
  headerNames: string[];
  validateParams: (input: { path: Json; query: Json; header: Json }) => FieldError[];
  validateBody: ((body: unknown) => FieldError[]) | null;
  /** status → validator of the JSON body (problem documents included), compiled on first use; null for non-JSON bodies */
  responses: Map<number, (() => ValidateFunction) | null>;
}

export interface ApiDocument {
  operations: CompiledOperation[];
  byId: Map<string, CompiledOperation>;
  /** validates a component schema by name (used for Open311 form bodies) */
  schema(name: string): ValidateFunction;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** $ref '#/components/schemas/X' → 'doc#/$defs/X' so Ajv sees one schema resource per document. */
function rewriteRefs(value: unknown, docId: string): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, docId));
  if (value && typeof value === 'object') {
    const out: Json = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = k === '$ref' && typeof v === 'string' ? v.replace('#/components/schemas/', `${docId}#/$defs/`) : rewriteRefs(v, docId);
    }
    return out;
  }
  return value;
}

function resolve<T>(doc: Json, value: T): T {
  const ref = (value as { $ref?: string } | undefined)?.$ref;
  if (!ref) return value;
  let node: unknown = doc;
  for (const part of ref.replace(/^#\//, '').split('/')) node = (node as Json)[part];
  return resolve(doc, node as T);
}

/**
 * Whether a parameter's schema is a number (or an array of numbers). Their values arrive as text
 * and Ajv coerces them with JavaScript's number rules, under which "Infinity", "0x10" and " 5"
 * are numbers too — and `minimum`/`maximum` do not apply to an infinite one.
 */
function isNumeric(doc: Json, schema: unknown): boolean {
  const s = resolve(doc, schema as Json | undefined);
  if (!s) return false;
  const types = ([] as unknown[]).concat(s.type ?? []);
  if (types.includes('array')) return isNumeric(doc, s.items);
  return types.includes('number') || types.includes('integer');
}

/** A parameter's text (absent, or each value of a repeated one) is a plain decimal number. */
const isDecimalText = (value: unknown): boolean =>
  value === undefined || (Array.isArray(value) ? value.every(isDecimalText) : typeof value === 'string' ? PLAIN_DECIMAL.test(value) : typeof value === 'number' && Number.isFinite(value));

/** Ajv errors → the contract's FieldError list, with pointers into the request. */
export function toFieldErrors(errors: ErrorObject[] | null | undefined, prefix = ''): FieldError[] {
  if (!errors) return [];
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of errors) {
    let pointer = prefix + e.instancePath;
    let detail = e.message ?? 'недопустимое значение';
    const params = e.params as Record<string, unknown>;
    if (e.keyword === 'required') { pointer += `/${String(params.missingProperty)}`; detail = 'обязательное поле'; }
    if (e.keyword === 'additionalProperties') { pointer += `/${String(params.additionalProperty)}`; detail = 'неизвестное поле'; }
    if (e.keyword === 'type') detail = `ожидается ${String(params.type)}`;
    if (e.keyword === 'enum') detail = `допустимые значения: ${(params.allowedValues as unknown[]).join(', ')}`;
    // oneOf over "X or null" repeats each branch's error; the first message per pointer is enough.
    const key = `${pointer}|${e.keyword}`;
    if (seen.has(pointer) || seen.has(key)) continue;
    seen.add(pointer);
    seen.add(key);
    out.push({ pointer: pointer || '/', detail, code: e.keyword });
  }
  return out;
}

function newAjv(coerce: boolean, allErrors = true): AjvInstance {
  const ajv = new Ajv2020({ strict: true, allErrors, inlineRefs: false, coerceTypes: coerce ? 'array' : false, useDefaults: coerce, allowUnionTypes: true });
  addFormats(ajv);
  return ajv;
}

export function loadApiDocument(file: string, docId: string): ApiDocument {
  const doc = parse(readFileSync(file, 'utf8')) as Json;
  const components = (doc.components ?? {}) as Json;
  const defs = rewriteRefs(components.schemas ?? {}, docId);
  const strictAjv = newAjv(false);
  const paramAjv = newAjv(true);
  // Responses only need a yes/no and the first error, which compiles much smaller code.
  const responseAjv = newAjv(false, false);
  for (const ajv of [strictAjv, paramAjv, responseAjv]) ajv.addSchema({ $id: docId, $defs: defs });

  /** A bare $ref reuses the component's compiled validator instead of compiling a copy. */
  /** Compiling every schema up front costs seconds on a small machine; each is compiled when first needed. */
  const lazy = <T>(make: () => T): (() => T) => { let v: T | undefined; return () => (v ??= make()); };
  const compile = (ajv: AjvInstance, schema: unknown): ValidateFunction => {
    const rewritten = rewriteRefs(schema, docId) as Json;
    const keys = Object.keys(rewritten);
    if (keys.length === 1 && typeof rewritten.$ref === 'string') return ajv.getSchema(rewritten.$ref)!;
    return ajv.compile(rewritten);
  };
  const globalSecurity = (doc.security ?? []) as Json[];
  const operations: CompiledOperation[] = [];
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Json>)) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const params = [...((item.parameters ?? []) as Json[]), ...((op.parameters ?? []) as Json[])].map((p) => resolve(doc, p));
      const groups: Record<'path' | 'query' | 'header', { properties: Json; required: string[] }> = {
        path: { properties: {}, required: [] }, query: { properties: {}, required: [] }, header: { properties: {}, required: [] },
      };
      let idempotent = false;
      const numeric: { where: 'path' | 'query' | 'header'; name: string }[] = [];
      for (const p of params) {
        const where = p.in as 'path' | 'query' | 'header';
        if (!(where in groups)) continue;
        const name = where === 'header' ? String(p.name).toLowerCase() : String(p.name);
        if (name === 'idempotency-key') idempotent = true;
        if (isNumeric(doc, p.schema)) numeric.push({ where, name });
        groups[where].properties[name] = rewriteRefs(p.schema ?? {}, docId);
        if (p.required) groups[where].required.push(name);
      }
      const paramSchema = {
        type: 'object',
        properties: Object.fromEntries(Object.entries(groups).map(([k, g]) => [k, { type: 'object', properties: g.properties, required: g.required }])),
      };
      const paramValidator = lazy(() => paramAjv.compile(paramSchema));
      const validateParams = (input: { path: Json; query: Json; header: Json }) => {
        const notDecimal = numeric.filter(({ where, name }) => !isDecimalText(input[where][name]));
        const errors: FieldError[] = notDecimal.map(({ where, name }) => ({ pointer: `/${where}/${name}`, detail: 'ожидается десятичное число', code: 'type' }));
        const v = paramValidator();
        if (!v(input)) errors.push(...toFieldErrors(v.errors, '').filter((e) => !errors.some((n) => n.pointer === e.pointer)));
        return errors;
      };

      const body = op.requestBody ? resolve(doc, op.requestBody as Json) : undefined;
      const content = (body?.content ?? {}) as Record<string, Json>;
      const jsonSchema = content['application/json']?.schema;
      const bodyValidator = jsonSchema ? lazy(() => compile(strictAjv, jsonSchema)) : null;
      const validateBody = bodyValidator ? (value: unknown) => {
        const v = bodyValidator();
        const errors = v(value) ? [] : toFieldErrors(v.errors);
        return loneSurrogates(value, '', errors);
      } : null;

      const responses = new Map<number, (() => ValidateFunction) | null>();
      for (const [status, resp] of Object.entries((op.responses ?? {}) as Json)) {
        const r = resolve(doc, resp as Json);
        const rc = (r.content ?? {}) as Record<string, Json>;
        const schema = rc['application/json']?.schema ?? rc['application/problem+json']?.schema;
        responses.set(Number(status), schema ? lazy(() => compile(responseAjv, schema)) : null);
      }
      const security = (op.security ?? globalSecurity) as Json[];
      operations.push({
        operationId: String(op.operationId),
        method: method.toUpperCase(),
        path,
        routePath: path.replace(/\{([^}]+)\}/g, ':$1'),
        authRequired: security.length > 0 && !security.some((s) => Object.keys(s).length === 0),
        roles: (op['x-roles'] as string[] | undefined) ?? null,
        idempotent,
        bodyRequired: Boolean(body?.required),
        bodyTypes: Object.keys(content),
        headerNames: Object.keys(groups.header.properties),
        validateParams,
        validateBody,
        responses,
      });
    }
  }
  return {
    operations,
    byId: new Map(operations.map((o) => [o.operationId, o])),
    schema: (name) => strictAjv.getSchema(`${docId}#/$defs/${name}`)!,
  };
}

const apiDir = fileURLToPath(new URL('../api/', import.meta.url));
export const loadVecheContract = () => loadApiDocument(`${apiDir}openapi.yaml`, 'veche');
export const loadOpen311Contract = () => loadApiDocument(`${apiDir}open311.yaml`, 'open311');
