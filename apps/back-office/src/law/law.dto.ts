import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { DAY_OFF_KINDS, LEGAL_ACT_KINDS } from '@domain/law';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateMessage = (field: string) => ({ message: `${field} must be a date yyyy-MM-dd` });

export class LegalBasisDto {
  @ApiProperty({ enum: LEGAL_ACT_KINDS, example: 'announcement' }) @IsIn(LEGAL_ACT_KINDS) kind!: string;
  @ApiPropertyOptional({ example: '173', description: 'The act’s number, when it has one' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  number?: string;
  @ApiProperty({ example: '2026-03-18', description: 'The date of the act' })
  @Matches(DATE, dateMessage('date'))
  date!: string;
  @ApiProperty({ example: 'Ministry of Labour: Constitution Day moved to 15 March' })
  @IsString()
  @Length(1, 500)
  title!: string;
  @ApiProperty({ example: 'https://taspanews.kz/', description: 'An https address where the act can be read' })
  @IsString()
  @Length(1, 2000)
  source!: string;
}

/** What every amendment carries: its legal basis, the day it takes effect, and a reason when that day is past. */
export class AmendmentDto {
  @ApiProperty({ type: LegalBasisDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => LegalBasisDto)
  legalBasis!: LegalBasisDto;
  @ApiProperty({ example: '2026-07-01', description: 'The day the change takes effect' })
  @Matches(DATE, dateMessage('takesEffectOn'))
  takesEffectOn!: string;
  @ApiPropertyOptional({ description: 'Required when takesEffectOn is already past at recording time' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

class CountedAmendmentDto extends AmendmentDto {
  @ApiPropertyOptional({
    example: 247,
    description: 'When given, the year must have this many working days after the change',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(366)
  expectedWorkingDays?: number;
}

export class DeclareDayOffDto extends CountedAmendmentDto {
  @ApiProperty({ example: '2027-03-15' }) @Matches(DATE, dateMessage('date')) date!: string;
  @ApiProperty({
    enum: DAY_OFF_KINDS,
    description:
      'holiday: a public holiday (moved off a weekend by the rule); non-moving: never moved (Kurban Ait); transfer: a weekday off for a weekend day worked',
  })
  @IsIn(DAY_OFF_KINDS)
  kind!: string;
  @ApiProperty({ example: 'Constitution Day' }) @IsString() @Length(1, 200) name!: string;
  @ApiPropertyOptional({ example: '2027-01-09', description: 'For a transfer: the Saturday or Sunday worked instead' })
  @IsOptional()
  @Matches(DATE, dateMessage('workingDay'))
  workingDay?: string;
}

export class WithdrawDayOffDto extends CountedAmendmentDto {
  @ApiProperty({
    example: '2027-08-30',
    description: 'A listed day off: a holiday, a non-moving day or a transfer’s day off',
  })
  @Matches(DATE, dateMessage('date'))
  date!: string;
}

export class DeclareWorkedDayDto extends CountedAmendmentDto {
  @ApiProperty({ example: '2026-08-31' }) @Matches(DATE, dateMessage('date')) date!: string;
  @ApiPropertyOptional({ description: 'For a Saturday or Sunday: the weekday the transfer order gives off instead' })
  @IsOptional()
  @Matches(DATE, dateMessage('dayOff'))
  dayOff?: string;
}

export class ConfirmCalendarYearDto extends CountedAmendmentDto {}

export class SetMciDto extends AmendmentDto {
  @ApiProperty({ example: '2027-01-01' }) @Matches(DATE, dateMessage('validFrom')) validFrom!: string;
  @ApiProperty({ example: 4325, description: 'Whole tenge' }) @IsInt() @Min(1) @Max(10_000_000) value!: number;
}

export class SetRentRatesDto extends AmendmentDto {
  @ApiProperty({ description: 'True while the values are not confirmed' }) @IsBoolean() provisional!: boolean;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } },
    example: { pavlodar: { city: 30, town: 20, village: 15 } },
    description: 'MCI per month by region and settlement kind (city, town, village), each 15–30',
  })
  @IsObject()
  rates!: Record<string, Record<string, number>>;
}

class RefusalGroundDto {
  @ApiProperty({ example: 'INCOMPLETE_DOCUMENTS' }) @IsString() @Length(1, 64) code!: string;
  @ApiProperty() @IsString() @Length(1, 300) ru!: string;
  @ApiProperty() @IsString() @Length(1, 300) kk!: string;
  @ApiProperty() @IsString() @Length(1, 300) en!: string;
  @ApiProperty() @IsBoolean() explanationRequired!: boolean;
  @ApiPropertyOptional({ description: 'A ground no new decision may use (a listed ground is never removed)' })
  @IsOptional()
  @IsBoolean()
  retired?: boolean;
}

export class SetRefusalGroundsDto extends AmendmentDto {
  @ApiProperty({ type: [RefusalGroundDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => RefusalGroundDto)
  grounds!: RefusalGroundDto[];
}

export class SetSlaPolicyDto extends AmendmentDto {
  @ApiProperty({ example: 'Asia/Almaty' }) @IsString() @Length(1, 64) zone!: string;
  @ApiProperty({ example: '09:00' }) @IsString() @Length(5, 5) workdayStart!: string;
  @ApiProperty({ example: '18:30' }) @IsString() @Length(5, 5) workdayEnd!: string;
  @ApiProperty({ example: 14 }) @IsInt() @Min(1) @Max(365) reviewWorkingDays!: number;
  @ApiProperty({ example: 3 }) @IsInt() @Min(1) @Max(365) atRiskWorkingDaysBeforeDue!: number;
}

export class AtQueryDto {
  @ApiPropertyOptional({
    example: '2026-09-01',
    description: 'The day the table is shown as in force on (default: now)',
  })
  @IsOptional()
  @Matches(DATE, dateMessage('at'))
  at?: string;
}
