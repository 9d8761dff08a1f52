import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

/** Letters of the Kazakh and Russian Cyrillic and of the Latin alphabets, with space, hyphen, apostrophe. */
export const NAME_PART = /^[\p{L}][\p{L}\p{M} '’-]{0,99}$/u;

export class PersonNameDto {
  @ApiProperty({ example: 'Нұрланұлы' })
  @IsString()
  @Length(1, 100)
  @Matches(NAME_PART, {
    message: 'lastName must be letters (Kazakh, Russian or Latin), spaces, hyphens or apostrophes',
  })
  lastName!: string;

  @ApiProperty({ example: 'Ержан' })
  @IsString()
  @Length(1, 100)
  @Matches(NAME_PART, {
    message: 'firstName must be letters (Kazakh, Russian or Latin), spaces, hyphens or apostrophes',
  })
  firstName!: string;

  @ApiPropertyOptional({ example: 'Серікұлы' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @Matches(NAME_PART, {
    message: 'patronymic must be letters (Kazakh, Russian or Latin), spaces, hyphens or apostrophes',
  })
  patronymic?: string;
}
