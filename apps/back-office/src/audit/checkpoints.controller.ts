import { Body, Controller, Get, Header, HttpCode, Inject, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { NoBodyDto } from '../commands/dto/workflow.dto';
import type { ServiceSigningKey } from '@libs/auth';
import {
  CHECKPOINT_LOG,
  type CheckpointLog,
  CheckpointDivergesError,
  CheckpointSigner,
  NothingToCheckpointError,
  SERVICE_SIGNING_KEY,
} from '@libs/workflow';
import { Roles } from '../auth/roles';
import { ProblemSchema } from '../http/openapi/problem.schema';
import { HttpProblem, problem, PROBLEM_CONTENT_TYPE } from '../http/problem';
import { AUDIT_RESPONSES } from './audit-responses';

const problemContent = { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemSchema) } } };

/** Anchored chain heads (ADR 24): sign one now, read the latest, fetch the public key that checks them. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class CheckpointsController {
  constructor(
    private readonly signer: CheckpointSigner,
    @Inject(CHECKPOINT_LOG) private readonly log: CheckpointLog,
    @Inject(SERVICE_SIGNING_KEY) private readonly key: ServiceSigningKey,
  ) {}

  @Post('checkpoints')
  @HttpCode(201)
  @Roles('auditor', 'admin')
  @ApiOperation({
    summary:
      "Sign the store's chain head now with the service key and append it to the checkpoint log (and its directory and witness copies)",
  })
  @ApiResponse({ status: 201, description: 'The checkpoint signed', schema: AUDIT_RESPONSES.checkpoint })
  @ApiResponse({
    status: 409,
    description:
      'AUDIT.NOTHING_TO_CHECKPOINT: the store holds no event yet; AUDIT.CHECKPOINT_DIVERGES: the store no longer holds the head of the latest checkpoint (truncated or re-hashed: run verify), so nothing is signed over it',
    content: problemContent,
  })
  @ApiBody({ type: NoBodyDto, required: false, description: 'None: any field is refused' })
  async sign(@Body() _body: NoBodyDto) {
    try {
      return await this.signer.signNow('on-demand');
    } catch (error) {
      if (error instanceof NothingToCheckpointError)
        throw new HttpProblem(problem(409, error.code, 'Nothing to checkpoint', error.message));
      if (error instanceof CheckpointDivergesError)
        throw new HttpProblem(problem(409, error.code, 'The store diverges from the latest checkpoint', error.message));
      throw error;
    }
  }

  @Get('checkpoints/latest')
  @Roles('auditor', 'admin')
  @ApiOperation({ summary: 'The latest signed checkpoint of the checkpoint log' })
  @ApiOkResponse({ schema: AUDIT_RESPONSES.checkpoint })
  @ApiResponse({ status: 404, description: 'AUDIT.NO_CHECKPOINT: none signed yet', content: problemContent })
  async latest() {
    const checkpoint = await this.log.latest();
    if (!checkpoint)
      throw new HttpProblem(problem(404, 'AUDIT.NO_CHECKPOINT', 'No checkpoint', 'No checkpoint has been signed yet'));
    return checkpoint;
  }

  @Get('public-key')
  @Roles('auditor', 'admin')
  @ApiOperation({
    summary: "The service's Ed25519 public key (SPKI PEM) and its key id: what checks checkpoints offline",
  })
  @ApiOkResponse({ schema: AUDIT_RESPONSES.publicKey })
  @Header('Cache-Control', 'no-store')
  publicKey() {
    return { keyId: this.key.keyId, algorithm: 'Ed25519', publicKeyPem: this.key.publicKeyPem };
  }
}
