import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import type { Plan } from '../../src/links/plan.js';
import type { CheckResult } from '../../src/types.js';
import { testOptions } from '../helpers/options.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ host: '127.0.0.2' });
});
afterAll(async () => {
  await server.close();
});

describe('checkPlan: the engine only checks what it is handed', () => {
  it('requests the targets the plan sends and passes the decided results through untouched', async () => {
    server.reset();
    const sent = server.url('/ok?excluded-by-the-options');
    const decided: CheckResult = {
      url: server.url('/ok?decided'),
      status: 'excluded',
      errorCode: 'EXCLUDED_PATTERN',
      reason: 'matches --exclude decided',
      redirects: [],
      attempts: 0,
      checkedAt: '2026-03-04T05:06:07.000Z',
      durationMs: 0,
    };
    const plan: Plan = {
      targets: [
        { action: 'check', target: { url: sent, fragments: [], quotes: [] } },
        {
          action: 'excluded',
          rule: 'exclude-pattern',
          target: { url: decided.url, fragments: [], quotes: [] },
          result: decided,
        },
      ],
    };
    // The options would exclude both and forbid any request: the engine does not filter again.
    const run = await checkPlan(plan, testOptions({ exclude: [/excluded/, /decided/], offline: true }));
    expect(run.results.get(sent)).toMatchObject({ status: 'ok', attempts: 1 });
    expect(run.results.get(decided.url)).toBe(decided);
    expect(server.hitsOf('/ok?excluded-by-the-options')).toHaveLength(1);
    expect(server.hitsOf('/ok?decided')).toHaveLength(0);
  });
});
