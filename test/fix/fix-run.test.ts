import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CitecheckOptions } from '../../src/config/options.js';
import { fixReport, type FixOptions } from '../../src/fix/index.js';
import { runCheck } from '../../src/run.js';
import { startFakeArchive, type FakeArchive } from '../helpers/fake-archive.js';
import { testOptions } from '../helpers/options.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { tempDir } from '../helpers/temp-dir.js';

let site: TestServer;
let archive: FakeArchive;
let dir: string;
let SITE: string;
let SNAP: string;
let SNAP_OK: string;

beforeAll(async () => {
  site = await startTestServer({ host: '127.0.0.2' });
  SITE = site.origin;
  archive = await startFakeArchive({
    captures: [
      { url: `${SITE}/status/404`, timestamp: '20240101000000' },
      { url: `${SITE}/ok`, timestamp: '20240301000000' },
    ],
  });
  SNAP = `${archive.endpoint}/web/20240101000000/${SITE}/status/404`;
  SNAP_OK = `${archive.endpoint}/web/20240301000000/${SITE}/ok`;
  dir = await tempDir('citecheck-fix-');
});

afterAll(async () => {
  await site.close();
  await archive.close();
});

const options = (extra: Partial<CitecheckOptions> = {}): CitecheckOptions =>
  testOptions({
    archiveEndpoint: archive.endpoint,
    retries: 0,
    hosts: { [`${archive.server.host}:${archive.server.port}`]: { intervalMs: 0 } },
    ...extra,
  });

/** Checks a file and returns what fixing it gives (with the archive lookups fix asks for). */
async function fixFile(file: string, fix: FixOptions) {
  const report = await runCheck([file], options({ archive: fix.robust === 'all' ? 'all' : 'failing' }));
  const result = await fixReport(report, fix);
  return { report, result, file: result.files[0] };
}

