import type { CitationRole } from '../types.js';
import type { DomNode } from './dom.js';

/**
 * Links that are not sources. A post's body holds links the author did not cite: the theme's
 * tag and category links, share/print/subscribe/comment widgets, a photo linked to its full
 * size, the site's own navigation. They stay in the report with a `role` saying what they are,
 * and never count as a source of a claim (issue 8: on real news pages only ~35% of the links
 * read as citations were the article's sources).
 */

/** Widget containers by class or id token (exact tokens, or a prefix before "-"/"_"). */
const CONTAINER_TOKENS: Array<[RegExp, CitationRole]> = [
  [
    /^(?:tags?|tag-?links|tags-?links|post-?tags|entry-?tags|tagcloud|tag-?cloud|cat-?links|categories|post-?categories|entry-?categories|wp-block-post-terms|taxonomy|post-?terms)$/i,
    'tag',
  ],
  [
    /^(?:share|shares|sharing|share-?(?:buttons?|bar|links|icons|tools|this|box)|social-?(?:share|sharing|buttons)|sharedaddy|addtoany|a2a_kit|shareaholic|sharethis|ssba|sd-sharing|jp-sharing|wp-block-jetpack-sharing-buttons|heateor_sss|sfsi)$/i,
    'share',
  ],
  [/^(?:print|print-?(?:link|button|page)|printfriendly)$/i, 'print'],
  [
    /^(?:subscribe|subscription|newsletter|newsletter-?(?:signup|form|box)|rss|feed-?links|jetpack_subscription_widget|wp-block-jetpack-subscriptions)$/i,
    'subscribe',
  ],
  [/^(?:comments?-?links?|comment-?count|reply|comment-?reply-?link|comments-?count)$/i, 'comment'],
  // A photo's credit line ("Photo: Kevin / Wikimedia") credits the image, not a claim.
  [
    /^(?:(?:caption|photo|image|media|wp-caption|picture)-?credits?|credits?-?(?:caption|photo|image|line)|image-?source|photo-?source)$/i,
    'image',
  ],
  // The neighbouring posts of a blog or a news site ("← Previous story", "Newer posts").
  [
    /^(?:(?:prev|previous|next)-?(?:link|links|post|posts|story|article)|nav-?(?:previous|next|prev)|prev-?next(?:-links)?|next-?prev|post-?nav|pager-?(?:prev|next))$/i,
    'navigation',
  ],
  [
    /^(?:breadcrumbs?|pagination|pager|nav-?links|post-?navigation|page-?links|wp-block-query-pagination|menu|nav|navbar|navigation|topnav|sidenav|subnav|site-?nav|toc|table-?of-?contents|entry-?meta|posted-?on|wp-block-post-author|recommended|recommendations|outbrain|taboola|yarpp|crp_related|read-?next|up-?next|next-?up|more-?stories)$/i,
    'navigation',
  ],
];

/** Anchor classes that name a widget (share buttons and their kin). */
const ANCHOR_TOKENS: Array<[RegExp, CitationRole]> = [
  [
    /^(?:share|share-\S+|\S+-share|sd-button|a2a_button_\S+|a2a_dd|social-share\S*|ssba-\S+|resp-sharing-button\S*)$/i,
    'share',
  ],
  [/^(?:print|print-link|printfriendly\S*)$/i, 'print'],
  [/^(?:subscribe\S*|rss-link|feed-link)$/i, 'subscribe'],
  [/^(?:comment-reply-link|comments-link|comment-link)$/i, 'comment'],
  [/^(?:prev|previous|next|older|newer)(?:[-_](?:post|posts|link|story|article|entry|page))?$/i, 'navigation'],
  [
    /^(?:lightbox|glightbox|fancybox|swipebox|thickbox|colorbox|prettyphoto|magnific\S*|mfp-\S+|wp-lightbox\S*|lightbox-\S+)$/i,
    'lightbox',
  ],
];

/** `rel` tokens that say what a link is (HTML link types). */
const REL_ROLES: Record<string, CitationRole> = {
  tag: 'tag',
  category: 'tag',
  prev: 'navigation',
  next: 'navigation',
  home: 'navigation',
  author: 'navigation',
  bookmark: 'navigation',
  up: 'navigation',
  first: 'navigation',
  last: 'navigation',
  lightbox: 'lightbox',
};

