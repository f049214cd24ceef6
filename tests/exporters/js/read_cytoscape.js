// Loads a Cytoscape.js elements JSON in headless cytoscape and prints what it holds; any
// console warning or error cytoscape emits while loading is reported in "warnings".
'use strict';
const fs = require('fs');
const cytoscape = require('cytoscape');

const warnings = [];
for (const level of ['warn', 'error']) {
  const original = console[level];
  console[level] = (...args) => { warnings.push(args.join(' ')); original.apply(console, args); };
}
const json = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
// 'preset' keeps the positions in the file (cytoscape's default 'null' layout would zero them).
const cy = cytoscape({headless: true, styleEnabled: false, elements: json.elements, layout: {name: 'preset'}});
const names = cy.nodes().map(n => n.data('label'));
const positioned = cy.nodes().filter(n => typeof n.position('x') === 'number' && n.position('x') !== 0).length;
console.log(JSON.stringify({
  nodes: cy.nodes().length, edges: cy.edges().length, names, positioned,
  aliases: Object.fromEntries(cy.nodes().map(n => [n.id(), n.data('aliases')])),
  warnings,
}));
