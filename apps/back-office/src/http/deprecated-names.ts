import { ValidateBy, ValidateIf } from 'class-validator';

/**
 * Request names retired by ADR 20, still accepted for a deprecation period so that an integrator
 * mid-integration keeps working: each is documented as `deprecated` in OpenAPI, mapped to its new
 * name here, at the edge, and never reaches a command, an event or an answer. Sending both the old
 * and the new name is a 400 (which one would be meant?); any other unknown property still is one.
 */
export interface DeprecatedName {
  readonly old: string;
  readonly current: string;
}

/** The description every deprecated property carries in the OpenAPI document. */
export function deprecatedDescription({ current }: DeprecatedName): string {
  return `Deprecated (ADR 20): the former name of \`${current}\`, accepted in its place for a deprecation period; send \`${current}\`. Never with \`${current}\`.`;
}

/** On the current name: required, unless the deprecated name stands in for it. */
export const UnlessSentAs = (old: string) => ValidateIf((dto: Record<string, unknown>) => dto[old] === undefined);

/** On the deprecated name: refused beside the current one. */
export const NotBeside = (current: string) =>
  ValidateBy({
    name: 'notBeside',
    constraints: [current],
    validator: {
      validate: (_value, args) => (args?.object as Record<string, unknown> | undefined)?.[current] === undefined,
      defaultMessage: (args) => `${args?.property} is the deprecated name of ${current}: send ${current} only`,
    },
  });

/** The body with each deprecated name given under its current one, and the deprecated names gone. */
export function withCurrentNames<T extends object>(body: T, names: readonly DeprecatedName[]): T {
  const renamed: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const { old, current } of names) {
    if (renamed[old] !== undefined) renamed[current] = renamed[old];
    delete renamed[old];
  }
  return renamed as T;
}
