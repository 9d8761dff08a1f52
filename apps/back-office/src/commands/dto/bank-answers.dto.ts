import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** The bank's answers file (docs/payments/bank-file.md), as text. */
export class BankAnswersDto {
  @ApiProperty({
    example:
      'order_id;application_id;status;date;bank_reference;reason\r\nPO-3F1C2A4E8B7D4C1E-RL-1;3f1c2a4e-8b7d-4c1e-9a2f-0d5e6b7c8a91;paid;2026-03-27;HB-77;\r\n',
    description: 'UTF-8 text: the header line, then one answer per line',
  })
  @IsString()
  @Length(1, 200_000)
  file!: string;
}
