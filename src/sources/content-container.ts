import { MAYBE_CANDIDATE, UNLIKELY } from './reader-patterns.js';
import { classTokens, type DomNode } from './html-tree.js';

/** Known containers of a post's own text (WordPress themes, schema.org, news CMSs). */
const CONTENT_CLASSES = new Set([
  'entry-content',
  'post-content',
  'post-body',
  'post-entry',
  'article-body',
  'article-content',
  'article__body',
  'article__content',
  'story-body',
  'story-content',
]);

/** True for a known container of a post's text (`.entry-content`, `[itemprop=articleBody]` on an element). */
export function isContentContainer(el: DomNode): boolean {
  const name = el.name ?? '';
  if (name === 'meta' || name === 'link') return false;
  if (/(?:^|\s)articlebody(?:\s|$)/i.test(el.attribs?.itemprop ?? '')) return true;
  return classTokens(el).some((t) => CONTENT_CLASSES.has(t.toLowerCase()));
}

/** Class or id of a box beside the story rather than of it, besides Readability's furniture. */
const BESIDE =
  /share|sharing|promo|widget|newsletter|subscribe|signup|sign-up|advert|sponsor|(?:^|[\s_-])ads?(?:$|[\s_-])|more-?stories|read-?more|recommend/i;
/** The words of a box that sells the site rather than tells the story ("Sign up for our newsletter", "Advertisement"). */
const SELLS = /\b(?:sign\s+up|subscribe|newsletter|advertisement|sponsored|read\s+more)\b/i;
/**
 * The opening words of an advertisement in the writer's own markup: a deal, partner or sponsor
 * box ("Deal: … is $100 off at Amazon", "Partner content.", "Our partners at InsureCo…").
 */
const AD_OPENING =
  /^\s*(?:(?:today['’]s\s+|daily\s+|top\s+)?deals?\s*(?::|\s[–—-]\s)|(?:partner|sponsored|paid|promoted)\s+(?:content|post|partnership|story|feature)\b|our\s+partners?\b|in\s+partnership\s+with\b|(?:sponsored|presented|promoted|brought\s+to\s+you)\s+by\b|advertorial\b)/i;
/** A link that pays the site for a sale: an affiliate parameter (`?tag=`, `aff_id=`, `affiliate`…). */
const AFFILIATE =
  /[?&](?:tag|aff|affid|aff_?id|aff_sub\d?|affiliate(?:_?id)?|ascsubtag|irclickid|clickref|awinaffid)=|affiliate/i;
/** Class or id of a pull quote: the body's own words again, set large beside it (not a block of its own). */
const PULL_QUOTE = /(?:^|[\s_-])pull-?quote(?:$|[\s_-])/i;
/** How much of an aside's text is looked at for the words of a box that sells the site. */
const SAMPLE_CHARS = 300;
/** Most links an aside read as the article's holds (a caption's credit). */
const ASIDE_MAX_LINKS = 1;
/** Shortest text, in characters (white space not counted), of an aside read as the article's. */
const ASIDE_MIN_TEXT = 20;

/**
 * True for an `<aside>` the writer put inside the story's own container (`[itemprop=articleBody]`,
 * `.entry-content`): a news CMS's photo and caption, its "Story Highlights" list. The post's
 * container says they are the article's (a reader reads them as such), where an `<aside>` of the
 * page is its sidebar. Not a box whose class or id names furniture (related stories, share,
 * promo, newsletter), nor one with more than one link, or mostly of links: a card of another
 * story (its picture, linked headline and "Read more") is an aside of three links or more.
 * Nor an advertisement: an aside opening with a deal, partner or sponsor word ("Deal:",
 * "Partner content", "Our partners at"), or whose link carries an affiliate parameter (`?tag=`);
 * nor a pull quote (class `pullquote`, `wp-block-pullquote`), which repeats the body's words.
 * `postContent`: the markup is a post's own content (WordPress's `content.rendered`, an export's
 * `content:encoded`), not a page: all of it is the story's container, so the same rules read an
 * aside anywhere in it (a note with its source) that is not inside furniture.
 */
export function isArticleAside(el: DomNode, postContent = false): boolean {
  if (el.name !== 'aside') return false;
  const a = el.attribs ?? {};
  const names = `${a.class ?? ''} ${a.id ?? ''}`;
  if ((UNLIKELY.test(names) && !MAYBE_CANDIDATE.test(names)) || BESIDE.test(names) || PULL_QUOTE.test(names))
    return false;
  let inside = postContent;
  for (let up = el.parent; up && up.type === 'tag'; up = up.parent) {
    // An aside inside another aside or a page's furniture is not the story's.
    if (up.name === 'aside' || up.name === 'nav' || up.name === 'footer') return false;
    if (isContentContainer(up)) {
      inside = true;
      break;
    }
  }
  if (!inside) return false;
  let text = 0;
  let links = 0;
  let anchors = 0;
  // Its first words: enough to tell a newsletter box or an advertisement.
  let sample = '';
  // In document order: the sample is the aside's first words.
  const stack: Array<[DomNode, boolean]> = (el.children ?? []).map((c): [DomNode, boolean] => [c, false]).reverse();
  while (stack.length > 0) {
    const [node, inLink] = stack.pop() as [DomNode, boolean];
    if (node.type === 'text') {
      const n = (node.data ?? '').replace(/\s+/g, '').length;
      text += n;
      if (sample.length < SAMPLE_CHARS) sample += ` ${node.data ?? ''}`;
      if (inLink) links += n;
      continue;
    }
    if (node.type !== 'tag' || node.name === 'script' || node.name === 'style') continue;
    if (node.name === 'a' && (++anchors > ASIDE_MAX_LINKS || AFFILIATE.test(node.attribs?.href ?? ''))) return false;
    const link = inLink || node.name === 'a';
    const kids = node.children ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], link]);
  }
  return text >= ASIDE_MIN_TEXT && links < 0.5 * text && !SELLS.test(sample) && !AD_OPENING.test(sample);
}
