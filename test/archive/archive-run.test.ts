import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/check/http-client.js';
import { ResolvedNames } from '../../src/check/resolved-names.js';
import { runCheck, runExtract } from '../../src/run.js';
import type { Report, ReportCitation } from '../../src/types.js';
import { startFakeArchive, type FakeArchive } from '../helpers/fake-archive.js';
import { GuardDispatcher } from '../helpers/guard-dispatcher.js';
import { testOptions } from '../helpers/options.js';
import { stubLookup } from '../helpers/stub-lookup.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { tempDir } from '../helpers/temp-dir.js';

const DAY = 86_400_000;
const page = (text: string) =>
  `<!doctype html><html><head><title>T</title></head><body><main><p>${text}</p></main></body></html>`;
const STORY =
  'The harbour authority approved the dredging plan after a review of sediment samples taken along the eastern quay ' +
  'and the marina entrance, and work will resume in the spring once the contractors have returned to the site.';

let site: TestServer;
let archive: FakeArchive;
let dir: string;
let post: string;

const html = (body: string) => (_req: unknown, res: import('node:http').ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(page(body));
};

beforeAll(async () => {
  site = await startTestServer({
    host: '127.0.0.2',
    routes: {
      '/changed': html('The fare freeze will be reviewed next year.'),
      '/changed-plan': html('Buses run on the usual timetable.'),
      '/steady': html(STORY),
      '/drifted': html('Sorry, this story has been replaced by a newsletter sign-up page with no news at all.'),
    },
  });
  const at = (p: string) => site.url(p);
  archive = await startFakeArchive({
    captures: [
      { url: at('/status/404'), timestamp: '20240101093000' },
      { url: at('/status/404'), timestamp: '20240601000000' },
      {
        url: at('/changed'),
        timestamp: '20240410000000',
        body: page('The council said the fare freeze will stay in place through 2027 for all riders.'),
      },
      { url: at('/changed-plan'), timestamp: '20240410000000', body: page('Buses run on the usual timetable.') },
      { url: at('/ok'), timestamp: '20240301000000' },
      { url: at('/steady'), timestamp: '20240301000000', body: page(STORY) },
      { url: at('/drifted'), timestamp: '20240301000000', body: page(STORY) },
    ],
  });
  dir = await tempDir('citecheck-archive-');
  post = path.join(dir, 'post.md');
  await writeFile(
    post,
    [
      '---',
      'title: Archive test',
      'date: 2024-04-30T12:00:00Z',
      '---',
      '',
      `The statement was [removed](${at('/status/404')}) and the [inspection](${at('/status/410')}) is gone too.`,
      '',
      `The committee promised that "the fare freeze will stay in place through 2027" in its [policy](${at('/changed')}).`,
      '',
      `It also said "buses will run every ten minutes all day" in the [plan](${at('/changed-plan')}).`,
      '',
      `The [survey](${at('/ok')}) is fine.`,
      '',
    ].join('\n'),
  );
});

afterAll(async () => {
  await site.close();
  await archive.close();
});

// The archive's lane keeps its 1 in flight; the 1 s interval would only make the tests slow.
const options = (extra: Parameters<typeof testOptions>[0] = {}) =>
  testOptions({
    archiveEndpoint: archive.endpoint,
    retries: 0,
    hosts: { [`${archive.server.host}:${archive.server.port}`]: { intervalMs: 0 } },
    ...extra,
  });

function citation(report: Report, suffix: string): ReportCitation {
  const all = report.posts.flatMap((p) => p.blocks.flatMap((b) => b.citations));
  const found = all.find((c) => c.url.endsWith(suffix));
  if (!found) throw new Error(`no citation ending ${suffix}`);
  return found;
}

// The local sites are plain http: LINK_INSECURE_HTTP is beside the point here.
const codesFor = (report: Report, suffix: string) =>
  report.findings.filter((f) => f.url?.endsWith(suffix) && f.code !== 'LINK_INSECURE_HTTP').map((f) => f.code);

