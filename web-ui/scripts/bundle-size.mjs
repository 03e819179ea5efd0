// The JavaScript the first page loads, gzipped: the entry script and every module it preloads
// (route chunks load later, on navigation). Budget: 250 KB.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';

const dist = resolve(import.meta.dirname, '../dist');
const html = await readFile(resolve(dist, 'index.html'), 'utf8');
const scripts = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((m) => m[1]);
let total = 0;
for (const src of new Set(scripts)) {
  const size = gzipSync(await readFile(resolve(dist, `.${src}`))).length;
  total += size;
  console.log(`${(size / 1024).toFixed(1).padStart(8)} KB  ${src}`);
}
const budget = 250 * 1024;
console.log(`first page: ${(total / 1024).toFixed(1)} KB of gzipped JavaScript (budget ${budget / 1024} KB)`);
if (total > budget) process.exit(1);
