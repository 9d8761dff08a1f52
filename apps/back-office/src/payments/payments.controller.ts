import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PaymentRegisterQuery } from '@infra/read-models';
import type { MonthTotals, RegisterOrder } from '@infra/read-models';
import { REGION_CODES } from '@domain/shared/region';
import { Roles } from '../auth/roles';
import { CommandGateway } from '../commands/command-gateway';
import type { RequestMeta } from '../commands/command-gateway';
import { BankAnswersDto } from '../commands/dto/bank-answers.dto';
import { CommandRequest } from '../commands/request-meta.decorator';
import { HttpProblem, problem } from '../http/problem';
import { DomainError } from '@domain/shared/errors';
import { KANDAS_NAMESPACE, uuidV5 } from '@libs/event-sourcing';
import { paymentFile, readAnswersFile } from '@libs/workflow';
import { arrayOf, integer, nullable, object, oneOf, reflecting, text } from '../http/openapi/json-schema';
import { ReadQueryDto } from '../queries/dto/query.dto';
import { ReadYourWrites } from '../queries/read-your-writes';
import type { Reflecting } from '../queries/read-your-writes';

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
      cancelled: integer(),
    }),
    orders: arrayOf(ORDER),
  }),
);

const ANSWERS_RESULT: SchemaObject = object({
  lines: integer('Answers in the file'),
  recorded: integer('Answers recorded now'),
  alreadyRecorded: integer('Answers recorded before (a re-import): nothing new'),
  refused: arrayOf(object({ line: integer(), orderId: text(), code: text(), message: text() })),
});

export interface AnswersResult {
  readonly lines: number;
  readonly recorded: number;
  readonly alreadyRecorded: number;
  readonly refused: ReadonlyArray<{ line: number; orderId: string; code: string; message: string }>;
}

export interface RegisterAnswer {
  readonly month: string;
  readonly totals: readonly MonthTotals[];
  readonly grandTotal: Pick<MonthTotals, 'orders' | 'committed' | 'paid' | 'returned' | 'pending' | 'cancelled'>;
  readonly orders: readonly RegisterOrder[];
}

/**
 * The register of payments (ADR 33): a month's orders and, per region, what was committed, paid,
 * returned and still pending — the budget view of the support paid after arrival; and the files
 * exchanged with the paying bank — the orders to pay, and its answers imported back.
 */
@ApiTags('payments')
@ApiBearerAuth()
@Controller('payments')
export class PaymentsController {
  constructor(
    private readonly rw: ReadYourWrites,
    private readonly register: PaymentRegisterQuery,
    private readonly gateway: CommandGateway,
  ) {}

  @Get('bank-file')
  @Roles('payments')
  @ApiOkResponse({
    description:
      'The orders still pending at the bank in a month (docs/payments/bank-file.md): `;`-separated UTF-8, a header line, one order per line, then `TOTAL;<orders>;<sum>`; the same orders give the same bytes',
    headers: {
      'X-Order-Count': { description: 'Orders in the file', schema: { type: 'string' } },
      'X-Control-Total': {
        description: 'Their sum in whole tenge, as the control line says',
        schema: { type: 'string' },
      },
      'X-Content-SHA256': { description: 'SHA-256 of the file (hex)', schema: { type: 'string' } },
    },
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiOperation({ summary: 'The file of a month’s pending payment orders for the paying bank, with its control total' })
  bankFile(@Query() query: RegisterQueryDto, @Res() response: Response): void {
    const file = paymentFile(this.register.pendingOrders(query.month, query.region ?? null));
    const name = `kandas-payments-${query.month}${query.region ? `-${query.region}` : ''}.csv`;
    response
      .status(200)
      .setHeader('Content-Type', 'text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="${name}"`)
      .setHeader('X-Order-Count', String(file.orders))
      .setHeader('X-Control-Total', String(file.controlTotal))
      .setHeader('X-Content-SHA256', file.sha256)
      .send(file.text);
  }

  @Post('bank-answers')
  @HttpCode(200)
  @Roles('payments')
  @ApiOkResponse({ schema: ANSWERS_RESULT })
  @ApiOperation({
    summary: 'Import the bank’s answers file: each order paid or returned, recorded once',
    description:
      'The file is read whole first: any line out of format is a 400 naming each (`file[line 3].date`) and nothing is recorded. Then each answer is recorded on its family’s support; the same answer again records nothing (`alreadyRecorded`), so importing a file twice changes nothing; an answer the support refuses (another answer recorded already, an unknown order) is listed with its code, the others are recorded.',
  })
  async bankAnswers(@Body() body: BankAnswersDto, @CommandRequest() meta: RequestMeta): Promise<AnswersResult> {
    const { answers, problems } = readAnswersFile(body.file);
    if (problems.length > 0)
      throw new HttpProblem(
        problem(
          400,
          'REQUEST.INVALID',
          'The bank’s file is not in its format',
          'Nothing of the file was recorded',
          problems,
        ),
      );
    const result: { recorded: number; alreadyRecorded: number; refused: AnswersResult['refused'][number][] } = {
      recorded: 0,
      alreadyRecorded: 0,
      refused: [],
    };
    for (const answer of answers) {
      const { applicationId, orderId } = answer;
      // One command per answer, its id derived from the answer: a re-import is the same command.
      const commandId = uuidV5(`bank-answer:${applicationId}:${orderId}:${JSON.stringify(answer)}`, KANDAS_NAMESPACE);
      const command =
        answer.status === 'paid'
          ? ({
              type: 'RecordPaymentPaid',
              applicationId,
              orderId,
              paidOn: answer.date,
              bankReference: answer.bankReference,
            } as const)
          : ({
              type: 'RecordPaymentReturned',
              applicationId,
              orderId,
              returnedOn: answer.date,
              reason: answer.reason,
            } as const);
      try {
        const outcome = await this.gateway.support(command, { ...meta, idempotencyKey: undefined }, commandId);
        // A re-import is the same command (answered from the store) or, entered by hand before, no event.
        if (outcome.alreadyHandled || outcome.events.length === 0) result.alreadyRecorded += 1;
        else result.recorded += 1;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        result.refused.push({ line: answer.line, orderId, code: error.code, message: error.message });
      }
    }
    return { lines: answers.length, ...result };
  }

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
      const sum = (key: keyof RegisterAnswer['grandTotal']) => totals.reduce((total, row) => total + row[key], 0);
      return {
        month: query.month,
        totals,
        grandTotal: {
          orders: sum('orders'),
          committed: sum('committed'),
          paid: sum('paid'),
          returned: sum('returned'),
          pending: sum('pending'),
          cancelled: sum('cancelled'),
        },
        orders: this.register.orders(query.month, region),
      };
    });
  }
}
