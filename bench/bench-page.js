/**
 * The article both the versus bench serves and the hostile bench extracts offline (issue 12's
 * `check --offline` of a 2,000-link page): every link cited, ten to a paragraph, each in its
 * own sentence. One builder, so the two benches measure the same page.
 */
export function pageHtml(links) {
  const paragraphs = [];
  for (let i = 0; i < links.length; i += 10) {
    const sentences = links
      .slice(i, i + 10)
      .map(
        (href, j) => `The council said in report ${i + j} that <a href="${href}">the figures</a> rose by ${j + 2}%.`,
      );
    paragraphs.push(`<p>${sentences.join(' ')}</p>`);
  }
  return `<!doctype html><html><head><title>Bench post</title></head><body><article><h1>Bench post</h1>\n${paragraphs.join('\n')}\n</article></body></html>`;
}
