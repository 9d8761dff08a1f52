import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { readRuntimeConfig } from '@infra/config/runtime-config';
import type { SignInConfig } from '@infra/config/runtime-config';
import { AppModule } from './app.module';
import { configureHttp } from './bootstrap';
import { createAppLogger, maskPersonalData } from './observability/app-logger';
import { withoutStartupTrace } from './observability/without-startup-trace';
import { recordPublishedQuotaOrders } from './startup/quota-orders.step';

const logger = createAppLogger();

async function bootstrap(env: NodeJS.ProcessEnv): Promise<void> {
  const config = readRuntimeConfig(env);
  // Every setting and secret is checked here, before a file is opened or a folder made.
  const appModule = AppModule.forRoot(config, { env });
  const app = await NestFactory.create<NestExpressApplication>(appModule, {
    logger: withoutStartupTrace(logger),
    bodyParser: false,
    abortOnError: false,
  });
  configureHttp(app);
  await app.init();
  await recordPublishedQuotaOrders(app);
  await app.listen(config.port, config.host);
  const { port } = app.getHttpServer().address() as AddressInfo;
  const bootstrapLog = new Logger('Bootstrap');
  const where = config.eventStore === 'sqlite' ? ` (${config.eventsFile})` : '';
  bootstrapLog.log(
    `Back office on http://${config.host}:${port} (console at /console, API description at /docs), event store: ${config.eventStore}${where}`,
  );
  bootstrapLog.log(signInLine(config.signIn));
  if (!env.KANDAS_JWT_SECRET) {
    bootstrapLog.log(
      `Bearer tokens are signed with the development key in ${config.localSecretsDir} ` +
        '(KANDAS_JWT_SECRET is not set): mint them with `npm run cli -- token` under the same KANDAS_READ_MODELS_FILE',
    );
  }
}

/** How officers sign in to the console, said once at start-up (ADR 31). */
function signInLine({ oidc, devSignIn }: SignInConfig): string {
  const dev =
    'the development sign-in is on (POST /auth/dev-sign-in: anyone who reaches the service picks a role; KANDAS_DEV_SIGN_IN=off closes it)';
  if (oidc)
    return `Officers sign in through ${oidc.issuer} (audience ${oidc.audience}, role claim ${oidc.roleClaim})${devSignIn ? `; ${dev}` : ''}`;
  if (devSignIn) return `No identity provider (KANDAS_OIDC_ISSUER unset): ${dev}`;
  return 'No console sign-in: KANDAS_OIDC_ISSUER is not set, so only service tokens (`npm run cli -- token`) are taken';
}

// A bad setting, a missing secret, or a file that is locked, corrupt or on a full disk stops the start
// with one clear line on stderr (and in the log), not a stack trace of the framework, and exit code 1.
bootstrap(process.env).catch((error: unknown) => {
  const line = maskPersonalData(`Cannot start: ${error instanceof Error ? error.message : String(error)}`);
  logger.error(line, 'Bootstrap');
  process.stderr.write(`${line}\n`);
  process.exit(1);
});
