import type { ConfirmRule, HeaderRule } from './options.js';
import type { CommandName, OptionDecl } from './option-decl.js';
import type { StatusMatcher } from './status-ranges.js';
import type { ClaimConfig, ClaimRules } from './claim-config.js';
import type { Shard } from '../types.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';

/** Names of the output formats, in the order --help lists them; the formatter registry is typed by them. */
export const OUTPUT_FORMATS = ['terminal', 'json', 'markdown', 'html', 'junit', 'sarif'] as const;

/** Flags every command takes (the others are for check and wp, the checking commands). */
const ALL_COMMANDS: readonly CommandName[] = ['check', 'extract', 'wp', 'fix'];
/** Flags of `wp` alone: what to read from the site. */
const SITE_COMMAND: readonly CommandName[] = ['wp'];
/** Flags of `fix` alone: where and how the fixes are written. */
const FIX_COMMAND: readonly CommandName[] = ['fix'];
/** Flags of the commands that write a report: the checking ones and `merge`. */
const REPORTING_COMMANDS: readonly CommandName[] = ['check', 'wp', 'fix', 'merge'];
/** The file flags (--config, --no-config): every command. */
const CONFIG_COMMANDS: readonly CommandName[] = ['check', 'extract', 'wp', 'fix', 'merge'];

/** Default cache file used by `--cache` without a path. */
export const DEFAULT_CACHE_PATH = '.citecheck-cache.json';

/** Default directory of `--report FORMAT` files. */
export const DEFAULT_REPORT_DIR = 'reports';

/**
 * Every option of citecheck, declared once, in the order --help lists them. The commander
 * flags, the `ConfigFile` type, the JSON Schema (`npm run gen`), the README's option table,
 * the validators and the compiled `CitecheckOptions` all derive from these entries: a new
 * option is one entry here plus its use.
 *
 * Why these numbers: a citation audit hits many different news and government sites, a few
 * links each, so global parallelism pays while per-host politeness matters more than raw
 * speed. lychee uses 128 global / 10 per host / 50 ms; we run on 2-core CI machines and hit
 * publishers that rate-limit bots, so we use 32 global, 4 per host and 100 ms between request
 * starts to one host (10 req/s), which stays under common CDN bot thresholds.
 */
