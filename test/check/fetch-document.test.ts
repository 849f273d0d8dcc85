import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentFetcher } from '../../src/check/fetch-document.js';
import { InputError } from '../../src/errors.js';
import { testOptions } from '../helpers/options.js';
import { stubLookup } from '../helpers/stub-lookup.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let a: TestServer;
let b: TestServer;
beforeAll(async () => {
  a = await startTestServer({ host: '127.0.0.2' });
  b = await startTestServer({ host: '127.0.0.3' });
});
afterAll(async () => {
  await a.close();
  await b.close();
});

describe('createDocumentFetcher', () => {
  it('returns the body, headers and final URL after redirects', async () => {
    const fetchDocument = createDocumentFetcher(testOptions());
    const doc = await fetchDocument(a.url('/redirect/301/2'));
    expect(doc.status).toBe(200);
    expect(doc.finalUrl).toBe(a.url('/ok'));
    expect(doc.headers['content-type']).toMatch(/html/);
    expect(doc.body.toString()).toContain('<title>OK</title>');
    await fetchDocument.close();
  });

  it('returns HTTP errors as values', async () => {
    const fetchDocument = createDocumentFetcher(testOptions({ retries: 0 }));
    const doc = await fetchDocument(a.url('/status/404'));
    expect(doc.status).toBe(404);
    await fetchDocument.close();
  });

  it('sends the Accept header asked for', async () => {
    a.reset();
    const fetchDocument = createDocumentFetcher(testOptions());
    await fetchDocument(a.url('/json'), { accept: 'application/json' });
    expect(a.hits[0].headers.accept).toBe('application/json');
    await fetchDocument.close();
  });

  it('throws InputError for a private address without allowPrivate', async () => {
    const lookup = stubLookup({ 'inward.citecheck-made-up': '127.0.0.2' });
    const fetchDocument = createDocumentFetcher(testOptions({ allowPrivate: false }), { lookup });
    a.reset();
    await expect(fetchDocument(`http://inward.citecheck-made-up:${a.port}/ok`)).rejects.toBeInstanceOf(InputError);
    expect(a.hits).toHaveLength(0);
    await fetchDocument.close();
  });

  it('throws InputError for unreachable hosts and bodies over the input cap', async () => {
    const fetchDocument = createDocumentFetcher(testOptions({ maxInputBytes: 10_000, retries: 0 }), {
      lookup: stubLookup({}),
    });
    await expect(fetchDocument('http://nowhere.citecheck-made-up/')).rejects.toMatchObject({ code: 'INPUT' });
    await expect(fetchDocument(a.url('/huge'))).rejects.toMatchObject({
      code: 'INPUT',
      message: `cannot fetch ${a.url('/huge')}: the body is larger than 10000 bytes (--max-input-bytes)`,
    });
    await fetchDocument.close();
  });

  it('keeps credentials to their origin across redirects', async () => {
    a.reset();
    b.reset();
    const fetchDocument = createDocumentFetcher(
      testOptions({ headers: [{ name: 'Authorization', value: 'Bearer s' }] }),
    );
    await fetchDocument(a.url(`/redirect-to?url=${encodeURIComponent(b.url('/ok'))}`));
    expect(a.hits[0].headers.authorization).toBe('Bearer s');
    expect(b.hits[0].headers.authorization).toBeUndefined();
    await fetchDocument.close();
  });
});
