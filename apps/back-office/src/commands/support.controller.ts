import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { paymentTermsOf } from '@domain/review-process';
import { maskAs, maskIin } from '@domain/shared/personal-data';
import type { OpenSupportState } from '@domain/support';
import { LAW_IN_FORCE, type LawInForce } from '@libs/workflow';
import { Roles } from '../auth/roles';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { AuthenticatedActor } from '../auth/roles';
import { AggregateLookup } from './application-lookup';
import { CommandGateway } from './command-gateway';
import type { CommandResponse, RequestMeta } from './command-gateway';
import { ArrivalDto, PaymentPaidDto, PaymentReturnedDto, RecipientDto, StopSupportDto } from './dto/support.dto';
import { NoBodyDto } from './dto/workflow.dto';
import { SUPPORT_RESPONSE } from './support-responses';
import { CommandRequest } from './request-meta.decorator';

const Id = () => Param('id', new ParseUUIDPipe());

/**
 * The support paid after arrival (ADR 33), as the payments officers of the career centre work it:
 * the family's arrival, the bank's answers for each order, the account corrected, a returned payment
 * paid again, a departure or renunciation; and the family's schedule with every order as it stands.
 */
@ApiTags('applications: support after arrival')
@ApiBearerAuth()
@Controller('applications')
export class SupportController {
  constructor(
    private readonly gateway: CommandGateway,
    private readonly lookup: AggregateLookup,
    @Inject(LAW_IN_FORCE) private readonly law: LawInForce,
  ) {}

  @Post(':id/arrival')
  @HttpCode(200)
  @Roles('payments')
  @ApiOperation({
    summary: 'Record an included family’s arrival in its region (the career centre’s officer)',
    description:
      'Once; the same arrival again records nothing. Opens the support: the relocation payment on the registration day, rent monthly for 12 months. 422 APPLICATION.NOT_INCLUDED, APPLICATION.SUBSIDIES_PENDING, APPLICATION.ALREADY_ARRIVED, APPLICATION.ARRIVAL_TOO_LATE, APPLICATION.SUPPORT_TO_BE_DECIDED (the family arrived under an inclusion since revoked: its support stopped then, and how it goes on is for the ministry to decide), or APPLICATION.INVALID_COMMAND naming each field at fault (an IBAN whose check digits do not match, a date before the decision or in the future).',
  })
  async arrival(
    @Id() id: string,
    @Body() body: ArrivalDto,
    @CommandRequest() meta: RequestMeta,
  ): Promise<CommandResponse> {
    await this.lookup.application(id);
    return this.gateway.application(arrivalCommand(id, body, 'officer', this.law), meta);
  }

  @Get(':id/support')
  @Roles('payments', 'supervisor', 'auditor', 'admin')
  @ApiOkResponse({ schema: SUPPORT_RESPONSE })
  @ApiOperation({
    summary: 'A family’s support: its schedule, every payment order and the bank’s answer, a stop if any',
    description:
      'Read from the family’s support stream (a consistent read). The recipient’s IIN and account are shown whole to the payments officers only, masked to the others (ADR 26). 404 SUPPORT.NOT_FOUND before the arrival.',
  })
  async support(@Id() id: string, @CurrentActor() actor: AuthenticatedActor): Promise<SupportAnswer> {
    await this.lookup.application(id);
    return supportAnswer(await this.lookup.support(id), actor.role === 'payments');
  }

  @Post(':id/support/orders/:orderId/paid')
  @HttpCode(200)
  @Roles('payments')
  @ApiOperation({
    summary: 'Record that the bank paid an order',
    description:
      'Once per order: the same answer again records nothing; 422 SUPPORT.ORDER_ALREADY_ANSWERED when another answer is recorded, SUPPORT.UNKNOWN_ORDER for an order of another family.',
  })
  async paid(
    @Id() id: string,
    @Param('orderId') orderId: string,
    @Body() body: PaymentPaidDto,
    @CommandRequest() meta: RequestMeta,
  ): Promise<CommandResponse> {
    await this.lookup.application(id);
    return this.gateway.support({ type: 'RecordPaymentPaid', applicationId: id, orderId, ...body }, meta);
  }

