import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { CLOCK, KANDAS_NAMESPACE, uuidV5, type Clock } from '@libs/event-sourcing';
import { refusalProposal } from '@domain/review-process';
import { signableBy, type ApplicationSubmission, type SigningCodeIssued } from '@domain/application';
import { applicationDigest, LAW_IN_FORCE, type LawInForce } from '@libs/workflow';
import { HttpProblem, problem } from '../http/problem';
import { Roles } from '../auth/roles';
import { AggregateLookup } from './application-lookup';
import { CommandGateway } from './command-gateway';
import type { CommandResponse, RequestMeta } from './command-gateway';
import { SUBMISSION_DEPRECATED_NAMES, SubmitApplicationDto } from './dto/submission.dto';
import { withCurrentNames } from '../http/deprecated-names';
import {
  IssueOtpDto,
  NoBodyDto,
  ReasonDto,
  ReassignReviewDto,
  RecordReviewDto,
  RefuseApplicationDto,
  SignApplicationDto,
} from './dto/workflow.dto';
import { CommandRequest } from './request-meta.decorator';
import { OTP_DELIVERY, OTP_ISSUER, SIGNATURE_VERIFIER } from './signing';
import type { EdsProof, OtpDelivery, OtpIssuer, SignatureVerifier } from './signing';

const Id = () => Param('id', new ParseUUIDPipe());

