import { ConfigError } from './config-error';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A URL a variable holds, as written (trimmed) and parsed; undefined when unset; refused, naming the variable, when it is no absolute URL. */
export function urlOf(
  env: NodeJS.ProcessEnv,
  name: string,
  expected: string,
): { readonly text: string; readonly url: URL } | undefined {
  const text = env[name]?.trim();
  if (!text) return undefined;
  try {
    return { text, url: new URL(text) };
  } catch {
    throw new ConfigError(name, `must be ${expected}, got "${text}"`);
  }
}

/** An https URL, or plain http to this machine only (a local receiver, a provider run for tests). */
export function httpsOrLocalUrl(
  env: NodeJS.ProcessEnv,
  name: string,
): { readonly text: string; readonly url: URL } | undefined {
  const found = urlOf(env, name, 'an absolute https URL');
  if (!found) return undefined;
  const local = found.url.protocol === 'http:' && LOCAL_HOSTS.has(found.url.hostname);
  if (found.url.protocol !== 'https:' && !local)
    throw new ConfigError(name, `must be https (plain http only to localhost), got "${found.text}"`);
  return found;
}
