// The JavaScript the first page (sign-in) loads, gzipped, measured the way a browser meets it:
// Debian's Chromium opens the production build (vite preview) and every script it fetches is
// counted. Budget: 250 KB. Usage: npm run build && npm run bundle-size
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { gzipSync } from 'node:zlib';

const budget = 250 * 1024;
const server = await preview({ preview: { port: 4174, strictPort: true, proxy: {} }, logLevel: 'silent' });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
const scripts = [];
page.on('response', (r) => {
  if (r.url().endsWith('.js')) scripts.push(r);
});
await page.goto('http://localhost:4174/sign-in', { waitUntil: 'networkidle' });
await page.getByRole('button', { name: 'Sign in' }).waitFor();
let total = 0;
for (const r of scripts) {
  const size = gzipSync(await r.body(), { level: 9 }).length;
  total += size;
  console.log(`${(size / 1024).toFixed(1).padStart(8)} KB  ${new URL(r.url()).pathname}`);
}
console.log(`first page: ${(total / 1024).toFixed(1)} KB of gzipped JavaScript in ${scripts.length} files (budget ${budget / 1024} KB)`);
await browser.close();
await server.close();
process.exit(total > budget ? 1 : 0);
