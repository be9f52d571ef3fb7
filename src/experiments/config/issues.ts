/**
 * Turns zod's validation issues into {@link ConfigIssue}s: a dotted key path, a message that
 * quotes the offending value, and the allowed values or keys where there is a finite list (enum
 * members, discriminator values, the keys an object accepts).
 */
import { z } from 'zod';
import type { ConfigIssue } from '../errors.js';

type Path = readonly PropertyKey[];

/** The dotted form of a path: `['model', 'layers', 2, 'out']` → `model.layers.2.out`. */
export function formatPath(path: Path): string {
  return path.map(String).join('.');
}

/** The value found at `path` inside `data` (undefined when the path does not exist). */
export function valueAt(data: unknown, path: Path): unknown {
  let cur: unknown = data;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** A short printable form of a config value for messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value);
  if (json === undefined) return String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
    else return s;
  }
}

function literalValues(schema: z.ZodType): unknown[] {
  const s = unwrap(schema);
  return s instanceof z.ZodLiteral ? [...s.values] : [];
}

/**
 * The sub-schema at `path`, choosing discriminated-union members by the value in `data`; null when
 * the path leads nowhere the schema knows.
 */
export function schemaAt(schema: z.ZodType, path: Path, data: unknown): z.ZodType | null {
  let s: z.ZodType = unwrap(schema);
  for (let i = 0; i <= path.length; i++) {
    if (s instanceof z.ZodDiscriminatedUnion) {
      const key = s.def.discriminator;
      const here = valueAt(data, path.slice(0, i));
      const tag = here !== null && typeof here === 'object' ? (here as Record<string, unknown>)[key] : undefined;
      const option = (s.options as readonly z.ZodType[]).find((o) => {
        const u = unwrap(o);
        return u instanceof z.ZodObject && literalValues(u.shape[key] as z.ZodType).includes(tag);
      });
      if (option === undefined) return i === path.length ? s : null;
      s = unwrap(option);
    }
    if (i === path.length) return s;
    const key = path[i]!;
    if (s instanceof z.ZodObject && typeof key === 'string' && key in s.shape) s = unwrap(s.shape[key] as z.ZodType);
    else if (s instanceof z.ZodArray && typeof key === 'number') s = unwrap(s.element as z.ZodType);
    else if (s instanceof z.ZodTuple && typeof key === 'number' && s.def.items[key] !== undefined) s = unwrap(s.def.items[key] as z.ZodType);
    else return null;
  }
  return s;
}

/** The discriminator values a discriminated union accepts (empty for anything else). */
export function discriminatorValues(schema: z.ZodType | null): string[] {
  if (!(schema instanceof z.ZodDiscriminatedUnion)) return [];
  const key = schema.def.discriminator;
  return (schema.options as readonly z.ZodType[]).flatMap((o) => {
    const u = unwrap(o);
    return u instanceof z.ZodObject ? literalValues(u.shape[key] as z.ZodType).map((v) => String(v)) : [];
  });
}

/** The keys the object schema at `path` accepts (empty when it is not an object). */
export function allowedKeysAt(schema: z.ZodType, path: Path, data: unknown): string[] {
  const s = schemaAt(schema, path, data);
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

function typeMessage(expected: string, value: unknown): string {
  if (value === undefined) return `required key is missing (expected ${expected})`;
  const got = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  return `expected ${expected}, got ${got === 'number' || got === 'string' || got === 'boolean' ? `${got} ${describeValue(value)}` : got}`;
}

/** One zod issue (as in `error.issues`) as one or more config issues, given the data validated. */
export function toConfigIssues(issue: z.core.$ZodIssue, schema: z.ZodType, data: unknown, prefix: Path = []): ConfigIssue[] {
  const path = [...prefix, ...issue.path];
  const value = valueAt(data, issue.path);
  const where = formatPath(path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeysAt(schema, issue.path, data);
      return issue.keys.map((k) => ({ path: formatPath([...path, k]), message: 'unknown key', allowed }));
    }
    case 'invalid_value':
      return [{ path: where, message: value === undefined ? 'required key is missing' : `${describeValue(value)} is not allowed`, allowed: issue.values.map((v) => String(v)) }];
    case 'invalid_union': {
      if (issue.discriminator !== undefined) {
        const key = issue.discriminator;
        const parent = issue.path[issue.path.length - 1] === key ? issue.path.slice(0, -1) : issue.path;
        const tag = valueAt(data, [...parent, key]);
        return [
          {
            path: formatPath([...prefix, ...parent, key]),
            message: tag === undefined ? 'required key is missing' : `${describeValue(tag)} is not allowed`,
            allowed: discriminatorValues(schemaAt(schema, parent, data)),
          },
        ];
      }
      return [{ path: where, message: `${describeValue(value)} matches none of the allowed forms` }];
    }
    case 'invalid_type':
      return [{ path: where, message: typeMessage(issue.expected, value) }];
    case 'too_small':
    case 'too_big': {
      const what = issue.origin === 'array' ? `${Array.isArray(value) ? value.length : '?'} items` : describeValue(value);
      return [{ path: where, message: `${what}: ${issue.message.replace(/^Too (small|big): /, '')}` }];
    }
    default:
      return [{ path: where, message: issue.message }];
  }
}
