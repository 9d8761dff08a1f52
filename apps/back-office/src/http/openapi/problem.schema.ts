import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../problem';
import type { FieldError, Problem } from '../problem';

/** The OpenAPI description of a problem (RFC 9457), the body of every 4xx and 5xx answer. */
export class FieldErrorSchema implements FieldError {
  @ApiProperty({ example: 'submission.family[2].iin' })
  readonly field!: string;

  @ApiProperty({ example: 'must be a valid IIN' })
  readonly reason!: string;
}

export class ProblemSchema implements Problem {
  @ApiProperty({ example: 'urn:kandas:problem:application.already_signed' })
  readonly type!: string;

  @ApiProperty({ example: 'Application already signed' })
  readonly title!: string;

  @ApiProperty({ example: 409 })
  readonly status!: number;

  @ApiPropertyOptional()
  readonly detail?: string;

  @ApiPropertyOptional()
  readonly instance?: string;

  @ApiProperty({ description: 'Our stable code', example: 'APPLICATION.ALREADY_SIGNED' })
  readonly code!: string;

  @ApiPropertyOptional({ type: [FieldErrorSchema] })
  readonly errors?: readonly FieldError[];
}

/** The `content` of a documented problem answer (`@ApiResponse({ status, description, content: problemContent() })`). */
export const problemContent = () => ({ [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemSchema) } } });
