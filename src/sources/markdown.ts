import type { Post } from '../types.js';
import { normalizeDate } from './dates.js';
import { firstMarkdownHeading } from './markdown-render.js';

/** Simple `key: value` front matter fields (YAML subset: scalars on one line). */
type FrontMatter = Record<string, string>;

/** Splits front matter off a Markdown document: YAML between `---` lines, or TOML between `+++` (Hugo). */
function splitFrontMatter(text: string): { fields: FrontMatter; body: string; bodyLine: number } {
  const yaml = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  const m = yaml ?? /^\+\+\+[ \t]*\r?\n([\s\S]*?)\r?\n\+\+\+[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { fields: {}, body: text, bodyLine: 1 };
  const fields: FrontMatter = {};
  const separator = yaml ? ':' : '=';
  for (const line of m[1].split(/\r?\n/)) {
    const kv = new RegExp(`^([A-Za-z_][\\w-]*)\\s*${separator}\\s*(.*?)\\s*$`).exec(line);
    if (!kv || kv[2] === '') continue;
    fields[kv[1].toLowerCase()] = kv[2].replace(/^(["'])(.*)\1$/, '$2');
  }
  const bodyLine = m[0].split('\n').length - (m[0].endsWith('\n') ? 0 : 1);
  return { fields, body: text.slice(m[0].length), bodyLine };
}

/**
 * Reads a Markdown document: front matter (`title`, `date`, `url`/`permalink`, `slug`, `id`),
 * the title from it or from the first `# ` heading. `url` is where the document was fetched
 * from, the base for relative links when the front matter names none.
 */
export function parseMarkdownDocument(text: string, meta: { source: string; url?: string }): Post {
  const { fields, body, bodyLine } = splitFrontMatter(text);
  const url = fields.url ?? fields.permalink ?? fields.canonical ?? meta.url;
  const post: Post = { source: meta.source, kind: 'markdown', body, bodyFormat: 'markdown', bodyLine, warnings: [] };
  const title = fields.title ?? firstMarkdownHeading(body);
  if (title) post.title = title;
  if (fields.id) post.id = fields.id;
  if (fields.slug) post.slug = fields.slug;
  if (url && /^https?:\/\//i.test(url)) {
    post.url = url;
    post.baseUrl = url;
  }
  const published = normalizeDate(fields.date ?? fields.published);
  if (published) post.published = published;
  return post;
}
