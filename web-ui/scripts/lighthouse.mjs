// Lighthouse performance and accessibility scores of the main signed-in pages, in Debian's
// Chromium, against the production build the gateway of the running local stack serves
// (scripts/stack.sh up). Usage: node scripts/lighthouse.mjs
//
// Lighthouse 12.8.2 (the last line that runs on Node 20) is installed on first use into
// ~/.cache/testtrack-lighthouse (LIGHTHOUSE_DIR), not into the UI's dependencies: its lock entry
// of a package pinned to "latest" would break `npm ci` whenever that package is released.
//
// The access token lives in memory only; on every load the UI renews it from the HttpOnly refresh
// cookie and the CSRF cookie it echoes. So the script signs in once through the sign-in page of a
// browser it starts with Puppeteer, then has Lighthouse audit each page in that same tab with the
// storage reset off: each load renews the session from the cookies like a returning user's, and a
// rotated refresh cookie stays in the browser's own jar. (A Cookie header passed to Lighthouse
// does not work: the UI reads the CSRF cookie from document.cookie, and a replayed, already
// rotated refresh token ends the session.)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const tools = process.env.LIGHTHOUSE_DIR ?? join(homedir(), '.cache', 'testtrack-lighthouse');
const modules = join(tools, 'node_modules');
if (!existsSync(join(modules, 'lighthouse', 'package.json'))) {
  execFileSync('npm', ['install', '--prefix', tools, '--no-audit', '--no-fund', 'lighthouse@12.8.2'], { stdio: 'inherit' });
}
const { default: lighthouse } = await import(pathToFileURL(join(modules, 'lighthouse', 'core', 'index.js')).href);
const { default: puppeteer } = await import(pathToFileURL(join(modules, 'puppeteer-core', 'lib', 'esm', 'puppeteer', 'puppeteer-core.js')).href);

const base = process.env.TESTTRACK_URL ?? 'http://localhost:8080';
const admin = { email: process.env.TESTTRACK_ADMIN_EMAIL ?? 'admin@testtrack.local', password: process.env.TESTTRACK_ADMIN_PASSWORD ?? 'change-me-now-please' };

async function api(path, body, token, want) {
  // The project and then its cases reach the other services through events, a moment later.
  for (let i = 0; i < 60; i++) {
    const res = await fetch(`${base}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (res.status === want) return res.json();
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${path} did not answer ${want} within a minute`);
}

const { accessToken } = await api('/api/auth/login', admin, null, 200);
const id = Date.now().toString(36).toUpperCase();
const project = await api('/api/projects', { key: `L${id}`.slice(0, 10), name: `Lighthouse ${id}` }, accessToken, 201);
const suite = await api('/api/suites', { projectId: project.id, name: 'Checkout' }, accessToken, 201);
const steps = [1, 2, 3].map((index) => ({ index, action: `Do step ${index}`, expectedResult: `Step ${index} done` }));
let testCase;
for (let i = 1; i <= 30; i++) {
  testCase = await api('/api/tests', { projectId: project.id, suiteId: suite.id, title: `Audit case ${i}`, tags: ['smoke'], steps }, accessToken, 201);
}
const run = await api('/api/runs', { projectId: project.id, name: `Audit ${id}` }, accessToken, 201);
const executions = await api(`/api/runs/${run.id}/executions`, null, accessToken, 200);

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
  defaultViewport: null,
});
const page = await browser.newPage();
const flags = {
  output: 'json',
  logLevel: 'error',
  onlyCategories: ['performance', 'accessibility'],
  formFactor: 'desktop',
  screenEmulation: { disabled: true },
  throttlingMethod: 'provided',
  disableStorageReset: true,
};
const rows = [];
async function audit(name, url) {
  const { categories, audits, finalDisplayedUrl } = (await lighthouse(url, flags, undefined, page)).lhr;
  if (new URL(finalDisplayedUrl).pathname !== new URL(url).pathname) throw new Error(`${name}: Lighthouse ended on ${finalDisplayedUrl}, not ${url}`);
  const ms = (id) => `${Math.round(audits[id].numericValue)} ms`;
  rows.push(`| ${name} | ${Math.round(categories.performance.score * 100)} | ${Math.round(categories.accessibility.score * 100)} | ${ms('first-contentful-paint')} | ${ms('largest-contentful-paint')} | ${audits['cumulative-layout-shift'].numericValue.toFixed(3)} |`);
  console.error(`audited ${name}`);
}

await audit('sign-in (signed out)', `${base}/sign-in`);
await page.goto(`${base}/sign-in`, { waitUntil: 'networkidle0' });
await page.type('input[type=email]', admin.email);
await page.type('input[type=password]', admin.password);
await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('button[type=submit]')]);

const p = `${base}/projects/${project.id}`;
const pages = [
  ['projects', `${base}/projects`],
  ['case list', `${p}/cases`],
  ['case editor', `${p}/cases/${testCase.id}`],
  ['run', `${p}/runs/${run.id}`],
  ['executor', `${p}/runs/${run.id}/execute/${executions.items[0].id}`],
];
for (const [name, url] of pages) await audit(name, url);
await browser.close();
console.log(`Lighthouse 12.8.2, desktop, no throttling, ${new Date().toISOString()}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log('| page | performance | accessibility | first contentful paint | largest contentful paint | layout shift |\n| --- | --- | --- | --- | --- | --- |');
console.log(rows.join('\n'));