describe('the archive stage in a run (--archive failing, the default)', () => {
  let report: Report;
  beforeAll(async () => {
    site.reset();
    archive.server.reset();
    report = await runCheck([post], options());
  });

  it('links a dead source to the capture before the post date, in the citation and the findings', () => {
    const dead = citation(report, '/status/404');
    expect(dead.archive).toEqual({
      status: 'found',
      url: `${archive.endpoint}/web/20240101093000/${site.url('/status/404')}`,
      capturedAt: '2024-01-01T09:30:00Z',
    });
    expect(codesFor(report, '/status/404')).toEqual(['LINK_BROKEN', 'ARCHIVE_AVAILABLE']);
    const broken = report.findings.find((f) => f.code === 'LINK_BROKEN' && f.url?.endsWith('/status/404'));
    expect(broken?.message).toContain(`An archived copy from 2024-01-01: ${dead.archive?.url}`);
    expect(broken?.args).toMatchObject({ archiveUrl: dead.archive?.url, archivedAt: '2024-01-01' });
  });

  it('says ARCHIVE_MISSING for a dead source the archive never captured', () => {
    expect(citation(report, '/status/410').archive).toEqual({ status: 'missing' });
    expect(codesFor(report, '/status/410')).toContain('ARCHIVE_MISSING');
    expect(report.findings.find((f) => f.code === 'ARCHIVE_MISSING')?.severity).toBe('warning');
  });

  it('a quote the live page lost but the capture has is SOURCE_CHANGED, from the raw id_ replay', () => {
    expect(codesFor(report, '/changed')).toEqual(['SOURCE_CHANGED']);
    const changed = report.findings.find((f) => f.code === 'SOURCE_CHANGED');
    expect(changed?.message).toMatch(
      /on 2024-04-10 this page said "the fare freeze will stay in place through 2027"; it no longer does/,
    );
    expect(citation(report, '/changed').archive?.quotesInCapture).toEqual([
      'the fare freeze will stay in place through 2027',
    ]);
    expect(archive.server.hits.some((h) => h.path.startsWith('/web/20240410000000id_/'))).toBe(true);
  });

  it('a quote the capture lacks too stays QUOTE_NOT_FOUND', () => {
    expect(codesFor(report, '/changed-plan')).toEqual(['QUOTE_NOT_FOUND']);
  });

  it('does not look up live sources with nothing lost', () => {
    expect(citation(report, '/ok').archive).toBeUndefined();
    expect(archive.server.hits.some((h) => h.path.includes(encodeURIComponent(site.url('/ok'))))).toBe(false);
  });

  it('asks the archive one request at a time, as its own host in the run', () => {
    expect(archive.server.maxInFlight).toBe(1);
    const host = report.hosts.find((h) => h.host === `${archive.server.host}:${archive.server.port}`);
    expect(host?.requests).toBe(archive.server.hits.length);
    expect(host?.maxInFlight).toBe(1);
  });
});

describe('--archive all and never', () => {
  it('all also looks up live citations (no finding for them)', async () => {
    const report = await runCheck([post], options({ archive: 'all' }));
    expect(citation(report, '/ok').archive).toMatchObject({ status: 'found', capturedAt: '2024-03-01T00:00:00Z' });
    expect(codesFor(report, '/ok')).toEqual([]);
  });

  it('never asks nothing; archive links are still recognised', async () => {
    archive.server.reset();
    const report = await runCheck([post], options({ archive: 'never' }));
    expect(archive.server.hits).toHaveLength(0);
    expect(citation(report, '/status/404').archive).toBeUndefined();
    expect(codesFor(report, '/changed')).toEqual(['QUOTE_NOT_FOUND']);
  });

  it('--offline and extract never ask the archive', async () => {
    archive.server.reset();
    await runCheck([post], options({ offline: true }));
    await runExtract([post], options());
    expect(archive.server.hits).toHaveLength(0);
  });
});