/** The applicant's and the officers' commands on one application. */
@ApiTags('applications: commands')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly gateway: CommandGateway,
    private readonly lookup: AggregateLookup,
    @Inject(SIGNATURE_VERIFIER) private readonly verifier: SignatureVerifier,
    @Inject(OTP_ISSUER) private readonly otp: OtpIssuer,
    @Inject(OTP_DELIVERY) private readonly otpDelivery: OtpDelivery,
    @Inject(LAW_IN_FORCE) private readonly law: LawInForce,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('portal', 'operator')
  @ApiOperation({
    summary: 'Submit an application (eGov portal, or an operator of a Government for Citizens centre)',
    description:
      'The id is derived from the Idempotency-Key when one is sent, so a retried submission answers with the same application. ' +
      'A person (applicant or family member, by IIN) already on another open application is refused with 409 ' +
      'PERSON.HAS_OPEN_APPLICATION, one already included with 409 PERSON.ALREADY_INCLUDED; `errors[].field` names the ' +
      'IIN at fault, and an operator also sees `otherApplication` (its id and the person’s role there), the portal does not.',
  })
  async submit(
    @Body() body: SubmitApplicationDto,
    @CommandRequest() meta: RequestMeta,
  ): Promise<CommandResponse & { applicationId: string }> {
    // Digested in today's names whichever names were sent: the digest to sign is read back from the application.
    const submission = withCurrentNames(body, SUBMISSION_DEPRECATED_NAMES) as ApplicationSubmission;
    const commandId = this.gateway.commandIdFor(meta);
    const applicationId = uuidV5(`application:${commandId}`, KANDAS_NAMESPACE);
    const { region, year, applicant } = submission;
    const regionHasQuota = await this.lookup.quotaOffered(region, year, applicant.category);
    const response = await this.gateway.application(
      {
        type: 'SubmitApplication',
        applicationId,
        submission,
        digest: applicationDigest(submission),
        regionHasQuota,
      },
      meta,
      commandId,
    );
    return { applicationId, ...response };
  }

  @Post(':id/otp')
  @Roles('portal')
  @ApiOperation({
    summary: 'Issue a one-time password to sign the application (6 digits, 5 minutes, 3 attempts)',
    description:
      'Records the code (as a keyed MAC, never the code) in the application: any instance then signs with it. ' +
      'Each call issues and sends a new code (an Idempotency-Key is ignored: a code is never stored, so it could not be sent again). ' +
      'The answer carries the revision to send as If-Match when signing.',
  })
  async issueOtp(
    @Id() id: string,
    @Body() body: IssueOtpDto,
    @CommandRequest() meta: RequestMeta,
  ): Promise<CommandResponse & { otpRequestId: string; expiresAt: string; delivery: OtpDelivery; code?: string }> {
    const submitted = signableBy(await this.lookup.application(id), body.signerIin);
    const issued = this.otp.issue({ applicationId: id, iin: body.signerIin, digest: submitted.digest });
    const { response, events } = await this.gateway.applicationWithEvents(
      {
        type: 'IssueSigningCode',
        applicationId: id,
        signerIin: body.signerIin,
        otpRequestId: issued.otpRequestId,
        codeMac: issued.codeMac,
        policy: this.otp.policy,
      },
      { ...meta, idempotencyKey: undefined },
      randomUUID(),
    );
    const recorded = events.find((e): e is SigningCodeIssued => e.type === 'SigningCodeIssued')!;
    return {
      ...response,
      otpRequestId: issued.otpRequestId,
      expiresAt: recorded.data.expiresAt,
      delivery: this.otpDelivery,
      ...(this.otpDelivery === 'echo' ? { code: issued.code } : {}),
    };
  }

  @Post(':id/sign')
  @Roles('portal')
  @ApiOperation({
    summary: 'Sign the application with the OTP or an electronic digital signature (EDS) over its digest',
    description:
      'A wrong code is recorded against its attempts and answered 422 APPLICATION.OTP_WRONG with attemptsLeft; ' +
      'an expired, used, locked or unknown code is APPLICATION.OTP_EXPIRED, OTP_USED, OTP_LOCKED, OTP_UNKNOWN. ' +
      'The code is used only by the append that signs: a retry after a 409, a 503 or a lost answer, with the same ' +
      'Idempotency-Key and code, signs (or answers like the first time).',
  })
  async sign(
    @Id() id: string,
    @Body() body: SignApplicationDto,
    @CommandRequest() meta: RequestMeta,
  ): Promise<CommandResponse> {
    const state = await this.lookup.application(id);
    const digest = 'digest' in state ? state.digest : '';
    const commandId = this.gateway.commandIdFor(meta);
    const signing = { applicationId: id, signerIin: body.signerIin, signedDigest: digest };
    if (body.method === 'otp') {
      const { otpRequestId, code } = otpProofOf(body);
      // Only the MAC of the typed code goes on: the domain compares it with the one recorded at issue.
      const codeMac = this.otp.macOf({ otpRequestId, code, applicationId: id, iin: body.signerIin, digest });
      return this.gateway.application(
        { type: 'SignApplication', method: 'otp', ...signing, code: { otpRequestId, codeMac } },
        meta,
        commandId,
      );
    }
    const verification = await this.verifier.verify({
      applicationId: id,
      signerIin: body.signerIin,
      digest,
      signedAt: this.gateway.context(meta, commandId).now.toISOString(),
      proof: edsProofOf(body),
    });
    return this.gateway.application(
      { type: 'SignApplication', method: 'eds', ...signing, verification },
      meta,
      commandId,
    );
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('portal')
  @ApiOperation({ summary: 'Withdraw the application (before a decision)' })
  withdraw(@Id() id: string, @Body() body: ReasonDto, @CommandRequest() meta: RequestMeta): Promise<CommandResponse> {
    return this.gateway.application({ type: 'WithdrawApplication', applicationId: id, reason: body.reason }, meta);
  }

  @Post(':id/review/start')
  @HttpCode(200)
  @Roles('reviewer')
  @ApiOperation({ summary: 'Take the application for review (the caller becomes its reviewer)' })
  @ApiBody({ type: NoBodyDto, required: false, description: 'None: any field is refused' })
  startReview(
    @Id() id: string,
    @Body() _body: NoBodyDto,
    @CommandRequest() meta: RequestMeta,
  ): Promise<CommandResponse> {
    return this.gateway.application({ type: 'StartReview', applicationId: id, reviewerId: meta.actor.id }, meta);
  }

  @Post(':id/review')
  @HttpCode(200)
  @Roles('reviewer')
  @ApiOperation({
    summary: 'Record the review: verdict, a finding per document, refusal grounds when not eligible',
    description:
      'An eligible review is turned by the saga into inclusion in the quota, or into a refusal when the quota cannot hold the family.',
  })
  recordReview(
    @Id() id: string,
    @Body() body: RecordReviewDto,
    @CommandRequest() meta: RequestMeta,
  ): Promise<CommandResponse> {
    return this.gateway.application(
      {
        type: 'RecordReview',
        applicationId: id,
        reviewerId: meta.actor.id,
        verdict: body.verdict,
        findings: body.findings,
        grounds: body.grounds,
        comment: body.comment,
        groundsList: this.law.current().refusalGrounds,
      },
      meta,
    );
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({ summary: 'Hand the review to another reviewer (supervisors, e.g. for escalated applications)' })
  reassign(
    @Id() id: string,
    @Body() body: ReassignReviewDto,
    @CommandRequest() meta: RequestMeta,
  ): Promise<CommandResponse> {
    return this.gateway.application(
      { type: 'ReassignReview', applicationId: id, toReviewerId: body.toReviewerId, reason: body.reason },
      meta,
    );
  }

  @Post(':id/refuse')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({
    summary: 'Propose to refuse the application with coded grounds and an explanation (supervisors)',
    description:
      'A preliminary refusal (ADR 32): the applicant is told the grounds and the hearing offered; the refusal is final once a supervisor confirms it (`POST /applications/{id}/refusal/confirm`) after the hearing or its time.',
  })
  refuse(
    @Id() id: string,
    @Body() body: RefuseApplicationDto,
    @CommandRequest() meta: RequestMeta,
  ): Promise<CommandResponse> {
    const { grounds, explanation } = body;
    const context = { policy: this.law.current(), now: this.clock.now() };
    const proposed = refusalProposal('supervisor', { applicationId: id, grounds, explanation }, context, meta.actor.id);
    return this.gateway.application(proposed, meta);
  }

  @Post(':id/escalate')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Move a review past its deadline to the supervisors’ queue (the saga does it on breach)' })
  escalate(@Id() id: string, @Body() body: ReasonDto, @CommandRequest() meta: RequestMeta): Promise<CommandResponse> {
    return this.gateway.application({ type: 'EscalateReview', applicationId: id, reason: body.reason }, meta);
  }
}

function otpProofOf(body: SignApplicationDto): { otpRequestId: string; code: string } {
  if (!body.otpRequestId || !body.code) throw missing(['otpRequestId', 'code'].filter((f) => !body[f as 'code']));
  return { otpRequestId: body.otpRequestId, code: body.code };
}

function edsProofOf(body: SignApplicationDto): EdsProof {
  if (!body.signatureBase64 || !body.certificatePem)
    throw missing(['signatureBase64', 'certificatePem'].filter((f) => !body[f as 'certificatePem']));
  return { signatureBase64: body.signatureBase64, certificatePem: body.certificatePem };
}

function missing(fields: string[]): HttpProblem {
  return new HttpProblem(
    problem(
      400,
      'REQUEST.INVALID',
      'Invalid request',
      'The proof of signature is incomplete',
      fields.map((field) => ({ field, reason: 'is required for this method' })),
    ),
  );
}
