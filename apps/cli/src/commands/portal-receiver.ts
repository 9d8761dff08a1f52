import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { PUBLIC_KEY_FILE } from '@libs/auth';
import { localSecretsDirOf } from '@infra/config/runtime-config';
import { ReceivingPortal } from '@libs/workflow';
import type { CliContext } from './cli-context';
import { refuse } from './refuse';

interface ReceiverOptions {
  readonly port: number;
  readonly host: string;
  readonly publicKey?: string;
}

function portNumber(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) throw new InvalidArgumentError('must be a TCP port, 1–65535');
  return port;
}

/**
 * `portal-receiver`: a local stand-in for the eGov personal cabinet (ADR 28). It checks each
 * request's signature with the service's public key, applies each notice id once (a repeated one is
 * answered 200 and said to be a duplicate) and prints the notice in Kazakh and Russian. Point the
 * service at it with `KANDAS_PORTAL_NOTICES_URL=http://127.0.0.1:<port>/notices`.
 */
export function addPortalReceiverCommand(program: Command, { print, exitWith }: CliContext): void {
  const command = program
    .command('portal-receiver')
    .description('a local personal-cabinet endpoint that checks, deduplicates and prints the notices it receives')
    .option('--port <port>', 'the port to listen on', portNumber, 4000)
    .option('--host <host>', 'the address to listen on', '127.0.0.1')
    .option(
      '--public-key <pem>',
      `the service's Ed25519 public key (SPKI PEM); default: ${PUBLIC_KEY_FILE} in the data folder (folder of KANDAS_READ_MODELS_FILE, ./data)`,
    )
    .action(async (options: ReceiverOptions) => {
      const file = options.publicKey ?? join(localSecretsDirOf(process.env), PUBLIC_KEY_FILE);
      if (!existsSync(file))
        refuse(command, `no public key ${file}: start the service once, or give it with --public-key <pem>`);
      exitWith(await receive(new ReceivingPortal(readFileSync(file, 'utf8')), options, print));
    });
}

/** Serves until SIGINT or SIGTERM; answers 0 then. */
async function receive(portal: ReceivingPortal, options: ReceiverOptions, print: (line: string) => void) {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const reception = portal.receive({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers as Record<string, string | undefined>,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      if (reception.status !== 200) print(`refused (${reception.status}): ${reception.reason}`);
      else if (reception.duplicate)
        print(`duplicate of notice ${reception.notice.noticeId}: already applied, answered 200`);
      else {
        const { notice } = reception;
        print(`notice ${notice.noticeId}  ${notice.kind}  application ${notice.applicationId}`);
        print(`  kk: ${notice.texts.kk.replace(/\n/g, '\n      ')}`);
        print(`  ru: ${notice.texts.ru.replace(/\n/g, '\n      ')}`);
      }
      response
        .writeHead(reception.status, { 'content-type': 'application/json' })
        .end(JSON.stringify({ status: reception.status }));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  print(`Receiving notices at http://${options.host}:${options.port}/notices (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await new Promise<void>((resolve) => server.close(() => resolve()));
  print(`Stopped: ${portal.effects.length} notice(s) applied, ${portal.duplicates} duplicate(s) answered.`);
  return 0;
}
