/**
 * What both versus floors (bench/bare-undici.js, bench/bare-http.js) do around their client:
 * take the page's links, order them round-robin by host, request them CONCURRENCY at a time and
 * count statuses as citecheck's JSON does. Plain Node, no citecheck code.
 */

/**
 * The page's links, round-robin across hosts, as any checker with per-host queues orders them:
 * in the page's grouped order, 100 in flight would be 50 to each of two hosts, one new
 * connection per request.
 */
export function linksRoundRobin(page) {
  const byOrigin = new Map();
  for (const [, href] of page.matchAll(/href="([^"]+)"/g)) {
    const origin = new URL(href).origin;
    if (!byOrigin.has(origin)) byOrigin.set(origin, []);
    byOrigin.get(origin).push(href);
  }
  const links = [];
  for (let i = 0, added = true; added; i++) {
    added = false;
    for (const list of byOrigin.values())
      if (i < list.length) {
        links.push(list[i]);
        added = true;
      }
  }
  return links;
}

/** Requests every link with `status(url)` (resolving to the status code once the body is read), `concurrency` in flight. */
export async function countStatuses(links, concurrency, status) {
  const byStatus = {};
  let next = 0;
  async function worker() {
    while (next < links.length) {
      const url = links[next++];
      try {
        const code = await status(url);
        const key = code === 200 ? 'ok' : `http-${code}`;
        byStatus[key] = (byStatus[key] ?? 0) + 1;
      } catch {
        byStatus.unreachable = (byStatus.unreachable ?? 0) + 1;
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return byStatus;
}
