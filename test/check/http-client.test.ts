import { Agent } from 'undici';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/check/http-client.js';

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
