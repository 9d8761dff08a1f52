/** OpenAPI extensions our decorators set on an operation, read back when the document is completed. */
export const ROLES_EXTENSION = 'x-roles' as const;
export const PUBLIC_EXTENSION = 'x-public' as const;
/** Set by `@CommandRequest()`: the operation runs a command and answers with its revision and position. */
export const COMMAND_EXTENSION = 'x-command' as const;
