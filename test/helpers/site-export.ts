/**
 * Generated WordPress exports (WXR) for tests of whole-archive runs: many posts, each a few
 * paragraphs citing URLs the test chooses (usually on local test servers).
 */

/** One post of a generated export. */
export interface ExportPost {
  /** wp:post_id. */
  id: number;
  /** Title. */
  title: string;
  /** content:encoded (HTML). */
  body: string;
}

/** The WXR text of `posts`, all published posts of https://archive.example.org/. */
export function wxrExport(posts: readonly ExportPost[]): string {
  const items = posts.map(
    (p) => `<item>
<title><![CDATA[${p.title}]]></title>
<link>https://archive.example.org/${p.id}/</link>
<content:encoded><![CDATA[${p.body}]]></content:encoded>
<wp:post_id>${p.id}</wp:post_id>
<wp:post_date_gmt><![CDATA[2024-03-${String((p.id % 28) + 1).padStart(2, '0')} 10:00:00]]></wp:post_date_gmt>
<wp:status><![CDATA[publish]]></wp:status>
<wp:post_type><![CDATA[post]]></wp:post_type>
</item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Archive</title><wp:wxr_version>1.2</wp:wxr_version>
${items.join('\n')}
</channel></rss>
`;
}

/** A paragraph citing `url` with `anchor`, and a figure (a claim). */
export function citingParagraph(url: string, anchor: string, n: number): string {
  return `<p>Officials ${n} reported that the figure rose ${n % 90}% this year, the <a href="${url}">${anchor}</a> shows.</p>`;
}
