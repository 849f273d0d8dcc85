/**
 * fast-check generators of hostile posts in each input format, built from the shapes real posts
 * have (paragraphs with links, lists, quotes, tables, footnotes, WordPress exports with lost
 * tags) and then damaged: deep and wide nesting, unclosed and orphan tags, escaped slashes,
 * truncated JSON, broken Markdown link syntax, and text meant for a terminal or a CI runner.
 * Sizes stay small enough for a property run to take seconds.
 */
import fc from 'fast-check';
import { HOSTILE } from '../fixtures/hostile/hostile-text.js';

/** Most levels of a generated chain of nested elements: past the 512 levels extraction reads. */
const MAX_DEPTH = 3000;

const WORDS = [
  'said',
  'the',
  'report',
  '42%',
  'according to',
  '“quoted words here”',
  'officials',
  '—',
  'data',
  '1,200',
];
const URLS = [
  'https://news.example.org/a',
  'https://gov.example.net/r?id=1&x=2#sec',
  'http://insecure.example.org/',
  'mailto:desk@example.org',
  'javascript:alert(1)',
  'htps://typo.example.org/',
  'https://a..b.example.org/',
  '//protocol-relative.example.org/x',
  '/relative/path',
  '#fragment',
  '',
  'https://exa mple.org/',
  'https://[::127.0.0.1]/',
  'https://example.org/@octocat',
];

/** Text a stranger might write: words, runner commands, escape sequences, bidi controls, anything. */
const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }).map((w) => w.join(' ')) },
  { weight: 2, arbitrary: fc.constantFrom(...Object.values(HOSTILE)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('<', '>', '&', '&amp;', '&#x202e;', '&#0;', ']]>', '<!--', '-->', '\\', '"', "'"),
  },
);

const url = fc.oneof(
  fc.constantFrom(...URLS),
  hostileText.map((t) => `https://example.org/${t}`),
);

const BLOCK_TAGS = [
  'p',
  'div',
  'blockquote',
  'li',
  'h1',
  'h2',
  'h3',
  'td',
  'figure',
  'article',
  'section',
  'ul',
  'ol',
  'table',
  'tr',
];
const INLINE_TAGS = ['span', 'b', 'em', 'strong', 'a', 'sup', 'i', 'code', 'small'];

/** How a generated tag is written out: whole, or damaged the way exports damage it. */
const damage = fc.constantFrom('whole', 'whole', 'whole', 'no-open', 'no-close', 'escaped-slash', 'stray-lt');

type Node = string | { tag: string; href?: string; how: string; children: Node[] };

const htmlNode: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileText,
    fc.record({
      tag: fc.constantFrom(...BLOCK_TAGS, ...INLINE_TAGS),
      href: fc.option(url, { nil: undefined }),
      how: damage,
      children: fc.array(tie('node'), { maxLength: 6 }),
    }),
  ),
})).node;

function writeHtml(node: Node): string {
  if (typeof node === 'string') return node;
  const attrs = node.tag === 'a' && node.href !== undefined ? ` href="${node.href.replace(/"/g, '&quot;')}"` : '';
  const inner = node.children.map(writeHtml).join('');
  const close = node.how === 'escaped-slash' ? `<\\/${node.tag}>` : `</${node.tag}>`;
  if (node.how === 'no-open') return `${inner}${close}`;
  if (node.how === 'no-close') return `<${node.tag}${attrs}>${inner}`;
  if (node.how === 'stray-lt') return `<${node.tag}${attrs}>${inner}<${close}`;
  return `<${node.tag}${attrs}>${inner}${close}`;
}

/** A chain of one tag nested `depth` times around some content (deep posts). */
const deepChain = fc
  .record({
    tag: fc.constantFrom('div', 'span', 'b', 'blockquote', 'li', 'a'),
    depth: fc.integer({ min: 1, max: MAX_DEPTH }),
  })
  .chain(({ tag, depth }) =>
    fc
      .record({ inner: htmlNode, closed: fc.boolean() })
      .map(
        ({ inner, closed }) => `<${tag}>`.repeat(depth) + writeHtml(inner) + (closed ? `</${tag}>`.repeat(depth) : ''),
      ),
  );

