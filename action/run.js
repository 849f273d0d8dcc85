#!/usr/bin/env node
/**
 * The step of the citecheck GitHub Action (action.yml) that runs citecheck: builds its command
 * line from the action's inputs (passed as CITECHECK_* variables), runs it, writes the step's
 * outputs to $GITHUB_OUTPUT, and exits with what the step should: 0 when nothing is at or above
 * --fail-on (or `fail` is false), 1 for findings, citecheck's own code (2 usage or input error,
 * 3 internal error, 130/143 stopped) otherwise. citecheck itself writes the job summary and the
 * annotations (it knows it runs in GitHub Actions). No dependencies: it runs from the action's
 * checkout. Tested by test/action/run-action.test.ts under a simulated GITHUB_ACTIONS.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** File extension of each report format (the formatter registry's, src/formatters/index.ts). */
export const EXTENSIONS = { terminal: 'txt', json: 'json', markdown: 'md', html: 'html', junit: 'xml', sarif: 'sarif' };

/** Commands that check links, and so take --cache. */
const CHECKING = new Set(['check', 'wp']);

/**
 * Splits the `args` input the way a shell would, without running one: words separated by
 * whitespace, '…' and "…" quoting, backslash escaping outside single quotes. Throws on an
 * unclosed quote.
 */
export function splitArgs(text) {
  const words = [];
  let word = '';
  let inWord = false;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote === "'") {
      if (ch === "'") quote = '';
      else word += ch;
    } else if (ch === '\\' && i + 1 < text.length && (quote === '' || /["\\$`]/.test(text[i + 1]))) {
      word += text[++i];
      inWord = true;
    } else if (quote === '"') {
      if (ch === '"') quote = '';
      else word += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (quote) throw new Error(`args: unclosed ${quote} quote`);
  if (inWord) words.push(word);
  return words;
}

const isTrue = (value, fallback) => (value === undefined || value === '' ? fallback : /^(true|yes|1|on)$/i.test(value));

/** The action's settings, from its environment (action.yml maps each input to a CITECHECK_* variable). */
export function settingsFrom(env) {
  const formats = (env.CITECHECK_REPORTS ?? 'json,html,sarif,markdown')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  for (const format of formats)
    if (!(format in EXTENSIONS))
      throw new Error(`reports: unknown format "${format}" (${Object.keys(EXTENSIONS).join(', ')})`);
  return {
    args: splitArgs(env.CITECHECK_ARGS ?? ''),
    formats,
    reportDir: env.CITECHECK_REPORT_DIR || 'citecheck-reports',
    cache: isTrue(env.CITECHECK_CACHE, true),
    cacheFile: env.CITECHECK_CACHE_FILE || '.citecheck-cache.json',
    fail: isTrue(env.CITECHECK_FAIL, true),
    summary: isTrue(env.CITECHECK_SUMMARY, true),
    annotations: isTrue(env.CITECHECK_ANNOTATIONS, true),
    cli: env.CITECHECK_CLI || 'citecheck',
  };
}

/** The command line of citecheck for these settings, and the report files it will write. */
export function commandLine(settings) {
  const { args } = settings;
  if (args.length === 0) throw new Error('args: give the citecheck command, e.g. "check content/"');
  const reports = Object.fromEntries(
    settings.formats.map((format) => [format, path.join(settings.reportDir, `citecheck.${EXTENSIONS[format]}`)]),
  );
  const argv = [...args];
  for (const [format, file] of Object.entries(reports)) argv.push('--report', `${format}:${file}`);
  if (settings.cache && CHECKING.has(args[0]) && !args.some((a) => a === '--cache' || a.startsWith('--cache=')))
    argv.push(`--cache=${settings.cacheFile}`);
  if (!settings.summary) argv.push('--no-github-summary');
  if (!settings.annotations) argv.push('--no-github-annotations');
  return { argv, reports };
}

/** Runs citecheck (a .js file with this Node, or a command on the PATH); resolves to its exit code. */
function runCitecheck(cli, argv) {
  const [command, args] = cli.endsWith('.js') ? [process.execPath, [cli, ...argv]] : [cli, argv];
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32' && command === cli });
    child.once('error', (error) => {
      process.stderr.write(`citecheck action: cannot run ${cli}: ${error.message}\n`);
      resolve(3);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal === 'SIGTERM' ? 143 : 130)));
  });
}

/** Appends `name=value` lines to $GITHUB_OUTPUT (values here never hold a newline). */
function writeOutputs(file, outputs) {
  if (!file) return;
  const lines = Object.entries(outputs).map(([name, value]) => `${name}=${String(value).replace(/[\r\n]+/g, ' ')}\n`);
  appendFileSync(file, lines.join(''));
}

/** The findings per severity of the JSON report, when one was written and is readable. */
function findingCounts(jsonFile) {
  if (!jsonFile || !existsSync(jsonFile)) return undefined;
  try {
    return JSON.parse(readFileSync(jsonFile, 'utf8')).totals?.findings;
  } catch {
    return undefined;
  }
}

/** The whole step; returns the exit code the step should have. */
export async function runAction(env = process.env) {
  let settings;
  let command;
  try {
    settings = settingsFrom(env);
    command = commandLine(settings);
  } catch (error) {
    process.stderr.write(`citecheck action: ${error.message}\n`);
    writeOutputs(env.GITHUB_OUTPUT, { 'exit-code': 2 });
    return 2;
  }
  mkdirSync(settings.reportDir, { recursive: true });
  const code = await runCitecheck(settings.cli, command.argv);
  const outputs = { 'exit-code': code, 'report-dir': settings.reportDir };
  const counts = findingCounts(command.reports.json);
  if (counts) Object.assign(outputs, { errors: counts.error, warnings: counts.warning, notes: counts.note });
  for (const [format, file] of Object.entries(command.reports)) if (existsSync(file)) outputs[format] = file;
  writeOutputs(env.GITHUB_OUTPUT, outputs);
  if (code === 1 && !settings.fail) {
    process.stderr.write('citecheck action: findings at or above --fail-on, but fail is false: the step passes\n');
    return 0;
  }
  return code;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runAction();
}