async function write(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

const markdown = () =>
  [
    '---',
    'title: Fix me',
    'date: 2024-04-30',
    '---',
    '',
    '# Fix me',
    '',
    `The [statement](${SITE}/status/404#quote) is gone; the [inspection](${SITE}/status/410) too.`,
    `The [report](${SITE}/redirect/301/1) moved, and the [survey](${SITE}/ok) is fine.`,
    `See also <${SITE}/status/404> and [the old page][old].`,
    '',
    `\`[code](${SITE}/status/404)\` stays as it is.`,
    '',
    `[old]: ${SITE}/status/404`,
    '',
  ].join('\n');

describe('citecheck fix on Markdown', () => {
  it('--dead-link archive: dead sources get their capture, moved ones their new URL; nothing else changes', async () => {
    const before = markdown();
    const file = await write('archive.md', before);
    const { file: fixed, result } = await fixFile(file, { deadLink: 'archive', robust: 'failing' });
    const expected = before
      .replace(`(${SITE}/status/404#quote)`, `(${SNAP}#quote)`)
      .replace(`<${SITE}/status/404>`, `<${SNAP}>`)
      .replace(`[old]: ${SITE}/status/404`, `[old]: ${SNAP}`)
      .replace(`(${SITE}/redirect/301/1)`, `(${SITE}/ok)`);
    expect(fixed.after).toBe(expected);
    expect(result.counts).toEqual({ moved: 1, archived: 3, robust: 0 });
    expect(result.unrescued).toBe(1);

    // Written and checked again: the rescued sources are no longer broken; a second fix changes nothing.
    await writeFile(file, fixed.after);
    const again = await fixFile(file, { deadLink: 'archive', robust: 'failing' });
    expect(again.file.after).toBe(again.file.before);
    const broken = again.report.findings.filter((f) => f.code === 'LINK_BROKEN').map((f) => f.url);
    expect(broken).toEqual([`${SITE}/status/410`]);
  });

  it('--dead-link annotate keeps the link and adds the capture after it (and after reference uses); idempotent', async () => {
    const before = markdown();
    const file = await write('annotate.md', before);
    const { file: fixed } = await fixFile(file, { deadLink: 'annotate', robust: 'failing' });
    const expected = before
      .replace(`(${SITE}/status/404#quote)`, `(${SITE}/status/404#quote) ([archived](${SNAP}#quote))`)
      .replace(`<${SITE}/status/404>`, `<${SITE}/status/404> ([archived](${SNAP}))`)
      .replace('[the old page][old]', `[the old page][old] ([archived](${SNAP}))`)
      .replace(`(${SITE}/redirect/301/1)`, `(${SITE}/ok)`);
    expect(fixed.after).toBe(expected);
    await writeFile(file, fixed.after);
    const again = await fixFile(file, { deadLink: 'annotate', robust: 'failing' });
    expect(again.file.after).toBe(again.file.before);
  });

  it('--robust all annotates live sources with their capture too', async () => {
    const file = await write('robust.md', `---\ndate: 2024-04-30\n---\n\nThe [survey](${SITE}/ok) is fine.\n`);
    const { file: fixed, result } = await fixFile(file, { deadLink: 'archive', robust: 'all' });
    expect(fixed.after).toBe(
      `---\ndate: 2024-04-30\n---\n\nThe [survey](${SITE}/ok) ([archived](${SNAP_OK})) is fine.\n`,
    );
    expect(result.counts.robust).toBe(1);
  });
});

describe('citecheck fix on HTML', () => {
  const html = () =>
    `<!doctype html>\n<html><head><title>Fix me</title><meta property="article:published_time" content="2024-04-30T08:00:00Z"></head>\n` +
    `<body><article>\n<p>The <a href="${SITE}/status/404">statement</a> is gone, the <a class="x" href='${SITE}/redirect/301/1'>report</a> moved,\n` +
    `and the <a href="${SITE}/ok" rel="nofollow">survey</a> is fine.</p>\n</article></body></html>\n`;

  it('Robust Links on the dead source, href per --dead-link; --robust all decorates the live one', async () => {
    const before = html();
    const file = await write('post.html', before);
    const { file: archived } = await fixFile(file, { deadLink: 'archive', robust: 'all' });
    const robust = (original: string, snap: string) =>
      ` data-originalurl="${original}" data-versiondate="2024-04-30" data-versionurl="${snap}"`;
    expect(archived.after).toBe(
      before
        .replace(`<a href="${SITE}/status/404">`, `<a href="${SNAP}"${robust(`${SITE}/status/404`, SNAP)}>`)
        // Moved: the new URL, decorated with the new URL's capture (so a second run has nothing to do).
        .replace(
          `href='${SITE}/redirect/301/1'>`,
          `href='${SITE}/ok'${robust(`${SITE}/ok`, SNAP_OK).replace(/"/g, "'")}>`,
        )
        .replace(`rel="nofollow">`, `rel="nofollow"${robust(`${SITE}/ok`, SNAP_OK)}>`),
    );
    await writeFile(file, archived.after);
    const again = await fixFile(file, { deadLink: 'archive', robust: 'all' });
    expect(again.file.after).toBe(again.file.before);
  });

  it('--dead-link annotate keeps the dead href and adds the attributes', async () => {
    const file = await write('annotate.html', html());
    const { file: fixed } = await fixFile(file, { deadLink: 'annotate', robust: 'failing' });
    expect(fixed.after).toContain(
      `<a href="${SITE}/status/404" data-originalurl="${SITE}/status/404" data-versiondate="2024-04-30" data-versionurl="${SNAP}">`,
    );
    expect(fixed.after).toContain(`<a href="${SITE}/ok" rel="nofollow">`);
  });
});

describe('citecheck fix on WordPress JSON', () => {
  it('edits only the link spans inside content.rendered, escaped the way the file escapes', async () => {
    const esc = (url: string) => url.replace(/\//g, '\\/');
    const before =
      `{"id":7,"date_gmt":"2024-04-30T00:00:00","link":"https:\\/\\/blog.example.net\\/p\\/",\n` +
      ` "title":{"rendered":"Caf\\u00e9"},"content":{"rendered":"<p>The <a href=\\"${esc(SITE)}\\/status\\/404\\">statement<\\/a> is gone and the <a href=\\"${esc(SITE)}\\/redirect\\/301\\/1\\">report<\\/a> moved, caf\\u00e9.<\\/p>\\n","protected":false},\n` +
      ` "excerpt":{"rendered":""},"meta":[]}\n`;
    const file = await write('post.json', before);
    const { file: fixed } = await fixFile(file, { deadLink: 'archive', robust: 'failing' });
    const attrs = ` data-originalurl=\\"${esc(`${SITE}/status/404`)}\\" data-versiondate=\\"2024-04-30\\" data-versionurl=\\"${esc(SNAP)}\\"`;
    expect(fixed.after).toBe(
      before
        .replace(`<a href=\\"${esc(SITE)}\\/status\\/404\\">`, `<a href=\\"${esc(SNAP)}\\"${attrs}>`)
        .replace(`${esc(SITE)}\\/redirect\\/301\\/1`, `${esc(SITE)}\\/ok`),
    );
    expect(JSON.parse(fixed.after).content.rendered).toContain(
      `<a href="${SNAP}" data-originalurl="${SITE}/status/404"`,
    );
  });
});

describe('citecheck fix on a file it cannot open by its report name', () => {
  it('leaves it with a reason, as for stdin, rather than stopping', async () => {
    // A name that is not UTF-8 is shown escaped (content/\xff.md): no file has that name.
    const file = await write('plain.md', '# Plain\n\nNothing to fix.\n');
    const report = await runCheck([file], options({ archive: 'never' }));
    report.posts[0].source = path.join(dir, '\\xff.md');
    const result = await fixReport(report, { deadLink: 'archive', robust: 'failing' });
    expect(result.files).toEqual([
      expect.objectContaining({
        before: '',
        after: '',
        problem: 'cannot be read by the name the report gives it (ENOENT)',
      }),
    ]);
  });
});