/** Many sibling paragraphs with links (wide posts). */
const wideRun = fc
  .record({ count: fc.integer({ min: 1, max: 300 }), text: hostileText, href: url })
  .map(({ count, text, href }) => `<p>${text} <a href="${href}">${text}</a></p>`.repeat(count));

/** The HTML of a post body: a tree, a deep chain or a wide run, side by side. */
const htmlBody: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: htmlNode.map(writeHtml) },
      { weight: 1, arbitrary: deepChain },
      { weight: 1, arbitrary: wideRun },
    ),
    {
      minLength: 1,
      maxLength: 6,
    },
  )
  .map((parts) => parts.join('\n'));

/** An HTML page: a document around the body, or the body alone. */
export const htmlPage: fc.Arbitrary<string> = fc
  .record({ title: hostileText, body: htmlBody, whole: fc.boolean() })
  .map(({ title, body, whole }) =>
    whole
      ? `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>${body}</article></body></html>`
      : body,
  );

/** A WordPress REST export: one post or a list, sometimes damaged the way real exports are. */
export const wordPressExport: fc.Arbitrary<string> = fc
  .record({
    posts: fc.array(
      fc.record({
        id: fc.oneof(fc.nat(), hostileText),
        title: hostileText,
        link: fc.option(url, { nil: undefined }),
        date: fc.option(fc.constantFrom('2024-01-02T03:04:05', 'garbage', '2024-13-45'), { nil: undefined }),
        content: htmlBody,
      }),
      { minLength: 1, maxLength: 3 },
    ),
    list: fc.boolean(),
    how: fc.constantFrom('whole', 'whole', 'escaped-slashes', 'truncated', 'raw-newline', 'php-warning'),
    cut: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ posts, list, how, cut }) => {
    const objects = posts.map((p) => ({
      id: p.id,
      date: p.date,
      link: p.link,
      title: { rendered: p.title },
      content: { rendered: p.content },
    }));
    let json = JSON.stringify(list ? objects : objects[0]);
    if (how === 'escaped-slashes') json = json.replace(/\//g, '\\/');
    if (how === 'truncated') json = json.slice(0, Math.max(1, Math.floor(json.length * cut)));
    if (how === 'raw-newline') json = json.replace(/\\n/, '\n');
    if (how === 'php-warning') json = `<br />\n<b>Warning</b>: something in <b>/var/www/x.php</b><br />\n${json}`;
    return json;
  });

/** Text as an export writes it in an element: CDATA (its `]]>` split as WordPress splits it), escaped, or raw. */
function wxrText(text: string, how: 'cdata' | 'split' | 'escaped' | 'raw'): string {
  if (how === 'escaped') return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (how === 'raw') return text;
  const inner = how === 'split' ? text.replace(/\]\]>/g, ']]]]><![CDATA[>') : text;
  return `<![CDATA[${inner}]]>`;
}

/**
 * A WordPress export (WXR): items of hostile bodies, of every post type and status, then damaged
 * the way exports and hand edits are: cut short, a lost channel, a wrong encoding declared, a
 * byte-order mark, junk before the XML, text left raw where CDATA belonged.
 */
