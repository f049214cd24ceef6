// Checks `skein serve` over loopback without a browser:
//  - a bounded load test: 200 API requests sent at once (searches, entities, neighbourhoods,
//    evidence, paths); every one must be answered 200 with JSON; prints p50/p95/max latency;
//  - malformed and hostile requests (bad JSON, oversized values, bodies and URIs, path
//    traversal, unknown endpoints and entities, repeated or unknown parameters, other methods,
//    a foreign Host header): each must get its 4xx with a JSON error, and the server must
//    still answer the same meta afterwards.
//
//   node serve_checks.mjs --base http://127.0.0.1:PORT --entity ID --other ID
// Sends traffic to the given loopback address only, a fixed number of requests, then stops.
import net from 'node:net';
import http from 'node:http';

function args(argv) {
  const out = {};
  for (let i = 2; i < argv.length; i += 2) out[argv[i].replace(/^--/, '')] = argv[i + 1];
  return out;
}
const opt = args(process.argv);
const base = new URL(opt.base);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(base.hostname)) {
  console.error('serve_checks: only loopback addresses are tested');
  process.exit(2);
}
// One connection per request, as 200 separate clients would open. A request may wait up to
// 120 s: on a two-core CI machine running other tests beside this one, 200 requests at once
// have taken over 30 s to drain (the answers are checked here, the speed in bench/).
const agent = new http.Agent({keepAlive: false, maxSockets: 256});

function request(method, path, {body, headers} = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request({host: base.hostname, port: base.port, method, path, agent,
                              headers: Object.assign({}, headers || {}), timeout: 120000}, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({status: res.statusCode, body: Buffer.concat(chunks).toString('utf8'),
                                   ms: Number(process.hrtime.bigint() - started) / 1e6}));
    });
    req.on('timeout', () => req.destroy(new Error(`timeout on ${method} ${path.slice(0, 80)}`)));
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

// A request written byte for byte, so the path reaches the server unnormalised.
function raw(text) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({host: base.hostname, port: Number(base.port)}, () => socket.write(text));
    const chunks = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('end', () => {
      const reply = Buffer.concat(chunks).toString('utf8');
      const status = Number((reply.match(/^HTTP\/1\.[01] (\d{3})/) || [])[1] || 0);
      resolve({status, body: reply.slice(reply.indexOf('\r\n\r\n') + 4)});
    });
    socket.on('error', reject);
    socket.setTimeout(120000, () => socket.destroy(new Error('raw request timed out')));
  });
}

const failures = [];
function expect(condition, message) { if (!condition) failures.push(message); }
function jsonOf(reply) { try { return JSON.parse(reply.body); } catch { return null; } }

const entity = opt.entity, other = opt.other;
const meta0 = await request('GET', '/api/meta');
expect(meta0.status === 200, `meta answered ${meta0.status}`);

// ---- load: 200 requests at once ---------------------------------------------------------
const first = jsonOf(await request('GET', `/api/entity?id=${entity}`));
const edge = first && first.relations.length ? first.relations[0].id : 1;
const paths = [`/api/entities?q=${encodeURIComponent('bl')}`, `/api/entities?q=labour&limit=50`,
               `/api/entity?id=${entity}`, `/api/neighbours?id=${entity}&depth=2`,
               `/api/evidence?edge=${edge}`, `/api/path?source=${entity}&target=${other}`,
               `/api/overview?limit=100`, `/api/neighbours?id=${other}&type=met-with`];
const t0 = Date.now();
const replies = await Promise.all(Array.from({length: 200}, (_, i) => request('GET', paths[i % paths.length])
    .catch((e) => ({status: 0, body: String(e), ms: 0}))));
const wall = Date.now() - t0;
const answered = replies.filter((r) => r.status === 200 && jsonOf(r) !== null).length;
expect(answered === 200, `load: ${answered} of 200 requests answered 200 with JSON (first other: ${
  (replies.find((r) => r.status !== 200) || {}).body})`);
const ms = replies.map((r) => r.ms).sort((a, b) => a - b);
const pct = (p) => ms[Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)];

