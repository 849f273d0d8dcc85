import { TOOL_NAME } from '../version.js';

// How each of our report formats begins (see src/formatters): enough to know our own output.
const HTML_GENERATOR = new RegExp(`<meta name="generator" content="${TOOL_NAME}[ "]`);
const MARKDOWN_TITLE = `## ${TOOL_NAME}: citation report`;
const JSON_HEAD = new RegExp(
  `^\\s*\\{\\s*"schemaVersion"\\s*:\\s*\\d+\\s*,\\s*"tool"\\s*:\\s*\\{\\s*"name"\\s*:\\s*"${TOOL_NAME}"`,
);
const SARIF_HEAD = new RegExp(
  `^\\s*\\{\\s*"\\$schema"\\s*:\\s*"[^"]*sarif[^"]*"\\s*,\\s*"version"\\s*:\\s*"[^"]*"\\s*,\\s*"runs"\\s*:\\s*\\[\\s*\\{\\s*"tool"\\s*:\\s*\\{\\s*"driver"\\s*:\\s*\\{\\s*"name"\\s*:\\s*"${TOOL_NAME}"`,
);
const JUNIT_HEAD = new RegExp(`^(<\\?xml[^>]*\\?>\\s*)?<testsuites name="${TOOL_NAME}"`);
const TERMINAL_HEAD = new RegExp(`^${TOOL_NAME} \\S+ · citation report`);

/**
 * True for a report citecheck wrote, in any of its formats. `check .` would otherwise read
 * last run's reports/ as posts and check the links of its own report; and a report path may
 * overwrite only a file of this kind (or an empty one).
 */
export function isOwnReport(data: Buffer): boolean {
  const head = data.subarray(0, 4096).toString('utf8');
  return (
    HTML_GENERATOR.test(head) ||
    head.startsWith(MARKDOWN_TITLE) ||
    JSON_HEAD.test(head) ||
    SARIF_HEAD.test(head) ||
    JUNIT_HEAD.test(head) ||
    TERMINAL_HEAD.test(head)
  );
}
