/**
 * The local hosts of the "site" benchmark, in their own process (their CPU and memory are not
 * the checker's): `hosts` HTTP servers on 127.0.0.10, .11, … Each answers /story/N with a
 * small page, /gone/N with 404 and /moved/N with a 301 to /story/N. Sends `{ origins }` over
 * IPC once listening; "stop" closes them and exits.
 */
import { createServer } from 'node:http';

const hosts = Number(process.argv[2] ?? 200);
const servers = [];
const origins = [];
for (let i = 0; i < hosts; i++) {
  const host = `127.0.0.${10 + i}`;
  const server = createServer((req, res) => {
    const [, kind, n] = (req.url ?? '').split('/');
    if (kind === 'gone') {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>Not here</title><p>Gone.</p>');
    } else if (kind === 'moved') {
      res.writeHead(301, { location: `/story/${n}` });
      res.end();
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>Story ${n}</title><h1>Story ${n}</h1><p>The council said the budget grew.</p>`);
    }
  });
  server.keepAliveTimeout = 10_000;
  await new Promise((resolve) => server.listen(0, host, resolve));
  servers.push(server);
  origins.push(`http://${host}:${server.address().port}`);
}
process.send?.({ origins });
process.on('message', (msg) => {
  if (msg !== 'stop') return;
  for (const s of servers) s.closeAllConnections?.();
  Promise.all(servers.map((s) => new Promise((r) => s.close(r)))).then(() => process.exit(0));
});
