import { Command, Option } from 'commander';
import { flagSpec, takesFlag, type CommandName, type OptionDecl } from '../config/option-decl.js';
import { KINDS } from '../config/option-kinds.js';
import { OPTION_TABLE } from '../config/option-table.js';
import { TOOL_VERSION } from '../version.js';
import { VERSION_FLAGS } from './early-answers.js';

// This module is loaded for --help and --version: it imports the option table and commander
// only, never the pipeline (cheerio, undici, ajv), so both answer at once.

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** The declarations of `command`'s flags, in --help order. */
export function flagDecls(command: CommandName): OptionDecl[] {
  const decls: readonly OptionDecl[] = OPTION_TABLE;
  return decls.filter((d) => takesFlag(d, command));
}

/** The commander option of one declaration; --help shows the table's default. */
function toOption(decl: OptionDecl, command: CommandName): Option {
  const help = command === 'extract' ? (decl.extractHelp ?? decl.help) : decl.help;
  const option = new Option(flagSpec(decl) as string, help);
  if (decl.choices) option.choices(decl.choices);
  if (KINDS[decl.kind].appends || decl.kind === 'reports') option.argParser(collect);
  const show = KINDS[decl.kind].show;
  // Applied with source "default", which readCliValues skips: only typed values override the config file.
  if (decl.default !== undefined && show && decl.arg) option.default(decl.default, show(decl.default));
  return option;
}

/** Adds `command`'s options from the table. */
function addTableOptions(cmd: Command, command: CommandName): Command {
  for (const decl of flagDecls(command)) cmd.addOption(toOption(decl, command));
  return cmd;
}

/** Handlers the program calls; injected so the program itself stays declarative. */
export interface ProgramActions {
  check(inputs: string[], opts: Record<string, unknown>, cmd: Command): Promise<void>;
  extract(inputs: string[], opts: Record<string, unknown>, cmd: Command): Promise<void>;
  wp(site: string, opts: Record<string, unknown>, cmd: Command): Promise<void>;
  fix?(inputs: string[], opts: Record<string, unknown>, cmd: Command): Promise<void>;
  /** `citecheck merge`. */
  merge?(reports: string[], opts: Record<string, unknown>, cmd: Command): Promise<void>;
}

/** Builds the commander program. */
export function createProgram(actions: ProgramActions): Command {
  const program = new Command('citecheck')
    .description('Audit the sources of published writing: which claims lost their sources.')
    .version(TOOL_VERSION, VERSION_FLAGS)
    .showSuggestionAfterError(true)
    .enablePositionalOptions();

  addTableOptions(
    program
      .command('check')
      .description('check every link of the inputs and write the citation report')
      .argument('<inputs...>', 'files, directories, globs, http(s) URLs, or - for stdin'),
    'check',
  ).action(actions.check);

  addTableOptions(
    program
      .command('wp')
      .description('audit a WordPress site: read every post through its REST API, check their links, report')
      .argument('<site-url>', 'the site, e.g. https://example.com/ (its REST API is discovered)'),
    'wp',
  ).action(actions.wp);

  addTableOptions(
    program
      .command('extract')
      .description('print the extracted posts, blocks, links, damaged anchors and claim signals as JSON (no network)')
      .argument('<inputs...>', 'files, directories, globs, or - for stdin'),
    'extract',
  ).action(actions.extract);

  const fix = actions.fix;
  if (fix) {
    addTableOptions(
      program
        .command('fix')
        .description(
          'check the inputs, then write what the report recommends: moved sources updated, dead ones linked to their archived copy',
        )
        .argument('<inputs...>', 'Markdown, HTML or WordPress JSON files, directories or globs'),
      'fix',
    ).action(fix);
  }

  const merge = actions.merge;
  if (merge) {
    addTableOptions(
      program
        .command('merge')
        .description('join the JSON reports of a sharded run (--shard k/n) into the report of the whole run')
        .argument('<reports...>', "the shards' JSON reports, e.g. reports/citecheck.shard-*.json"),
      'merge',
    ).action(merge);
  }

  program.addHelpText(
    'after',
    `
Durations take a unit (250ms, 2s, 1m, 1h, 1d); a bare number means milliseconds.
Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage/config/input
error, 3 internal error, 130 interrupted (Ctrl-C), 143 terminated (SIGTERM).

Examples:
  citecheck check post.json
  citecheck check content/ --report html --report sarif:reports/links.sarif --cache
  citecheck extract export.json > structure.json
  citecheck fix content/posts/ > fix.diff && git apply fix.diff
  citecheck check site.WordPress.2024-06-01.xml      # a WordPress export (Tools → Export)
  citecheck wp https://example.com/ --after 2024-01-01 --report html
  citecheck check export.xml --shard 2/4                 # one of 4 CI jobs; then:
  citecheck merge reports/citecheck.shard-*.json --report html --report sarif`,
  );
  return program;
}
