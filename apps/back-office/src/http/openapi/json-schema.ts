import type { SchemaObject } from '@nestjs/swagger';

/**
 * Small builders for the response schemas written as JSON Schema (OpenAPI 3.0 dialect: `nullable`).
 * Every property listed is required unless named in `optional`: an answer always carries its keys,
 * with null where there is no value.
 */
export const text = (description?: string): SchemaObject => ({
  type: 'string',
  ...(description ? { description } : {}),
});
export const integer = (description?: string): SchemaObject => ({
  type: 'integer',
  ...(description ? { description } : {}),
});
export const bool: SchemaObject = { type: 'boolean' };
export const oneOf = (...values: string[]): SchemaObject => ({ type: 'string', enum: values });
export const arrayOf = (items: SchemaObject): SchemaObject => ({ type: 'array', items });
/** OpenAPI 3.0 spells null with `nullable`; an enum must also list null, or validators refuse it. */
export const nullable = (schema: SchemaObject): SchemaObject => ({
  ...schema,
  nullable: true,
  ...(schema.enum ? { enum: [...(schema.enum as unknown[]), null] } : {}),
});
/** A JSON object whose keys vary (event data, a document as submitted): described, not enumerated. */
export const freeObject = (description: string): SchemaObject => ({
  type: 'object',
  additionalProperties: true,
  description,
});

export function object(properties: Record<string, SchemaObject>, optional: readonly string[] = []): SchemaObject {
  return {
    type: 'object',
    properties,
    required: Object.keys(properties).filter((key) => !optional.includes(key)),
  };
}

/** A query's answer: the global position its read model reflects, and the data. */
export const reflecting = (data: SchemaObject): SchemaObject =>
  object({
    position: nullable(text('The global position the read model reflects (64-bit, as a string)')),
    data,
  });

/** One page of a list: the items and the cursor of the next page (null on the last). */
export const pageOf = (item: SchemaObject): SchemaObject => pageWith(item, {});

/** A page of a report: the page, and what the report says of all its pages (its totals). */
export const pageWith = (item: SchemaObject, whole: Record<string, SchemaObject>): SchemaObject =>
  object({ ...whole, items: arrayOf(item), nextCursor: nullable(text('Send as `cursor` for the next page')) });