export const OPTION_TABLE = [
  {
    key: '$schema',
    kind: 'text',
    flag: false,
    value: false,
    help: 'the JSON Schema this file follows, for editors',
  },
  {
    key: 'format',
    kind: 'choice',
    file: false,
    value: false,
    arg: '<name>',
    choices: OUTPUT_FORMATS,
    default: 'terminal',
    help: 'what to print on stdout',
    // fix prints a diff on stdout; its report goes to --report files.
    commands: ['check', 'wp', 'merge'],
  },
  {
    key: 'reports',
    kind: 'reports',
    flag: 'report',
    value: false,
    arg: '<format[:path]>',
    help: `also write a report file (repeatable; default path ${DEFAULT_REPORT_DIR}/citecheck.<ext>)`,
    commands: REPORTING_COMMANDS,
  },
  {
    key: 'failOn',
    kind: 'choice',
    arg: '<severity>',
    choices: ['error', 'warning', 'note', 'never'],
    default: 'error',
    help: 'exit 1 when a finding is at or above this severity',
    commands: REPORTING_COMMANDS,
  },
  {
    key: 'concurrency',
    kind: 'count',
    arg: '<n>',
    min: 1,
    default: 32,
    help: 'global cap of requests in flight',
  },
  {
    key: 'hostConcurrency',
    kind: 'count',
    arg: '<n>',
    min: 1,
    default: 4,
    help: 'cap of requests in flight to one host',
  },
  {
    key: 'hostInterval',
    field: 'hostIntervalMs',
    kind: 'duration',
    arg: '<duration>',
    default: 100,
    help: 'minimum gap between request starts to one host',
  },
  {
    key: 'timeout',
    field: 'timeoutMs',
    kind: 'duration',
    arg: '<duration>',
    positive: true,
    default: 20_000,
    help: 'bound on one whole link check, retries and redirects included (one attempt may wait 3/4 of it)',
    note: 'that is, for headers or between body chunks, so that a hung attempt leaves time for a retry',
  },
  {
    key: 'connectTimeout',
    field: 'connectTimeoutMs',
    kind: 'duration',
    arg: '<duration>',
    default: 10_000,
    help: 'TCP/TLS connect timeout',
  },
  {
    key: 'retries',
    kind: 'count',
    arg: '<n>',
    min: 0,
    max: 10,
    default: 3,
    help: 'retries for 5xx, 408, 429, timeouts and resets',
    note: 'not for 501; with exponential backoff and jitter',
  },
  {
    key: 'retryAfterMax',
    field: 'retryAfterMaxMs',
    kind: 'duration',
    arg: '<duration>',
    default: 60_000,
    help: 'longest Retry-After honoured',
    note: 'a `Retry-After` pauses the whole host; a host asking for longer, or refusing again and again, is given up (see Safety)',
  },
  {
    key: 'maxRedirects',
    kind: 'count',
    arg: '<n>',
    min: 0,
    max: 50,
    default: 10,
    help: 'most redirect hops followed',
  },
  {
    key: 'maxBodyBytes',
    kind: 'bytes',
    arg: '<size>',
    min: 1,
    default: 5 * 1024 * 1024,
    help: 'cap on response body bytes read',
  },
  {
    key: 'maxInputBytes',
    kind: 'bytes',
    arg: '<size>',
    min: 1,
    // Generous for any post or export page; the cap keeps a hostile or mistaken input (a
    // database dump, /dev/zero) from taking the machine's memory.
    default: 50 * 1024 * 1024,
    help: 'cap on the bytes of one input read whole: a JSON, HTML or Markdown file, stdin, an input URL',
    note: 'a larger input stops the run (exit 2), even one found in a folder; a WordPress export (`.xml`) is streamed: the cap is on each field of a post, and a post with a larger content is reported without it, with a warning',
    commands: ALL_COMMANDS,
  },
  {
    key: 'method',
    kind: 'choice',
    arg: '<method>',
    choices: ['get', 'head'],
    default: 'get',
    help: 'GET, or HEAD falling back to GET (HEAD cannot see soft 404 pages)',
    note: 'HEAD reads no page, so it cannot see a quote either; fragment and quote checks use GET anyway',
  },
  {
    key: 'accept',
    kind: 'statuses',
    arg: '<ranges>',
    default: '200..299',
    help: 'status codes counted as ok, e.g. 200..299,403',
  },
  {
    key: 'cache',
    kind: 'cache',
    arg: '[file]',
    help: `reuse ok results across runs (default file ${DEFAULT_CACHE_PATH}; name another with --cache=FILE)`,
    note:
      'in the config file `true` or a path; failures are always re-checked, with their history; URLs not checked ' +
      'for 90 days are forgotten; an ok is reused only under the same accept, method, headers and private-address ' +
      'settings, and is marked `fromCache` (`cached` in the terminal)',
  },
  {
    key: 'cacheMaxAge',
    field: 'cacheMaxAgeMs',
    kind: 'duration',
    arg: '<duration>',
    default: 24 * 60 * 60 * 1000,
    help: 'how long an ok result is reused from the cache',
  },
  {
    key: 'offline',
    kind: 'switch',
    default: false,
    help: 'make no request; http(s) links are reported unchecked (wp and fix refuse it: they need the network)',
    // Scripts pass one flag set to every command; extract is offline anyway, so it accepts the flag.
    commands: ALL_COMMANDS,
    extractHelp: 'accepted and changes nothing: extract never makes a request',
  },
  {
    key: 'exclude',
    kind: 'patterns',
    arg: '<regex>',
    default: [],
    help: 'exclude URLs matching this regex (repeatable)',
    commands: ALL_COMMANDS,
    extractHelp: 'mark URLs matching this regex excluded (repeatable)',
  },
  {
    key: 'include',
    kind: 'patterns',
    arg: '<regex>',
    default: [],
    help: 'check only URLs matching this regex (repeatable)',
    note: "a URL an include pattern matches is checked even when an exclude pattern, a reserved name, a host's `check: false`, a `citecheck-ignore` comment or the `ignore` list would exclude it (the private-address policy still needs `--allow-private`)",
    commands: ALL_COMMANDS,
    extractHelp: 'mark URLs not matching this regex excluded (repeatable)',
  },
  {
    key: 'headers',
    kind: 'headers',
    flag: 'header',
    arg: '<header>',
    default: {},
    help: 'send "Name: value" (or "host=Name: value" for one host); never sent across origins (repeatable)',
    note: 'in the config file an object of header name → value, sent to every host; a credential (Authorization, Proxy-Authorization, Cookie) must name its host in `check` (`wp` sends headers without a host to the site alone)',
  },
  {
    key: 'userAgent',
    kind: 'headerValue',
    arg: '<ua>',
    default: `${TOOL_NAME}/${TOOL_VERSION}`,
    help: 'User-Agent header',
  },
  {
    key: 'allowPrivate',
    kind: 'switch',
    default: false,
    help: 'allow requests to loopback, private and link-local addresses, and check the local names localhost, *.localhost and *.test',
    note: 'refused by default, see Safety: for auditing a local or staging site',
  },
  {
    key: 'checkFragments',
    kind: 'switch',
    default: false,
    help: 'check that cited #fragments exist on the page',
    note: 'a cited `#id` missing on the page raises `FRAGMENT_MISSING`',
  },
  {
    key: 'soft404Probe',
    kind: 'switch',
    default: false,
    help: 'fetch a made-up sibling URL to detect soft 404s',
  },
  {
    key: 'checkQuotes',
    kind: 'switch',
    negate: true,
    default: true,
    help: 'do not check that quoted text still appears on the cited page',
    keyHelp: 'check that text the post quotes still appears on the cited page (`QUOTE_NOT_FOUND`)',
  },
  {
    key: 'includeMedia',
    kind: 'switch',
    default: false,
    help: 'also check images and iframes',
    commands: ALL_COMMANDS,
    extractHelp: 'also extract images and iframes',
  },
  {
    key: 'countAsSource',
    kind: 'patterns',
    arg: '<regex>',
    default: [],
    help: 'count links matching this regex as sources even when they look like tags, share buttons, navigation or links on names to their own pages (repeatable)',
    note: 'links that are not sources keep a `role` in the JSON and are never counted; see "What counts as a source"',
    commands: ALL_COMMANDS,
  },
  {
    key: 'linkify',
    kind: 'switch',
    default: false,
    help: 'bare URLs in Markdown tables are links too (Jekyll and Hugo print them as text)',
    commands: ALL_COMMANDS,
  },
  {
    key: 'ignore',
    kind: 'urls',
    flag: false,
    default: [],
    help: 'URLs never checked, reported excluded: exact URLs, compared normalised, with or without the #fragment',
    note: 'for patterns use `exclude`; in a post, `<!-- citecheck-ignore -->` comments do the same for one link (see Ignoring links)',
  },
  {
    key: 'claims',
    kind: 'claims',
    flag: false,
    default: {},
    help: 'additions to the claim-signal rules: attributionWords, attributionIgnore, figureIgnore, statementIgnore, causalIgnore, firsthandWords, firsthandIgnore, outletNames',
    note: 'see Claim signals',
  },
  {
    key: 'baseUrl',
    kind: 'url',
    arg: '<url>',
    help: 'base URL for relative links in files that do not say their own URL',
    note: 'a post’s own URL (WordPress `link`, canonical, front matter) or `<base href>` wins',
    commands: ['check', 'extract', 'fix'],
  },
  {
    key: 'archive',
    kind: 'choice',
    arg: '<which>',
    choices: ['never', 'failing', 'all'],
    default: 'failing',
    help: 'look up archived copies of failing citations, of all, or never',
    note: 'never with `--offline`; see Archived copies and changed sources',
  },
  {
    key: 'archiveEndpoint',
    kind: 'endpoint',
    arg: '<base-url>',
    default: 'https://web.archive.org',
    help: 'Wayback-compatible archive (serves /wayback/available, /cdx/search/cdx, /web/…); told of links to private hosts only when its own host is private',
    note: 'a local archive: a private or loopback address, an intranet-only name, or a name every address of which is private; see Safety',
  },
  {
    key: 'confirm',
    kind: 'confirm',
    arg: '<n>x<span>',
    help: 'with --cache: a timeout, reset or 5xx is an error only after n failed checks spanning span (e.g. 3x3d)',
    note: 'until then a `LINK_FAILING` warning; a 404/410 is dead at once',
  },
  {
    key: 'drift',
    kind: 'switch',
    default: false,
    help: 'compare each live source with its archived copy near the post date',
    note: 'a similarity per citation in JSON and HTML; `SOURCE_CHANGED` below 0.5',
  },
  {
    key: 'status',
    field: 'statuses',
    kind: 'names',
    arg: '<list>',
    default: 'publish',
    commands: ALL_COMMANDS,
    help: 'post statuses to read from a site or a WordPress export, e.g. publish,draft (other than publish needs credentials on a site)',
    note: 'or `any`; on a site, statuses other than publish need an application password given as `--header "Authorization: Basic …"`',
  },
  {
    key: 'shard',
    kind: 'shard',
    arg: '<k/n>',
    commands: ['check', 'wp'],
    help: 'check only the links of shard k of n, split by site; writes a JSON report for citecheck merge',
    note: "a stable hash of the registrable domain of the link's host picks the shard; claims without links are reported by shard 1",
  },
  {
    key: 'hosts',
    kind: 'hosts',
    flag: false,
    default: {},
    help: 'per-host overrides, keyed by host name (or host:port)',
  },
  {
    key: 'config',
    kind: 'path',
    file: false,
    value: false,
    arg: '<file>',
    help: 'config file (default: citecheck.config.json, or "citecheck" in package.json)',
    commands: CONFIG_COMMANDS,
    extractHelp: 'config file',
  },
  {
    key: 'config',
    kind: 'switch',
    negate: true,
    file: false,
    value: false,
    help: 'ignore config files',
    commands: CONFIG_COMMANDS,
  },
  {
    key: 'progress',
    kind: 'switch',
    negate: true,
    file: false,
    value: false,
    help: 'no progress bar on stderr',
  },
  {
    key: 'color',
    kind: 'switch',
    negate: true,
    file: false,
    value: false,
    help: 'no colours (also NO_COLOR=1)',
    commands: REPORTING_COMMANDS,
  },
  {
    key: 'verbose',
    kind: 'switch',
    file: false,
    value: false,
    help: 'terminal report of more than 50 posts (an archive): list every post, not only the failing citations',
    commands: REPORTING_COMMANDS,
  },
  {
    key: 'githubAnnotations',
    kind: 'switch',
    negate: true,
    file: false,
    value: false,
    help: 'in GitHub Actions, do not print ::error/::warning annotations',
    commands: REPORTING_COMMANDS,
  },
  {
    key: 'githubSummary',
    kind: 'switch',
    negate: true,
    file: false,
    value: false,
    help: 'in GitHub Actions, do not append to $GITHUB_STEP_SUMMARY',
    commands: REPORTING_COMMANDS,
  },
  {
    key: 'type',
    field: 'postTypes',
    kind: 'names',
    arg: '<list>',
    default: 'posts,pages',
    commands: SITE_COMMAND,
    help: 'content types to read, by REST base (posts, pages, or a custom type)',
  },
  {
    key: 'after',
    kind: 'date',
    arg: '<date>',
    commands: SITE_COMMAND,
    help: 'only posts published after this date (YYYY-MM-DD or ISO 8601)',
  },
  {
    key: 'before',
    kind: 'date',
    arg: '<date>',
    commands: SITE_COMMAND,
    help: 'only posts published before this date (YYYY-MM-DD or ISO 8601)',
  },
  {
    key: 'modifiedAfter',
    kind: 'date',
    arg: '<date>',
    commands: SITE_COMMAND,
    help: 'only posts modified after this date (re-audit what changed)',
  },
  {
    key: 'limit',
    kind: 'count',
    arg: '<n>',
    min: 1,
    commands: SITE_COMMAND,
    help: 'read at most this many posts',
  },
  {
    key: 'write',
    kind: 'switch',
    file: false,
    value: false,
    commands: FIX_COMMAND,
    help: 'rewrite Markdown and HTML files in place (default: print a unified diff)',
  },
  {
    key: 'out',
    kind: 'path',
    file: false,
    value: false,
    arg: '<dir>',
    commands: FIX_COMMAND,
    help: 'write the fixed files under this folder (how WordPress JSON is written)',
  },
  {
    key: 'deadLink',
    kind: 'choice',
    file: false,
    value: false,
    arg: '<how>',
    choices: ['archive', 'annotate'],
    default: 'archive',
    commands: FIX_COMMAND,
    help: 'a dead source: link its archived copy, or keep it and annotate it',
  },
  {
    key: 'robust',
    kind: 'choice',
    file: false,
    value: false,
    arg: '<which>',
    choices: ['failing', 'all'],
    default: 'failing',
    commands: FIX_COMMAND,
    help: 'add Robust Links attributes to failing citations, or to all with a capture',
  },
] as const satisfies readonly OptionDecl[];

