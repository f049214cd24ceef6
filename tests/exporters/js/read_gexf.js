// Reads a GEXF file with graphology-gexf and prints what it saw as JSON:
// {nodes, edges, nodeAttributes: [...names], names: [...labels], aliases: {id: [...]}, types: {...}}
'use strict';
const fs = require('fs');
const {MultiGraph} = require('graphology');
const gexf = require('graphology-gexf');

const graph = gexf.parse(MultiGraph, fs.readFileSync(process.argv[2], 'utf8'), {addMissingNodes: false});
const nodeAttributes = new Set();
const names = [];
const aliases = {};
const nodes = {};
graph.forEachNode((id, attributes) => {
  Object.keys(attributes).forEach(k => nodeAttributes.add(k));
  names.push(attributes.label);
  aliases[id] = attributes.aliases;
  nodes[id] = attributes;
});
const edgeAttributes = new Set();
const edges = [];
graph.forEachEdge((id, attributes, source, target, sa, ta, undirected) => {
  Object.keys(attributes).forEach(k => edgeAttributes.add(k));
  edges.push({id, source, target, undirected, relation: attributes.relation, weight: attributes.weight,
              evidenceCount: attributes.evidence_count, sentences: attributes.evidence_sentences,
              dates: attributes.evidence_dates});
});
console.log(JSON.stringify({
  nodes: graph.order, edges: graph.size, type: graph.type,
  nodeAttributes: [...nodeAttributes].sort(), edgeAttributes: [...edgeAttributes].sort(),
  names, aliases, nodeData: nodes, edgeList: edges,
}));
