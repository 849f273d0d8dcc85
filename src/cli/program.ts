import { Command, Option } from 'commander';
import { DEFAULT_CACHE_PATH, DEFAULT_REPORT_DIR, DEFAULTS } from '../config/defaults.js';
import { formatDuration } from '../config/duration.js';
import { FORMATTERS } from '../formatters/index.js';
import { TOOL_VERSION } from '../version.js';

/** Names of the output formats, from the formatter registry (one source of truth). */
export const FORMAT_NAMES = Object.keys(FORMATTERS);

/** A commander default plus the text --help shows for it (no JSON quotes). */
const shown = (value: string): [string, string] => [value, value];

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/**
 * Options shared by `check` (and accepted by `extract` where they make sense). Defaults shown
 * by --help come from DEFAULTS; only values the user typed override the config file.
 */
function addCheckOptions(cmd: Command): Command {
  const d = DEFAULTS;
  return cmd
    .addOption(
      new Option('--format <name>', 'what to print on stdout').choices(FORMAT_NAMES).default(...shown('terminal')),
    )
    .addOption(
      new Option(
        '--report <format[:path]>',
        `also write a report file (repeatable; default path ${DEFAULT_REPORT_DIR}/citecheck.<ext>)`,
      ).argParser(collect),
    )
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity')
        .choices(['error', 'warning', 'note', 'never'])
        .default(...shown(d.failOn)),
    )
    .addOption(
      new Option('--concurrency <n>', 'global cap of requests in flight').default(...shown(String(d.concurrency))),
    )
    .addOption(
      new Option('--host-concurrency <n>', 'cap of requests in flight to one host').default(
        ...shown(String(d.hostConcurrency)),
      ),
    )
    .addOption(
      new Option('--host-interval <duration>', 'minimum gap between request starts to one host').default(
        ...shown(formatDuration(d.hostIntervalMs)),
      ),
    )
    .addOption(
      new Option(
        '--timeout <duration>',
        'bound on one whole link check, retries and redirects included (one attempt may wait 3/4 of it)',
      ).default(...shown(formatDuration(d.timeoutMs))),
    )
    .addOption(
      new Option('--connect-timeout <duration>', 'TCP/TLS connect timeout').default(
        ...shown(formatDuration(d.connectTimeoutMs)),
      ),
    )
    .addOption(
      new Option('--retries <n>', 'retries for 5xx, 408, 429, timeouts and resets').default(
        ...shown(String(d.retries)),
      ),
    )
    .addOption(
      new Option('--retry-after-max <duration>', 'longest Retry-After honoured').default(
        ...shown(formatDuration(d.retryAfterMaxMs)),
      ),
    )
    .addOption(
      new Option('--max-redirects <n>', 'most redirect hops followed').default(...shown(String(d.maxRedirects))),
    )
    .addOption(
      new Option('--max-body-bytes <n>', 'cap on response body bytes read').default(...shown(String(d.maxBodyBytes))),
    )
    .addOption(
      new Option('--method <method>', 'GET, or HEAD falling back to GET (HEAD cannot see soft 404 pages)')
        .choices(['get', 'head'])
        .default(...shown(d.method)),
    )
    .addOption(
      new Option('--accept <ranges>', 'status codes counted as ok, e.g. 200..299,403').default(...shown(d.accept)),
    )
    .addOption(
      new Option(
        '--cache [file]',
        `reuse ok results across runs (default file ${DEFAULT_CACHE_PATH}; name another with --cache=FILE)`,
      ),
    )
    .addOption(
      new Option('--cache-max-age <duration>', 'how long an ok result is reused from the cache').default(
        ...shown(formatDuration(d.cacheMaxAgeMs)),
      ),
    )
    .addOption(new Option('--offline', 'make no request; http(s) links are reported unchecked'))
    .addOption(new Option('--exclude <regex>', 'exclude URLs matching this regex (repeatable)').argParser(collect))
    .addOption(new Option('--include <regex>', 'check only URLs matching this regex (repeatable)').argParser(collect))
    .addOption(
      new Option(
        '--header <header>',
        'send "Name: value" (or "host=Name: value" for one host); never sent across origins (repeatable)',
      ).argParser(collect),
    )
    .addOption(new Option('--user-agent <ua>', 'User-Agent header').default(...shown(d.userAgent)))
    .addOption(new Option('--allow-private', 'allow requests to loopback, private and link-local addresses'))
    .addOption(new Option('--check-fragments', 'check that cited #fragments exist on the page'))
    .addOption(new Option('--soft-404-probe', 'fetch a made-up sibling URL to detect soft 404s'))
    .addOption(new Option('--no-check-quotes', 'do not check that quoted text still appears on the cited page'))
    .addOption(new Option('--include-media', 'also check images and iframes'))
    .addOption(
      new Option('--linkify', 'bare URLs in Markdown tables are links too (Jekyll and Hugo print them as text)'),
    )
    .addOption(statusOption())
    .addOption(
      new Option('--config <file>', 'config file (default: citecheck.config.json, or "citecheck" in package.json)'),
    )
    .addOption(new Option('--no-config', 'ignore config files'))
    .addOption(new Option('--no-progress', 'no progress bar on stderr'))
    .addOption(new Option('--no-color', 'no colours (also NO_COLOR=1)'))
    .addOption(new Option('--no-github-annotations', 'in GitHub Actions, do not print ::error/::warning annotations'))
    .addOption(new Option('--no-github-summary', 'in GitHub Actions, do not append to $GITHUB_STEP_SUMMARY'));
}

