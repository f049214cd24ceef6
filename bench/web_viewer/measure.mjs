// Measures a page in headless chromium (run by bench_web_viewer): Skein's exported page, and
// Cytoscape.js (canvas renderer, and its WebGL renderer) drawing the same graph as the peer.
//   node measure.mjs --html graph.html [--cytoscape graph.cyjs.json]
// For each: ms from navigation to the first frame (when it starts, and when it is on screen:
// the first task after its commit, which waits for the GPU), ms until a search answers (sigma
// page), the page's own timing marks, and frame intervals (requestAnimationFrame) during a
// one-second mouse-drag pan. Then checks, on the same page, what the large-graph drawing
// changes (past 5,000 entities: point and line programs, hover without the grey-out, redrawing
// only the items that changed): the relations drawn again once a pan ends, every linked entity
// drawn, a hovered entity's neighbours
// labelled and its relations darkened with nothing greyed, a click filling the panel. A failed
// check exits 1 (the timings only print PASS/FAIL: they depend on the machine's load).
import fs from 'node:fs';
import path from 'node:path';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';
import {launch, offlinePage} from '../../web/tests/browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const opt = {};
for (let i = 2; i < process.argv.length; i += 2) opt[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];

async function pan(page, selector) {
  const box = await (await page.$(selector)).boundingBox();
  await page.evaluate(() => {
    window.__frames = [];
    const tick = (t) => { window.__frames.push(t); if (window.__frames.length < 400) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  const x = box.x + box.width / 2, y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  // A second of dragging from the press on (the press may have waited for a hover redraw).
  const started = Date.now();
  for (let i = 1; i <= 60 && Date.now() - started < 1000; i++) {
    await page.mouse.move(x + i * 5, y + i * 3);
    await new Promise((r) => setTimeout(r, 16));
  }
  await page.mouse.up();
  const stamps = await page.evaluate(() => window.__frames);
  const gaps = stamps.slice(1).map((t, i) => t - stamps[i]).sort((a, b) => a - b);
  const q = (p) => gaps[Math.min(gaps.length - 1, Math.floor(p * gaps.length))];
  return {frames: gaps.length, median_ms: +q(0.5).toFixed(1), p95_ms: +q(0.95).toFixed(1), max_ms: +gaps[gaps.length - 1].toFixed(1)};
}

async function checks(page, errors) {
  const failed = [];
  const check = (ok, message) => { if (!ok) failed.push(message); };
  await page.mouse.move(1, 1);
  // The pan's inertia may still move the camera: positions are read once it rests.
  await page.waitForFunction(() => !window.skeinViewer.renderer.getCamera().isAnimated(), {timeout: 30000});
  await new Promise((r) => setTimeout(r, 500));
  // A drag held still before its release (no inertia): only the release redraws what the move
  // left out.
  {
    const box = await (await page.$('#graph')).boundingBox();
    const x = box.x + 40, y = box.y + box.height - 40;
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= 5; i++) await page.mouse.move(x + i * 4, y - i * 4);
    await new Promise((r) => setTimeout(r, 400));
    await page.mouse.up();
    await page.mouse.move(1, 1);
    await new Promise((r) => setTimeout(r, 1500));
    check(await page.evaluate(() => window.__lastRenderDrewRelations === true), 'the relations were not drawn again after a drag');
  }
  const state = await page.evaluate(() => {
    const v = window.skeinViewer, g = v.graph, r = v.renderer;
    const linked = g.filterNodes((n) => g.degree(n) > 0).length;
    // A drawn entity with a few relations, well inside the view and not covered by another
    // one (sigma's picking answers it all around its centre, in whole pixels), to hover and click.
    const {width, height} = r.getDimensions();
    const centre = (n) => { const p = v.viewport(n); return {x: Math.round(p.x), y: Math.round(p.y)}; };
    const candidates = g.filterNodes((n) => {
      const d = r.getNodeDisplayData(n), p = centre(n), deg = g.degree(n);
      return d && !d.hidden && deg >= 2 && deg <= 8 && p.x > 50 && p.y > 50 && p.x < width - 50 && p.y < height - 50;
    }).sort((a, b) => r.getNodeDisplayData(b).size - r.getNodeDisplayData(a).size);
    const pickable = (n) => [-2, 0, 2].every((dx) => [-2, 0, 2].every((dy) => {
      const p = centre(n);
      return r.getNodeAtPosition({x: p.x + dx, y: p.y + dy}) === n;
    }));
    const target = candidates.slice(0, 50).find(pickable) || null;
    return {linked, drawn: v.drawn().nodes, target, at: target && centre(target), name: target && g.getNodeAttribute(target, 'label'),
            large: g.order > 5000, points: r.nodePrograms.circle instanceof Sigma.rendering.NodePointProgram};
  });
  check(state.drawn === state.linked, `drew ${state.drawn} entities, ${state.linked} have a relation`);
  check(state.points === state.large, `point program ${state.points ? 'used' : 'not used'} with ${state.large ? 'more' : 'fewer'} than 5,000 entities`);
  check(state.target !== null, 'no entity to hover');
  if (state.target) {
    const box = await (await page.$('#graph')).boundingBox();
    await page.mouse.move(box.x + state.at.x, box.y + state.at.y);
    // Below 5,000 entities the hover is in sigma's display data (neighbours labelled, the
    // rest greyed); above, on the page's overlay canvas (sigma redraws nothing).
    const hover = () => page.evaluate((n, large) => {
      const v = window.skeinViewer, g = v.graph, r = v.renderer;
      const near = new Set(g.neighbors(n));
      let labelled = 0, greyed = 0, dark = 0;
      g.forEachNode((m) => {
        const d = r.getNodeDisplayData(m);
        if (near.has(m) && d.forceLabel) labelled++;
        if (!near.has(m) && m !== n && d.color === '#e4e4e4') greyed++;
      });
      if (large) {
        const o = v.hoverOverlay();
        return {node: o.node, labelled: o.labels, dark: o.relations, greyed, neighbours: near.size, edges: g.degree(n)};
      }
      g.forEachEdge(n, (e) => { if (r.getEdgeDisplayData(e).color === '#555') dark++; });
      return {node: n, labelled, greyed, dark, neighbours: near.size, edges: g.degree(n)};
    }, state.target, state.large);
    await page.waitForFunction((n, large) => {
      const v = window.skeinViewer, g = v.graph, r = v.renderer;
      return large ? v.hoverOverlay().node === n : g.neighbors(n).every((m) => r.getNodeDisplayData(m).forceLabel);
    }, {timeout: 30000}, state.target, state.large).catch(() => {});
    const h = await hover();
    check(h.node === state.target, `hovering ${state.name} drew no hover`);
    // Overlay labels that would cover each other are left out: at least one is drawn.
    check(state.large ? h.labelled > 0 : h.labelled === h.neighbours, `hover labelled ${h.labelled} of ${h.neighbours} neighbours`);
    check(h.dark === h.edges, `hover darkened ${h.dark} of ${h.edges} relations`);
    check(state.large ? h.greyed === 0 : h.greyed > 0, `hover greyed ${h.greyed} other entities`);
    await page.mouse.click(box.x + state.at.x, box.y + state.at.y);
    const shown = await page.waitForFunction((name) => document.querySelector('#panel h3')?.textContent === name,
                                             {timeout: 30000}, state.name).then(() => true, () => false);
    check(shown, `clicking ${state.name} did not show it in the panel`);
    const relations = await page.$$eval('#relations li', (items) => items.length);
    check(relations > 0, `${state.name}'s panel lists no relations`);
    state.hover = h;
  }
  const real = errors.filter((e) => !/GL Driver Message|GPU stall/.test(e));
  check(real.length === 0, `page errors: ${real.slice(0, 3).join(' | ')}`);
  return {ok: failed.length === 0, failed, target: state.name, hover: state.hover};
}

// CPU seconds used so far by chromium's processes (the browser and its descendants), by
// process type: wall times swing with the load of a shared machine, CPU time much less.
function browserCpu(pid) {
  const processes = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const type = (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').match(/--type=([a-z-]+)/) || [null, 'browser'])[1];
      processes.set(Number(entry), {parent: Number(fields[1]), seconds: (Number(fields[11]) + Number(fields[12])) / 100, type});
    } catch {
      // the process ended while being read
    }
  }
  const byType = {};
  const visit = (id) => {
    const p = processes.get(id);
    if (p) byType[p.type] = (byType[p.type] || 0) + p.seconds;
    for (const [child, q] of processes) if (q.parent === id) visit(child);
  };
  visit(pid);
  return byType;
}
function cpuSince(before, after) {
  const out = {total: 0};
  for (const [type, seconds] of Object.entries(after)) {
    const used = seconds - (before[type] || 0);
    if (used >= 0.005) out[type] = +used.toFixed(2);
    out.total += used;
  }
  out.total = +out.total.toFixed(2);
  return out;
}

const results = {};
const {browser, close} = await launch();
try {
  {
    const {page, errors} = await offlinePage(browser, 'file://');
    const cpuBefore = browserCpu(browser.process().pid);
    await page.goto('file://' + opt.html, {timeout: 60000});
    // Type as soon as the first frame has started: the reader does not wait for it either.
    await page.waitForFunction('window.skeinViewer && window.skeinViewer.firstFrameMs() !== null', {timeout: 60000});
    const typing = await page.evaluate(() => performance.now());
    await page.type('#search', 'Person 12', {delay: 0});
    await page.waitForSelector('#search-list li', {visible: true, timeout: 30000});
    const interactive = await page.evaluate(() => performance.now());
    const cpu = cpuSince(cpuBefore, browserCpu(browser.process().pid));
    const first = await page.evaluate(() => window.skeinViewer.firstFrameMs());
    // (Pages from before firstShownMs existed give null: --html accepts any Skein page.)
    const shown = await page.evaluate(() => (window.skeinViewer.firstShownMs ? window.skeinViewer.firstShownMs() : null));
    const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark')
        .filter((m) => m.name.startsWith('skein:')).map((m) => [m.name.slice(6), Math.round(m.startTime)])));
    const drawn = await page.evaluate(() => window.skeinViewer.drawn());
    await page.keyboard.press('Escape');
    // Whether sigma's last render drew the relations (it leaves them out while the view moves).
    await page.evaluate(() => {
      const r = window.skeinViewer.renderer;
      let drew = false;
      r.on('beforeRender', () => { drew = false; });
      for (const program of Object.values(r.edgePrograms)) {
        const render = program.render.bind(program);
        program.render = (params) => { drew = true; return render(params); };
      }
      r.on('afterRender', () => { window.__lastRenderDrewRelations = drew; });
    });
    results.sigma = {first_draw_ms: Math.round(first), first_shown_ms: shown === null ? null : Math.round(shown), typing_from_ms: Math.round(typing),
                     search_answered_ms: Math.round(interactive), cpu_to_answer_s: cpu, marks, nodes: drawn.nodes, edges: drawn.edges,
                     pan: await pan(page, '#graph')};
    results.sigma.checks = await checks(page, errors);
    await page.close();
  }
  if (opt.cytoscape) {
    const require = createRequire(path.join(here, '../../tests/exporters/js/package.json'));
    // The package's exports map hides dist/: go there from the resolved main file.
    const main = require.resolve('cytoscape');
    const library = fs.readFileSync(path.join(main.slice(0, main.lastIndexOf('/dist/')), 'dist', 'cytoscape.min.js'), 'utf8');
    const elements = fs.readFileSync(opt.cytoscape, 'utf8');
    for (const webgl of [false, true]) {
      const file = path.join(path.dirname(opt.cytoscape), `peer-cytoscape${webgl ? '-webgl' : ''}.html`);
      fs.writeFileSync(file, `<!doctype html><meta charset="utf-8"><style>html,body,#cy{margin:0;width:100%;height:100%}</style>
<div id="cy"></div><script>${library}</script><script>
const json = ${elements.replace(/</g, '\\u003c')};
window.firstFrameMs = null;
window.firstShownMs = null;
const cy = cytoscape({container: document.getElementById('cy'), elements: json.elements, layout: {name: 'preset'},
  hideEdgesOnViewport: true, ${webgl ? "renderer: {name: 'canvas', webgl: true}," : ''}
  style: [{selector: 'node', style: {'background-color': 'data(color)', width: 'data(size)', height: 'data(size)'}},
          {selector: 'edge', style: {width: 1, 'line-color': '#aaa'}}]});
cy.one('render', () => {
  window.firstFrameMs = performance.now();
  const channel = new MessageChannel();
  channel.port1.onmessage = () => { window.firstShownMs = performance.now(); };
  channel.port2.postMessage(null);
});
</script>`);
      const {page} = await offlinePage(browser, 'file://');
      await page.setViewport({width: 1400, height: 900});
      const name = webgl ? 'cytoscape_webgl' : 'cytoscape_canvas';
      try {
        await page.goto('file://' + file, {timeout: 120000, waitUntil: 'domcontentloaded'});
        await page.waitForFunction('window.firstShownMs !== null', {timeout: 120000});
        const first = await page.evaluate(() => window.firstFrameMs);
        const shown = await page.evaluate(() => window.firstShownMs);
        results[name] = {first_draw_ms: Math.round(first), first_shown_ms: Math.round(shown), pan: await pan(page, '#cy')};
      } catch (error) {
        results[name] = {failed: `no first draw within 120 s (${error.message.split('\n')[0]})`};
      }
      await page.close().catch(() => {});
    }
  }
} finally {
  await close();
}