// ---- hostile ------------------------------------------------------------------------------
const huge = 'x'.repeat(5000);
const cases = [
  ['bad JSON body', () => request('POST', '/api/entities', {body: '{"q": "blair"', headers: {'Content-Type': 'application/json'}}), 400],
  ['JSON body that is not an object', () => request('POST', '/api/entities', {body: '["q"]', headers: {'Content-Type': 'application/json'}}), 400],
  ['JSON body with a nested object', () => request('POST', '/api/entities', {body: '{"q": {"$gt": ""}}'}), 400],
  ['huge parameter value', () => request('GET', `/api/entities?q=${huge}`), 400],
  ['huge URI', () => request('GET', `/api/entities?q=${'y'.repeat(20000)}`), 414],
  ['huge body (Content-Length)', () => { const body = JSON.stringify({q: 'z'.repeat(200000)});
    return request('POST', '/api/entities', {body, headers: {'Content-Length': Buffer.byteLength(body)}}); }, 413],
  ['huge body (chunked)', () => request('POST', '/api/entities', {body: JSON.stringify({q: 'z'.repeat(200000)})}), 413],
  ['path traversal', () => raw(`GET /../../../../etc/passwd HTTP/1.1\r\nHost: ${base.host}\r\nConnection: close\r\n\r\n`), 404],
  ['encoded path traversal', () => raw(`GET /api/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: ${base.host}\r\nConnection: close\r\n\r\n`), 404],
  ['traversal in a parameter', () => request('GET', '/api/entity?id=../../etc/passwd'), 400],
  ['unknown endpoint', () => request('GET', '/api/drop_tables'), 404],
  ['unknown entity', () => request('GET', '/api/entity?id=999999999'), 404],
  ['unknown relation', () => request('GET', '/api/evidence?edge=999999999'), 404],
  ['entity id not a number', () => request('GET', "/api/entity?id=1%27%20OR%201%3D1"), 400],
  ['parameter given twice', () => request('GET', `/api/entity?id=${entity}&id=${other}`), 400],
  ['unknown parameter', () => request('GET', '/api/entities?q=blair&sql=1'), 400],
  ['limit out of range', () => request('GET', `/api/neighbours?id=${entity}&limit=100000000`), 400],
  ['depth out of range', () => request('GET', `/api/neighbours?id=${entity}&depth=50`), 400],
  ['bad date', () => request('GET', `/api/neighbours?id=${entity}&from=yesterday`), 400],
  ['confidence out of range', () => request('GET', `/api/neighbours?id=${entity}&min_confidence=2`), 400],
  ['missing parameter', () => request('GET', '/api/path?source=' + entity), 400],
  ['DELETE', () => request('DELETE', `/api/entity?id=${entity}`), 405],
  ['PUT', () => request('PUT', '/api/entities', {body: '{}'}), 405],
  ['foreign Host header (DNS rebinding)', () => request('GET', '/api/meta', {headers: {Host: 'attacker.example'}}), 403],
  ['invalid UTF-8 in a search', () => request('GET', '/api/entities?q=%ff%fe%00'), 200],
];
const hostile = [];
for (const [name, send, status] of cases) {
  const reply = await send().catch((e) => ({status: 0, body: String(e)}));
  const body = jsonOf(reply);
  const ok = reply.status === status && body !== null && (status === 200 || typeof body.error === 'string');
  expect(ok, `${name}: got ${reply.status} ${reply.body.slice(0, 120)}, expected ${status} with a JSON error`);
  hostile.push({name, status: reply.status});
}

const meta1 = await request('GET', '/api/meta');
expect(meta1.status === 200 && meta1.body === meta0.body, 'the server no longer answers the same meta after the hostile requests');
agent.destroy();

console.log(JSON.stringify({load_requests: 200, answered, wall_ms: wall, p50_ms: +pct(0.5).toFixed(1),
                            p95_ms: +pct(0.95).toFixed(1), max_ms: +ms[ms.length - 1].toFixed(1),
                            hostile_cases: hostile.length, hostile_ok: hostile.length - failures.length}));
if (failures.length) {
  for (const f of failures) console.error('serve check failed: ' + f);
  process.exit(1);
}
