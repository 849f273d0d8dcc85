import { InputError } from '../errors.js';
import type { InputKind, Post } from '../types.js';
import { decodeDocument, NotTextError } from './decode.js';
import { parseHtmlDocument } from './html.js';
import { parseMarkdownDocument } from './markdown.js';
import { parseWordPress } from './wordpress.js';

/** Where a document came from, for sniffing its format and naming it in errors. */
export interface DocumentMeta {
  /** File path as given, URL, or "-". */
  source: string;
  /** Content-Type of a fetched document. */
  contentType?: string;
  /** URL the document was fetched from (base for relative links when the page names none). */
  url?: string;
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

/** The path of a URL, or '' when it does not parse. */
function safePathname(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

/** Format from the first non-blank character: `{`/`[` JSON, `<` HTML, else Markdown. */
function sniffKind(text: string): InputKind {
  const first = /\S/.exec(text)?.[0];
  if (first === '{' || first === '[') return 'wordpress';
  if (first === '<') return 'html';
  return 'markdown';
}

/** True when the bytes start like HTML (for picking the charset rules before decoding). */
function startsLikeHtml(data: Buffer | string): boolean {
  const head = typeof data === 'string' ? data.slice(0, 64) : data.subarray(0, 64).toString('latin1');
  return /^\s*(?:\uFEFF|\xEF\xBB\xBF)?\s*</.test(head);
}

/**
 * Parses one document into posts: sniffs the format (extension, content type, then content),
 * decodes its bytes (BOM, declared charset) and reads it. Throws InputError with one line
 * naming the source for binary data, an empty document, or JSON that is not a post.
 */
export function parseDocument(data: Buffer | string, meta: DocumentMeta): Post[] {
  const declared = declaredKind(meta);
  const size = typeof data === 'string' ? data.length : data.byteLength;
  if (size === 0) throw new InputError(`${meta.source}: empty file`);
  let decoded;
  try {
    decoded = decodeDocument(data, { contentType: meta.contentType, isHtml: declared === 'html' || (declared === undefined && startsLikeHtml(data)) });
  } catch (error) {
    if (error instanceof NotTextError) throw new InputError(`${meta.source}: ${error.message}`);
    throw error;
  }
  const { text, hadBom } = decoded;
  if (text.trim() === '') throw new InputError(`${meta.source}: empty file`);
  const kind = declared === 'wordpress' || declared === undefined ? sniffKind(text) : declared;
  if (declared === 'wordpress' && kind !== 'wordpress') {
    throw new InputError(`${meta.source}: not JSON (does not start with "{" or "[")`);
  }
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