/** Tokens of an element's class and id. */
function tokens(el: DomNode): string[] {
  const a = el.attribs;
  if (!a) return [];
  const out: string[] = [];
  if (a.class) for (const t of a.class.split(/\s+/)) if (t !== '') out.push(t);
  if (a.id) out.push(a.id.trim());
  return out;
}

/** The role of the links inside an element, when it is a widget or navigation container. */
export function containerRole(el: DomNode): CitationRole | undefined {
  const role = el.attribs?.role?.trim().toLowerCase();
  if (role === 'navigation' || role === 'menu' || role === 'menubar') return 'navigation';
  const name = el.name;
  if (name === 'nav' || name === 'menu') return 'navigation';
  for (const t of tokens(el)) for (const [pattern, r] of CONTAINER_TOKENS) if (pattern.test(t)) return r;
  return undefined;
}

/** The role an `<a>` says it has by its `rel`, class or `data-` attributes. */
export function anchorRole(el: DomNode): CitationRole | undefined {
  const a = el.attribs ?? {};
  for (const t of (a.rel ?? '').toLowerCase().split(/\s+/)) {
    const r = REL_ROLES[t] ?? (t.startsWith('lightbox') ? 'lightbox' : undefined);
    if (r) return r;
  }
  for (const t of tokens(el)) for (const [pattern, r] of ANCHOR_TOKENS) if (pattern.test(t)) return r;
  for (const key of Object.keys(a)) {
    if (!key.startsWith('data-')) continue;
    if (/^data-(?:lightbox|fancybox|rel|gallery|glightbox|lbwps|elementor-lightbox)/.test(key)) {
      if (key !== 'data-rel' || /lightbox|prettyphoto|fancybox/i.test(a[key])) return 'lightbox';
    }
    if (/^data-(?:share|network|social)/.test(key) || (key === 'data-action' && /share/i.test(a[key]))) return 'share';
  }
  return undefined;
}

/** Widget-like markers on an `<a>` with no usable href: a button scripts drive, not a lost link. */
const WIDGET_CLASS =
  /(?:^|[-_])(?:share|sharing|social|button|btn|like|follow|recommend|print|comment|reply|toggle|close|menu|dropdown|tab|carousel|slick|swiper|lightbox|modal|popup|icon|vote|bookmark|save|copy|expand|collapse|more|email|tweet)(?:$|[-_])|^wp-block-button__link$|^sd-button$|^a2a_/i;
const WIDGET_DATA =
  /^data-(?:share|action|toggle|bs-toggle|target|bs-target|network|url|href|tooltip|lightbox|fancybox|gallery|dismiss|bs-dismiss|slide|tab|id|post-id|permalink|title|count|social|platform|service|via|text)/i;
const WIDGET_ROLES = new Set(['button', 'tab', 'menuitem', 'switch', 'checkbox', 'option']);

/**
 * True for an `<a>` that is plainly a widget (share, button and recommendation widgets, a
 * `wp-block-button__link`, an `onclick` handler): with no href it is not a damaged link.
 */
export function isWidgetAnchor(el: DomNode): boolean {
  if (isWidgetElement(el)) return true;
  // `<div id="read-more-link"><a href="">Read more</a></div>`: the widget's marks are on the
  // box the anchor alone fills, not on the anchor (a lost link sits in running text instead).
  const parent = el.parent;
  return (
    parent != null && parent.type === 'tag' && parent.name !== 'p' && onlyChild(parent, el) && isWidgetElement(parent)
  );
}

function isWidgetElement(el: DomNode): boolean {
  const a = el.attribs ?? {};
  if (a.onclick !== undefined || (a.role !== undefined && WIDGET_ROLES.has(a.role.trim().toLowerCase()))) return true;
  for (const key of Object.keys(a)) if (WIDGET_DATA.test(key)) return true;
  return tokens(el).some((t) => WIDGET_CLASS.test(t));
}

/** True when `child` is the only element and no text but white space sits beside it in `parent`. */
function onlyChild(parent: DomNode, child: DomNode): boolean {
  for (const c of parent.children ?? []) {
    if (c === child) continue;
    if (c.type === 'text' ? (c.data ?? '').trim() !== '' : c.type === 'tag') return false;
  }
  return true;
}

