/**
 * citecheck's public API: the same pipeline the CLI runs, as functions.
 *
 *   const report = await runCheck(['post.json'], resolveOptions(undefined, {}));
 *   console.log(FORMATTERS.markdown.render(report));
 */
export type * from './types.js';
export { LINK_STATUSES } from './types.js';
export { CitecheckError, UsageError, ConfigError, InputError, OutputError, EXIT } from './errors.js';
export type { CitecheckOptions, HostOverride, HeaderRule } from './config/options.js';
export { DEFAULTS } from './config/defaults.js';
export { parseDuration, formatDuration } from './config/duration.js';
export { loadConfig, validateConfig, type ConfigFile, type HostConfig } from './config/load.js';
export { resolveOptions } from './config/resolve.js';
export { parseStatusRanges, type StatusMatcher } from './config/status-ranges.js';
export { compilePattern } from './config/patterns.js';
export { loadInputs, parseDocument } from './sources/index.js';
export { extractPost } from './extract/index.js';
export { normalizeUrl } from './extract/normalize-url.js';
export { collectTargets } from './links/targets.js';
export { planTargets, type Plan, type PlannedTarget, type PlanAction, type PlanRule } from './links/plan.js';
export { checkTargets, checkPlan, type CheckDeps, type CheckRun } from './check/index.js';
export { buildReport, exitCodeForReport } from './report/build.js';
export { FINDING_CODES } from './report/codes.js';
export { FORMATTERS, type FormatName, type Formatter, type RenderOptions } from './formatters/index.js';
export { runCheck, runExtract, type RunDeps } from './run.js';
export { runSite, type SiteRun, type SiteRunDeps } from './run-site.js';
export { readInputs } from './sources/index.js';
export { readSite, discoverApiRoot, type SiteQuery, type SiteProgress } from './sources/wp-site.js';
export { readWxr, parseWxr, type WxrOptions } from './sources/wxr.js';
export { recognizeArchiveUrl, type ArchiveUrlInfo } from './archive/archive-url.js';
export { findArchives, type ArchiveRun } from './archive/find-archives.js';
export { fixReport, unifiedDiff, type FixOptions, type FixResult, type FixedFile } from './fix/index.js';