/** The keys of one entry of the config file's `hosts` map, declared the same way. */
export const HOST_OPTION_TABLE = [
  { key: 'concurrency', kind: 'count', min: 1, help: 'cap of requests in flight to this host' },
  {
    key: 'interval',
    field: 'intervalMs',
    kind: 'duration',
    help: 'minimum gap between request starts to this host',
  },
  {
    key: 'headers',
    kind: 'headerMap',
    help: 'headers sent only to this host (never across a redirect to another origin)',
  },
  { key: 'accept', kind: 'statuses', help: 'status codes counted as ok for this host, e.g. 200..299,403' },
  {
    key: 'check',
    kind: 'switch',
    help: "false: list this host's links as unchecked without requesting them",
    note: 'for hosts that always wall off bots; an `--include` pattern that matches a URL still has it checked',
  },
] as const satisfies readonly OptionDecl[];

/** The TypeScript type of each kind: as written in the config file, and compiled for the run. */
interface KindTypes {
  count: { file: number; value: number };
  bytes: { file: number | string; value: number };
  duration: { file: number | string; value: number };
  switch: { file: boolean; value: boolean };
  text: { file: string; value: string };
  headerValue: { file: string; value: string };
  url: { file: string; value: string | undefined };
  choice: { file: string; value: string };
  patterns: { file: string[]; value: RegExp[] };
  statuses: { file: string; value: StatusMatcher };
  headers: { file: Record<string, string>; value: HeaderRule[] };
  headerMap: { file: Record<string, string>; value: Record<string, string> };
  cache: { file: boolean | string; value: string | undefined };
  reports: { file: string[]; value: string[] };
  hosts: { file: Record<string, HostConfig>; value: Record<string, HostOverride> };
  path: { file: string; value: string };
  names: { file: string; value: string[] };
  date: { file: string; value: string };
  urls: { file: string[]; value: string[] };
  claims: { file: ClaimConfig; value: ClaimRules };
  endpoint: { file: string; value: string };
  confirm: { file: string; value: ConfirmRule };
  shard: { file: string; value: Shard };
}

