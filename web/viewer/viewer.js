// Skein's browser view: the graph drawn with sigma.js (WebGL) over a graphology MultiGraph,
// with search, filters, hover highlight, a details panel, shortest paths and PNG/SVG export.
//
// Two sources feed it, both described in docs/serve.md and exports/html/README.md:
//  - file mode (`skein export html`): every entity, relation and a few evidence sentences per
//    relation are in the page's #skein-data block;
//  - serve mode (`skein serve`): the block only says so; the page asks the JSON API for an
//    overview, expands neighbourhoods on demand and fetches evidence per click.
// window.skeinViewer exposes a small read-only handle for the browser tests and bench/.
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  // Timing marks (performance.getEntriesByType('mark')) that bench/web_viewer reports.
  const mark = (name) => performance.mark('skein:' + name);
  const data = JSON.parse($('skein-data').textContent);
  mark('data parsed');
  const meta = data.meta || {};
  const serve = meta.mode === 'serve';
  const apiBase = meta.api || 'api';

  function showError(message) {
    const box = $('error');
    box.textContent = message;
    box.hidden = false;
    setTimeout(() => { box.hidden = true; }, 6000);
  }
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'onclick') node.addEventListener('click', v);
      else if (k === 'text') node.textContent = v;
      else node.setAttribute(k, v);
    }
    for (const child of children) {
      if (child !== null && child !== undefined)
        node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }
  function fmt(value) {
    if (typeof value !== 'number') return String(value);
    if (Number.isInteger(value)) return value.toLocaleString('en');
    return Math.abs(value) < 0.001 ? value.toExponential(2) : value.toFixed(4).replace(/0+$/, '');
  }

  if (typeof graphology === 'undefined' || typeof Sigma === 'undefined') {
    document.body.textContent = 'The graph libraries are missing from this page.';
    return;
  }

  // ---- the graph -------------------------------------------------------------------------
  const graph = new graphology.MultiGraph({allowSelfLoops: true});
  const records = new Map();  // node id -> record as sent by skein
  const edgeRecords = new Map();
  const documents = data.documents || [];
  const labelColors = Object.assign({}, meta.label_colors || {});
  const communityColors = new Map();
  const knownLabels = new Set(meta.labels || []);
  const knownTypes = new Set(meta.types || []);

  function communityColor(community) {
    if (community === undefined || community === null) return '#a0a0a0';
    return communityColors.get(community) || '#a0a0a0';
  }
  function nodeSize(record) { return Math.max(3, (record.size || 4) / 2.2); }

  // Adds nodes and edges in skein's JSON shape; returns the ids of nodes that were new.
  function addElements(part, around) {
    const added = [];
    for (const record of part.nodes || []) {
      if (records.has(record.id)) continue;
      records.set(record.id, record);
      knownLabels.add(record.label);
      if (record.community !== undefined && record.color && !communityColors.has(record.community))
        communityColors.set(record.community, record.color);
      let x = record.x, y = record.y;
      if (x === undefined || y === undefined) {
        const centre = around && graph.hasNode(around) ? graph.getNodeAttributes(around) : {x: 0, y: 0};
        const angle = (added.length * 2.399963) % (2 * Math.PI);  // golden angle: no overlaps
        const radius = 40 + 12 * Math.sqrt(added.length);
        x = centre.x + radius * Math.cos(angle);
        y = centre.y + radius * Math.sin(angle);
      }
      graph.addNode(record.id, {x, y, size: nodeSize(record), label: record.name, color: record.color || '#888'});
      added.push(record.id);
    }
    for (const record of part.edges || []) {
      // Served answers number their edges per answer: key them by store id instead.
      if (serve) record.id = 'r' + record.store_id;
      if (edgeRecords.has(record.id) || !graph.hasNode(record.s) || !graph.hasNode(record.t)) continue;
      edgeRecords.set(record.id, record);
      knownTypes.add(record.type);
      graph.addEdgeWithKey(record.id, record.s, record.t, {
        size: Math.min(6, 0.6 + Math.log2(1 + (record.w || 1)) * 0.7),
        color: '#a9a9a9', type: record.sym ? 'line' : 'arrow'});
    }
    return added;
  }
  // The page's own nodes and edges go in once the renderer exists (see drawing).

  // ---- filters ---------------------------------------------------------------------------
  const filter = {labels: null, types: null, minWeight: 0, minConfidence: 0, text: true,
                  knowledge: true, from: '', to: '', hideUnlinked: true};
  let hovered = null, hoveredNeighbors = new Set();
  let path = null;  // {nodes: Set, edges: Set}
  let selectedNode = null;
  // Label colours by default: a graph with many small communities (most news graphs) turns
  // community colours into noise; the menu switches.
  let colorBy = 'label';

  function edgeShown(id) {
    const r = edgeRecords.get(id);
    if (!r) return false;
    if (filter.types && !filter.types.has(r.type)) return false;
    if ((r.w || 0) < filter.minWeight || (r.c || 0) < filter.minConfidence) return false;
    const basis = r.basis || ['text'];
    if (!basis.some((b) => (b === 'knowledge' ? filter.knowledge : filter.text))) return false;
    // An edge passes the date range when its evidence span overlaps it; undated edges fail any bound.
    if (filter.from && (!r.last || r.last < filter.from)) return false;
    if (filter.to && (!r.first || r.first > filter.to)) return false;
    return nodeLabelShown(r.s) && nodeLabelShown(r.t);
  }
  function nodeLabelShown(id) {
    const r = records.get(id);
    return !filter.labels || filter.labels.has(r.label);
  }
  let shownEdges = new Set(), shownNodes = new Set();
  // Decides what the filters show and says so in the bar; recompute() also redraws.
  function computeShown() {
    shownEdges = new Set();
    const linked = new Set();
    graph.forEachEdge((id, attrs, s, t) => {
      if (edgeShown(id)) { shownEdges.add(id); linked.add(s); linked.add(t); }
    });
    shownNodes = new Set();
    graph.forEachNode((id) => {
      if (nodeLabelShown(id) && (!filter.hideUnlinked || linked.has(id))) shownNodes.add(id);
    });
    $('counts').textContent = `${shownNodes.size.toLocaleString('en')} of ${graph.order.toLocaleString('en')} entities, ` +
        `${shownEdges.size.toLocaleString('en')} of ${graph.size.toLocaleString('en')} relations` +
        (serve ? ' loaded' : '');
  }
  function recompute() {
    computeShown();
    renderer.refresh({});  // with options: see the refresh wrapper under drawing
  }

  function baseColor(id) {
    const r = records.get(id);
    if (colorBy === 'label') return labelColors[r.label] || '#888';
    return communityColor(r.community);
  }

  // ---- drawing ---------------------------------------------------------------------------
  // The renderer is made on an empty graph first and its WebGL commands (contexts, shader
  // programs) flushed, so the GPU process (SwiftShader, without a GPU) prepares them while
  // this thread builds the graph; then it gets the graph and draws once, what the filters show.
  const container = $('graph');
  const largeGraph = (data.nodes || []).length > 5000;
  // Past 5,000 entities the default programs cost most of a frame without a GPU (measured in
  // bench/web_viewer with SwiftShader: relations as anti-aliased quads with arrow heads about
  // four times the cost of one-pixel GL lines, entities as triangle-drawn discs about ten
  // times that of point sprites). At that scale a relation is a hairline and an entity a dot
  // either way; direction and weight are in the panel.
  // Relation colours are opaque, so their lines are drawn with blending off (a third less
  // again: SwiftShader blends pixel by pixel).
  const OpaqueLineProgram = Sigma.rendering && class extends Sigma.rendering.EdgeLineProgram {
    drawWebGL(method, info) {
      info.gl.disable(info.gl.BLEND);
      super.drawWebGL(method, info);
      info.gl.enable(info.gl.BLEND);
    }
  };
  const lightPrograms = largeGraph && Sigma.rendering ? {
    nodeProgramClasses: {circle: Sigma.rendering.NodePointProgram},
    edgeProgramClasses: {line: OpaqueLineProgram, arrow: OpaqueLineProgram},
  } : {};
  // Greying out everything but a hovered entity's neighbourhood redraws the whole graph, a
  // pause of a second or more per hover past 5,000 entities without a GPU (every redraw
  // draws every relation). There the hover is drawn on a 2D canvas over the graph instead
  // (its relations and its neighbours' names) and sigma redraws nothing.
  const greyOnHover = !largeGraph;
  // Sigma picks at most a label or so per 100-pixel cell, but a long name runs into the next
  // cells' labels. The labels of a frame are collected, then drawn forced ones first (the
  // selection, a hovered neighbourhood, a path), then by entity size; a label that would cover
  // one already drawn is left out.
  let labelQueue = [];
  function drawLabel(context, item, settings) {
    if (item.label) labelQueue.push({context, item, settings});
  }
  function drawQueuedLabels() {
    const queue = labelQueue;
    labelQueue = [];
    placeLabels(queue, []);
  }
  // Draws {context, item: {x, y, size, label, forceLabel}, settings} entries, forced first,
  // then larger entities first, leaving out a label that would cover one in `boxes` or
  // drawn before it; `halo` draws a white outline under the text. Returns how many it drew.
  function placeLabels(queue, boxes, halo) {
    queue.sort((a, b) => (b.item.forceLabel ? 1 : 0) - (a.item.forceLabel ? 1 : 0) || b.item.size - a.item.size);
    let drawn = 0;
    for (const {context, item, settings} of queue) {
      const size = settings.labelSize;
      context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
      const x = item.x + item.size + 3, y = item.y + size / 3;
      const box = {left: x - 2, right: x + context.measureText(item.label).width + 2, top: y - size, bottom: y + 4};
      const covers = (b) => b.left < box.right && box.left < b.right && b.top < box.bottom && box.top < b.bottom;
      if (!item.forceLabel && boxes.some(covers)) continue;
      boxes.push(box);
      if (halo) {
        context.strokeStyle = '#fff';
        context.lineWidth = 3;
        context.strokeText(item.label, x, y);
      }
      context.fillStyle = settings.labelColor.color || '#000';
      context.fillText(item.label, x, y);
      drawn++;
    }
    return drawn;
  }
  const renderer = new Sigma(new graphology.MultiGraph(), container, Object.assign({
    // Edge picking draws every edge a second time; past a few thousand relations the panel's
    // relation list is the way to a relation's evidence.
    enableEdgeEvents: (data.edges || []).length <= 5000,
    renderEdgeLabels: false,
    labelRenderedSizeThreshold: largeGraph ? 9 : 6,
    labelDensity: 0.7,
    hideEdgesOnMove: largeGraph,
    zIndex: true,
    defaultEdgeType: 'line',
    minEdgeThickness: 0.6,
    stagePadding: 50,  // room for the labels of entities on the layout's edge
    defaultDrawNodeLabel: drawLabel,
    // Sigma hands the reducers a copy of the attributes: they change it in place (at 20,000
    // entities a second copy per item is a measurable part of each redraw).
    nodeReducer(id, out) {
      out.color = baseColor(id);
      if (!shownNodes.has(id)) { out.hidden = true; return out; }
      if (path) {
        if (path.nodes.has(id)) { out.highlighted = true; out.zIndex = 2; out.forceLabel = true; }
        else { out.color = '#e4e4e4'; out.label = ''; out.zIndex = 0; }
      } else if (hovered && greyOnHover) {
        if (id === hovered || hoveredNeighbors.has(id)) { out.zIndex = 2; out.forceLabel = true; }
        else { out.color = '#e4e4e4'; out.label = ''; out.zIndex = 0; }
      }
      if (id === selectedNode) { out.highlighted = true; out.forceLabel = true; }
      return out;
    },
    // A shown edge has both ends shown (computeShown), so only the edge set is asked.
    edgeReducer(id, out) {
      if (!shownEdges.has(id)) { out.hidden = true; return out; }
      if (path) {
        if (path.edges.has(id)) { out.color = '#d93025'; out.size = Math.max(3, out.size); out.zIndex = 2; }
        else out.color = '#f0f0f0';
      } else if (hovered && greyOnHover) {
        const r = edgeRecords.get(id);
        if (r.s === hovered || r.t === hovered) { out.color = '#555'; out.zIndex = 2; }
        else out.hidden = true;
      }
      return out;
    },
  }, lightPrograms));
  for (const gl of Object.values(renderer.webGLContexts || {})) gl.flush();
  mark('renderer made');
  addElements(data, null);
  mark('graph built');
  computeShown();
  mark('filters applied');
  renderer.setGraph(graph);
  // When a drag ends sigma's mouse captor calls refresh() with no options, re-processing every
  // item (60,000 at 20,000 entities: half a second of script here) only to draw the relations
  // hidden during the move; the camera alone changed, so a render does. The page passes
  // options to every refresh of its own.
  const processAndRender = renderer.refresh.bind(renderer);
  renderer.refresh = (opts) => (opts === undefined ? renderer.scheduleRender() : processAndRender(opts));
  mark('first draw');
  drawQueuedLabels();  // the constructor's draw
  renderer.on('afterRender', drawQueuedLabels);

  // Redraws only the given entities and relations (their look changed, not their place).
  function redrawItems(nodes, edges) {
    renderer.refresh({partialGraph: {nodes: [...nodes], edges: [...edges]}, skipIndexation: true});
  }
  // Hover redraws: not while a button is down (a pan drags the pointer across hundreds of
  // entities), and at most once a frame.
  let pointerDown = false, hoverFrame = 0;
  // While a button is down sigma still reads its picking layer at every pointer move to find
  // the entity under it, each read a wait for the GPU to finish drawing, for a hover that is
  // ignored then: its pointer-move listener is off during a drag.
  const pickOnMove = renderer.activeListeners && renderer.activeListeners.handleMove;
  function picking(on) {
    if (!pickOnMove || on === pickingOn) return;
    pickingOn = on;
    if (on) renderer.getMouseCaptor().on('mousemove', pickOnMove);
    else renderer.getMouseCaptor().off('mousemove', pickOnMove);
  }
  let pickingOn = true;
  container.addEventListener('pointerdown', () => { pointerDown = true; picking(false); }, true);
  // Sigma reports entering an entity once: one entered during a drag is taken up on release.
  window.addEventListener('pointerup', () => { pointerDown = false; picking(true); hover(renderer.hoveredNode || null); }, true);
  function hover(node) {
    if (pointerDown || node === hovered) return;
    hovered = node;
    hoveredNeighbors = node ? new Set(graph.neighbors(node)) : new Set();
    if (!hoverFrame) {
      hoverFrame = requestAnimationFrame(() => {
        hoverFrame = 0;
        if (greyOnHover) renderer.refresh({skipIndexation: true});
        else drawHoverOverlay();
      });
    }
  }

  // The large-graph hover, on a 2D canvas over sigma's layers (it takes no pointer events):
  // the hovered entity's relations the filters show as black lines, its neighbours' names.
  // Redrawn after each sigma render, so it follows the camera.
  const overlay = el('canvas', {class: 'hover-overlay'});
  if (!greyOnHover) container.append(overlay);
  let overlayShown = {node: null, relations: 0, labels: 0};
  function drawHoverOverlay() {
    const {width, height} = renderer.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    if (overlay.width !== width * ratio || overlay.height !== height * ratio) {
      overlay.width = width * ratio;
      overlay.height = height * ratio;
      overlay.style.width = `${width}px`;
      overlay.style.height = `${height}px`;
    }
    const context = overlay.getContext('2d');
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    overlayShown = {node: null, relations: 0, labels: 0};
    if (greyOnHover || !hovered || path || !shownNodes.has(hovered)) return;
    const at = (id) => {
      const d = renderer.getNodeDisplayData(id);
      const p = renderer.framedGraphToViewport(d);
      return {x: p.x, y: p.y, size: renderer.scaleSize(d.size), label: d.label};
    };
    const centre = at(hovered);
    const ends = new Map();
    context.strokeStyle = '#000';
    context.lineWidth = 1.2;
    context.beginPath();
    graph.forEachEdge(hovered, (e, attrs, s, t) => {
      if (!shownEdges.has(e)) return;
      const other = s === hovered ? t : s;
      if (!ends.has(other)) ends.set(other, at(other));
      const p = ends.get(other);
      // From the rim of the hovered entity, so the line does not cross its name.
      const length = Math.hypot(p.x - centre.x, p.y - centre.y) || 1;
      context.moveTo(centre.x + (p.x - centre.x) * centre.size / length, centre.y + (p.y - centre.y) * centre.size / length);
      context.lineTo(p.x, p.y);
      overlayShown.relations++;
    });
    context.stroke();
    const settings = renderer.getSettings();
    const queue = [];
    for (const [, p] of ends) {
      context.beginPath();
      context.arc(p.x, p.y, Math.max(2, p.size), 0, 2 * Math.PI);
      context.stroke();
      if (p.label) queue.push({context, item: {x: p.x, y: p.y, size: p.size, label: p.label}, settings});
    }
    // The hovered entity's own name is in sigma's hover box: keep clear of it.
    const ownBox = {left: centre.x - centre.size, right: centre.x + centre.size + 8 + 7 * (centre.label || '').length,
                    top: centre.y - 12, bottom: centre.y + 12};
    overlayShown.labels = placeLabels(queue, [ownBox], true);
    overlayShown.node = hovered;
  }
  if (!greyOnHover) renderer.on('afterRender', drawHoverOverlay);
  renderer.on('enterNode', ({node}) => hover(node));
  renderer.on('leaveNode', () => hover(null));
  // Sigma 3.0.3 says leaveNode when the pointer leaves the canvas but keeps the entity as
  // hovered, so coming back onto it would light nothing up.
  renderer.on('leaveStage', () => { renderer.hoveredNode = null; });
  renderer.on('clickNode', ({node}) => showNode(node));
  renderer.on('clickEdge', ({edge}) => showEdge(edge));
  renderer.on('doubleClickNode', (event) => {
    if (serve) { event.preventSigmaDefault(); expand(records.get(event.node).store_id, event.node); }
  });

  // ---- the details panel -------------------------------------------------------------------
  const panel = $('panel');
  function entityLink(id) {
    const r = records.get(id);
    return el('a', {class: 'entity', onclick: () => focusNode(id)}, r ? r.name : id);
  }
  function sourceLink(doc) {
    if (!doc) return el('span', {}, 'unknown document');
    const title = doc.title || doc.uri || 'untitled';
    let href = doc.uri || '';
    if (href.startsWith('/')) href = 'file://' + href;
    // Only web and file addresses become links; a relative path (as ingested) is shown as is.
    const safe = /^(https?|file):/i.test(href);
    return safe ? el('a', {href, target: '_blank', rel: 'noopener noreferrer', title: doc.uri}, title)
                : el('span', {title: doc.uri}, title, el('br'), el('code', {}, doc.uri || ''));
  }
  function factsTable(rows) {
    const table = el('table');
    for (const [k, v] of rows) {
      if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
      table.append(el('tr', {}, el('td', {}, k), el('td', {}, Array.isArray(v) ? v.join(', ') : fmt(v))));
    }
    return table;
  }

  function showNode(id) {
    const r = records.get(id);
    if (!r) return;
    const previous = selectedNode;
    selectedNode = id;
    redrawItems(previous && graph.hasNode(previous) ? [previous, id] : [id], []);
    const props = r.props || {};
    panel.replaceChildren(
        el('h3', {}, el('span', {class: 'swatch', style: `background:${baseColor(id)}`}), r.name),
        factsTable([['label', r.label], ['kind', props.kind], ['country', props.country],
                    ['aliases', r.aliases], ['key', r.key]]),
        el('h4', {}, 'Rank'),
        factsTable([['PageRank', props.pagerank], ['betweenness', props.betweenness],
                    ['degree', r.degree], ['community', r.community], ['mentions', r.mentions],
                    ['documents', r.documents], ['first seen', r.first_seen], ['last seen', r.last_seen]]));
    const relations = el('ul', {id: 'relations'});
    const edges = graph.edges(id).filter((e) => shownEdges.has(e));
    edges.sort((a, b) => (edgeRecords.get(b).w || 0) - (edgeRecords.get(a).w || 0));
    for (const e of edges) {
      const er = edgeRecords.get(e);
      const other = er.s === id ? er.t : er.s;
      const arrow = er.sym ? '—' : er.s === id ? '→' : '←';
      relations.append(el('li', {}, el('a', {class: 'relation', onclick: () => showEdge(e)}, er.type),
                          ` ${arrow} `, entityLink(other), ` (${fmt(er.w)})`));
    }
    panel.append(el('h4', {}, `Relations (${edges.length})`), relations);
    if (serve) {
      panel.append(el('button', {type: 'button', onclick: () => expand(r.store_id, id)}, 'Expand neighbours'));
    }
    // A knowledge-base relation's evidence is only a mention of the name: the sentence shown
    // here comes from the strongest relation read in text, when there is one.
    const textual = (e) => (edgeRecords.get(e).basis || ['text']).includes('text');
    const first = edges.find(textual) || edges[0];
    if (first) {
      const er = edgeRecords.get(first);
      const box = el('div', {id: 'first-evidence'});
      panel.append(el('h4', {}, textual(first) ? 'Strongest relation read in text' : 'Strongest relation'), box);
      box.append(el('p', {}, el('a', {class: 'relation', onclick: () => showEdge(first)}, er.type), ' ',
                    entityLink(er.s === id ? er.t : er.s)));
      evidenceOf(first).then((items) => {
        const item = items.find((i) => i.basis === 'text') || items[0];
        if (item && item.basis === 'knowledge') box.append(knowledgeNote());
        if (item) box.append(evidenceItem(item));
      });
    }
  }

  // Knowledge-base evidence records where a name was met, not a sentence that states the
  // relation: said once above such evidence.
  const knowledgeNote = () => el('p', {class: 'hint'},
      'Knowledge-base evidence: the relation comes from the knowledge base; the quote is the name as the document gives it.');
  function evidenceItem(item) {
    const doc = item.document;
    return el('div', {class: 'evidence'}, el('blockquote', {}, item.sentence),
              el('div', {class: 'source'}, sourceLink(doc), doc && doc.published ? ` · ${doc.published}` : '',
                 ` · ${item.rule} · ${item.basis} · ${fmt(item.confidence)}`));
  }

  // Evidence of one relation as [{sentence, rule, basis, confidence, document: {title, uri, published}}].
  const evidenceCache = new Map();
  function evidenceOf(edgeId) {
    const r = edgeRecords.get(edgeId);
    if (!serve) {
      return Promise.resolve((r.ev || []).map(([doc, sentence, rule, basis, confidence]) => ({
        sentence, rule, basis, confidence, document: documents[doc]})));
    }
    if (!evidenceCache.has(edgeId)) {
      evidenceCache.set(edgeId, api('evidence', {edge: r.store_id, limit: 20}).then((j) => j.evidence));
    }
    return evidenceCache.get(edgeId);
  }

  function showEdge(id) {
    const r = edgeRecords.get(id);
    if (!r) return;
    const arrow = r.sym ? '—' : '→';
    panel.replaceChildren(
        el('h3', {}, r.type),
        el('p', {}, entityLink(r.s), ` ${arrow} `, entityLink(r.t)),
        factsTable([['weight', r.w], ['confidence', r.c], ['basis', r.basis], ['first seen', r.first],
                    ['last seen', r.last]]));
    const list = el('div', {id: 'evidence'});
    panel.append(el('h4', {}, `Evidence (${fmt(r.ev_total || 0)})`), list);
    evidenceOf(id).then((items) => {
      if (items.some((item) => item.basis === 'knowledge')) list.append(knowledgeNote());
      for (const item of items) list.append(evidenceItem(item));
      const more = (r.ev_total || 0) - items.length;
      if (more > 0) list.append(el('p', {class: 'hint'}, `${fmt(more)} more in the store (skein show, skein serve).`));
    }).catch((e) => showError(String(e)));
  }

  function focusNode(id) {
    if (!graph.hasNode(id)) return;
    const display = renderer.getNodeDisplayData(id);
    if (display) renderer.getCamera().animate({x: display.x, y: display.y, ratio: 0.25}, {duration: 400});
    showNode(id);
  }

  // ---- search with completion --------------------------------------------------------------
  // File mode: an index over every name and alias; serve mode: the entities endpoint.
  const nameIndex = [];
  function indexNames() {
    nameIndex.length = 0;
    for (const [id, r] of records) {
      nameIndex.push([r.name.toLowerCase(), id, r.name, null]);
      for (const alias of r.aliases || []) nameIndex.push([alias.toLowerCase(), id, r.name, alias]);
    }
  }
  indexNames();
  function localMatches(text, limit) {
    const q = text.trim().toLowerCase();
    if (!q) return [];
    const prefix = [], inner = [], seen = new Set();
    for (const [name, id, display, alias] of nameIndex) {
      if (seen.has(id)) continue;
      const at = name.indexOf(q);
      if (at < 0) continue;
      (at === 0 ? prefix : inner).push({id, name: display, alias, label: records.get(id).label, size: records.get(id).size || 0});
      seen.add(id);
    }
    const bySize = (a, b) => b.size - a.size || a.name.localeCompare(b.name);
    return prefix.sort(bySize).concat(inner.sort(bySize)).slice(0, limit);
  }
  async function matches(text, limit) {
    if (!serve) return localMatches(text, limit);
    if (!text.trim()) return [];
    const j = await api('entities', {q: text.trim(), limit});
    return j.entities.map((e) => ({id: 'n' + e.id, store_id: e.id, name: e.name, alias: e.alias, label: e.label}));
  }

  // Wires an input to a completion list; `chosen(match)` gets the picked entry.
  function completion(input, list, chosen) {
    let items = [], active = 0, serial = 0, answered = Promise.resolve();
    function render() {
      list.replaceChildren(...items.map((m, i) => el('li', {class: i === active ? 'active' : '',
          onclick: () => pick(i)}, m.name, ' ', el('small', {}, m.alias ? `(${m.alias}) ${m.label}` : m.label))));
      list.hidden = items.length === 0;
    }
    function pick(i) {
      const m = items[i];
      if (!m) return;
      input.value = m.name;
      input.dataset.id = m.id;
      // The store's id too: a served entity picked here may still be on its way into the graph.
      if (m.store_id !== undefined) input.dataset.store = m.store_id;
      serial++;  // an answer still on its way must not reopen the list over what is below it
      items = [];
      render();
      chosen(m);
    }
    input.addEventListener('input', async () => {
      const mine = ++serial;
      delete input.dataset.id;
      delete input.dataset.store;
      const asked = matches(input.value, 12).catch((e) => { showError(String(e)); return []; });
      answered = asked;
      const found = await asked;
      if (mine !== serial) return;
      items = found;
      active = 0;
      render();
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown') { active = Math.min(active + 1, items.length - 1); render(); event.preventDefault(); }
      else if (event.key === 'ArrowUp') { active = Math.max(active - 1, 0); render(); event.preventDefault(); }
      else if (event.key === 'Enter') {
        // Enter typed before the answer to the whole text arrived picks from that answer,
        // not from the list still shown for the first letters.
        event.preventDefault();
        const mine = serial;
        answered.then(() => setTimeout(() => { if (mine === serial) pick(active); }, 0));
      }
      else if (event.key === 'Escape') { items = []; render(); }
    });
    input.addEventListener('blur', () => setTimeout(() => { items = []; render(); }, 200));
  }

  async function ensureNode(match) {
    if (graph.hasNode(match.id)) return match.id;
    if (serve) await expand(match.store_id, null);
    return graph.hasNode(match.id) ? match.id : null;
  }
  completion($('search'), $('search-list'), async (m) => {
    const id = await ensureNode(m);
    if (id) focusNode(id);
  });
  document.querySelectorAll('#filters .complete').forEach((box) => {
    const input = box.querySelector('input');
    completion(input, box.querySelector('ul'), (m) => ensureNode(m));
  });

  // ---- shortest path ------------------------------------------------------------------------
  // Breadth-first over the relations the filters show (every relation counts as one hop).
  function localPath(from, to) {
    const previous = new Map([[from, null]]);
    let frontier = [from];
    while (frontier.length && !previous.has(to)) {
      const next = [];
      for (const u of frontier) {
        graph.forEachEdge(u, (e, attrs, s, t) => {
          if (!shownEdges.has(e)) return;
          const v = s === u ? t : s;
          if (previous.has(v) || !shownNodes.has(v)) return;
          previous.set(v, [u, e]);
          next.push(v);
        });
      }
      frontier = next;
    }
    if (!previous.has(to)) return null;
    const nodes = [to], edges = [];
    for (let v = to; previous.get(v); v = previous.get(v)[0]) {
      edges.push(previous.get(v)[1]);
      nodes.push(previous.get(v)[0]);
    }
    return {nodes: nodes.reverse(), edges: edges.reverse()};
  }
  async function findPath() {
    const from = $('path-from').dataset.id, to = $('path-to').dataset.id;
    const out = $('path-result');
    if (!from || !to) { out.textContent = 'Pick both ends from the suggestions.'; return; }
    let found = null;
    if (serve) {
      const j = await api('path', Object.assign({source: Number($('path-from').dataset.store),
                                                 target: Number($('path-to').dataset.store)}, apiFilters()));
      if (j.found) {
        addElements(j.graph, null);
        indexNames();
        recompute();
        found = {nodes: j.path.map((n) => 'n' + n), edges: j.path_edges.map((e) => 'r' + e)};
      }
    } else {
      found = localPath(from, to);
    }
    if (!found) { path = null; out.textContent = 'No path through the relations shown.'; recompute(); return; }
    path = {nodes: new Set(found.nodes), edges: new Set(found.edges)};
    out.replaceChildren(`${found.edges.length} hop(s): `);
    found.nodes.forEach((n, i) => { if (i) out.append(' → '); out.append(entityLink(n)); });
    recompute();
  }
  $('path-go').addEventListener('click', () => findPath().catch((e) => showError(String(e))));
  $('path-clear').addEventListener('click', () => { path = null; $('path-result').textContent = ''; recompute(); });

  // ---- filter controls ------------------------------------------------------------------------
  function checkboxes(box, values, key, colors) {
    box.replaceChildren();
    const sorted = [...values].sort();
    for (const value of sorted) {
      const input = el('input', {type: 'checkbox', 'data-value': value});
      input.checked = !filter[key] || filter[key].has(value);
      input.addEventListener('change', () => {
        const on = [...box.querySelectorAll('input')].filter((i) => i.checked).map((i) => i.dataset.value);
        filter[key] = on.length === sorted.length ? null : new Set(on);
        recompute();
      });
      box.append(el('label', {}, input, colors ? el('span', {class: 'swatch', style: `background:${colors[value] || '#888'}`}) : null, ` ${value}`));
    }
  }
  function buildControls() {
    checkboxes($('label-filter'), knownLabels, 'labels', labelColors);
    checkboxes($('type-filter'), knownTypes, 'types', null);
    if (meta.date_min) { $('date-from').min = $('date-to').min = meta.date_min; }
    if (meta.date_max) { $('date-from').max = $('date-to').max = meta.date_max; }
  }
  buildControls();
  const bind = (id, key, read) => $(id).addEventListener('change', () => { filter[key] = read($(id)); recompute(); });
  bind('min-weight', 'minWeight', (i) => Number(i.value) || 0);
  bind('min-confidence', 'minConfidence', (i) => Number(i.value) || 0);
  bind('basis-text', 'text', (i) => i.checked);
  bind('basis-knowledge', 'knowledge', (i) => i.checked);
  bind('date-from', 'from', (i) => i.value);
  bind('date-to', 'to', (i) => i.value);
  bind('hide-unlinked', 'hideUnlinked', (i) => i.checked);
  $('color-by').addEventListener('change', () => { colorBy = $('color-by').value; legend(); renderer.refresh({skipIndexation: true}); });

  function legend() {
    const box = $('legend');
    box.replaceChildren();
    const byCommunity = colorBy === 'community';
    if (byCommunity) {
      const best = new Map();  // community -> [count, top member]
      for (const [id, r] of records) {
        if (r.community === undefined) continue;
        const entry = best.get(r.community) || [0, null];
        entry[0]++;
        if (!entry[1] || (r.size || 0) > (records.get(entry[1]).size || 0)) entry[1] = id;
        best.set(r.community, entry);
      }
      const top = [...best.entries()].sort((a, b) => b[1][0] - a[1][0]).slice(0, 12);
      for (const [community, [count, lead]] of top) {
        box.append(el('li', {}, el('span', {class: 'swatch', style: `background:${communityColor(community)}`}),
                      `community ${community}: ${records.get(lead).name} +${count - 1}`));
      }
      if (best.size > top.length) box.append(el('li', {class: 'hint'}, `${best.size - top.length} smaller communities`));
      if (!best.size) box.append(el('li', {class: 'hint'}, 'no communities: run skein analyze'));
    } else {
      for (const label of [...knownLabels].sort()) {
        box.append(el('li', {}, el('span', {class: 'swatch', style: `background:${labelColors[label] || '#888'}`}), label));
      }
    }
    box.append(el('li', {class: 'hint'}, meta.size_by === 'pagerank' ? 'size: PageRank' : 'size: degree'));
  }
  legend();

  // ---- saving -------------------------------------------------------------------------------
  function download(name, url) {
    const a = el('a', {href: url, download: name});
    document.body.append(a);
    a.click();
    a.remove();
  }
  // The layers sigma draws (WebGL edges and nodes, 2D labels) composed on white.
  function pngDataUrl() {
    renderer.refresh({});
    const {width, height} = renderer.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    const canvas = el('canvas', {width: width * ratio, height: height * ratio});
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    const layers = renderer.getCanvases();
    for (const name of ['edges', 'edgeLabels', 'nodes', 'labels', 'hovers', 'hoverNodes']) {
      if (layers[name]) ctx.drawImage(layers[name], 0, 0, canvas.width, canvas.height);
    }
    return canvas.toDataURL('image/png');
  }
  function svgText() {
    const {width, height} = renderer.getDimensions();
    const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));
    const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
                   `<rect width="100%" height="100%" fill="#fff"/>`];
    const view = (id) => {
      const d = renderer.getNodeDisplayData(id);
      if (!d || d.hidden) return null;
      const p = renderer.framedGraphToViewport(d);
      return {x: p.x, y: p.y, r: renderer.scaleSize(d.size), color: d.color, label: d.label, forced: d.forceLabel};
    };
    const positions = new Map();
    graph.forEachNode((id) => { const v = view(id); if (v) positions.set(id, v); });
    graph.forEachEdge((id, attrs, s, t) => {
      const a = positions.get(s), b = positions.get(t);
      const d = renderer.getEdgeDisplayData(id);
      if (!a || !b || !d || d.hidden) return;
      parts.push(`<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" stroke="${esc(d.color)}" stroke-width="${Math.max(0.5, d.size / 2).toFixed(1)}"/>`);
    });
    const labelled = [...positions.entries()].sort((a, b) => b[1].r - a[1].r);
    for (const [, v] of positions) parts.push(`<circle cx="${v.x.toFixed(1)}" cy="${v.y.toFixed(1)}" r="${v.r.toFixed(1)}" fill="${esc(v.color)}"/>`);
    labelled.slice(0, 60).forEach(([, v]) => {
      if (v.label && v.x >= 0 && v.y >= 0 && v.x <= width && v.y <= height)
        parts.push(`<text x="${(v.x + v.r + 2).toFixed(1)}" y="${(v.y + 4).toFixed(1)}" font-family="sans-serif" font-size="12">${esc(v.label)}</text>`);
    });
    parts.push('</svg>');
    return parts.join('\n');
  }
  $('save-png').addEventListener('click', () => download('skein-graph.png', pngDataUrl()));
  $('save-svg').addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([svgText()], {type: 'image/svg+xml'}));
    download('skein-graph.svg', url);
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });

  // ---- serve mode --------------------------------------------------------------------------
  function apiFilters() {
    const out = {};
    if (filter.types) out.type = [...filter.types].join(',');
    if (filter.labels) out.label = [...filter.labels].join(',');
    if (filter.minWeight) out.min_weight = filter.minWeight;
    if (filter.minConfidence) out.min_confidence = filter.minConfidence;
    if (!filter.knowledge) out.text_only = 1;
    if (filter.from) out.from = filter.from;
    if (filter.to) out.to = filter.to;
    return out;
  }
  async function api(endpoint, params) {
    const query = new URLSearchParams(params).toString();
    const response = await fetch(`${apiBase}/${endpoint}?${query}`);
    const body = await response.json();
    if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
    return body;
  }
  async function expand(storeId, around) {
    const j = await api('neighbours', Object.assign({id: storeId, limit: 200}, apiFilters()));
    addElements(j, around || 'n' + storeId);
    for (const [id, r] of records) if (r.label) knownLabels.add(r.label);
    indexNames();
    buildControls();
    legend();
    recompute();
  }
  async function startServe() {
    const j = await api('overview', {limit: meta.overview || 300});
    Object.assign(labelColors, j.meta.label_colors || {});
    meta.color_by = j.meta.color_by;
    meta.size_by = j.meta.size_by;
    (j.meta.labels || []).forEach((l) => knownLabels.add(l));
    (j.meta.types || []).forEach((t) => knownTypes.add(t));
    addElements(j, null);
    indexNames();
    buildControls();
    legend();
    recompute();
    if (meta.title) $('title').textContent = meta.title;
    ready = true;
  }

  let ready = !serve;
  if (meta.title) $('title').textContent = meta.title;
  mark('controls built');
  if (serve) startServe().catch((e) => showError('cannot load the overview: ' + e));

  // ---- test and bench handle ----------------------------------------------------------------
  // Sigma draws once in its constructor; the first animation frame after that starts the
  // frame that puts it on screen (ms since navigation started). That frame's commit waits for
  // the GPU to finish drawing (without a GPU, for SwiftShader), so the first task after it
  // is when the reader sees the graph.
  let frames = 1, firstFrameMs = null, firstShownMs = null;
  renderer.on('afterRender', () => { frames++; });
  requestAnimationFrame(() => {
    firstFrameMs = performance.now();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { firstShownMs = performance.now(); mark('first frame shown'); };
    channel.port2.postMessage(null);
  });
  window.skeinViewer = {
    ready: () => ready,
    renderer, graph,
    frames: () => frames,
    firstFrameMs: () => firstFrameMs,
    firstShownMs: () => firstShownMs,
    // What the large-graph hover last drew: {node, relations, labels}.
    hoverOverlay: () => overlayShown,
    // What sigma will draw after the filters: nodes and edges not hidden by the reducers.
    drawn() {
      let nodes = 0, edges = 0;
      graph.forEachNode((id) => { const d = renderer.getNodeDisplayData(id); if (d && !d.hidden) nodes++; });
      graph.forEachEdge((id) => { const d = renderer.getEdgeDisplayData(id); if (d && !d.hidden) edges++; });
      return {nodes, edges};
    },
    drawnEdgeTypes() {
      const types = new Set();
      graph.forEachEdge((id) => { const d = renderer.getEdgeDisplayData(id); if (d && !d.hidden) types.add(edgeRecords.get(id).type); });
      return [...types].sort();
    },
    viewport(id) {
      const d = renderer.getNodeDisplayData(id);
      return d ? renderer.framedGraphToViewport(d) : null;
    },
    pngDataUrl, svgText,
  };
})();
