import { sha256Of } from '../hash.js';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Report, Severity } from '../types.js';
import { FINDING_CODES, FINDING_CODE_LIST } from '../report/codes.js';
import { guardJsonText } from './escape.js';
import type { RenderOptions } from './render-options.js';
import { findingMessages } from './note-view.js';
import { isUrlInput } from '../sources/input-kind.js';

// The package page is the tool's public home until the project publishes a repository URL.
const INFORMATION_URI = 'https://www.npmjs.com/package/citecheck';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', note: 'note' };

/**
 * SARIF 2.1.0: one rule per finding code (id = code, level from the code table), one result
 * per finding, located in the input file (relative to `options.cwd`, with the line when
 * known) or at the post's URL. Deterministic: no absolute times beyond the run's own.
 */
export function renderSarif(report: Report, options: RenderOptions = {}): string {
  return [...renderSarifChunks(report, options)].join('');
}

// Results written fifty at a time (a piece stays well under 128 KB): an archive has hundreds of thousands.
const RESULTS_PER_CHUNK = 50;
// Stands for the results in the document, whose text is then cut around `"results": "<mark>"`.
const RESULTS_MARK = '__citecheck_results__';
const RESULTS_AT = `"results": ${JSON.stringify(RESULTS_MARK)}`;
// The indentation of the run's results in JSON.stringify(sarif, null, 2).
const RESULTS_INDENT = '        ';

/**
 * The SARIF document of renderSarif in pieces: the document around the results, and the results
 * a hundred at a time, each built only when written. Joined, exactly renderSarif's text.
 */
export function* renderSarifChunks(report: Report, options: RenderOptions = {}): Generator<string> {
  const ruleIndex = new Map(FINDING_CODE_LIST.map((code, i) => [code, i]));
  const rules = FINDING_CODE_LIST.map((code) => {
    const info = FINDING_CODES[code];
    return {
      id: code,
      name: pascal(code),
      shortDescription: { text: info.title },
      fullDescription: { text: info.help },
      help: { text: info.help },
      defaultConfiguration: { level: LEVEL[info.severity] },
      properties: { tags: ['citations'] },
    };
  });
  // A finding in a footnote, source line or reference entry names it and the claims it credits.
  const messageOf = findingMessages(report);
  const result = (f: Finding) => ({
    ruleId: f.code,
    ruleIndex: ruleIndex.get(f.code) ?? 0,
    level: LEVEL[f.severity],
    message: { text: messageOf(f) },
    locations: [location(f, report, options.cwd)],
    partialFingerprints: { 'citecheckFinding/v1': fingerprint(f, report) },
    properties: {
      post: f.post,
      ...(f.block !== undefined ? { block: f.block } : {}),
      ...(f.url !== undefined ? { url: f.url } : {}),
      args: f.args,
    },
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        invocations: [{ executionSuccessful: report.interrupted !== true, startTimeUtc: report.startedAt }],
        columnKind: 'utf16CodeUnits',
        results: RESULTS_MARK,
        properties: { totals: report.totals, interrupted: report.interrupted === true },
      },
    ],
  };
  // Inert when printed (see guardJsonText), piece by piece as the whole document was.
  const text = `${guardJsonText(JSON.stringify(sarif, null, 2))}\n`;
  const at = text.indexOf(RESULTS_AT) + '"results": '.length;
  const rest = text.slice(at + JSON.stringify(RESULTS_MARK).length);
  const findings = report.findings;
  if (findings.length === 0) {
    yield `${text.slice(0, at)}[]${rest}`;
    return;
  }
  yield `${text.slice(0, at)}[\n`;
  for (let i = 0; i < findings.length; i += RESULTS_PER_CHUNK) {
    const items = findings
      .slice(i, i + RESULTS_PER_CHUNK)
      .map(
        (f) => RESULTS_INDENT + guardJsonText(JSON.stringify(result(f), null, 2)).replace(/\n/g, `\n${RESULTS_INDENT}`),
      );
    yield `${items.join(',\n')}${i + RESULTS_PER_CHUNK < findings.length ? ',\n' : ''}`;
  }
  yield `\n${RESULTS_INDENT.slice(2)}]${rest}`;
}

function location(f: Finding, report: Report, cwd: string | undefined) {
  const source = f.source || report.posts[f.post]?.source || '';
  if (isUrlInput(source)) {
    return { physicalLocation: { artifactLocation: { uri: source } }, logicalLocations: logical(f) };
  }
  const uri = source === '-' ? 'stdin' : fileUri(source, cwd);
  const region = f.line !== undefined && f.line >= 1 ? { region: { startLine: f.line } } : {};
  return { physicalLocation: { artifactLocation: { uri }, ...region }, logicalLocations: logical(f) };
}

function logical(f: Finding) {
  return [
    {
      name: f.block !== undefined ? `block ${f.block}` : 'post',
      kind: 'element',
      fullyQualifiedName: `post ${f.post}${f.block !== undefined ? `/block ${f.block}` : ''}`,
    },
  ];
}

// A byte of a file name that is not UTF-8 is shown `\xff` (folder-walk.ts), percent-encoded
// `%5Cxff`, the four characters `\xff`, which name no file. (A `%` of the name itself is encoded `%25`.)
const ENCODED_BYTE_ESCAPE = /%5Cx([89a-f][0-9a-f])/g;

/**
 * A relative URI reference (forward slashes, percent-encoded) when the file is under `cwd`,
 * which is what GitHub code scanning resolves against the repository root; else a file: URL.
 * A byte that is not UTF-8 is encoded as itself (`%FF`), so the URI names the real file.
 */
function fileUri(source: string, cwd: string | undefined): string {
  const base = cwd ?? process.cwd();
  const absolute = path.resolve(base, source);
  const relative = path.relative(base, absolute);
  const uri =
    relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
      ? relative.split(path.sep).map(encodeURIComponent).join('/')
      : pathToFileURL(absolute).href;
  return uri.replace(ENCODED_BYTE_ESCAPE, (_, hex: string) => `%${hex.toUpperCase()}`);
}

function fingerprint(f: Finding, report: Report): string {
  const key = [
    f.code,
    report.posts[f.post]?.source ?? f.source,
    f.block ?? '',
    f.url ?? '',
    f.args.anchorText ?? '',
    f.args.repair ?? '',
  ].join('\u0000');
  return sha256Of(key, 'hex').slice(0, 32);
}

function pascal(code: string): string {
  return code
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}
