// The peer half of bench_extract_speed: runs compromise's people/places/organizations over
// the same texts the C++ side measured, and prints one JSON line of figures.
//
//   node compromise.mjs LIST_FILE PASSES
//
// LIST_FILE holds one path per line (the files the C++ side kept: valid UTF-8 only). Reading
// is done before timing, as on the C++ side; each pass runs every text once and the median
// pass time is reported. With PASSES 0 only the import is timed (start-up alone); the list may
// then be empty and median_seconds is null.
import { readFileSync } from 'node:fs';

const [listFile, passesArg] = process.argv.slice(2);
if (!listFile) {
  console.error('usage: node compromise.mjs LIST_FILE [PASSES]');
  process.exit(1);
}
const passes = Math.max(0, Number.parseInt(passesArg ?? '3', 10));

const startupBegin = process.hrtime.bigint();
const nlp = (await import('compromise')).default;
const startupMs = Number(process.hrtime.bigint() - startupBegin) / 1e6;

const texts = readFileSync(listFile, 'utf8').split('\n').filter((p) => p.length > 0)
  .map((p) => readFileSync(p, 'utf8'));
const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t, 'utf8'), 0);

const times = [];
let found = 0;
for (let pass = 0; pass < passes; ++pass) {
  const begin = process.hrtime.bigint();
  found = 0;
  for (const text of texts) {
    const doc = nlp(text);
    found += doc.people().out('array').length;
    found += doc.places().out('array').length;
    found += doc.organizations().out('array').length;
  }
  times.push(Number(process.hrtime.bigint() - begin) / 1e9);
}
times.sort((a, b) => a - b);
const median = passes > 0 ? times[Math.floor(times.length / 2)] : null;
console.log(JSON.stringify({
  version: JSON.parse(readFileSync(new URL('./node_modules/compromise/package.json', import.meta.url), 'utf8')).version,
  documents: texts.length,
  bytes,
  passes,
  startup_ms: startupMs,
  median_seconds: median,
  mentions: found,
  peak_rss_mb: process.resourceUsage().maxRSS / 1024,
}));
