import { ApiProperty } from '@nestjs/swagger';

/** The OpenAPI description of a command's answer (`CommandResponse` of the command gateway). */
export class CommandResponseSchema {
  @ApiProperty({ example: 'application-6f1c7f0e-0f4e-4a61-9a57-3f4f5d2a8c11' })
  readonly streamId!: string;

  @ApiProperty({ description: "The stream's revision after the command: send it back as If-Match", example: 3 })
  readonly revision!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "Global position of the command's last event (64-bit, as a string); wait for it with `atLeast`",
    example: '1042',
  })
  readonly position!: string | null;

  @ApiProperty({ type: [String], description: 'The types of the events appended', example: ['ApplicationSigned'] })
  readonly events!: readonly string[];

  @ApiProperty({ description: 'True when this was a retry of a command already handled: nothing new was appended' })
  readonly alreadyHandled!: boolean;

  @ApiProperty({ description: 'The X-Correlation-Id sent, or the one given to the request', example: 'portal-7f3a' })
  readonly correlationId!: string;
}