/** `--status`: read by `wp` from the site and by `check`/`extract` from WordPress exports (WXR). */
function statusOption(): Option {
  return new Option(
    '--status <list>',
    'post statuses to read from a site or a WordPress export, e.g. publish,draft (other than publish needs credentials on a site)',
  ).default(...shown(DEFAULTS.statuses.join(',')));
}

/** The filters of `citecheck wp` (what to read from the site's REST API). */
export function addSiteOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option('--type <list>', 'content types to read, by REST base (posts, pages, or a custom type)').default(
        ...shown(DEFAULTS.postTypes.join(',')),
      ),
    )
    .addOption(new Option('--after <date>', 'only posts published after this date (YYYY-MM-DD or ISO 8601)'))
    .addOption(new Option('--before <date>', 'only posts published before this date (YYYY-MM-DD or ISO 8601)'))
    .addOption(new Option('--modified-after <date>', 'only posts modified after this date (re-audit what changed)'))
    .addOption(new Option('--limit <n>', 'read at most this many posts'));
}

/** Handlers the program calls; injected so the program itself stays declarative. */
export interface ProgramActions {
  check(inputs: string[], opts: Record<string, unknown>, cmd: Command): Promise<void>;
  extract(inputs: string[], opts: Record<string, unknown>, cmd: Command): Promise<void>;
  wp(site: string, opts: Record<string, unknown>, cmd: Command): Promise<void>;
}

/** Builds the commander program. */
export function createProgram(actions: ProgramActions): Command {
  const program = new Command('citecheck')
    .description('Audit the sources of published writing: which claims lost their sources.')
    .version(TOOL_VERSION, '-V, --version')
    .showSuggestionAfterError(true)
    .enablePositionalOptions();

  addCheckOptions(
    program
      .command('check')
      .description('check every link of the inputs and write the citation report')
      .argument('<inputs...>', 'files, directories, globs, http(s) URLs, or - for stdin'),
  ).action(actions.check);

  addSiteOptions(
    addCheckOptions(
      program
        .command('wp')
        .description('audit a WordPress site: read every post through its REST API, check their links, report')
        .argument('<site-url>', 'the site, e.g. https://example.com/ (its REST API is discovered)'),
    ),
  ).action(actions.wp);

  program
    .command('extract')
    .description('print the extracted posts, blocks, links, damaged anchors and claim signals as JSON (no network)')
    .argument('<inputs...>', 'files, directories, globs, or - for stdin')
    .addOption(new Option('--include-media', 'also extract images and iframes'))
    .addOption(
      new Option('--linkify', 'bare URLs in Markdown tables are links too (Jekyll and Hugo print them as text)'),
    )
    .addOption(statusOption())
    .addOption(
      new Option('--exclude <regex>', 'mark URLs matching this regex excluded (repeatable)').argParser(collect),
    )
    .addOption(
      new Option('--include <regex>', 'mark URLs not matching this regex excluded (repeatable)').argParser(collect),
    )
    .addOption(new Option('--config <file>', 'config file'))
    .addOption(new Option('--no-config', 'ignore config files'))
    .action(actions.extract);

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
  citecheck check site.WordPress.2024-06-01.xml      # a WordPress export (Tools → Export)
  citecheck wp https://example.com/ --after 2024-01-01 --report html`,
  );
  return program;
}