export const wxrExport: fc.Arbitrary<string> = fc
  .record({
    items: fc.array(
      fc.record({
        title: hostileText,
        content: htmlBody,
        link: fc.option(url, { nil: undefined }),
        type: fc.constantFrom('post', 'post', 'post', 'page', 'attachment', 'nav_menu_item'),
        status: fc.constantFrom('publish', 'publish', 'publish', 'draft', 'private'),
        date: fc.constantFrom('2024-05-01 19:00:46', '0000-00-00 00:00:00', 'garbage'),
        text: fc.constantFrom('cdata', 'cdata', 'split', 'escaped', 'raw'),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    how: fc.constantFrom('whole', 'whole', 'whole', 'truncated', 'no-channel', 'latin-1', 'bom', 'junk-before'),
    cut: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ items, how, cut }) => {
    const body = items
      .map((item, i) => {
        const text = (value: string) => wxrText(value, item.text);
        return [
          '<item>',
          `<title>${text(item.title)}</title>`,
          item.link === undefined ? '' : `<link>${text(item.link)}</link>`,
          `<content:encoded>${text(item.content)}</content:encoded>`,
          `<wp:post_id>${i + 1}</wp:post_id>`,
          `<wp:post_date>${text(item.date)}</wp:post_date>`,
          `<wp:status>${text(item.status)}</wp:status>`,
          `<wp:post_type>${text(item.type)}</wp:post_type>`,
          '</item>',
        ].join('\n');
      })
      .join('\n');
    const channel =
      how === 'no-channel'
        ? body
        : `<channel>\n<title>Site</title>\n<wp:wxr_version>1.2</wp:wxr_version>\n${body}\n</channel>`;
    const encoding = how === 'latin-1' ? 'ISO-8859-1' : 'UTF-8';
    let xml = `<?xml version="1.0" encoding="${encoding}" ?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">\n${channel}\n</rss>\n`;
    if (how === 'truncated') xml = xml.slice(0, Math.max(1, Math.floor(xml.length * cut)));
    if (how === 'bom') xml = `\uFEFF${xml}`;
    if (how === 'junk-before') xml = `<br />\n<b>Warning</b>: something in <b>/var/www/x.php</b>\n${xml}`;
    return xml;
  });

const mdInline: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: hostileText },
  fc.tuple(hostileText, url).map(([t, u]) => `[${t}](${u})`),
  fc.tuple(hostileText, hostileText).map(([t, l]) => `[${t}][${l}]`),
  fc.tuple(hostileText, url).map(([t, u]) => `![${t}](${u})`),
  fc.constantFrom(
    '[a](',
    '](',
    '[[[',
    ']]]',
    '[x]: ',
    '<https://',
    '`',
    '```',
    '**',
    '_',
    '\\',
    '[^1]',
    '<a href="',
    '</a>',
  ),
  url.map((u) => `<${u}>`),
);

const mdBlock: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.array(mdInline, { minLength: 1, maxLength: 12 }).map((p) => p.join(' ')) },
  fc.tuple(fc.integer({ min: 1, max: 6 }), hostileText).map(([n, t]) => `${'#'.repeat(n)} ${t}`),
  fc.array(mdInline, { minLength: 1, maxLength: 5 }).map((items) => items.map((i) => `- ${i}`).join('\n')),
  fc.array(mdInline, { minLength: 1, maxLength: 5 }).map((items) => items.map((i) => `> ${i}`).join('\n')),
  fc.tuple(hostileText, url).map(([l, u]) => `[${l}]: ${u}`),
  fc.tuple(hostileText, fc.boolean()).map(([t, closed]) => `\`\`\`\n${t}\n${closed ? '```' : ''}`),
  htmlBody,
  fc
    .tuple(fc.constantFrom('[a](', '[', '> ', '- ', '<div>'), fc.integer({ min: 1, max: MAX_DEPTH }))
    .map(([s, n]) => s.repeat(n)),
);

/** A Markdown post: optional front matter, then blocks. */
export const markdownPost: fc.Arbitrary<string> = fc
  .record({
    front: fc.option(fc.tuple(hostileText, url), { nil: undefined }),
    blocks: fc.array(mdBlock, { minLength: 1, maxLength: 10 }),
  })
  .map(
    ({ front, blocks }) =>
      `${front ? `---\ntitle: ${JSON.stringify(front[0])}\nurl: ${front[1]}\n---\n\n` : ''}${blocks.join('\n\n')}\n`,
  );

/** One hostile input of any format, with the file extension it would have. */
export const hostileInput: fc.Arbitrary<{ ext: 'json' | 'html' | 'md' | 'xml'; text: string }> = fc.oneof(
  wxrExport.map((text) => ({ ext: 'xml' as const, text })),
  wordPressExport.map((text) => ({ ext: 'json' as const, text })),
  htmlPage.map((text) => ({ ext: 'html' as const, text })),
  markdownPost.map((text) => ({ ext: 'md' as const, text })),
);
