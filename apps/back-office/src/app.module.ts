import { PaymentGauges } from './observability/payment-gauges';
import { PaymentsController } from './payments/payments.controller';
import { SupportController } from './commands/support.controller';
import { DynamicModule, Logger, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import type { Clock } from '@libs/event-sourcing';
import { WorkflowModule } from '@apps/composition-root';
import { RuntimeConfig } from '@infra/config/runtime-config';
import { AdminController } from './admin/admin.controller';
import { SubscriptionsController } from './admin/subscriptions.controller';
import type { LawInForce } from '@libs/workflow';
import { AuditController } from './audit/audit.controller';
import { ApplicationStoryController } from './audit/story.controller';
import { DecisionDocumentController } from './decision-document/decision-document.controller';
import { OpenRegionsController } from './portal/open-regions.controller';
import { PortalController } from './portal/portal.controller';
import { PortalCommandsController } from './portal/portal-commands.controller';
import { TimelinessChanges } from './audit/timeliness-changes';
import { VerifyController } from './audit/verify.controller';
import { CheckpointsController } from './audit/checkpoints.controller';
import { ExportController } from './audit/export.controller';
import { DisclosureGrantsController } from './audit/disclosure-grants.controller';
import { AuthGuard } from './auth/auth.guard';
import { BEARER_TOKENS, JWT_SETTINGS, OIDC_VERIFIER, SIGN_IN_CONFIG } from './auth/auth.tokens';
import { AuthController } from './auth/auth.controller';
import { DevSignInController } from './auth/dev-sign-in.controller';
import { BearerTokens, checkSecret, checkSigningKey, jwtSettings, OidcVerifier } from '@libs/auth';
import { AggregateLookup } from './commands/application-lookup';
import { ApplicationsController } from './commands/applications.controller';
import { HearingsController } from './commands/hearings.controller';
import { CommandGateway } from './commands/command-gateway';
import { signingProviders } from './commands/signing.providers';
import { HealthModule } from './health/health.module';
import { CorrelationHeader } from './http/correlation-header';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { strictValidationPipe } from './http/validation';
import { commandThrottlerProviders } from './http/rate-limit/command-throttler';
import { CommandThrottlerGuard } from './http/rate-limit/command-throttler.guard';
import { CommandMetrics } from './observability/command-metrics';
import { MetricsController } from './observability/metrics.controller';
import { SlaGauges } from './observability/sla-gauges';
import { QueriesController } from './queries/queries.controller';
import { HearingQueuesController } from './queries/hearing-queues.controller';
import { LawAdminController } from './law/law-admin.controller';
import { LawReferenceController } from './law/law-reference.controller';
import { LawAmendmentsController } from './law/law-amendments.controller';
import { LawAmendments } from './law/law-amendments';
import { ReadYourWrites } from './queries/read-your-writes';
import { SlaClocks } from './queries/sla-clocks';
import { NoticesController } from './notices/notices.controller';
import { NoticeGauges } from './observability/notice-gauges';
import { HearingGauges } from './observability/hearing-gauges';

export interface AppOptions {
  readonly clock?: Clock;
  /** Deadline scheduler tick; null in tests, which fire it by hand. */
  readonly schedulerIntervalMs?: number | null;
  /** Notice delivery round (2 s by default); the notice crash test runs it faster so kills land mid-delivery. */
  readonly noticeDeliveryIntervalMs?: number | null;
  /** Restart of subscriptions stopped by a failure; null in tests, which restart them by hand. */
  readonly restartFailedSubscriptionsMs?: number | null;
  readonly env?: NodeJS.ProcessEnv;
  /** The law in force; by default the workflow configuration, fixed (tests amend it, ADR 23). */
  readonly law?: LawInForce;
}

/** The back office: the workflow module behind an HTTP API with auth, validation and problem details. */
@Module({})
export class AppModule {
  static forRoot(config: RuntimeConfig, options: AppOptions = {}): DynamicModule {
    const env = options.env ?? process.env;
    // Every setting is read and checked here, before a provider opens a file; and every check comes
    // before the first development key is made: a refused start leaves nothing behind.
    checkSecret('KANDAS_JWT_SECRET', env);
    checkSigningKey(env);
    const throttling = commandThrottlerProviders(env);
    const signing = signingProviders(config, env);
    const jwt = jwtSettings(env, config.localSecretsDir);
    const { signIn } = config;
    // Made now, fetched later: the provider's discovery and keys are fetched on the first token (ADR 31).
    const logger = new Logger('Auth');
    const provider = signIn.oidc
      ? new OidcVerifier(signIn.oidc, undefined, { warn: (message) => logger.warn(message) })
      : null;
    return {
      module: AppModule,
      imports: [
        WorkflowModule.forRoot({
          runtime: config,
          clock: options.clock,
          law: options.law,
          schedulerIntervalMs: options.schedulerIntervalMs,
          noticeDeliveryIntervalMs: options.noticeDeliveryIntervalMs,
          restartFailedSubscriptionsMs: options.restartFailedSubscriptionsMs,
          env,
        }),
        HealthModule,
      ],
      controllers: [
        ApplicationsController,
        HearingsController,
        SupportController,
        PaymentsController,
        AdminController,
        SubscriptionsController,
        QueriesController,
        HearingQueuesController,
        LawReferenceController,
        LawAdminController,
        LawAmendmentsController,
        MetricsController,
        AuditController,
        ApplicationStoryController,
        VerifyController,
        CheckpointsController,
        ExportController,
        DisclosureGrantsController,
        DecisionDocumentController,
        PortalController,
        PortalCommandsController,
        OpenRegionsController,
        NoticesController,
        AuthController,
        // Production never has it (the start is refused with KANDAS_DEV_SIGN_IN=on): the route does not exist there.
        ...(signIn.devSignIn ? [DevSignInController] : []),
      ],
      providers: [
        { provide: JWT_SETTINGS, useValue: jwt },
        { provide: SIGN_IN_CONFIG, useValue: signIn },
        { provide: OIDC_VERIFIER, useValue: provider },
        { provide: BEARER_TOKENS, useValue: new BearerTokens(jwt, provider ?? undefined) },
        { provide: APP_GUARD, useClass: AuthGuard },
        ...throttling,
        // After AuthGuard (Nest runs global guards in this order): the limit is per authenticated actor.
        { provide: APP_GUARD, useClass: CommandThrottlerGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: strictValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: CorrelationHeader },
        CommandMetrics,
        CommandGateway,
        AggregateLookup,
        ReadYourWrites,
        SlaClocks,
        SlaGauges,
        NoticeGauges,
        HearingGauges,
        PaymentGauges,
        TimelinessChanges,
        LawAmendments,
        ...signing,
      ],
    };
  }
}
