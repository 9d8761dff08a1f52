import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/** `expectHead`: a head the auditor noted, checked instead of the latest checkpoint; validated by the global strict pipe. */
export class VerifyQueryDto {
  @ApiPropertyOptional({
    description:
      'A head to check instead of the latest checkpoint: `<position>:<64 hex chain hash>`, as an auditor noted it from a checkpoint',
  })
  @IsOptional()
  @Matches(/^\d{1,20}:[0-9a-f]{64}$/, { message: 'expectHead must be <position>:<64 lowercase hex digits>' })
  expectHead?: string;
}
