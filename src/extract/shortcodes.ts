/**
 * WordPress shortcodes left in `content.rendered` (a plugin was removed, or the export holds raw
 * content): `[caption id="…" width="300"]…[/caption]`, `[embed]…[/embed]`, `[gallery ids="1,2"]`.
 * Their tags are markup, not prose: left in, they pollute block text and fake claim signals
 * (`width="300"` is a number). Their content is kept.
 */

const SHORTCODE = /\[(\/)?([a-zA-Z][\w-]*)((?:\s[^\][]*)?)\]/g;

/**
 * Returns `html` without shortcode tags: a pair's tags (a `[/name]` exists), a self-closing
 * `[name … /]`, and an opening tag with attributes (`name="…"`). A bare `[word]` or `[sic]`
 * without a closing tag is prose and stays.
 */
export function stripShortcodes(html: string): string {
  if (!html.includes('[')) return html;
  const closed = new Set<string>();
  for (const m of html.matchAll(SHORTCODE)) if (m[1]) closed.add(m[2].toLowerCase());
  return html.replace(SHORTCODE, (tag, slash: string | undefined, name: string, attrs: string) => {
    if (closed.has(name.toLowerCase())) return '';
    if (slash) return tag;
    const trimmed = attrs.trim();
    if (trimmed.endsWith('/') || /^[\w-]+\s*=\s*["'\w]/.test(trimmed) || /\s[\w-]+\s*=\s*["']/.test(attrs)) return '';
    return tag;
  });
}
