/**
 * A small JSON Schema (2020-12 subset) validator for the CLI's published schema: $ref to
 * local $defs, type, const, enum, properties, required, additionalProperties, items,
 * minItems, minimum, maximum, exclusiveMinimum, pattern, oneOf, allOf. A keyword it does not
 * know makes it throw, so the schema cannot silently use more than is checked.
 */
type Schema = Record<string, unknown>;

const KNOWN = new Set(['$schema', '$id', 'title', 'description', '$defs', '$ref', 'type', 'const', 'enum', 'properties', 'required', 'additionalProperties', 'items', 'minItems', 'minimum', 'maximum', 'exclusiveMinimum', 'pattern', 'oneOf', 'allOf']);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  if (type === 'integer') return typeof value === 'number' && Number.isInteger(value);
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value);
  return typeOf(value) === type;
}

/** Every place `value` breaks `schema`, as `path: reason` (empty when it is valid). */
export function validate(root: Schema, value: unknown): string[] {
  return check(root, root, value, '$');
}

function check(root: Schema, top: Schema, value: unknown, at: string): string[] {
  const errors: string[] = [];
  const visit = (schema: Schema, v: unknown, path: string): void => {
    for (const key of Object.keys(schema)) if (!KNOWN.has(key)) throw new Error(`validator: unsupported keyword ${key} at ${path}`);
    if (typeof schema.$ref === 'string') {
      const name = /^#\/\$defs\/(.+)$/.exec(schema.$ref)?.[1];
      const target = name === undefined ? undefined : (root.$defs as Record<string, Schema>)[name];
      if (target === undefined) throw new Error(`validator: unresolved $ref ${schema.$ref}`);
      visit(target, v, path);
    }
    if (schema.type !== undefined) {
      const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
      if (!types.some((t) => hasType(v, t))) {
        errors.push(`${path}: expected ${types.join(' or ')}, got ${typeOf(v)}`);
        return;
      }
    }
    if ('const' in schema && JSON.stringify(v) !== JSON.stringify(schema.const)) errors.push(`${path}: expected ${JSON.stringify(schema.const)}`);
    if (schema.enum !== undefined && !(schema.enum as unknown[]).some((e) => JSON.stringify(e) === JSON.stringify(v))) errors.push(`${path}: ${JSON.stringify(v)} not in enum`);
    if (typeof v === 'number') {
      if (typeof schema.minimum === 'number' && v < schema.minimum) errors.push(`${path}: ${v} < minimum ${schema.minimum}`);
      if (typeof schema.maximum === 'number' && v > schema.maximum) errors.push(`${path}: ${v} > maximum ${schema.maximum}`);
      if (typeof schema.exclusiveMinimum === 'number' && v <= schema.exclusiveMinimum) errors.push(`${path}: ${v} ≤ exclusiveMinimum ${schema.exclusiveMinimum}`);
    }
    if (typeof v === 'string' && typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(v)) errors.push(`${path}: ${JSON.stringify(v)} does not match ${schema.pattern}`);
    if (Array.isArray(v)) {
      if (typeof schema.minItems === 'number' && v.length < schema.minItems) errors.push(`${path}: fewer than ${schema.minItems} items`);
      if (schema.items !== undefined) v.forEach((item, k) => visit(schema.items as Schema, item, `${path}[${k}]`));
    }
    if (typeOf(v) === 'object') {
      const o = v as Record<string, unknown>;
      for (const key of (schema.required as string[] | undefined) ?? []) if (!(key in o)) errors.push(`${path}: missing ${key}`);
      const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
      for (const [key, child] of Object.entries(o)) {
        const own = properties[key];
        if (own !== undefined) visit(own, child, `${path}.${key}`);
        else if (schema.additionalProperties === false) errors.push(`${path}: unexpected property ${key}`);
        else if (typeof schema.additionalProperties === 'object') visit(schema.additionalProperties as Schema, child, `${path}.${key}`);
      }
    }
    for (const part of (schema.allOf as Schema[] | undefined) ?? []) visit(part, v, path);
    if (schema.oneOf !== undefined) {
      const results = (schema.oneOf as Schema[]).map((alternative) => check(root, alternative, v, path));
      const matching = results.filter((e) => e.length === 0).length;
      if (matching !== 1) errors.push(`${path}: matches ${matching} of the oneOf alternatives, not exactly 1 (${results.map((e) => e.slice(0, 3).join('; ')).join(' | ')})`);
    }
  };
  visit(top, value, at);
  return errors;
}