  @Post(':id/support/orders/:orderId/returned')
  @HttpCode(200)
  @Roles('payments')
  @ApiOperation({
    summary: 'Record that the bank returned an order’s payment, with its reason',
    description: 'Once per order, as a payment is. The order can then be paid again once the account is corrected.',
  })
  async returned(
    @Id() id: string,
    @Param('orderId') orderId: string,
    @Body() body: PaymentReturnedDto,
    @CommandRequest() meta: RequestMeta,
  ): Promise<CommandResponse> {
    await this.lookup.application(id);
    return this.gateway.support({ type: 'RecordPaymentReturned', applicationId: id, orderId, ...body }, meta);
  }

  @Post(':id/support/orders/:orderId/reissue')
  @HttpCode(200)
  @Roles('payments')
  @ApiOperation({
    summary: 'Pay a returned order again, to the corrected account: the same amount, a new order id',
    description:
      'Once per return, never more often than the payment terms allow (version 1: once); 422 SUPPORT.NOT_REISSUABLE when the order was not returned, the account was not corrected, or the limit is reached.',
  })
  @ApiBody({ type: NoBodyDto, required: false, description: 'None: any field is refused' })
  async reissue(
    @Id() id: string,
    @Param('orderId') orderId: string,
    @Body() _body: NoBodyDto,
    @CommandRequest() meta: RequestMeta,
  ): Promise<CommandResponse> {
    await this.lookup.application(id);
    const terms = paymentTermsOf(this.law.current());
    return this.gateway.support({ type: 'ReissuePaymentOrder', applicationId: id, orderId, terms }, meta);
  }

  @Post(':id/support/recipient')
  @HttpCode(200)
  @Roles('payments')
  @ApiOperation({
    summary: 'Correct the account the family is paid to',
    description:
      'An IBAN of Kazakhstan, its check digits verified; the same account again records nothing. 422 SUPPORT.STOPPED after a stop.',
  })
  async recipient(
    @Id() id: string,
    @Body() body: RecipientDto,
    @CommandRequest() meta: RequestMeta,
  ): Promise<CommandResponse> {
    await this.lookup.application(id);
    return this.gateway.support({ type: 'CorrectRecipient', applicationId: id, iban: body.iban }, meta);
  }

  @Post(':id/support/stop')
  @HttpCode(200)
  @Roles('payments')
  @ApiOperation({
    summary: 'Stop the support: the family left the region or renounced it',
    description:
      'Every instalment not yet paid is cancelled; amounts already paid are listed for recovery as the payment terms say (listed, not claimed). Once: a second stop records nothing.',
  })
  async stop(
    @Id() id: string,
    @Body() body: StopSupportDto,
    @CommandRequest() meta: RequestMeta,
  ): Promise<CommandResponse> {
    await this.lookup.application(id);
    const terms = paymentTermsOf(this.law.current());
    return this.gateway.support({ type: 'StopSupport', applicationId: id, ...body, terms }, meta);
  }
}

/** The arrival command, from the portal or the career centre's officer. */
export function arrivalCommand(id: string, body: ArrivalDto, recordedBy: 'portal' | 'officer', law: LawInForce) {
  return {
    type: 'RecordArrival',
    applicationId: id,
    settlement: { kind: body.settlement.kind, name: body.settlement.name },
    arrivedOn: body.arrivedOn,
    registration: { address: body.registration.address, registeredOn: body.registration.registeredOn },
    iban: body.iban,
    recordedBy,
    terms: paymentTermsOf(law.current()),
  } as const;
}

/** A family's support as the answer shows it. */
export type SupportAnswer = Omit<OpenSupportState, 'quota'> & {
  readonly region: string;
  readonly year: number;
  readonly category: string;
  readonly revision: number;
};

function supportAnswer(state: OpenSupportState & { readonly revision: number }, whole: boolean): SupportAnswer {
  const { quota, ...rest } = state;
  const recipient = (r: { iin: string; iban: string }) =>
    whole ? r : { iin: maskIin(r.iin), iban: maskAs('bankAccount', r.iban) };
  return {
    ...rest,
    ...quota,
    recipient: recipient(state.recipient),
    orders: state.orders.map((order) => ({ ...order, recipient: recipient(order.recipient) })),
  };
}