const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic)$/i;
/** Share endpoints: the path that shares, by host (a host matches itself and its subdomains). */
const SHARE_PATHS = new Map<string, RegExp>([
  ['facebook.com', /^\/(?:sharer|share\.php|dialog\/share|dialog\/feed)/],
  ['twitter.com', /^\/(?:intent\/(?:tweet|post)|share$|home$)/],
  ['x.com', /^\/(?:intent\/(?:tweet|post)|share$|home$)/],
  ['linkedin.com', /^\/(?:shareArticle|sharing\/|cws\/share)/i],
  ['pinterest.com', /^\/pin\/create/],
  ['reddit.com', /^\/submit/],
  ['tumblr.com', /^\/(?:share|widgets\/share)/],
  ['whatsapp.com', /^\/send/],
  ['wa.me', /^\/$/],
  ['t.me', /^\/share/],
  ['telegram.me', /^\/share/],
  ['addtoany.com', /^\/(?:share|add_to)/],
  ['getpocket.com', /^\/(?:save|edit)/],
  ['news.ycombinator.com', /^\/submitlink/],
  ['bsky.app', /^\/intent\/compose/],
  ['threads.net', /^\/intent\/post/],
  ['threads.com', /^\/intent\/post/],
  ['vk.com', /^\/share\.php/],
  ['xing.com', /^\/(?:spi\/shares|social\/share)/],
  ['flipboard.com', /^\/bookmarklet/],
  ['mix.com', /^\/add/],
]);

/** The share path pattern of `host` or of a domain it belongs to. */
function sharePath(host: string): RegExp | undefined {
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
    const found = SHARE_PATHS.get(h);
    if (found) return found;
  }
  return undefined;
}

/**
 * A share button's query (Jetpack's `?share=twitter`, `?share=jetpack-whatsapp`): the value
 * names a network. Other values are a document's own (`?share=8f3a…`, a shared file's token).
 */
const SHARE_QUERY =
  /[?&]share=(?:[a-z]+-)?(?:twitter|x|facebook|fb|linkedin|reddit|tumblr|pinterest|pocket|telegram|whatsapp|email|mail|print|press-this|skype|google-plus-1|mastodon|nextdoor|bluesky|threads|custom-\d+)(?:&|$)/i;

const SUBSCRIBE_HOSTS = /(?:^|\.)(?:feedburner\.com|feeds\.feedburner\.com|list-manage\.com|mailchi\.mp|eepurl\.com)$/;

/**
 * A release of a code repository (`/owner/repo/releases/tag/v1.2`, GitLab's `/-/tags/v1.2`):
 * a version's page cited as a source ("version 1.2 fixed it"), not a tag archive.
 */
const RELEASE = /\/(?:releases\/tag|-\/tags)\/[^/]+/i;

/** Host, path and query of an absolute URL, read without the cost of a URL object. */
export interface UrlParts {
  host: string;
  path: string;
  query: string;
}

