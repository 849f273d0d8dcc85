import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Agent } from 'undici';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/check/http-client.js';
import { ROOT } from '../cli/run-cli.js';

describe('createDispatcher', () => {
  it("builds undici's own Agent, loaded without undici's index", async () => {
    const dispatcher = createDispatcher({
      allowPrivate: false,
      connectTimeoutMs: 1_000,
      headersTimeoutMs: 1_000,
      bodyTimeoutMs: 1_000,
    });
    expect(dispatcher).toBeInstanceOf(Agent);
    await dispatcher.close();
  });
});

describe("undici's HTTP/2 half", () => {
  it('is not loaded with the Agent (citecheck never negotiates HTTP/2), and loads on its first call', () => {
    // A fresh process: this one may hold node:http2 already.
    const script = `
      import { createRequire } from 'node:module';
      import { createDispatcher } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/check/http-client.js')).href)};
      const loaded = () => process.moduleLoadList.includes('NativeModule http2');
      const steps = [loaded()];
      await createDispatcher({ allowPrivate: false, connectTimeoutMs: 1000, headersTimeoutMs: 1000, bodyTimeoutMs: 1000 }).close();
      steps.push(loaded());
      const require = createRequire(${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/check/http-client.js')).href)});
      const connectH2 = require('undici/lib/dispatcher/client-h2.js');
      // The real connectH2 fails on a client and socket that are not ones; loaded by then.
      try { connectH2({}, {}); } catch {}
      steps.push(loaded(), require('undici/lib/dispatcher/client-h2.js').name);
      console.log(JSON.stringify(steps));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([false, false, true, 'connectH2']);
  });
});
