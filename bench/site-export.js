/**
 * The generated site of the "site" benchmark: a WordPress export (WXR) of `posts` posts that
 * cite `uniqueUrls` URLs spread over the given local origins, `citationsPerPost` each, every
 * URL cited equally often. Deterministic: the same arguments write the same bytes.
 *
 * URL j lives on origin j mod hosts; 2 in 100 are gone (404) and 1 in 100 moved for good
 * (301), so the report has failing posts to put first. Each post has one paragraph with a
 * figure and no link (a CLAIM_UNCITED note), as real archives do.
 */
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { prng } from './stats.js';

const WORDS =
  'the council budget report minister harbour said according officials data survey growth rate city residents plan project vote would could market energy prices analysts expect government announced statement court ruling decision'.split(
    ' ',
  );

/** The path of URL `j` on its server: its number, and how the bench servers answer it. */
export function urlPath(j) {
  if (j % 50 === 7) return `/gone/${j}`;
  if (j % 100 === 13) return `/moved/${j}`;
  return `/story/${j}`;
}

/** `n` words drawn from the seed: every paragraph of the site reads differently. */
function words(seed, n) {
  const rand = prng(seed);
  return Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]);
}

function paragraph(p, k, url) {
  const w = words(p * 64 + k + 1, 45);
  if (url !== undefined) w[12] = `<a href="${url}">${w[12]} ${w[13]}</a>`;
  w[30] = `${(p + k) % 97}%`;
  return `<p>${w.join(' ')}.</p>`;
}

function item(p, body) {
  const day = String((p % 28) + 1).padStart(2, '0');
  return `	<item>
		<title><![CDATA[Post ${p}: the ${WORDS[p % WORDS.length]} and its sources]]></title>
		<link>https://news.example.org/2024/01/post-${p}/</link>
		<content:encoded><![CDATA[${body}]]></content:encoded>
		<wp:post_id>${p + 1}</wp:post_id>
		<wp:post_date_gmt><![CDATA[2024-01-${day} 10:00:00]]></wp:post_date_gmt>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
	</item>
`;
}

/**
 * Writes the export to `file`; returns its size in bytes and the number of citations.
 * `origins` are http://127.0.0.x:port strings, one per host.
 */
export async function writeSiteExport(file, { posts, citationsPerPost, uniqueUrls, origins }) {
  const out = createWriteStream(file);
  const write = (text) => (out.write(text) ? undefined : new Promise((r) => out.once('drain', r)));
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>Bench newsroom</title>
	<wp:wxr_version>1.2</wp:wxr_version>
`);
  // Citation k of post p cites URL (p + k·stride) mod uniqueUrls: with posts·citationsPerPost a
  // multiple of uniqueUrls, every URL is cited the same number of times.
  const stride = Math.max(1, Math.floor(uniqueUrls / citationsPerPost));
  let citations = 0;
  for (let p = 0; p < posts; p++) {
    const paragraphs = [`<h2>${words(p * 64, 4).join(' ')}</h2>`];
    for (let k = 0; k < citationsPerPost; k++) {
      const j = (p + k * stride) % uniqueUrls;
      paragraphs.push(paragraph(p, k, `${origins[j % origins.length]}${urlPath(j)}`));
      citations += 1;
    }
    paragraphs.push(paragraph(p, citationsPerPost, undefined));
    await write(item(p, paragraphs.join('\n\n')));
  }
  await write('</channel>\n</rss>\n');
  await new Promise((resolve) => out.end(resolve));
  return { bytes: (await stat(file)).size, citations };
}
