import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsString, Length, Matches, ValidateNested } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (field: string) => Matches(DATE, { message: `${field} must be a date yyyy-MM-dd` });

export class SettlementDto {
  @ApiProperty({ enum: ['city', 'town', 'village'] })
  @IsIn(['city', 'town', 'village'])
  kind!: 'city' | 'town' | 'village';
  @ApiProperty({ example: 'Ekibastuz' })
  @IsString()
  @Length(1, 200)
  name!: string;
}

export class RegistrationDto {
  @ApiProperty({ example: 'Ekibastuz, Satpayev St 12, apt 4', description: 'The address registered at' })
  @IsString()
  @Length(1, 500)
  address!: string;
  @ApiProperty({ example: '2026-11-21', description: 'Not before the arrival, not in the future' })
  @date('registration.registeredOn')
  registeredOn!: string;
}

/** An included family's arrival (ADR 33): where, when, the registration, the account it is paid to. */
export class ArrivalDto {
  @ApiProperty({ type: SettlementDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => SettlementDto)
  settlement!: SettlementDto;
  @ApiProperty({ example: '2026-11-20', description: 'From the decision to today' })
  @date('arrivedOn')
  arrivedOn!: string;
  @ApiProperty({ type: RegistrationDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => RegistrationDto)
  registration!: RegistrationDto;
  @ApiProperty({
    example: 'KZ86125KZT5004100100',
    description: 'The applicant’s account: an IBAN of Kazakhstan (20 characters), its check digits verified',
  })
  @IsString()
  @Length(1, 40)
  iban!: string;
}

export class PaymentPaidDto {
  @ApiProperty({ example: '2026-11-24' }) @date('paidOn') paidOn!: string;
  @ApiProperty({ example: 'HB-2026-11-24-000731', description: 'The bank’s reference of the payment' })
  @IsString()
  @Length(1, 100)
  bankReference!: string;
}

export class PaymentReturnedDto {
  @ApiProperty({ example: '2026-11-25' }) @date('returnedOn') returnedOn!: string;
  @ApiProperty({ example: 'The account is closed', description: 'The bank’s reason' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class RecipientDto {
  @ApiProperty({ example: 'KZ75125KZT2069100100' }) @IsString() @Length(1, 40) iban!: string;
}

export class StopSupportDto {
  @ApiProperty({ enum: ['departed', 'renounced'], description: 'A revoked inclusion stops the support by itself' })
  @IsIn(['departed', 'renounced'])
  reason!: 'departed' | 'renounced';
  @ApiProperty({ example: '2027-06-01', description: 'The day the departure or renunciation took effect' })
  @date('effectiveOn')
  effectiveOn!: string;
}
