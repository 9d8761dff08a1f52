import { secretFrom } from './secrets';

export interface JwtSettings {
  readonly secret: string;
  readonly issuer: string;
  readonly audience: string;
}

/** HS256 key from KANDAS_JWT_SECRET (a development key is created in the data folder when unset). */
export function jwtSettings(env: NodeJS.ProcessEnv = process.env, dataDir = './data'): JwtSettings {
  return { secret: secretFrom('KANDAS_JWT_SECRET', env, dataDir), issuer: 'kandas-back-office', audience: 'kandas' };
}
