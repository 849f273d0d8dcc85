import { TOOL_NAME } from '../version.js';

// How each of our report formats begins (see src/formatters): enough to know our own output.
const HTML_GENERATOR = new RegExp(`<meta name="generator" content="${TOOL_NAME}[ "]`);
const MARKDOWN_TITLE = `## ${TOOL_NAME}: citation report`;
const JUNIT_HEAD = new RegExp(`^<\\?xml[^>]*\\?>\\s*<testsuites name="${TOOL_NAME}"`);
const JSON_HEAD = new RegExp(
  `^\\s*\\{\\s*"schemaVersion"\\s*:\\s*\\d+\\s*,\\s*"tool"\\s*:\\s*\\{\\s*"name"\\s*:\\s*"${TOOL_NAME}"`,
);

/**
 * True for a report citecheck wrote (HTML, Markdown, JSON or JUnit XML). `check .` would otherwise read
 * last run's reports/ as posts and check the links of its own report.
 */
export function isOwnReport(data: Buffer): boolean {
  const head = data.subarray(0, 4096).toString('utf8');
  return HTML_GENERATOR.test(head) || head.startsWith(MARKDOWN_TITLE) || JSON_HEAD.test(head) || JUNIT_HEAD.test(head);
}
