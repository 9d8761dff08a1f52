import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsOptional, IsString, Length, ValidateNested } from 'class-validator';

/** The export a grant covers, as the export takes it; which combination is valid is the domain's rule. */
export class ExportSelectionDto {
  @ApiProperty({ required: false, example: 'application-3f0c5a7e-8d1b-4c2e-9a6f-1b2c3d4e5f60' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  stream?: string;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  correlationId?: string;

  @ApiProperty({ required: false, example: '2026-03-01T00:00:00Z' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  from?: string;

  @ApiProperty({ required: false, example: '2026-04-01T00:00:00Z' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  to?: string;
}

/** An admin's grant of one export in clear (ADR 26). */
export class DisclosureGrantDto {
  @ApiProperty({ example: 'auditor-3', description: 'The user id of the auditor who may use the grant' })
  @IsString()
  @Length(1, 200)
  grantee!: string;

  @ApiProperty({
    type: ExportSelectionDto,
    example: { stream: 'application-3f0c5a7e-8d1b-4c2e-9a6f-1b2c3d4e5f60' },
    description:
      'The export it covers, exactly as the export will ask: `{ stream }`, `{ correlationId }` or `{ from, to }`',
  })
  @IsDefined()
  @ValidateNested()
  @Type(() => ExportSelectionDto)
  selection!: ExportSelectionDto;

  @ApiProperty({ example: 'Prosecutor’s request No. 12-3 of 2026-03-10' })
  @IsString()
  @Length(1, 2000)
  reason!: string;

  @ApiProperty({ example: '2026-03-12T18:00:00Z', description: 'ISO-8601 instant, within 30 days' })
  @IsString()
  expiresAt!: string;
}
