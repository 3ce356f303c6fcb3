import { decideCommand, type DecideOptions } from './accept.js';

/** `fangzhi reject <chapter> [--all | --id N]`: the old text comes back; see decideCommand. */
export function rejectCommand(name: string, options: DecideOptions): Promise<number> {
  return decideCommand('reject', name, options);
}
