import { expect, test, type Page } from '@playwright/test';
import { admin, adminToken, checkPage, projectWithSuite, signIn, unique } from './support';

/** Types into the focused control, then moves on with Tab, as a keyboard user does. */
async function typeAndTab(page: Page, text: string) {
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

// Custom fields and shared steps in the project settings, tags changed on several cases at once,
// the trash, and a run over a configuration matrix: each through the UI, checked through the API.
test('a lead manages fields and shared steps, retags cases, restores from the trash and runs a matrix', async ({ page, request }, testInfo) => {
  const id = unique();
  const auth = { Authorization: `Bearer ${await adminToken(request)}` };
  const { project, suite } = await projectWithSuite(request, auth, `L${id}`, `Library ${id}`, 'Checkout');
  const newCase = async (title: string, tags: string[]) => {
    const res = await request.post('/api/tests', {
      headers: auth,
      data: { projectId: project.id, suiteId: suite.id, title, tags, steps: [{ index: 1, action: 'Open the basket', expectedResult: 'It shows' }] },
    });
    expect(res.status()).toBe(201);
    return (await res.json()) as { id: string; key: string; version: number };
  };
  const pay = await newCase('Pay by card', ['smoke', 'payments']);
  const refund = await newCase('Refund an order', ['smoke']);
  const coupon = await newCase('Apply a coupon', []);
  const base = `/projects/${project.id}`;

  await signIn(page, admin.email, admin.password);

  // A select field, entirely by keyboard: label, name, type by arrow keys, options, required, Enter.
  await page.goto(`${base}/settings`);
  await page.getByRole('tab', { name: 'Custom fields' }).click();
  await page.getByLabel('Label', { exact: true }).focus();
  await typeAndTab(page, 'Component');
  await typeAndTab(page, 'component');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Type', { exact: true })).toHaveValue('SELECT');
  await page.keyboard.press('Tab');
  await typeAndTab(page, 'Checkout, Search');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Add field' })).toBeFocused();
  await page.keyboard.press('Enter');
  const row = page.getByRole('row', { name: /Component/ });
  await expect(row).toContainText('Single choice');
  await expect(row).toContainText('Search');
  // A name the service refuses comes back in words, next to the field.
  await page.getByLabel('Label', { exact: true }).fill('Risk');
  await page.getByLabel('Name (for filters and CSV)').fill('Risk level');
  await page.getByRole('button', { name: 'Add field' }).click();
  await expect(page.getByRole('alert').first()).toContainText(/name/i);
  await page.getByLabel('Name (for filters and CSV)').fill('risk');
  await page.getByRole('button', { name: 'Add field' }).click();
  await expect(page.getByRole('row', { name: /Risk/ })).toBeVisible();
  // Editing keeps name and type, changes the options; a required field would stop every change
  // to the existing cases, which hold no value of it, so it becomes optional.
  await expect(row).toContainText('is required');
  await page.getByRole('button', { name: 'Edit Component' }).click();
  await expect(page.getByLabel('Name (for filters and CSV)')).toBeDisabled();
  await page.getByLabel('Options (comma-separated)').fill('Checkout, Search, Account');
  await page.getByLabel('Required on every case').uncheck();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(row).toContainText('Account');
  await checkPage(page, testInfo, 'settings-fields');
  const fields = await (await request.get(`/api/fields?projectId=${project.id}`, { headers: auth })).json();
  expect(fields.map((f: { name: string; options?: string[]; required: boolean }) => [f.name, f.options ?? [], f.required])).toEqual([
    ['component', ['Checkout', 'Search', 'Account'], false], ['risk', [], false],
  ]);
  // Deleting asks first.
  await page.getByRole('button', { name: 'Delete Risk' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('row', { name: /Risk/ })).toHaveCount(0);

  // Shared steps: a group of two steps, typed without the mouse.
  await page.getByRole('tab', { name: 'Shared steps' }).click();
  await page.getByRole('button', { name: 'New shared steps' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Group name').focus();
  await page.keyboard.type('Sign in as a shopper');
  await dialog.getByLabel('Step 1: Action').focus();
  await typeAndTab(page, 'Open the sign-in page');
  await page.keyboard.type('The form shows');
  await dialog.getByRole('button', { name: 'Add step' }).focus();
  await page.keyboard.press('Enter');
  await dialog.getByLabel('Step 2: Action').focus();
  await typeAndTab(page, 'Send the form');
  await page.keyboard.type('The basket shows');
  await checkPage(page, testInfo, 'shared-steps-editor');
  await dialog.getByRole('button', { name: 'Save' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('row', { name: /Sign in as a shopper/ })).toContainText('2 steps');
  await checkPage(page, testInfo, 'settings-shared-steps');
  const groups = await (await request.get(`/api/shared-steps?projectId=${project.id}`, { headers: auth })).json();
  expect(groups[0].steps.map((s: { action: string; expectedResult: string }) => [s.action, s.expectedResult])).toEqual([
    ['Open the sign-in page', 'The form shows'], ['Send the form', 'The basket shows'],
  ]);

  // Tags on two cases at once: add one, remove another.
  await page.goto(`${base}/cases`);
  await page.getByLabel(`${pay.key} Pay by card`).check();
  await page.getByLabel(`${refund.key} Refund an order`).check();
  await page.getByRole('button', { name: 'Change tags…' }).click();
  await page.getByLabel('Add tags').focus();
  await typeAndTab(page, 'Regression');
  await page.keyboard.type('smoke');
  await checkPage(page, testInfo, 'bulk-tags');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Tags changed on 2 cases.' })).toBeVisible();
  const tagsOf = async (c: { id: string }) => ((await (await request.get(`/api/tests/${c.id}`, { headers: auth })).json()).tags as string[]).sort();
  expect(await tagsOf(pay)).toEqual(['payments', 'regression']);
  expect(await tagsOf(refund)).toEqual(['regression']);
  expect(await tagsOf(coupon)).toEqual([]);

  // The case list filters by a custom field's value.
  const current = await (await request.get(`/api/tests/${pay.id}`, { headers: auth })).json();
  const valued = await request.put(`/api/tests/${pay.id}`, {
    headers: auth,
    data: { version: current.version, title: current.title, tags: current.tags, steps: current.steps, customFields: { component: 'Checkout' } },
  });
  expect(valued.status()).toBe(200);
  await page.reload();
  await page.getByRole('combobox', { name: 'Component' }).selectOption('Checkout');
  await expect(page).toHaveURL(/cf\.component=Checkout/);
  await expect(page.getByRole('row', { name: new RegExp(pay.key) })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(refund.key) })).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Component' }).selectOption('');
  await expect(page.getByRole('row', { name: new RegExp(refund.key) })).toBeVisible();

  // The trash: a deleted case is listed and comes back.
  expect((await request.delete(`/api/tests/${coupon.id}`, { headers: auth })).status()).toBe(204);
  await page.getByRole('link', { name: 'Trash' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Trash' })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(coupon.key) })).toContainText('Apply a coupon');
  await expect(page.getByRole('row', { name: new RegExp(pay.key) })).toHaveCount(0);
  await checkPage(page, testInfo, 'trash');
  await page.getByRole('button', { name: `Restore ${coupon.key}` }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 case restored.' })).toBeVisible();
  await expect(page.getByText('The trash is empty')).toBeVisible();
  expect((await request.get(`/api/tests/${coupon.id}`, { headers: auth })).status()).toBe(200);

  // A run of two cases over Browser × OS: four configurations, eight executions.
  await page.getByRole('link', { name: 'Test cases' }).first().click();
  await page.getByLabel(`${pay.key} Pay by card`).check();
  await page.getByLabel(`${refund.key} Refund an order`).check();
  await page.getByRole('button', { name: 'New run' }).click();
  await page.getByLabel('Run name').fill(`Matrix ${id}`);
  await expect(page.getByLabel('Dimension 1: Name')).toHaveValue('Browser');
  await page.getByLabel('Dimension 1: Values (comma-separated)').focus();
  await page.keyboard.type('Chrome, Firefox');
  await page.getByRole('button', { name: 'Add dimension' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Dimension 2: Name')).toHaveValue('OS');
  await page.getByLabel('Dimension 2: Values (comma-separated)').fill('Linux, Windows');
  await expect(page.getByTestId('matrix-preview')).toHaveText('4 configurations: Chrome / Linux · Chrome / Windows · Firefox / Linux · Firefox / Windows');
  await checkPage(page, testInfo, 'run-matrix');
  await expect(async () => {
    await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
    await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/, { timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  const runId = page.url().split('/').pop();
  const executions = (await (await request.get(`/api/runs/${runId}/executions?limit=100`, { headers: auth })).json()).items as { testCaseId: string; configuration: string }[];
  expect(executions).toHaveLength(8);
  expect([...new Set(executions.map((e) => e.configuration))].sort()).toEqual(['Chrome / Linux', 'Chrome / Windows', 'Firefox / Linux', 'Firefox / Windows']);
  expect([...new Set(executions.map((e) => e.testCaseId))].sort()).toEqual([pay.id, refund.id].sort());
  await expect(page.getByRole('cell', { name: 'Firefox / Windows' }).first()).toBeVisible();
});
