// Loads a `skein export neo4j` directory into Kuzu (an embedded Cypher database) and prints
// counts, names, aliases, and the shortest path between two entity keys given as arguments.
// Kuzu has no neo4j-admin importer: the tables are declared from the CSV headers (name:type
// -> column and Kuzu type) and COPYed; the neo4j array delimiter (U+001F) splits arrays.
'use strict';
const fs = require('fs');
const path = require('path');
const kuzu = require('kuzu');

const dir = process.argv[2];
const [fromKey, toKey] = [process.argv[3], process.argv[4]];

function header(file) {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  return text.slice(0, text.indexOf('\n')).split(',');
}
const kuzuType = t => ({long: 'INT64', int: 'INT64', double: 'DOUBLE', float: 'DOUBLE', boolean: 'BOOLEAN',
                        date: 'DATE', string: 'STRING', 'string[]': 'STRING'}[t || 'string']);
// Columns of a node file: the ID column becomes the primary key, :LABEL a STRING "labels".
function nodeColumns(file) {
  return header(file).map(field => {
    if (field.includes(':ID(')) return `${field.split(':')[0]} STRING PRIMARY KEY`;
    if (field === ':LABEL') return 'labels STRING';
    const [name, type] = field.split(':');
    return `\`${name}\` ${kuzuType(type)}`;
  });
}
function relColumns(file) {
  return header(file).slice(2).map(field => {
    if (field === ':TYPE') return 'type STRING';
    const [name, type] = field.split(':');
    return `\`${name}\` ${kuzuType(type)}`;
  });
}

(async () => {
  const db = new kuzu.Database(':memory:');
  const conn = new kuzu.Connection(db);
  const run = async q => (await conn.query(q)).getAll();
  const copy = async (table, file) =>
    run(`COPY ${table} FROM '${path.join(dir, file)}' (HEADER=true, PARALLEL=false, ESCAPE='"')`);
  await run(`CREATE NODE TABLE Entity(${nodeColumns('entities.csv').join(', ')})`);
  await run(`CREATE NODE TABLE Document(${nodeColumns('documents.csv').join(', ')})`);
  await run(`CREATE NODE TABLE Evidence(${nodeColumns('evidence.csv').join(', ')})`);
  await run(`CREATE REL TABLE Rel(FROM Entity TO Entity, ${relColumns('relationships.csv').join(', ')})`);
  await run(`CREATE REL TABLE MentionedIn(FROM Entity TO Document, ${relColumns('mentioned_in.csv').join(', ')})`);
  await run(`CREATE REL TABLE EvidenceFrom(FROM Evidence TO Document, ${relColumns('evidence_from.csv').join(', ')})`);
  await run(`CREATE REL TABLE EvidenceAbout(FROM Evidence TO Entity, ${relColumns('evidence_about.csv').join(', ')})`);
  await copy('Entity', 'entities.csv');
  await copy('Document', 'documents.csv');
  await copy('Evidence', 'evidence.csv');
  await copy('Rel', 'relationships.csv');
  await copy('MentionedIn', 'mentioned_in.csv');
  await copy('EvidenceFrom', 'evidence_from.csv');
  await copy('EvidenceAbout', 'evidence_about.csv');

  const count = async q => Number((await run(q))[0].c);
  const entities = await run('MATCH (n:Entity) RETURN n.key AS key, n.name AS name, n.aliases AS aliases, n.labels AS labels ORDER BY n.store_id');
  const result = {
    entities: await count('MATCH (n:Entity) RETURN count(n) AS c'),
    relationships: await count('MATCH ()-[r:Rel]->() RETURN count(r) AS c'),
    documents: await count('MATCH (n:Document) RETURN count(n) AS c'),
    evidence: await count('MATCH (n:Evidence) RETURN count(n) AS c'),
    mentions: await count('MATCH ()-[r:MentionedIn]->() RETURN count(r) AS c'),
    evidenceLinks: await count('MATCH ()-[r:EvidenceFrom]->() RETURN count(r) AS c') +
                   await count('MATCH ()-[r:EvidenceAbout]->() RETURN count(r) AS c'),
    names: entities.map(e => e.name),
    keys: entities.map(e => e.key),
    labels: entities.map(e => e.labels.split('\u001f')),
    aliases: entities.map(e => (e.aliases === null ? [] : e.aliases.split('\u001f'))),
    types: (await run('MATCH ()-[r:Rel]->() RETURN DISTINCT r.type AS t ORDER BY t')).map(r => r.t),
    sentences: (await run('MATCH (e:Evidence) RETURN e.sentence AS s ORDER BY e.key')).map(r => r.s),
  };
  if (fromKey && toKey) {
    // An endpoint is an entity key, or "#<store id>".
    const match = (variable, key) => key.startsWith('#')
      ? `${variable}.store_id = ${Number(key.slice(1))}`
      : `${variable}.key = '${key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    const where = `WHERE ${match('a', fromKey)} AND ${match('b', toKey)}`;
    const rows = await run(`MATCH p = (a:Entity)-[:Rel* SHORTEST 1..30]-(b:Entity) ${where} ` +
                           `RETURN properties(nodes(p), 'key') AS keys`);
    result.path = rows.length > 0 ? rows[0].keys : [];
    const all = await run(`MATCH p = (a:Entity)-[:Rel* ALL SHORTEST 1..30]-(b:Entity) ${where} ` +
                          `RETURN properties(nodes(p), 'store_id') AS ids`);
    result.allPaths = all.map(r => r.ids.map(Number));
  }
  console.log(JSON.stringify(result));
})().catch(error => { console.error(String(error)); process.exit(1); });
