/**
 * A small interpreter for the JSON Schema subset api/openapi.yaml uses, so the mocks reject what
 * the reference server rejects (400 with the same pointers and codes) without shipping Ajv, whose
 * generated code a strict-CSP page would refuse. The schemas themselves come from contract.gen.ts.
 */
import type { components } from '../core/api-schema';
import { inCalendar, PLAIN_DECIMAL, textLength } from './formats';
import { contractSchemas } from './contract.gen';

export type FieldError = components['schemas']['FieldError'];
export type JsonSchema = { [keyword: string]: unknown };
export interface OperationSpec {
  method: string;
  path: string;
  params: { name: string; in: 'path' | 'query' | 'header' | 'cookie'; required: boolean; schema: JsonSchema }[];
  bodyRequired: boolean;
  bodyTypes: string[];
  body: JsonSchema | null;
  authRequired: boolean;
  roles: string[] | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The `date-time` format: seconds required, as Ajv's (the server's) format check has it. */
const DATE_TIME = /^(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d):(\d\d)(?:\.\d+)?(?:[Zz]|[+-](\d\d):(\d\d))$/;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function deref(schema: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/components/schemas/', '');
  const target = contractSchemas[name];
  if (!target) throw new Error(`mock contract: unknown schema ${ref}`);
  return deref(target);
}

const deepEqual = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Validates `value`; returns field errors with JSON pointers prefixed by `pointer`. */
export function validate(schemaIn: JsonSchema, value: unknown, pointer = ''): FieldError[] {
  const schema = deref(schemaIn);
  const at = pointer || '/';
  const fail = (code: string, detail: string): FieldError[] => [{ pointer: at, detail, code }];

  if (Array.isArray(schema.oneOf)) {
    const branches = (schema.oneOf as JsonSchema[]).map((s) => validate(s, value, pointer));
    const passing = branches.filter((b) => b.length === 0).length;
    if (passing === 1) return [];
    if (passing > 1) return fail('oneOf', 'подходит больше одного варианта');
    return branches.sort((a, b) => a.length - b.length)[0] ?? fail('oneOf', 'не подходит ни один вариант');
  }
  if (schema.type !== undefined) {
    const allowed = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    const actual = typeOf(value);
    const ok = allowed.includes(actual) || (actual === 'integer' && allowed.includes('number'));
    if (!ok) return fail('type', `ожидается ${allowed.join(',')}`);
  }
  if ('const' in schema && !deepEqual(schema.const, value)) return fail('const', 'недопустимое значение');
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => deepEqual(e, value))) {
    return fail('enum', `допустимые значения: ${schema.enum.join(', ')}`);
  }
  const errors: FieldError[] = [];
  if (typeof value === 'string') {
    const length = textLength(value);
    if (typeof schema.minLength === 'number' && length < schema.minLength) errors.push(...fail('minLength', `не короче ${schema.minLength} символов`));
    if (typeof schema.maxLength === 'number' && length > schema.maxLength) errors.push(...fail('maxLength', `не длиннее ${schema.maxLength} символов`));
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) errors.push(...fail('pattern', 'неверный формат'));
    if (schema.format === 'email' && !EMAIL.test(value)) errors.push(...fail('format', 'неверный адрес почты'));
    if (schema.format === 'date-time' && !inCalendar(DATE_TIME.exec(value))) errors.push(...fail('format', 'ожидается дата и время ISO 8601'));
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(...fail('minimum', `не меньше ${schema.minimum}`));
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(...fail('maximum', `не больше ${schema.maximum}`));
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) errors.push(...fail('exclusiveMinimum', `больше ${schema.exclusiveMinimum}`));
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push(...fail('minItems', `не меньше ${schema.minItems} элементов`));
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) errors.push(...fail('maxItems', `не больше ${schema.maxItems} элементов`));
    if (schema.uniqueItems === true && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) errors.push(...fail('uniqueItems', 'элементы повторяются'));
    if (schema.items && typeof schema.items === 'object') value.forEach((item, i) => errors.push(...validate(schema.items as JsonSchema, item, `${pointer}/${i}`)));
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const patterns = Object.entries((schema.patternProperties ?? {}) as Record<string, JsonSchema>).map(([pattern, s]) => [new RegExp(pattern, 'u'), s] as const);
    for (const name of (schema.required ?? []) as string[]) {
      if (!(name in object)) errors.push({ pointer: `${pointer}/${name}`, detail: 'обязательное поле', code: 'required' });
    }
    const keys = Object.keys(object);
    if (typeof schema.maxProperties === 'number' && keys.length > schema.maxProperties) errors.push(...fail('maxProperties', `не больше ${schema.maxProperties} полей`));
    for (const key of keys) {
      const child = `${pointer}/${key}`;
      if (schema.propertyNames) errors.push(...validate(schema.propertyNames as JsonSchema, key, child).map((e) => ({ ...e, code: 'propertyNames' })));
      // Own properties only: a field named "constructor" is not Object's.
      const declared = Object.hasOwn(properties, key);
      if (declared) errors.push(...validate(properties[key]!, object[key], child));
      const matching = patterns.filter(([pattern]) => pattern.test(key));
      for (const [, s] of matching) errors.push(...validate(s, object[key], child));
      if (declared || matching.length > 0) continue;
      if (schema.additionalProperties === false) errors.push({ pointer: child, detail: 'неизвестное поле', code: 'additionalProperties' });
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') errors.push(...validate(schema.additionalProperties as JsonSchema, object[key], child));
    }
  }
  return errors;
}

/** Query/path/header strings → the parameter's type (as the server's coercing validator does). */
export function coerceParam(schemaIn: JsonSchema, raw: string): unknown {
  const schema = deref(schemaIn);
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  // Plain decimals only, as the server: Number() would also read "Infinity", "0x10" and " 5".
  if ((types.includes('integer') || types.includes('number')) && PLAIN_DECIMAL.test(raw)) return Number(raw);
  if (types.includes('boolean') && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}
