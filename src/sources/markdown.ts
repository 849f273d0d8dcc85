import type { InputWarning, Post } from '../types.js';
import { dateField, isAbsoluteHttpUrl, notAnAbsoluteUrl, type Location } from './warnings.js';

/** Simple `key: value` front matter fields (YAML subset: scalars on one line). */
type FrontMatter = Record<string, string>;

/** Where a front matter field sits, for warnings that point at the line to fix. */
type FieldLines = Record<string, number>;

/**
 * Front matter fields that name the post's own URL, most trusted first: Hugo and most tools
 * write `url`, dev.to and Ghost `canonical_url`, Jekyll `permalink`. `canonical` is an older
 * spelling some themes use.
 */
const URL_FIELDS = ['url', 'canonical_url', 'permalink', 'canonical'];

/** Splits front matter off a Markdown document: YAML between `---` lines, or TOML between `+++` (Hugo). */
function splitFrontMatter(text: string): { fields: FrontMatter; lines: FieldLines; body: string; bodyLine: number } {
  const yaml = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  const m = yaml ?? /^\+\+\+[ \t]*\r?\n([\s\S]*?)\r?\n\+\+\+[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { fields: {}, lines: {}, body: text, bodyLine: 1 };
  const fields: FrontMatter = {};
  const lines: FieldLines = {};
  const separator = yaml ? ':' : '=';
  m[1].split(/\r?\n/).forEach((line, index) => {
    const kv = new RegExp(`^([A-Za-z_][\\w-]*)\\s*${separator}\\s*(.*?)\\s*$`).exec(line);
    if (!kv || kv[2] === '') return;
    fields[kv[1].toLowerCase()] = kv[2].replace(/^(["'])(.*)\1$/, '$2');
    lines[kv[1].toLowerCase()] = index + 2; // line 1 is the opening ---
  });
  const bodyLine = m[0].split('\n').length - (m[0].endsWith('\n') ? 0 : 1);
  return { fields, lines, body: text.slice(m[0].length), bodyLine };
}

/**
 * The first URL field holding an absolute http(s) URL. A site-relative path ("/2024/post/",
 * Jekyll's permalink pattern) is normal front matter, not damage: it is passed over quietly.
 * Anything else ("not a url", "www.site.org/x") warns, as it cannot be a base for links.
 */
function frontMatterUrl(
  fields: FrontMatter,
  at: (name: string) => Location,
  warnings: InputWarning[],
): string | undefined {
  for (const name of URL_FIELDS) {
    const value = fields[name];
    if (value === undefined) continue;
    if (isAbsoluteHttpUrl(value)) return value;
    if (!value.startsWith('/')) warnings.push({ ...notAnAbsoluteUrl(name, value), ...at(name) });
  }
  return undefined;
}

/**
 * Reads a Markdown document: front matter (`title`, `date`/`published`, a URL field, `slug`,
 * `id`). Without a front matter title, extraction takes the first `# ` heading (it parses the
 * Markdown; sources only read inputs). `url` is where the document was fetched from, the base
 * for relative links when the front matter names none.
 */
export function parseMarkdownDocument(text: string, meta: { source: string; url?: string }): Post {
  const { fields, lines, body, bodyLine } = splitFrontMatter(text);
  const warnings: InputWarning[] = [];
  const at = (name: string): Location => (lines[name] ? { where: `line ${lines[name]}`, line: lines[name] } : {});
  const url = frontMatterUrl(fields, at, warnings) ?? meta.url;
  const post: Post = { source: meta.source, kind: 'markdown', body, bodyFormat: 'markdown', bodyLine, warnings };
  if (fields.title) post.title = fields.title;
  if (fields.id) post.id = fields.id;
  if (fields.slug) post.slug = fields.slug;
  if (url && isAbsoluteHttpUrl(url)) {
    post.url = url;
    post.baseUrl = url;
  }
  const dateName = fields.date !== undefined ? 'date' : 'published';
  const published = dateField(dateName, fields[dateName], warnings, at(dateName));
  if (published) post.published = published;
  return post;
}
