import { InputError } from '../errors.js';
import type { InputKind, InputWarning, Post } from '../types.js';
import { decodeDocument, NotTextError, type DecodedDocument } from './decode.js';
import { lineColumn } from './json-repair.js';
import { parseHtmlDocument } from './html.js';
import { parseMarkdownDocument } from './markdown.js';
import { skipPhpOutput } from './php-output.js';
import { parseWordPress } from './wordpress.js';
import { looksLikeWxr, parseWxr } from './wxr.js';

/** Where a document came from, for sniffing its format and naming it in errors. */
export interface DocumentMeta {
  /** File path as given, URL, or "-". */
  source: string;
  /** Content-Type of a fetched document. */
  contentType?: string;
  /** URL the document was fetched from (base for relative links when the page names none). */
  url?: string;
  /** Post statuses read from a WordPress export (default: publish). */
  statuses?: readonly string[];
}

const BY_EXTENSION: Record<string, InputKind> = {
  json: 'wordpress',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  md: 'markdown',
  markdown: 'markdown',
};

/** Format from the file extension, then the content type; undefined when neither tells. */
function declaredKind(meta: DocumentMeta): InputKind | undefined {
  const path = meta.source.startsWith('http') ? safePathname(meta.source) : meta.source;
  const ext = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (ext && BY_EXTENSION[ext]) return BY_EXTENSION[ext];
  const type = meta.contentType?.toLowerCase() ?? '';
  if (/json/.test(type)) return 'wordpress';
  if (/html/.test(type)) return 'html';
  if (/markdown/.test(type)) return 'markdown';
  return undefined;
}

/** True for a document that says it is XML (not XHTML): by extension or content type. */
function isDeclaredXml(meta: DocumentMeta): boolean {
  const path = meta.source.startsWith('http') ? safePathname(meta.source) : meta.source;
  const type = meta.contentType?.toLowerCase().split(';')[0].trim() ?? '';
  return /\.xml$/i.test(path) || (/^(?:text|application)\/(?:[\w.-]+\+)?xml$/.test(type) && !type.includes('xhtml'));
}

/** The path of a URL, or '' when it does not parse. */
function safePathname(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

/**
 * Format from the first non-blank character: `{`/`[` JSON, `<` HTML, else Markdown. PHP warnings
 * before JSON (`<br />\n<b>Warning</b>: …`) start with `<` but are a damaged JSON export.
 */
function sniffKind(text: string): InputKind {
  const first = /\S/.exec(text)?.[0];
  if (first === '{' || first === '[' || skipPhpOutput(text)) return 'wordpress';
  if (first === '<') return 'html';
  return 'markdown';
}

/** True when the bytes start like HTML (for picking the charset rules before decoding). */
function startsLikeHtml(data: Buffer | string): boolean {
  const head = typeof data === 'string' ? data.slice(0, 64) : data.subarray(0, 64).toString('latin1');
  return /^\s*(?:\uFEFF|\xEF\xBB\xBF)?\s*</.test(head);
}

/** The error for an input with no text; standard input ("-") is named as such, it is no file. */
function emptyInput(source: string): InputError {
  return new InputError(source === '-' ? 'standard input is empty' : `${source}: empty file`);
}

/**
 * Parses one document into posts: sniffs the format (extension, content type, then content),
 * decodes its bytes (BOM, declared charset) and reads it. Throws InputError with one line
 * naming the source for binary data, an empty document, or JSON that is not a post.
 */
export function parseDocument(data: Buffer | string, meta: DocumentMeta): Post[] {
  const declared = declaredKind(meta);
  const size = typeof data === 'string' ? data.length : data.byteLength;
  if (size === 0) throw emptyInput(meta.source);
  let decoded;
  try {
    decoded = decodeDocument(data, {
      contentType: meta.contentType,
      isHtml: declared === 'html' || (declared === undefined && startsLikeHtml(data)),
    });
  } catch (error) {
    if (error instanceof NotTextError) throw new InputError(`${meta.source}: ${error.message}`);
    throw error;
  }
  const { text, hadBom } = decoded;
  if (text.trim() === '') throw emptyInput(meta.source);
  // A WordPress export (WXR): what an .xml or XML document must be, or what its start says it is.
  if (isDeclaredXml(meta) || (declared === undefined && looksLikeWxr(text.slice(0, 4096)))) {
    const posts = parseWxr(text, { source: meta.source, statuses: meta.statuses ?? ['publish'] });
    const repairs = decodingRepairs(decoded);
    if (repairs.length > 0) for (const post of posts) post.warnings.unshift(...repairs);
    return posts;
  }
  const kind = declared === 'wordpress' || declared === undefined ? sniffKind(text) : declared;
  if (declared === 'wordpress' && kind !== 'wordpress') {
    throw new InputError(`${meta.source}: not JSON (does not start with "{" or "[")`);
  }
  const posts = parseAs(kind, text, meta, hadBom);
  const repairs = decodingRepairs(decoded);
  if (repairs.length > 0) for (const post of posts) post.warnings.unshift(...repairs);
  return posts;
}

/** Posts of a decoded document of a known format. */
function parseAs(kind: InputKind, text: string, meta: DocumentMeta, hadBom: boolean): Post[] {
  switch (kind) {
    case 'wordpress': {
      const posts = parseWordPress(text, meta.source, { hadBom });
      if (posts.length === 0) throw new InputError(`${meta.source}: an empty list, no posts`);
      return posts;
    }
    case 'html':
      return [parseHtmlDocument(text, meta)];
    case 'markdown':
      return [parseMarkdownDocument(text, meta)];
  }
}

/** INPUT_REPAIRED warnings for bytes that could not be read as declared (never silent). */
function decodingRepairs(decoded: DecodedDocument): InputWarning[] {
  const out: InputWarning[] = [];
  if (decoded.invalidBytes) {
    const { count, offset } = decoded.invalidBytes;
    const { line, column } = lineColumn(decoded.text, offset);
    const repair = `${count} byte${count === 1 ? '' : 's'} that are not UTF-8 read as windows-1252`;
    out.push({ code: 'INPUT_REPAIRED', repair, where: `line ${line}, column ${column}`, line });
  }
  if (decoded.cutCharacter) {
    const { line, column } = lineColumn(decoded.text, decoded.text.length);
    out.push({
      code: 'INPUT_REPAIRED',
      repair: 'text ends inside a character: the partial character was dropped',
      where: `line ${line}, column ${column}`,
      line,
    });
  }
  return out;
}
