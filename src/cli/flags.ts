import type { Command } from 'commander';
import { flagName, type CommandName } from '../config/option-decl.js';
import type { RawValues } from '../config/resolve.js';
import { flagDecls } from './program.js';

/**
 * The values of the flags the user actually typed, keyed by config key (the table maps each
 * flag to its key), for the config layer to check and compile. Values that are only
 * commander defaults are left out so that a config file can still set them; flags the CLI
 * reads itself (--format, --no-progress, …) are not options of the run and are left out too.
 */
export function readCliValues(opts: Record<string, unknown>, cmd: Command, command: CommandName): RawValues {
  const values: Record<string, unknown> = {};
  for (const decl of flagDecls(command)) {
    if (decl.file === false && decl.value === false) continue;
    const option = cmd.options.find((o) => o.long === `--${flagName(decl)}`);
    const attribute = option?.attributeName();
    if (attribute && cmd.getOptionValueSource(attribute) === 'cli' && opts[attribute] !== undefined) {
      values[decl.key] = opts[attribute];
    }
  }
  return values;
}
