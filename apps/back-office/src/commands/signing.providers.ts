import { Provider } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { READ_MODELS_DB } from '@libs/workflow';
import { EdsVerifier, loadTrustedCas, OtpService, SignatureVerifierAdapter } from '@infra/signatures';
import { dropRetiredTables } from '@infra/read-models/retired-tables';
import { RuntimeConfig } from '@infra/config/runtime-config';
import { secretFrom } from '@libs/auth';
import { OTP_DELIVERY, OTP_ISSUER, OtpDelivery, SIGNATURE_VERIFIER } from './signing';

/** Resolved once at start-up: the local tables that signing and idempotency no longer use are gone. */
const RETIRED_TABLES = Symbol('RetiredTablesDropped');

/**
 * OTP (codes MACed with KANDAS_OTP_SECRET, which every instance on one store shares) and EDS (certificates must chain to the CAs in
 * KANDAS_TRUSTED_CA_FILE). The code is handed back in the response only outside production
 * (KANDAS_OTP_DELIVERY=echo, the default there); production delivers it by SMS and never echoes.
 */
export function signingProviders(config: RuntimeConfig, env: NodeJS.ProcessEnv = process.env): Provider[] {
  const delivery = (env.KANDAS_OTP_DELIVERY ?? (env.NODE_ENV === 'production' ? 'sms' : 'echo')) as OtpDelivery;
  if (delivery !== 'echo' && delivery !== 'sms') throw new Error('KANDAS_OTP_DELIVERY must be echo or sms');
  if (delivery === 'echo' && env.NODE_ENV === 'production')
    throw new Error('KANDAS_OTP_DELIVERY=echo is refused in production');
  // Eagerly, before a provider opens a file, and every check before the development key is made:
  // a refused start leaves nothing behind.
  const eds = edsVerifier(env);
  const otpSecret = secretFrom('KANDAS_OTP_SECRET', env, config.localSecretsDir);
  return [
    { provide: OTP_DELIVERY, useValue: delivery },
    {
      provide: OTP_ISSUER,
      useFactory: () => new OtpService({ secret: otpSecret }),
    },
    { provide: SIGNATURE_VERIFIER, useFactory: () => new SignatureVerifierAdapter(eds) },
    { provide: RETIRED_TABLES, inject: [READ_MODELS_DB], useFactory: (db: Database.Database) => dropRetiredTables(db) },
  ];
}

/** Without trusted CAs no EDS signature can be accepted: refused at start-up in production, answered as such elsewhere. */
function edsVerifier(env: NodeJS.ProcessEnv): Pick<EdsVerifier, 'verify'> {
  if (env.KANDAS_TRUSTED_CA_FILE) return new EdsVerifier(loadTrustedCas('KANDAS_TRUSTED_CA_FILE', env));
  if (env.NODE_ENV === 'production')
    throw new Error('KANDAS_TRUSTED_CA_FILE is required in production (the CAs that issue signing certificates)');
  return {
    verify: () => ({
      valid: false,
      reason: 'EDS signing is not configured: no trusted CA (set KANDAS_TRUSTED_CA_FILE)',
      evidence: {},
    }),
  };
}
