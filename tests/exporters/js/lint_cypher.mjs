// Lints a Cypher script with Neo4j's own language support (the parser and semantic analysis
// behind Neo4j's editors) and prints {statements, diagnostics: [...]}. Exit 0 either way.
import fs from 'fs';
import {lintCypherQuery} from '@neo4j-cypher/language-support';

const script = fs.readFileSync(process.argv[2], 'utf8');
const result = lintCypherQuery(script, {});
const statements = (script.match(/;\s*$/gm) || []).length;
console.log(JSON.stringify({
  statements,
  diagnostics: result.diagnostics.map(d => ({severity: d.severity, message: d.message, offsets: d.offsets,
                                             text: script.slice(Math.max(0, d.offsets.start - 40), d.offsets.end + 40)})),
}));
