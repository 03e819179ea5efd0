import { expect, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const admin = {
  email: process.env.TESTTRACK_ADMIN_EMAIL ?? 'admin@testtrack.local',
  password: process.env.TESTTRACK_ADMIN_PASSWORD ?? 'change-me-now-please',
};

/** A suffix that keeps this run's data apart from every other run's. */
export const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.toUpperCase();

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}

/** A screenshot of the page as a test artefact, and no serious or critical accessibility violation. */
export async function checkPage(page: Page, testInfo: TestInfo, name: string) {
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('status', { name: 'Loading…' })).toHaveCount(0);
  const shot = await page.screenshot({ fullPage: true, path: testInfo.outputPath(`${name}.png`) });
  await testInfo.attach(name, { body: shot, contentType: 'image/png' });
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(bad, `accessibility violations on ${name}`).toEqual([]);
}

/** The admin's access token, for setting up data through the API where the UI is not under test. */
export async function adminToken(request: APIRequestContext) {
  const res = await request.post('/api/auth/login', { data: admin });
  expect(res.ok()).toBeTruthy();
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/**
 * A new project with one suite, made through the API. The project reaches the test-case service
 * through its event a moment later: until then creating the suite answers 404, and is tried again.
 */
export async function projectWithSuite(request: APIRequestContext, auth: Record<string, string>, key: string, name: string, suiteName: string) {
  const project = (await (await request.post('/api/projects', { headers: auth, data: { key: key.slice(0, 10), name } })).json()) as { id: string };
  let suite: { id: string } | undefined;
  await expect(async () => {
    const res = await request.post('/api/suites', { headers: auth, data: { projectId: project.id, name: suiteName } });
    expect(res.status()).toBe(201);
    suite = await res.json();
  }).toPass({ timeout: 30_000 });
  return { project, suite: suite! };
}
