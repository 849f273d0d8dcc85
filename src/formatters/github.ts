import type { Report, Severity } from '../types.js';
import { sanitizeText } from './escape.js';
import { findingMessages } from './note-view.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', note: 'notice' };

// A byte of a file name that is not UTF-8, as a folder's walk shows it (`\xff`: folder-walk.ts).
// A workflow command is UTF-8 text, so no `file=` can name such a file: the runner would look
// for one whose name holds the four characters `\xff`, which does not exist.
const NOT_UTF8_BYTE = /\\x[89a-f][0-9a-f]/;

/**
 * GitHub Actions workflow commands, one per finding: `::error file=…,line=…,title=CODE::message`.
 * Files are the post sources as given (relative to the job's working directory); URL and
 * stdin sources get no `file`, nor does a file name holding control characters or shown with
 * `\xHH` escapes for bytes that are not UTF-8 (it is named at the start of the message instead). Text goes through the one sanitiser first (no escape sequences,
 * bidi controls or runner commands reach the log), then the Actions toolkit's escaping
 * (`escapeData`, `escapeProperty`), so a hostile message cannot end the command or inject another.
 */
export function renderGithubAnnotations(report: Report): string {
  const messageOf = findingMessages(report);
  const lines = report.findings.map((f) => {
    const props: string[] = [];
    let where = '';
    const source = f.source || report.posts[f.post]?.source || '';
    if (source !== '' && source !== '-' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
      // Line breaks and tabs survive the toolkit's escaping (the runner decodes %0A back): such a
      // name is given exactly. Anything else the sanitiser removes cannot be.
      const breaks = source.replace(/[\t\r\n]/g, '');
      if (sanitizeText(breaks) === breaks && !NOT_UTF8_BYTE.test(source)) {
        props.push(`file=${escapeProperty(source)}`);
        if (f.line !== undefined) props.push(`line=${f.line}`);
      } else {
        // A name holding controls, or bytes that are not UTF-8, cannot be given whole: cleaned or
        // escaped, it would name a file that does not exist. Name it in the message.
        const clean = sanitizeText(source);
        where = f.line === undefined ? `${clean}: ` : `${clean}:${f.line}: `;
      }
    }
    props.push(`title=${escapeProperty(f.code)}`);
    return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(sanitizeText(where + messageOf(f)))}`;
  });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** Escapes a workflow command's message (toolkit `escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command property value (toolkit `escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