describe('archive answers in the cache file', () => {
  it('a found capture is reused for 30 days, "none" for 1 day', async () => {
    const cache = path.join(dir, 'cache.json');
    await runCheck([post], options({ cache }));
    const saved = JSON.parse(await readFile(cache, 'utf8')) as { archive: Record<string, { status: string }> };
    expect(
      Object.values(saved.archive)
        .map((a) => a.status)
        .sort(),
    ).toEqual(['found', 'found', 'found', 'missing']);

    archive.server.reset();
    await runCheck([post], options({ cache }));
    const lookups = () => archive.server.hits.filter((h) => /^\/(wayback|cdx)\//.test(h.path));
    expect(lookups()).toHaveLength(0);

    // Two days on: only the "none" is asked again.
    archive.server.reset();
    const later = () => Date.now() + 2 * DAY;
    await runCheck([post], options({ cache }), { now: later });
    expect(lookups().length).toBeGreaterThan(0);
    expect(lookups().every((h) => decodeURIComponent(h.path).includes(site.url('/status/410')))).toBe(true);

    // Thirty-one days on: everything is asked again.
    archive.server.reset();
    await runCheck([post], options({ cache }), { now: () => Date.now() + 31 * DAY });
    expect(lookups().some((h) => decodeURIComponent(h.path).includes(site.url('/status/404')))).toBe(true);
  });
});

describe('--drift', () => {
  it('reports a similarity per live citation and SOURCE_CHANGED below 0.5', async () => {
    const file = path.join(dir, 'drift.md');
    await writeFile(
      file,
      `---\ndate: 2024-04-30\n---\n\nThe [plan](${site.url('/steady')}) and the [story](${site.url('/drifted')}) were cited.\n`,
    );
    const report = await runCheck([file], options({ drift: true }));
    expect(citation(report, '/steady').archive).toMatchObject({ status: 'found', similarity: 1 });
    expect(citation(report, '/drifted').archive?.similarity).toBeLessThan(0.5);
    expect(codesFor(report, '/steady')).toEqual([]);
    const drifted = report.findings.find((f) => f.url?.endsWith('/drifted'));
    expect(drifted?.code).toBe('SOURCE_CHANGED');
    expect(drifted?.message).toMatch(
      /changed since 2024-03-01: its text and the archived copy's have 0\.\d\d in common \(below 0\.50\)/,
    );
  });
});

describe('credentials in a cited URL', () => {
  it('are never sent to the archive, nor shown in the report', async () => {
    const file = path.join(dir, 'credentials.md');
    const secret = site.url('/status/404').replace('http://', 'http://editor:s3cret@');
    await writeFile(file, `---\ndate: 2024-04-30\n---\n\nThe [statement](${secret}) is gone.\n`);
    archive.server.reset();
    const report = await runCheck([file], options());
    expect(archive.server.hits.length).toBeGreaterThan(0);
    expect(archive.server.hits.some((h) => decodeURIComponent(h.path).includes('s3cret'))).toBe(false);
    const c = report.posts[0].blocks[0].citations[0];
    expect(c.archive).toMatchObject({ status: 'found', capturedAt: '2024-01-01T09:30:00Z' });
    expect(JSON.stringify(report)).not.toContain('s3cret');
  });
});

describe('an archive that cannot be reached', () => {
  it('stops asking after 3 failures in a row, and says so once', async () => {
    let connections = 0;
    const refuse = createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => refuse.listen(0, '127.0.0.61', resolve));
    const endpoint = `http://127.0.0.61:${(refuse.address() as AddressInfo).port}`;
    const file = path.join(dir, 'many-dead.md');
    const dead = [404, 410, 500, 501, 502, 503].map((s) => `[source ${s}](${site.url(`/status/${s}`)})`);
    await writeFile(file, `---\ndate: 2024-04-30\n---\n\nThese are gone: ${dead.join(', ')}.\n`);
    const warnings: string[] = [];
    try {
      const report = await runCheck([file], testOptions({ archiveEndpoint: endpoint, retries: 0 }), {
        onWarning: (w) => warnings.push(w),
      });
      const archives = report.posts[0].blocks.flatMap((b) => b.citations).map((c) => c.archive?.status);
      expect(archives).toEqual(Array(6).fill('lookup-failed'));
      expect(connections).toBe(3);
      expect(warnings).toEqual([
        expect.stringMatching(/^6 of 6 archive lookups failed \(archive unreachable, not asked again/),
      ]);
      expect(report.findings.map((f) => f.code)).not.toContain('ARCHIVE_MISSING');
    } finally {
      await new Promise((resolve) => refuse.close(resolve));
    }
  });
});

describe('the public archive and private links', () => {
  it('loopback links are never looked up in the default public archive, and the report says why', async () => {
    const guard = new GuardDispatcher();
    const report = await runCheck([post], testOptions({ retries: 0 }), { dispatcher: guard });
    expect(guard.violations).toEqual([]);
    expect(citation(report, '/status/404').archive).toEqual({
      status: 'not-asked',
      reason: 'the host is 127.0.0.2, a loopback address: the public archive is never told of private hosts',
    });
  });

  describe('names: the public archive (web.archive.org, answered here by the fake one) is never told of one that resolved inwards', () => {
    const PUBLIC_ARCHIVE = 'https://web.archive.org';
    // intranet… resolves to the test site (loopback: checked only because of --allow-private);
    // news… resolves to a public address, and its check is answered by the test site too.
    const names = { intranet: 'intranet.citecheck-made-up', news: 'news.citecheck-made-up', stage: 'stage.test' };
    // Archives a user may choose: a public mirror (a public address; its requests are answered by
    // the fake archive) and a pywb whose name resolves to loopback (a local archive).
    const MIRROR = 'wayback.mirror.citecheck-made-up';
    const POCKET = 'pywb.citecheck-made-up';
    const at = (name: string, p: string) => `http://${name}:${site.port}${p}`;
    let file: string;
    beforeAll(async () => {
      file = path.join(dir, 'intranet.md');
      await writeFile(
        file,
        `---\ndate: 2024-04-30\n---\n\nThe [wiki](${at(names.intranet, '/status/404')}), the [staging page](${at(names.stage, '/status/404')}) and the [story](${at(names.news, '/status/410')}) are gone.\n`,
      );
      archive.captures.push({ url: at(names.news, '/status/410'), timestamp: '20240301000000' });
    });

    /** A run through the engine's own dispatcher (its safe lookup, what it learns of names) behind the test guard. */
    async function run(
      extra: Parameters<typeof testOptions>[0] = {},
      input = file,
      reroute: Record<string, string> = {},
    ) {
      const lookup = stubLookup({
        [names.intranet]: site.host,
        [names.stage]: site.host,
        [names.news]: '93.184.215.14',
        [MIRROR]: '93.184.215.15',
        [POCKET]: archive.server.host,
      });
      const options = testOptions({ retries: 0, hosts: { 'web.archive.org': { intervalMs: 0 } }, ...extra });
      const resolvedNames = new ResolvedNames();
      const guard = new GuardDispatcher({
        inner: createDispatcher(options, lookup, resolvedNames),
        names: [names.intranet, names.stage, POCKET],
        reroute: {
          [PUBLIC_ARCHIVE]: archive.endpoint,
          [new URL(at(names.news, '/')).origin]: site.origin,
          ...reroute,
        },
      });
      archive.server.reset();
      try {
        const report = await runCheck([input], options, { dispatcher: guard, lookup, resolvedNames });
        const asked = archive.server.hits.map((h) => decodeURIComponent(h.path));
        return { report, asked, lookup, guard };
      } finally {
        await guard.destroy();
      }
    }

    it('a dead link to an intranet name is not looked up, a public one is', async () => {
      const { report, asked, lookup, guard } = await run();
      expect(guard.violations).toEqual([]);
      expect(citation(report, `${names.intranet}:${site.port}/status/404`).status).toBe('broken');
      expect(citation(report, `${names.intranet}:${site.port}/status/404`).archive).toEqual({
        status: 'not-asked',
        reason: `${names.intranet} resolves to ${site.host}, a loopback address: the public archive is never told of private hosts`,
      });
      expect(citation(report, `${names.stage}:${site.port}/status/404`).archive).toMatchObject({
        status: 'not-asked',
        reason: expect.stringMatching(/^stage\.test is a name reserved for local use/),
      });
      expect(asked.filter((p) => p.includes(names.intranet) || p.includes(names.stage))).toEqual([]);
      // The public name is asked, in the default archive.
      expect(asked.some((p) => p.includes(names.news))).toBe(true);
      expect(citation(report, '/status/410').archive).toMatchObject({
        status: 'found',
        url: `${PUBLIC_ARCHIVE}/web/20240301000000/${at(names.news, '/status/410')}`,
      });
      // What the check learnt of the intranet name decided: it was not resolved again.
      expect(lookup.calls.filter((n) => n === names.intranet)).toHaveLength(1);
    });

    it('a public archive the user chose (--archive-endpoint) is told no more of intranet links than the default one', async () => {
      const mirror = `https://${MIRROR}`;
      const { report, asked, guard } = await run(
        { archiveEndpoint: mirror, hosts: { [MIRROR]: { intervalMs: 0 } } },
        file,
        { [mirror]: archive.endpoint },
      );
      expect(guard.violations).toEqual([]);
      expect(guard.dispatched).toContain(mirror);
      expect(citation(report, `${names.intranet}:${site.port}/status/404`).archive).toEqual({
        status: 'not-asked',
        reason: `${names.intranet} resolves to ${site.host}, a loopback address: the public archive is never told of private hosts`,
      });
      expect(citation(report, `${names.stage}:${site.port}/status/404`).archive?.status).toBe('not-asked');
      expect(asked.filter((p) => p.includes(names.intranet) || p.includes(names.stage))).toEqual([]);
      expect(citation(report, '/status/410').archive).toMatchObject({
        status: 'found',
        url: `${mirror}/web/20240301000000/${at(names.news, '/status/410')}`,
      });
    });

    it('a local archive (its name resolves to loopback) is asked about intranet links', async () => {
      const pocket = `http://${POCKET}:${archive.server.port}`;
      const { report, asked, guard } = await run({
        archiveEndpoint: pocket,
        hosts: { [`${POCKET}:${archive.server.port}`]: { intervalMs: 0 } },
      });
      expect(guard.violations).toEqual([]);
      expect(asked.some((p) => p.includes(names.intranet))).toBe(true);
      expect(asked.some((p) => p.includes(names.stage))).toBe(true);
      expect(citation(report, `${names.intranet}:${site.port}/status/404`).archive?.status).toBe('missing');
    });

    it('nor when its live result comes from the cache (--drift): the name is resolved for the decision', async () => {
      const live = path.join(dir, 'intranet-live.md');
      await writeFile(live, `---\ndate: 2024-04-30\n---\n\nThe [wiki](${at(names.intranet, '/ok')}) is up.\n`);
      const cache = path.join(dir, 'intranet-cache.json');
      await run({ cache, drift: true }, live);
      const { report, asked, lookup } = await run({ cache, drift: true }, live);
      expect(report.hosts.map((h) => h.requests)).toEqual([]);
      expect(lookup.calls).toEqual([names.intranet]);
      expect(citation(report, '/ok').archive?.status).toBe('not-asked');
      expect(asked).toEqual([]);
    });
  });
});
