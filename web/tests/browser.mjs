// Opens Skein's browser view in Debian's chromium (headless, driven over the DevTools protocol
// by puppeteer-core; no browser is downloaded) and checks what a reader would do with it:
// the number of entities drawn, search + click on an entity (the panel lists its relations
// and a supporting sentence), a relation's evidence, the relation-type filter, hover
// highlight, a shortest path, PNG and SVG export, and a screenshot.
//
//   node browser.mjs --page file:///abs/graph.html|http://127.0.0.1:PORT/ --nodes N --edges M
//        --person "Tony Blair" [--path-to NAME] [--type met-with] --shot out.png
//
// Every request the page makes to anything but its own file or server is blocked and fails
// the run: the page must work with the network off. Prints one JSON line of figures.
import puppeteer from 'puppeteer-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const chromiumFlags = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-default-apps', '--disable-extensions', '--mute-audio',
  // WebGL without a GPU: SwiftShader through ANGLE (found by trying; --use-gl=swiftshader alone
  // gives no WebGL context in chromium 150+).
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

export async function launch() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'skein-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: process.env.SKEIN_CHROMIUM || '/usr/bin/chromium',
    headless: true, args: chromiumFlags, userDataDir: profile, protocolTimeout: 60000,
  });
  const close = async () => { await browser.close(); fs.rmSync(profile, {recursive: true, force: true}); };
  return {browser, close};
}

// A page that may reach only `allowed` (its own file or server); anything else fails the run.
export async function offlinePage(browser, allowed) {
  const page = await browser.newPage();
  const errors = [], blocked = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith(allowed) || url.startsWith('data:') || url.startsWith('blob:')) request.continue();
    else { blocked.push(url); request.abort(); }
  });
  await page.setViewport({width: 1400, height: 900});
  return {page, errors, blocked};
}

function args(argv) {
  const out = {};
  for (let i = 2; i < argv.length; i += 2) out[argv[i].replace(/^--/, '')] = argv[i + 1];
  return out;
}

