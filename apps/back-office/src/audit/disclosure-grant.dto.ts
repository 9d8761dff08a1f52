import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsObject, IsString, Length } from 'class-validator';

/** An admin's grant of one export in clear (ADR 26). */
export class DisclosureGrantDto {
  @ApiProperty({ example: 'auditor-3', description: 'The user id of the auditor who may use the grant' })
  @IsString()
  @Length(1, 200)
  grantee!: string;

  @ApiProperty({
    example: { stream: 'application-3f0c5a7e-8d1b-4c2e-9a6f-1b2c3d4e5f60' },
    description:
      'The export it covers, exactly as the export will ask: `{ stream }`, `{ correlationId }` or `{ from, to }`',
  })
  @IsDefined()
  @IsObject()
  selection!: Record<string, string>;

  @ApiProperty({ example: 'Prosecutor’s request No. 12-3 of 2026-03-10' })
  @IsString()
  @Length(1, 2000)
  reason!: string;

  @ApiProperty({ example: '2026-03-12T18:00:00Z', description: 'ISO-8601 instant, within 30 days' })
  @IsString()
  expiresAt!: string;
}
