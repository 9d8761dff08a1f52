import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PaymentRegisterQuery } from '@infra/read-models';
import type { MonthTotals, RegisterOrder } from '@infra/read-models';
import { REGION_CODES } from '@domain/shared/region';
import { Roles } from '../auth/roles';
import { arrayOf, integer, nullable, object, oneOf, reflecting, text } from '../http/openapi/json-schema';
import { ReadQueryDto } from './dto/query.dto';
import { ReadYourWrites } from './read-your-writes';
import type { Reflecting } from './read-your-writes';

export class RegisterQueryDto extends ReadQueryDto {
  @ApiProperty({ example: '2026-12', description: 'The month the orders fall due in, yyyy-MM' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be a month yyyy-MM' })
  month!: string;
  @ApiPropertyOptional({ enum: REGION_CODES })
  @IsOptional()
  @IsIn([...REGION_CODES], { message: 'region must be a region code' })
  region?: string;
}

const TOTALS = object({
  region: text(),
  month: text('yyyy-MM'),
  orders: integer('Orders falling due in the month'),
  committed: integer('Whole tenge: paid, or pending at the bank'),
  paid: integer(),
  returned: integer('Came back from the bank (a re-issue is an order of its own)'),
  pending: integer('Issued, not yet answered by the bank'),
  cancelled: integer('Cancelled by a stop before the bank answered'),
});
const ORDER = object({
  orderId: text(),
  applicationId: text(),
  region: text(),
  category: oneOf('kandas', 'resettler'),
  instalment: text('`relocation`, or `rent-01` … `rent-12`'),
  kind: oneOf('relocation', 'rent'),
  dueOn: text('yyyy-MM-dd'),
  amount: integer('Whole tenge'),
  state: oneOf('pending', 'paid', 'returned', 'cancelled'),
  paidOn: nullable(text()),
  returnedOn: nullable(text()),
  reissueOf: nullable(text()),
});
const REGISTER: SchemaObject = reflecting(
  object({
    month: text(),
    totals: arrayOf(TOTALS),
    grandTotal: object({
      orders: integer(),
      committed: integer(),
      paid: integer(),
      returned: integer(),
      pending: integer(),
    }),
    orders: arrayOf(ORDER),
  }),
);

export interface RegisterAnswer {
  readonly month: string;
  readonly totals: readonly MonthTotals[];
  readonly grandTotal: Pick<MonthTotals, 'orders' | 'committed' | 'paid' | 'returned' | 'pending'>;
  readonly orders: readonly RegisterOrder[];
}

/**
 * The register of payments (ADR 33): a month's orders and, per region, what was committed, paid,
 * returned and still pending — the budget view of the support paid after arrival.
 */
@ApiTags('payments')
@ApiBearerAuth()
@Controller('payments')
export class PaymentRegisterController {
  constructor(
    private readonly rw: ReadYourWrites,
    private readonly register: PaymentRegisterQuery,
  ) {}

  @Get('register')
  @Roles('payments', 'supervisor', 'auditor', 'admin')
  @ApiOkResponse({ schema: REGISTER })
  @ApiOperation({
    summary: 'The payment orders falling due in a month, and the totals per region: committed, paid, returned, pending',
    description: 'Every total is a sum over the orders listed: the register reconciles by construction.',
  })
  month(@Query() query: RegisterQueryDto): Promise<Reflecting<RegisterAnswer>> {
    return this.rw.read('payment-register', query.atLeast, () => {
      const region = query.region ?? null;
      const totals = this.register.totals(query.month, region);
      const sum = (key: 'orders' | 'committed' | 'paid' | 'returned' | 'pending') =>
        totals.reduce((total, row) => total + row[key], 0);
      return {
        month: query.month,
        totals,
        grandTotal: {
          orders: sum('orders'),
          committed: sum('committed'),
          paid: sum('paid'),
          returned: sum('returned'),
          pending: sum('pending'),
        },
        orders: this.register.orders(query.month, region),
      };
    });
  }
}
