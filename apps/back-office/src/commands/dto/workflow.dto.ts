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
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export class SignApplicationDto {
  @ApiProperty({ enum: ['otp', 'eds'] }) @IsIn(['otp', 'eds']) method!: 'otp' | 'eds';
  @ApiProperty({ example: '850315400124' })
  @Matches(/^\d{12}$/, { message: 'signerIin must be 12 digits' })
  signerIin!: string;
  @ApiPropertyOptional({ description: 'OTP: the request id returned when the code was issued' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  otpRequestId?: string;
  @ApiPropertyOptional({ description: 'OTP: the 6-digit code the applicant received' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'code must be 6 digits' })
  code?: string;
  @ApiPropertyOptional({ description: 'EDS: detached signature over the application digest, base64' })
  @IsOptional()
  @IsString()
  @Length(16, 16_384)
  signatureBase64?: string;
  @ApiPropertyOptional({ description: 'EDS: the signer certificate (PEM)' })
  @IsOptional()
  @IsString()
  @Length(100, 32_768)
  certificatePem?: string;
}

export class IssueOtpDto {
  @ApiProperty({ example: '850315400124' })
  @Matches(/^\d{12}$/, { message: 'signerIin must be 12 digits' })
  signerIin!: string;
}

class FindingDto {
  @ApiProperty({ example: 0 }) @IsInt() @Min(0) @Max(59) documentIndex!: number;
  @ApiProperty() @IsBoolean() accepted!: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 1000) note?: string;
}

export class RecordReviewDto {
  @ApiProperty({ enum: ['eligible', 'not-eligible'] }) @IsIn(['eligible', 'not-eligible']) verdict!:
    'eligible' | 'not-eligible';
  @ApiProperty({ type: [FindingDto] })
  @IsArray()
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => FindingDto)
  findings!: FindingDto[];
  @ApiProperty({
    example: [],
    description:
      'Codes of the refusal-ground list (GET /reference/refusal-grounds); at least one when not eligible, none when eligible',
  })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  grounds!: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) comment?: string;
}

export class ReassignReviewDto {
  @ApiProperty({ example: 'reviewer-2' }) @IsString() @Length(1, 64) toReviewerId!: string;
  @ApiProperty({ example: 'Reviewer on leave' }) @IsString() @Length(1, 1000) reason!: string;
}

export class RefuseApplicationDto {
  @ApiProperty({ example: ['APPLICANT_NOT_ELIGIBLE'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  grounds!: string[];
  @ApiProperty({ example: 'The career-centre registration is older than the move' })
  @IsString()
  @Length(1, 2000)
  explanation!: string;
}

export class ReasonDto {
  @ApiProperty({ example: 'The family stays in Mongolia' }) @IsString() @Length(1, 1000) reason!: string;
}

export class GrantSubsidyDto {
  @ApiProperty({ enum: ['relocation', 'rent'] }) @IsIn(['relocation', 'rent']) kind!: 'relocation' | 'rent';
}

class QuotaOrderDto {
  @ApiProperty({ example: '12-01/412' }) @IsString() @Length(0, 64) number!: string;
  @ApiProperty({ example: '2025-12-12' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be yyyy-MM-dd' })
  date!: string;
}

export class SetQuotaCapacityDto {
  @ApiProperty({ example: 977, description: 'Persons the quota admits' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  capacity!: number;
  @ApiProperty({ type: QuotaOrderDto }) @IsDefined() @ValidateNested() @Type(() => QuotaOrderDto) order!: QuotaOrderDto;
}

/** The body of a command that takes none: nothing, or `{}`; any field is refused as unknown (not silently dropped). */
export class NoBodyDto {}
