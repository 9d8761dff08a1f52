import type { CheckpointSettings } from '@infra/config/runtime-config';
import { AnchoredCheckpointLog } from './anchored-checkpoint-log';
import { type CheckpointCopy, DirectoryCheckpointCopy, HttpWitnessCheckpointCopy } from './checkpoint-copies';
import { JsonLinesCheckpointLog } from './json-lines-checkpoint-log';

/** The checkpoint log the settings describe: the local JSON-lines file, and the directory and witness copies set. */
export function openCheckpointLog(settings: CheckpointSettings): AnchoredCheckpointLog {
  const copies: CheckpointCopy[] = [];
  if (settings.directory) copies.push(new DirectoryCheckpointCopy(settings.directory));
  if (settings.witnessUrl) copies.push(new HttpWitnessCheckpointCopy(settings.witnessUrl));
  return new AnchoredCheckpointLog(new JsonLinesCheckpointLog(settings.logFile), copies);
}
