import { expect, test } from '@playwright/test';
import { admin, adminToken, checkPage, projectWithSuite, signIn, unique } from './support';

// Every main page, with data in it: a screenshot of each as an artefact and an axe-core check.
test('every main page renders, with no serious accessibility violation', async ({ page, request }, testInfo) => {
  const id = unique();
  const token = await adminToken(request);
  const auth = { Authorization: `Bearer ${token}` };
  const { project, suite } = await projectWithSuite(request, auth, `P${id}`, `Page tour ${id}`, 'Sign-up');
  const created = await request.post('/api/tests', {
    headers: auth,
    data: {
      projectId: project.id, suiteId: suite.id, title: 'Register with a new address', priority: 'HIGH', tags: ['smoke'],
      steps: [{ index: 1, action: 'Open the sign-up form', expectedResult: 'The form shows' }, { index: 2, action: 'Send it', expectedResult: 'A mail arrives' }],
    },
  });
  expect(created.status()).toBe(201);
  const testCase = await created.json();
  const edited = await request.put(`/api/tests/${testCase.id}`, { headers: auth, data: { version: testCase.version, title: 'Register with a fresh address', steps: testCase.steps } });
  expect(edited.ok()).toBeTruthy();
  let run: { id: string } | undefined;
  await expect(async () => {
    const res = await request.post('/api/runs', { headers: auth, data: { projectId: project.id, name: `Tour ${id}` } });
    expect(res.status()).toBe(201);
    run = await res.json();
  }).toPass({ timeout: 60_000 });
  const executions = await (await request.get(`/api/runs/${run!.id}/executions`, { headers: auth })).json();

  for (const [name, path] of [['sign-in', '/sign-in'], ['register', '/register'], ['forgot-password', '/forgot-password'], ['reset-password', '/reset-password?token=x']]) {
    await page.goto(path);
    await checkPage(page, testInfo, name);
  }
  await signIn(page, admin.email, admin.password);
  const base = `/projects/${project.id}`;
  const pages: [string, string, RegExp | string][] = [
    ['projects', '/projects', 'Projects'],
    ['cases', `${base}/cases`, 'Test cases'],
    ['case-editor', `${base}/cases/${testCase.id}`, /Edit case/],
    ['case-history', `${base}/cases/${testCase.id}/history`, /History/],
    ['new-case', `${base}/cases/new`, 'New case'],
    ['runs', `${base}/runs`, 'Runs'],
    ['run', `${base}/runs/${run!.id}`, `Tour ${id}`],
    ['executor', `${base}/runs/${run!.id}/execute/${executions.items[0].id}`, /Register with a/],
    ['ci', `${base}/ci`, 'Send results from CI'],
    ['settings', `${base}/settings`, 'Project settings'],
    ['account', '/account', 'Your account'],
    ['admin-users', '/admin/users', 'Users'],
    ['admin-audit', '/admin/audit', 'Audit log'],
  ];
  for (const [name, path, heading] of pages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await checkPage(page, testInfo, name);
  }
  // The dark theme passes the same check.
  await page.goto(`${base}/runs/${run!.id}`);
  await page.getByRole('button', { name: 'Switch light/dark theme' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await checkPage(page, testInfo, 'run-dark');
});
