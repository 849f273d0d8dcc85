import { createRequire, Module } from 'node:module';
import type { Agent } from 'undici';

const require = createRequire(import.meta.url);

/**
 * undici's Agent from its own module: citecheck sends every request through `dispatch`, so it
 * needs none of what undici's index adds (fetch, WebSocket, EventSource, caches, mocks, and the
 * request()/stream() helpers), which took ~60% of undici's load time (~60–90 ms of every
 * checking run's start-up). The index's Agent is the same class; an undici that moved the file
 * still works, through its index.
 */
export function agentClass(): typeof Agent {
  try {
    deferHttp2();
    return require('undici/lib/dispatcher/agent.js') as typeof Agent;
  } catch {
    return (require('undici') as { Agent: typeof Agent }).Agent;
  }
}

/**
 * undici's client requires its HTTP/2 half (client-h2.js) when it loads, and that file loads
 * node:http2, and with it tls and crypto: about a third of loading the Agent, on every checking
 * run, before the first input is fetched. citecheck never negotiates HTTP/2 (its Agents leave
 * allowH2 off, so undici never calls it), so the module system is given a stand-in that loads
 * the real file on its first call, should that ever come. Nothing changes if undici moved the
 * file (the stand-in is not made) or already loaded it.
 */
function deferHttp2(): void {
  let file: string;
  try {
    file = require.resolve('undici/lib/dispatcher/client-h2.js');
  } catch {
    return;
  }
  if (require.cache[file]) return;
  let connectH2: ((...args: unknown[]) => unknown) | undefined;
  const standIn = new Module(file);
  standIn.filename = file;
  standIn.loaded = true;
  standIn.exports = function connectH2OnFirstUse(this: unknown, ...args: unknown[]): unknown {
    if (connectH2 === undefined) {
      delete require.cache[file];
      connectH2 = require(file) as (...args: unknown[]) => unknown;
    }
    return connectH2.apply(this, args);
  };
  require.cache[file] = standIn;
}