const URL_PARTS = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?(\[[^\]]*\]|[^/?#:]*)(?::\d*)?([^?#]*)(\?[^#]*)?/i;

/** The parts of a normalised absolute URL, or undefined for another kind of URL. */
export function urlParts(url: string): UrlParts | undefined {
  const m = URL_PARTS.exec(url);
  if (!m) return undefined;
  return { host: m[1].toLowerCase(), path: m[2] || '/', query: m[3] ?? '' };
}

/**
 * The role a link has by its URL: share endpoints, tag and category archives, feeds, print
 * and comment links, a jump to a lightbox. `url` holds the parts of the normalised absolute
 * URL when there is one; `isInternal` tells links to the post's own site.
 */
export function urlRole(rawHref: string, url: UrlParts | undefined, isInternal: boolean): CitationRole | undefined {
  const href = rawHref.trim();
  if (/^javascript:.*print\s*\(/i.test(href)) return 'print';
  if (/^mailto:/i.test(href))
    return /[?&](?:subject|body)=/i.test(href) && /https?%3A|https?:/i.test(href) ? 'share' : undefined;
  if (/^(?:whatsapp|fb-messenger|tg|viber|sms):/i.test(href))
    return /[?&](?:text|body|link|url)=/i.test(href) ? 'share' : undefined;
  if (href.startsWith('#')) {
    const id = href.slice(1).toLowerCase();
    // `#comments`, `#respond`, and the comment sections of news CMSs (`#readerComments`, `#comments-section`).
    if (/^(?:respond|reply|disqus_thread)$|comment/.test(id)) return 'comment';
    if (/^(?:lightbox|gallery|modal|popup|image|attachment|photo|lb)(?:[-_]|$)/.test(id)) return 'lightbox';
    return undefined;
  }
  if (!url) {
    // A relative link on a page with no address: its path still says it is a tag archive.
    const relative = /^(?![a-z][a-z0-9+.-]*:|\/\/)[^?#]*/i.exec(href)?.[0] ?? '';
    return /(?:^|\/)(?:tag|tags|category|categories)\/[^/]+/i.test(relative) && !RELEASE.test(relative)
      ? 'tag'
      : undefined;
  }
  const { host, path, query } = url;
  if (sharePath(host)?.test(path)) return 'share';
  if (query !== '') {
    if (SHARE_QUERY.test(query)) return 'share';
    if (/[?&](?:print|printpage|format=print)(?:=|&|$)/i.test(query)) return 'print';
    if (/[?&]replytocom=/i.test(query)) return 'comment';
    if (/[?&]feed=/i.test(query)) return 'subscribe';
  }
  // A print view: `/story/print`, or a `/print/` section before the story's path.
  if (/\/print(?:\/|$)/i.test(path)) return 'print';
  if (/\/comments\/feed\/?$/i.test(path)) return 'comment';
  if (/\/(?:feed|rss|atom)(?:\.xml)?\/?$/i.test(path) || SUBSCRIBE_HOSTS.test(host)) return 'subscribe';
  if (/\/(?:tag|tags|category|categories)\/[^/]+/i.test(path) && !RELEASE.test(path)) return 'tag';
  // A social network's hashtag page (`/hashtag/Hamilton`): a tag archive of other people's posts.
  if (/^\/hashtag\/[^/]+\/?$/i.test(path)) return 'tag';
  if (isInternal && (path === '/' || path === '') && query === '') return 'navigation';
  // An author's archive, or a page of the blog's list of posts (`/page/2/`, `/news/page/3/`);
  // `/page/methodology` is a page of the site like any other.
  if (isInternal && (/^\/author\/[^/]+\/?$/i.test(path) || /\/page\/\d+\/?$/i.test(path))) return 'navigation';
  if (isInternal && (OWN_REFERENCE.test(path) || OWN_HUB.test(path))) return 'navigation';
  return undefined;
}

/**
 * True for a link to the site's own hub (OWN_HUB) that its sentence credits as where something
 * was reported or found ("as first reported in our council money investigation", "first flagged
 * in a 2025 audit", "our guide to the budget explains"): the site's own reporting, a source like
 * its earlier story, not a pointer to a topic page (issue 8 review: such claims looked uncited).
 */
export function isCreditedHub(url: UrlParts | undefined, sentence: string): boolean {
  return url !== undefined && OWN_HUB.test(url.path) && CREDITS_LINK.test(sentence);
}

/** Words of a sentence that credit its link with what the sentence says. */
const CREDITS_LINK =
  /\b(?:(?:first\s+)?(?:reported|revealed|disclosed|flagged|uncovered|documented|detailed|found|showed|shown)\s+(?:in|by|on)\b|according\s+to|(?:explains|explained|shows|showed|found|reports|reported)\s*[.,;]?$)/i;

/**
 * The site's own topic guides and hubs (`/guide/asthma`, `/diabetes/guide/overview`, `/topic/
 * politics`, `/topics/`, `/health-topics/flu`, `/a-to-z-guides/…`): a health or news site links a
 * paragraph's subject to its page about the subject, which collects the site's stories and
 * explains the word; it cites nothing the paragraph says. A whole path segment, so a story's slug
 * ("/2026/04/a-guide-to-the-budget") stays a story; another site's guide stays a source.
 */
const OWN_HUB = /\/(?:guides?|topics?|hubs?|health-topics|a-to-z-guides)(?:\/|$)/i;

/**
 * The site's own glossary, dictionary, quizzes and slideshows (`/glossary/superbug`,
 * `/a-to-z-guides/rm-quiz-antibiotics`, `/ss/slideshow-superbugs`): a health or news CMS links a
 * paragraph's terms to them and slips its quizzes into the text; they explain a word or promote
 * the site, and cite nothing the paragraph says. A path segment opening with one of those words
 * (after at most a short code: "rm-quiz-…"); a story whose slug holds the word further on
 * ("/2026/04/council-fails-budget-quiz-auditors-say") is a story, and may be a source. Another
 * site's glossary stays a source (a definition the writer cites).
 */
const OWN_REFERENCE =
  /\/(?:[a-z]{1,3}-)?(?:glossary|dictionary|definitions|quiz|quizzes|slideshows?)(?:-[\w.-]*|\.[a-z]{2,5})?(?:\/|$)/i;

// A pointer to more of the site: "(See pictures of the spill.)", "Watch TIME's video …", "Related: …".
const CROSS_REFERENCE =
  /^\(?\s*(?:see|watch|read|view|listen\s+to|look\s+at|browse|check\s+out|more\s+on|related|photos?|pictures|video|gallery|slideshow)\b[^()]{0,150}\)?$/i;

/** The words of a link to the neighbouring post: "Previous", "Older posts", "Next story:". */
const NEIGHBOUR =
  /^(?:previous|prev|older|next|newer)(?:\s+(?:posts?|entry|entries|articles?|stor(?:y|ies)|page))?(?:\s*:|$)/i;
/** Arrows that lead or close a link to the neighbouring post ("← Weirs", "Older entries »"). */
const ARROW_START = /^[←«‹⟵◄◀⇐]/;
const ARROW_END = /[→»›⟶►▶⇒]$/;
/** Arrows, separators and neighbour words: what a line of only neighbour links is made of. */
const NEIGHBOUR_LINE =
  /[←«‹⟵◄◀⇐→»›⟶►▶⇒|·•/–—-]|\b(?:previous|prev|older|next|newer)\b(?:\s+(?:posts?|entry|entries|articles?|stor(?:y|ies)|page))?:?/gi;

/**
 * True for an internal link to the previous or next post of a blog or news site, written
 * outside any `<nav>` or class that says so: "← Previous post", "Older entries »", "Next: Water
 * meadows →", alone on their line. A link in running prose ("as a previous post showed") is
 * not one; nor is a title in French quotes («…»).
 */
function isNeighbourLink(anchorText: string, sentence: string): boolean {
  const text = anchorText.trim();
  const words = text
    .replace(/^[←«‹⟵◄◀⇐\s]+/, '')
    .replace(/[→»›⟶►▶⇒\s]+$/, '')
    .trim();
  const quoted = ARROW_START.test(text) && ARROW_END.test(text);
  if (text === sentence.trim() && !quoted && (ARROW_START.test(text) || ARROW_END.test(text))) return true;
  if (!NEIGHBOUR.test(words)) return false;
  return text === sentence.trim() || sentence.replace(NEIGHBOUR_LINE, '').trim() === '';
}

/**
 * True for an internal link that is a whole sentence pointing the reader to more of the site
 * ("(See pictures of the spill.)", "Watch the video."): the site's own content promoted inside
 * a paragraph, not the paragraph's source; or a link to the neighbouring post on its own line
 * (see isNeighbourLink).
 */
export function isCrossReference(anchorText: string, sentence: string, isInternal: boolean): boolean {
  if (!isInternal) return false;
  const text = anchorText.trim();
  return (text === sentence.trim() && CROSS_REFERENCE.test(text)) || isNeighbourLink(text, sentence);
}

/** Avatar images: by class (`avatar`, `avatar-96`, `user-avatar`) or by where they are served from. */
const AVATAR_CLASS = /^(?:[\w-]+[-_])?avatar(?:[-_][\w-]+)?$/i;
const AVATAR_SRC = /(?:^|\/\/)(?:[\w-]+\.)*gravatar\.com\/|\/(?:avatars?|profile_images)\//i;

/**
 * True for an `<img>` that is a person's avatar (a commenter's, a "liked by" list's, a profile
 * link's): its alt is the person's name, never what the link around it cites, however many words.
 */
export function isAvatar(img: DomNode): boolean {
  const a = img.attribs ?? {};
  if (a.class && a.class.split(/\s+/).some((t) => AVATAR_CLASS.test(t))) return true;
  return AVATAR_SRC.test(a.src ?? '');
}

/**
 * A text that says what an image cites: words, not a file name or a placeholder. Three words at
 * least: two are a logo's site name ("Real Simple"), a badge ("Build Status") or an icon's
 * ("Portal icon"), as the real pages of the evaluation had them.
 */
export function isTellingAlt(alt: string): boolean {
  const text = alt.trim();
  if (text.split(/\s+/).length < 3) return false;
  if (
    IMAGE_FILE.test(text) ||
    /^(?:image|photo|picture|img|logo|icon|thumbnail|avatar|banner|graphic|figure)\b/i.test(text)
  )
    return false;
  return true;
}
