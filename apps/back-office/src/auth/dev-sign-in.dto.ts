import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches } from 'class-validator';
import { ROLES } from '@libs/auth';
import type { Role } from '@libs/auth';

/** Who a developer signs in as: any role, any user id of the form the CLI's `token` takes. */
export class DevSignInDto {
  @ApiProperty({ enum: ROLES, example: 'reviewer' })
  @IsIn([...ROLES])
  role!: Role;

  @ApiProperty({ example: 'reviewer-1', pattern: '^[A-Za-z0-9._@-]{1,64}$' })
  @IsString()
  @Matches(/^[A-Za-z0-9._@-]{1,64}$/, { message: 'userId must be 1 to 64 characters of A-Z, a-z, 0-9, ., _, @ and -' })
  userId!: string;
}