let step = '';
function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function main() {
  const opt = args(process.argv);
  const serve = opt.page.startsWith('http');
  const allowed = serve ? opt.page : opt.page;
  const {browser, close} = await launch();
  const figures = {page: serve ? 'serve' : 'file'};
  try {
    const {page, errors, blocked} = await offlinePage(browser, allowed);
    if (!serve) await page.setOfflineMode(true);
    const t0 = Date.now();
    // Generous: on a loaded two-core CI machine, chromium's first load has taken over 30 s. These
    // wait for the page to work at all; its speed is measured in bench/web_viewer, not here.
    await page.goto(opt.page, {waitUntil: 'load', timeout: 120000});
    await page.waitForFunction('window.skeinViewer && window.skeinViewer.ready()', {timeout: 120000});
    figures.ready_ms = Date.now() - t0;
    const webgl = await page.evaluate(() => !!document.createElement('canvas').getContext('webgl2'));
    check(webgl, 'no WebGL context in this browser');

    step = 'step 1';
    // 1. What is drawn: by default the entities with a relation; all of them once
    // "hide entities with no shown relation" is unticked.
    const linked = await page.evaluate(() => {
      const g = window.skeinViewer.graph;
      return g.filterNodes((n) => g.degree(n) > 0).length;
    });
    const drawn = await page.evaluate(() => window.skeinViewer.drawn());
    check(drawn.nodes === linked, `drew ${drawn.nodes} entities, ${linked} have a relation`);
    await page.click('#hide-unlinked');
    const all = await page.evaluate(() => window.skeinViewer.drawn());
    figures.nodes_drawn_linked = drawn.nodes;
    figures.nodes_drawn_all = all.nodes;
    figures.edges_drawn = drawn.edges;
    if (opt.nodes) check(all.nodes === Number(opt.nodes), `drew ${all.nodes} entities, expected ${opt.nodes}`);
    if (opt.edges) check(drawn.edges === Number(opt.edges), `drew ${drawn.edges} relations, expected ${opt.edges}`);
    await page.click('#hide-unlinked');

    step = 'step 2';
    // 2. Search with completion, pick the person, then click them on the canvas.
    await page.click('#search');
    await page.type('#search', opt.person, {delay: 10});
    // The answer to the whole name, not an earlier one to its first letters.
    await page.waitForFunction((want) => {
      const first = document.querySelector('#search-list li');
      return !document.getElementById('search-list').hidden && first !== null && first.textContent.startsWith(want);
    }, {timeout: 10000}, opt.person).catch(async (e) => {
      throw new Error(`first suggestion is '${await page.$eval('#search-list', (l) => l.querySelector('li')?.textContent)}', not ${opt.person}`);
    });
    const suggestions = await page.$$eval('#search-list li', (items) => items.map((i) => i.textContent));
    check(suggestions[0].startsWith(opt.person), `first suggestion is '${suggestions[0]}', not ${opt.person}`);
    await page.keyboard.press('Enter');
    await page.waitForFunction((name) => document.querySelector('#panel h3')?.textContent === name, {timeout: 10000}, opt.person);
    const id = await page.evaluate((name) => {
      for (const n of window.skeinViewer.graph.nodes()) if (window.skeinViewer.graph.getNodeAttribute(n, 'label') === name) return n;
      return null;
    }, opt.person);
    await new Promise((r) => setTimeout(r, 700));  // the camera glides to the entity
    await page.click('#path-clear');  // move focus away: the panel is re-filled by the click below
    await page.evaluate(() => { document.getElementById('panel').replaceChildren(); });
    const box = await (await page.$('#graph')).boundingBox();
    const at = await page.evaluate((n) => window.skeinViewer.viewport(n), id);
    await page.mouse.move(box.x + at.x, box.y + at.y);
    // Hover: the entity's neighbours stay coloured, everything else is greyed out (redrawn on
    // the next frame, so wait for it).
    await page.evaluate(() => { window.__hoverState = (n) => {
      const v = window.skeinViewer, r = v.renderer, g = v.graph;
      const near = new Set(g.neighbors(n));
      let grey = 0, lit = 0;
      g.forEachNode((m) => {
        const d = r.getNodeDisplayData(m);
        if (!d || d.hidden || m === n) return;
        if (near.has(m)) lit += d.color !== '#e4e4e4' ? 1 : 0; else grey += d.color === '#e4e4e4' ? 1 : 0;
      });
      return {grey, lit, neighbours: near.size};
    }; });
    await page.waitForFunction((n) => { const h = window.__hoverState(n); return h.grey > 0 && h.lit === h.neighbours; },
                               {timeout: 5000}, id).catch(() => {});
    const hover = await page.evaluate((n) => window.__hoverState(n), id);
    check(hover.lit === hover.neighbours, `hover lit ${hover.lit} of ${hover.neighbours} neighbours`);
    figures.hover_greyed = hover.grey;
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await page.waitForFunction((name) => document.querySelector('#panel h3')?.textContent === name, {timeout: 10000}, opt.person);
    const relations = await page.$$eval('#relations li', (items) => items.map((i) => i.textContent));
    check(relations.length > 0, `${opt.person}'s panel lists no relations`);
    figures.relations_listed = relations.length;
    await page.waitForSelector('#first-evidence blockquote', {timeout: 10000});
    const sentence = await page.$eval('#first-evidence blockquote', (q) => q.textContent);
    check(sentence.length > 3, 'the panel shows no supporting sentence');
    figures.first_sentence = sentence.slice(0, 120);

    step = 'step 3';
    // 3. A relation's evidence: sentence, document title linked to its source.
    await page.click('#relations li a.relation');
    await page.waitForSelector('#evidence blockquote', {timeout: 10000});
    const evidence = await page.$$eval('#evidence .evidence', (items) => items.map((i) => ({
      sentence: i.querySelector('blockquote').textContent,
      link: i.querySelector('.source a')?.getAttribute('href') || '', source: i.querySelector('.source').textContent})));
    check(evidence.length > 0 && evidence[0].sentence.length > 0, 'the relation panel shows no evidence');
    check(evidence[0].source.length > 0, 'the evidence names no document');
    figures.evidence_shown = evidence.length;
    figures.evidence_link = evidence[0].link;

    step = 'step 4';
    // 4. Relation-type filter: only `type` relations remain drawn.
    const type = opt.type || 'met-with';
    await page.$$eval('#type-filter input', (inputs, t) => {
      for (const input of inputs) {
        if (input.checked !== (input.dataset.value === t)) input.click();
      }
    }, type);
    const types = await page.evaluate(() => window.skeinViewer.drawnEdgeTypes());
    check(types.length === 1 && types[0] === type, `after filtering to ${type}, drawn types are ${JSON.stringify(types)}`);
    const filtered = await page.evaluate(() => window.skeinViewer.drawn());
    figures.edges_after_type_filter = filtered.edges;
    check(filtered.edges > 0 && filtered.edges < drawn.edges, `type filter left ${filtered.edges} of ${drawn.edges} relations`);

    step = 'step 5';
    // 5. Shortest path (through the relations shown) to a neighbour of the person.
    if (opt['path-to']) {
      for (const [input, name] of [['#path-from', opt.person], ['#path-to', opt['path-to']]]) {
        await page.click(input);
        await page.type(input, name, {delay: 5});
        // Wait for the answer to the whole name, not an earlier answer to its first letters
        // (under load those arrive late, and Enter would pick their first suggestion).
        await page.waitForFunction((sel, want) => {
          const list = document.querySelector(sel).parentElement.querySelector('ul');
          const first = list.querySelector('li');
          return !list.hidden && first !== null && first.textContent.startsWith(want);
        }, {timeout: 10000}, input, name);
        await page.keyboard.press('Enter');
        await page.waitForFunction((sel) => !!document.querySelector(sel).dataset.id, {timeout: 10000}, input);
      }
      await page.click('#path-go');
      await page.waitForFunction(() => /hop/.test(document.getElementById('path-result').textContent), {timeout: 10000})
          .catch(async (e) => { throw new Error(e.message + ': path result reads ' + await page.$eval('#path-result', (p) => p.textContent) +
                                                ' / ' + await page.$eval('#error', (p) => p.textContent)); });
      figures.path = await page.$eval('#path-result', (p) => p.textContent);
      check(figures.path.includes(opt.person) && figures.path.includes(opt['path-to']), `path reads '${figures.path}'`);
      await page.click('#path-clear');
    }

    step = 'step 6';
    // 6. Back to every relation type; PNG and SVG of the view; a screenshot.
    await page.$$eval('#type-filter input', (inputs) => { for (const i of inputs) if (!i.checked) i.click(); });
    // Not awaiting the animation's promise: it settles on an animation frame, and a frame can
    // be seconds late on a loaded machine without a GPU; the wait below covers the 1 ms glide.
    await page.evaluate(() => { window.skeinViewer.renderer.getCamera().animatedReset({duration: 1}); });
    await new Promise((r) => setTimeout(r, 300));
    const png = await page.evaluate(() => window.skeinViewer.pngDataUrl());
    check(png.startsWith('data:image/png;base64,') && png.length > 5000, 'Save PNG gave no image');
    const svg = await page.evaluate(() => window.skeinViewer.svgText());
    const circles = (svg.match(/<circle /g) || []).length;
    // (Served, the path of step 5 may have brought entities into the view.)
    const shown = await page.evaluate(() => window.skeinViewer.drawn());
    check(circles === shown.nodes, `the SVG has ${circles} entities, the view ${shown.nodes}`);
    figures.png_bytes = Math.round((png.length - 22) * 3 / 4);
    figures.svg_circles = circles;
    if (opt['png-out']) fs.writeFileSync(opt['png-out'], Buffer.from(png.slice(22), 'base64'));
    if (opt.shot) await page.screenshot({path: opt.shot});

    check(blocked.length === 0, `the page tried to reach the network: ${blocked.slice(0, 3).join(', ')}`);
    const real = errors.filter((e) => !/GL Driver Message|GPU stall/.test(e));
    check(real.length === 0, `page errors: ${real.slice(0, 3).join(' | ')}`);
    figures.ok = true;
    console.log(JSON.stringify(figures));
  } finally {
    await close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => { console.error(`browser test failed (${step}): ${e.message}`); process.exit(1); });
}
