import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from 'undici';
import { sendRequest, type SendOptions } from '../../src/check/http-client.js';
import { GuardDispatcher } from '../helpers/guard-dispatcher.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
const agent = new Agent();

beforeAll(async () => {
  server = await startTestServer({ host: '127.0.0.17' });
});
afterAll(async () => {
  await agent.close();
  await server.close();
});

const send = (onSent: () => void): SendOptions => ({
  method: 'GET',
  headers: {},
  signal: new AbortController().signal,
  headersTimeoutMs: 2_000,
  bodyTimeoutMs: 2_000,
  bodyLimit: () => 0,
  onSent,
});

describe("sendRequest's onSent (reported from undici's dispatch handler)", () => {
  it('reports once, before the answer, when the request goes on the wire', async () => {
    const events: string[] = [];
    const response = await sendRequest(
      agent,
      new URL(server.url('/ok?sent')),
      send(() => events.push('sent')),
    );
    events.push(`answered ${response.status}`);
    expect(events).toEqual(['sent', 'answered 200']);
  });

  it('passes a refusal before any socket through, without reporting a start', async () => {
    const guard = new GuardDispatcher();
    const events: string[] = [];
    await expect(
      sendRequest(
        guard,
        new URL('http://refused.invalid/'),
        send(() => events.push('sent')),
      ),
    ).rejects.toMatchObject({ code: 'TEST_GUARD' });
    expect(events).toEqual([]);
    expect(guard.violations).toEqual(['http://refused.invalid']);
    await guard.destroy();
  });
});