const s = results.sigma;
console.log(`sigma.js (Skein's page): first draw ${s.first_draw_ms} ms (on screen ${s.first_shown_ms ?? 'not reported'} ms), ` +
            `search typed from ${s.typing_from_ms} ms and answered at ${s.search_answered_ms} ms, ` +
            `${s.nodes} entities and ${s.edges} relations drawn; pan frames median ${s.pan.median_ms} ms, ` +
            `p95 ${s.pan.p95_ms} ms, max ${s.pan.max_ms} ms (${s.pan.frames} frames)`);
console.log(`  chromium CPU until the search answered (s): ${Object.entries(s.cpu_to_answer_s).map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`  page marks (ms): ${Object.entries(s.marks).map(([k, v]) => `${k} ${v}`).join(', ')}`);
for (const name of ['cytoscape_canvas', 'cytoscape_webgl']) {
  const c = results[name];
  if (!c) continue;
  if (c.failed) { console.log(`${name.replace('_', ' ')} (peer): ${c.failed}`); continue; }
  console.log(`${name.replace('_', ' ')} (peer): first draw ${c.first_draw_ms} ms (on screen ${c.first_shown_ms} ms); ` +
              `pan frames median ${c.pan.median_ms} ms, p95 ${c.pan.p95_ms} ms, max ${c.pan.max_ms} ms (${c.pan.frames} frames)`);
  console.log(`  ratio sigma/${name}: first draw ${(s.first_draw_ms / c.first_draw_ms).toFixed(2)}, ` +
              `on screen ${(s.first_shown_ms / c.first_shown_ms).toFixed(2)}, pan median frame ${(s.pan.median_ms / c.pan.median_ms).toFixed(2)}, ` +
              `pan p95 frame ${(s.pan.p95_ms / c.pan.p95_ms).toFixed(2)}`);
}
console.log(s.checks.ok ? `checks passed (hover and click on ${s.checks.target})` : `CHECKS FAILED: ${s.checks.failed.join('; ')}`);
console.log(`${s.first_shown_ms !== null && s.first_shown_ms <= 5000 ? 'PASS' : 'FAIL'} first draw on screen <= 5000 ms`);
console.log(`${s.search_answered_ms <= 5000 ? 'PASS' : 'FAIL'} interactive (search answered) <= 5000 ms`);
console.log(JSON.stringify(results));
if (!s.checks.ok) process.exit(1);