type Decl = (typeof OPTION_TABLE)[number];
type HostDecl = (typeof HOST_OPTION_TABLE)[number];
type FileType<D> = D extends { readonly choices: readonly (infer C)[] }
  ? C
  : D extends { readonly kind: infer K extends keyof KindTypes }
    ? KindTypes[K]['file']
    : never;
type KindValue<D> = D extends { readonly choices: readonly (infer C)[] }
  ? C
  : D extends { readonly kind: infer K extends keyof KindTypes }
    ? KindTypes[K]['value']
    : never;
/** An option without a default is undefined until someone sets it. */
type ValueType<D> = D extends { readonly default: unknown } ? KindValue<D> : KindValue<D> | undefined;
type Field<D> = D extends { readonly field: infer F extends string }
  ? F
  : D extends { readonly key: infer K extends string }
    ? K
    : never;

/** The config file's shape (citecheck.config.json or package.json#citecheck), from OPTION_TABLE. */
export type ConfigFile = { -readonly [D in Exclude<Decl, { readonly file: false }> as D['key']]?: FileType<D> };

/** One entry of the config file's `hosts` map, from HOST_OPTION_TABLE. */
export type HostConfig = { -readonly [D in HostDecl as D['key']]?: FileType<D> };

/** Per-host overrides, compiled (interval in ms, accept as a status matcher). */
export type HostOverride = { -readonly [D in HostDecl as Field<D>]?: ValueType<D> };

/** The run's options that OPTION_TABLE declares, compiled (durations in ms, regexes, status matchers). */
export type TableOptions = { -readonly [D in Exclude<Decl, { readonly value: false }> as Field<D>]: ValueType<D> };
