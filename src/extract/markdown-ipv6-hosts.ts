import type { MarkdownIt } from 'markdown-it';

// markdown-it percent-encodes every "[" and "]" of a link (mdurl.encode), also the brackets
// of an IPv6 literal host: `http://[::1]/` became `http://%5B::1%5D/`, an invalid URL, so a
// Markdown citation of an IPv6 address was LINK_INVALID (an error) and never checked.
const ENCODED_IPV6_HOST = /^([a-z][a-z\d+.-]*:\/\/(?:[^/?#@]*@)?)%5B([\da-f:.]+)%5D(?=[:/?#]|$)/i;

/**
 * markdown-it plugin: link destinations keep the brackets of an IPv6 literal host. Used by
 * extraction and by `fix`, which must read the same href for the same link.
 */
export function ipv6Hosts(md: MarkdownIt): void {
  const normalizeLink = md.normalizeLink.bind(md);
  md.normalizeLink = (url: string): string => normalizeLink(url).replace(ENCODED_IPV6_HOST, '$1[$2]');
}
