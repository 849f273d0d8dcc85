import { load } from 'cheerio';

/** Plain text of a short HTML fragment (a title): tags stripped, entities decoded, spaces collapsed. */
export function htmlToPlainText(html: string): string {
  const text = /[<&]/.test(html) ? load(html, null, false).root().text() : html;
  return text.replace(/\s+/g, ' ').trim();
}
