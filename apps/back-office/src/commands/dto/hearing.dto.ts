import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const REMEDIES = ['return-to-review', 'include'] as const;

/** A document brought to an objection or a hearing: the domain's AddedDocument (title, where it is kept). */
export class AddedDocumentDto {
  @ApiProperty({ example: 'Certificate of registration at the career centre, 2026-03-02' })
  @IsString()
  @Length(1, 300)
  title!: string;
  @ApiProperty({ example: 'files/8f1c…/registration.pdf', description: 'Where the document is kept' })
  @IsString()
  @Length(1, 300)
  reference!: string;
}

const documentsAdded = () =>
  applyDecorators(
    ApiPropertyOptional({ type: [AddedDocumentDto] }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(20),
    ValidateNested({ each: true }),
    Type(() => AddedDocumentDto),
  );

export class RecordHearingDto {
  @ApiProperty({ example: '2026-03-04T05:30:00Z', description: 'When the hearing was held: not in the future' })
  @IsISO8601({ strict: true }, { message: 'heldAt must be an ISO-8601 instant' })
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'heldAt must carry its offset (Z or ±hh:mm)' })
  heldAt!: string;
  @ApiProperty({ enum: ['attended', 'absent', 'in-writing'] })
  @IsIn(['attended', 'absent', 'in-writing'])
  attendance!: 'attended' | 'absent' | 'in-writing';
  @ApiProperty({ example: 'The applicant showed the registration made before the move' })
  @IsString()
  @Length(1, 4000)
  statement!: string;
  @documentsAdded() documentsAdded?: AddedDocumentDto[];
}

export class SatisfyComplaintDto {
  @ApiProperty({ enum: REMEDIES }) @IsIn([...REMEDIES]) remedy!: (typeof REMEDIES)[number];
  @ApiProperty({ example: 'The registration was valid on the day of the move' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

export class RejectComplaintDto {
  @ApiProperty({ example: 'The grounds of the refusal stand: no registration before the move' })
  @IsString()
  @Length(1, 2000)
  reasons!: string;
}

export class AuthorityDecisionDto {
  @ApiPropertyOptional({ description: 'The complaint filed here that the authority decided, when it was' })
  @IsOptional()
  @IsUUID('all', { message: 'complaintId must be a UUID' })
  complaintId?: string;
  @ApiProperty({ example: 'Committee for the quality of public services, Abai region department' })
  @IsString()
  @Length(1, 300)
  authority!: string;
  @ApiProperty({ example: '07-12/118' }) @IsString() @Length(1, 64) documentNumber!: string;
  @ApiProperty({ example: '2026-04-20' })
  @Matches(DATE, { message: 'date must be yyyy-MM-dd' })
  date!: string;
  @ApiProperty({ enum: ['satisfied', 'rejected'] })
  @IsIn(['satisfied', 'rejected'])
  outcome!: 'satisfied' | 'rejected';
  @ApiPropertyOptional({ enum: REMEDIES, description: 'Required when satisfied' })
  @IsOptional()
  @IsIn([...REMEDIES])
  remedy?: (typeof REMEDIES)[number];
}

export class ObjectionDto {
  @ApiProperty({ description: 'Chosen by the portal: the same id again records nothing new' })
  @IsUUID('all', { message: 'objectionId must be a UUID' })
  objectionId!: string;
  @ApiProperty({ example: 'I was registered at the career centre before the move' })
  @IsString()
  @Length(1, 4000)
  text!: string;
  @documentsAdded() documentsAdded?: AddedDocumentDto[];
}

export class FileComplaintDto {
  @ApiProperty({ description: 'Chosen by the portal: the same id again records nothing new' })
  @IsUUID('all', { message: 'complaintId must be a UUID' })
  complaintId!: string;
  @ApiProperty({ enum: ['refusal', 'inclusion-amounts', 'missed-term'] })
  @IsIn(['refusal', 'inclusion-amounts', 'missed-term'])
  against!: 'refusal' | 'inclusion-amounts' | 'missed-term';
  @ApiProperty({ example: 'The refusal ignores my registration at the career centre' })
  @IsString()
  @Length(1, 4000)
  text!: string;
}
