// Lighthouse performance and accessibility scores of the main pages, in Debian's Chromium,
// against the running local stack (scripts/stack.sh up). Signs in through the page (the session
// cookie then restores the session in every tab Lighthouse opens), then audits each page in the
// same browser. Usage: node scripts/lighthouse.mjs  (needs `npx lighthouse`, fetched by npx).
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = process.env.TESTTRACK_URL ?? 'http://localhost:8080';
const admin = { email: process.env.TESTTRACK_ADMIN_EMAIL ?? 'admin@testtrack.local', password: process.env.TESTTRACK_ADMIN_PASSWORD ?? 'change-me-now-please' };
const lighthouse = process.env.LIGHTHOUSE ?? 'npx -y lighthouse@12.8.2';
const port = 9333;

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'tt-lh-')), {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', `--remote-debugging-port=${port}`],
});
const page = context.pages()[0] ?? (await context.newPage());
const api = context.request;
const { accessToken } = await (await api.post(`${base}/api/auth/login`, { data: admin })).json();
const auth = { Authorization: `Bearer ${accessToken}` };
const id = Date.now().toString(36).toUpperCase();
const project = await (await api.post(`${base}/api/projects`, { headers: auth, data: { key: `L${id}`.slice(0, 10), name: `Lighthouse ${id}` } })).json();
// The project and then its cases reach the other services through events, a moment later.
const retry = async (call, want) => {
  for (let i = 0; i < 60; i++) {
    const res = await call();
    if (res.status() === want) return res.json();
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('the stack did not answer as expected within a minute');
};
const testCase = await retry(() => api.post(`${base}/api/tests`, { headers: auth, data: { projectId: project.id, title: 'Audit me', steps: [{ index: 1, action: 'Look', expectedResult: 'Seen' }] } }), 201);
const run = await retry(() => api.post(`${base}/api/runs`, { headers: auth, data: { projectId: project.id, name: `Audit ${id}` } }), 201);
const executions = await (await api.get(`${base}/api/runs/${run.id}/executions`, { headers: auth })).json();

await page.goto(`${base}/sign-in`);
await page.getByLabel('E-mail').fill(admin.email);
await page.getByLabel('Password').fill(admin.password);
await page.getByRole('button', { name: 'Sign in' }).click();
await page.waitForURL(/\/projects$/);

const p = `${base}/projects/${project.id}`;
const pages = [
  ['sign-in', `${base}/sign-in`],
  ['projects', `${base}/projects`],
  ['test cases', `${p}/cases`],
  ['case editor', `${p}/cases/${testCase.id}`],
  ['runs', `${p}/runs`],
  ['run', `${p}/runs/${run.id}`],
  ['executor', `${p}/runs/${run.id}/execute/${executions.items[0].id}`],
];
console.log('| page | performance | accessibility |\n| --- | --- | --- |');
for (const [name, url] of pages) {
  const out = execFileSync('sh', ['-c', `${lighthouse} "${url}" --port=${port} --only-categories=performance,accessibility --output=json --quiet --form-factor=desktop --screenEmulation.disabled --throttling-method=provided`], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const { categories } = JSON.parse(out.toString());
  console.log(`| ${name} | ${Math.round(categories.performance.score * 100)} | ${Math.round(categories.accessibility.score * 100)} |`);
}
await context.close();
