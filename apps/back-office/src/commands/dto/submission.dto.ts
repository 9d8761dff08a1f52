import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  buildMessage,
  Equals,
  IsArray,
  IsBoolean,
  IsDefined,
  isEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { DOCUMENT_KINDS } from '@domain/application';
import { REGION_CODES } from '@domain/shared/region';
import { deprecatedDescription, NotBeside, UnlessSentAs, type DeprecatedName } from '../../http/deprecated-names';
import { PersonNameDto } from './person.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const IIN = /^\d{12}$/;

class ConsentDto {
  @ApiProperty({
    example: true,
    description: 'Consent to the use of personal data; the service cannot be provided without it.',
  })
  @IsBoolean()
  @Equals(true, { message: 'consent to the use of personal data must be given' })
  given!: boolean;

  @ApiProperty({ example: '2026-03-02T04:55:00Z' })
  @IsISO8601({ strict: true })
  givenAt!: string;
}

class SettlementDto {
  @ApiProperty({ enum: ['city', 'town', 'village'] })
  @IsIn(['city', 'town', 'village'])
  kind!: 'city' | 'town' | 'village';

  @ApiPropertyOptional({ example: 'Ekibastuz' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;
}

class KandasStatusDto {
  @ApiProperty({ example: 'KS-2025-104233' }) @IsString() @Length(1, 64) certificateNumber!: string;
  @ApiProperty({ example: '2025-11-20' }) @Matches(DATE) issuedOn!: string;
}

class CareerCentreDto {
  @ApiProperty() @IsString() @Length(1, 200) name!: string;
  @ApiProperty() @IsString() @Length(1, 64) registrationNumber!: string;
  @ApiProperty({ example: '2026-01-15' }) @Matches(DATE) registeredOn!: string;
}

class ResettlerOriginDto {
  @ApiProperty({ enum: REGION_CODES }) @IsIn(REGION_CODES) originRegion!: string;
  @ApiProperty({ example: '2020-04-01' }) @Matches(DATE) permanentRegistrationSince!: string;
  @ApiProperty({ type: CareerCentreDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => CareerCentreDto)
  careerCentre!: CareerCentreDto;
}

/** IsEmail, but a lone surrogate is refused: validator.js' isEmail throws a URIError on it (a 500). */
const IsEmailAddress = () =>
  ValidateBy({
    name: 'isEmail',
    validator: {
      validate: (value) => typeof value === 'string' && !/\p{Cs}/u.test(value) && isEmail(value),
      defaultMessage: buildMessage((each) => `${each}$property must be an email`),
    },
  });

class ContactsDto {
  @ApiProperty({ example: '+77011234567' })
  @Matches(/^\+[1-9]\d{7,14}$/, { message: 'phone must be an international number, e.g. +77011234567' })
  phone!: string;
  @ApiPropertyOptional() @IsOptional() @IsEmailAddress() @Length(3, 254) email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 500) address?: string;
}

class ApplicantDto {
  @ApiProperty({ example: '850315400124', description: '12 digits with a valid check digit' })
  @Matches(IIN, { message: 'iin must be 12 digits' })
  iin!: string;
  @ApiProperty({ type: PersonNameDto }) @IsDefined() @ValidateNested() @Type(() => PersonNameDto) name!: PersonNameDto;
  @ApiPropertyOptional({ type: PersonNameDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonNameDto)
  nameLatin?: PersonNameDto;
  @ApiProperty({ example: '1985-03-15' }) @Matches(DATE) birthDate!: string;
  @ApiProperty({ enum: ['kandas', 'resettler'] }) @IsIn(['kandas', 'resettler']) category!: 'kandas' | 'resettler';
  @ApiPropertyOptional({ type: KandasStatusDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => KandasStatusDto)
  kandasStatus?: KandasStatusDto;
  @ApiPropertyOptional({ type: ResettlerOriginDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ResettlerOriginDto)
  resettler?: ResettlerOriginDto;
  @ApiProperty({ enum: ['single', 'married', 'divorced', 'widowed'] })
  @IsIn(['single', 'married', 'divorced', 'widowed'])
  maritalStatus!: 'single' | 'married' | 'divorced' | 'widowed';
  @ApiPropertyOptional({ example: '2024-05-01' }) @IsOptional() @Matches(DATE) divorcedOn?: string;
  @ApiProperty({ type: ContactsDto }) @IsDefined() @ValidateNested() @Type(() => ContactsDto) contacts!: ContactsDto;
}

class ForeignDocumentDto {
  @ApiProperty({ example: 'birth certificate' }) @IsString() @Length(1, 64) kind!: string;
  @ApiProperty() @IsString() @Length(1, 64) number!: string;
  @ApiProperty({ example: 'MNG' })
  @Matches(/^[A-Z]{3}$/, { message: 'issuingCountry must be an ISO 3166-1 alpha-3 code' })
  issuingCountry!: string;
}

class FamilyMemberDto {
  @ApiProperty({ enum: ['spouse', 'child', 'parent', 'sibling', 'grandchild', 'other'] })
  @IsIn(['spouse', 'child', 'parent', 'sibling', 'grandchild', 'other'])
  relation!: 'spouse' | 'child' | 'parent' | 'sibling' | 'grandchild' | 'other';
  @ApiProperty({ type: PersonNameDto }) @IsDefined() @ValidateNested() @Type(() => PersonNameDto) name!: PersonNameDto;
  @ApiProperty({ example: '2012-05-09' }) @Matches(DATE) birthDate!: string;
  @ApiPropertyOptional() @IsOptional() @Matches(IIN, { message: 'iin must be 12 digits' }) iin?: string;
  @ApiPropertyOptional({ type: ForeignDocumentDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ForeignDocumentDto)
  foreignDocument?: ForeignDocumentDto;
}

class AttachedDocumentDto {
  @ApiProperty({ enum: DOCUMENT_KINDS }) @IsIn(DOCUMENT_KINDS) kind!: (typeof DOCUMENT_KINDS)[number];
  @ApiProperty({ example: 'files/passport.pdf' }) @IsString() @Length(1, 500) fileRef!: string;
  @ApiProperty({ example: 'a'.repeat(64) })
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lower-case hex digits' })
  sha256!: string;
  @ApiPropertyOptional({ example: '2020-01-10' }) @IsOptional() @Matches(DATE) issuedOn?: string;
  @ApiPropertyOptional({ example: '2030-01-09' }) @IsOptional() @Matches(DATE) expiresOn?: string;
}

/** The submission's names retired by ADR 20, accepted for a deprecation period. */
export const SUBMISSION_DEPRECATED_NAMES: readonly DeprecatedName[] = [
  { old: 'receivingRegion', current: 'region' },
  { old: 'quotaYear', current: 'year' },
];
const [RECEIVING_REGION, QUOTA_YEAR] = SUBMISSION_DEPRECATED_NAMES as [DeprecatedName, DeprecatedName];

/** What the eGov portal submits for an applicant. */
export class SubmitApplicationDto {
  @ApiProperty({ enum: ['egov-portal', 'egov-mobile', 'con', 'enbek'] })
  @IsIn(['egov-portal', 'egov-mobile', 'con', 'enbek'])
  channel!: 'egov-portal' | 'egov-mobile' | 'con' | 'enbek';
  @ApiProperty({ type: ConsentDto }) @IsDefined() @ValidateNested() @Type(() => ConsentDto) consent!: ConsentDto;
  @ApiProperty({
    enum: REGION_CODES,
    example: 'pavlodar',
    description: 'The receiving region: where the family moves, and whose quota counts it',
  })
  @UnlessSentAs('receivingRegion')
  @IsIn(REGION_CODES)
  region!: string;
  @ApiProperty({ example: 2026, description: 'The quota year: the year of the order whose quota counts the family' })
  @UnlessSentAs('quotaYear')
  @IsInt()
  @Min(2020)
  @Max(2100)
  year!: number;
  @ApiPropertyOptional({ enum: REGION_CODES, deprecated: true, description: deprecatedDescription(RECEIVING_REGION) })
  @IsOptional()
  @IsIn(REGION_CODES)
  @NotBeside('region')
  receivingRegion?: string;
  @ApiPropertyOptional({ deprecated: true, type: 'integer', description: deprecatedDescription(QUOTA_YEAR) })
  @IsOptional()
  @IsInt()
  @Min(2020)
  @Max(2100)
  @NotBeside('year')
  quotaYear?: number;
  @ApiProperty({ type: SettlementDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => SettlementDto)
  settlement!: SettlementDto;
  @ApiProperty({ type: ApplicantDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ApplicantDto)
  applicant!: ApplicantDto;
  @ApiProperty({ type: [FamilyMemberDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => FamilyMemberDto)
  familyMembers!: FamilyMemberDto[];
  @ApiProperty({ type: [AttachedDocumentDto] })
  @IsArray()
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => AttachedDocumentDto)
  documents!: AttachedDocumentDto[];
}
