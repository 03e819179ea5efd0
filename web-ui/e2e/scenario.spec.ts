import { expect, test } from '@playwright/test';
import { admin, signIn, unique } from './support';

// The working day in one test: an admin sets up a project and a tester; the tester writes a case,
// runs it, fails step 2 with an actual result and a screenshot; both see the same progress.
test('admin sets up, tester executes a run, both see the same progress', async ({ browser }) => {
  const id = unique();
  const key = `E${id}`.slice(0, 10);
  const tester = { name: `Tess ${id}`, email: `tester-${id.toLowerCase()}@example.com`, password: `tester-pass-${id}-ok` };

  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, admin.email, admin.password);

  // Admin creates the project.
  await adminPage.getByRole('button', { name: 'New project' }).first().click();
  await adminPage.getByLabel('Key').fill(key);
  await adminPage.getByLabel('Name', { exact: true }).fill(`Web shop ${id}`);
  await adminPage.getByRole('button', { name: 'Create' }).click();
  await expect(adminPage).toHaveURL(/\/projects\/[0-9a-f-]{36}\/cases$/);
  const projectUrl = adminPage.url().replace(/\/cases$/, '');

  // Admin creates the tester's account and adds them to the project.
  await adminPage.goto('/admin/users');
  await adminPage.getByRole('button', { name: 'New user' }).click();
  const dialog = adminPage.getByRole('dialog');
  await dialog.getByLabel('Name').fill(tester.name);
  await dialog.getByLabel('E-mail').fill(tester.email);
  await dialog.getByLabel('Global role').selectOption('TESTER');
  await dialog.getByLabel(/^Password/).fill(tester.password);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(adminPage.getByRole('cell', { name: tester.email })).toBeVisible();

  await adminPage.goto(`${projectUrl}/settings`);
  await adminPage.getByRole('tab', { name: 'Members' }).click();
  await adminPage.getByLabel('Member e-mail').fill(tester.email);
  await adminPage.getByLabel('Role', { exact: true }).selectOption('TESTER');
  await adminPage.getByRole('button', { name: 'Add member' }).click();
  await expect(adminPage.getByRole('cell', { name: tester.email })).toBeVisible();

  // The tester signs in, in a browser of their own.
  const testerContext = await browser.newContext();
  const page = await testerContext.newPage();
  await signIn(page, tester.email, tester.password);
  await page.getByRole('link', { name: new RegExp(`Web shop ${id}`) }).click();
  await expect(page).toHaveURL(/\/cases$/);

  // A suite, then a case with three steps in it.
  await page.getByRole('button', { name: 'New suite' }).click();
  await page.getByLabel('Suite name').fill('Checkout');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('button', { name: 'Checkout', exact: true }).click();
  await page.getByRole('link', { name: 'New case' }).click();
  await page.getByLabel('Title').fill('Pay with a saved card');
  await expect(page.getByLabel('Suite')).toHaveValue(/[0-9a-f-]{36}/);
  const steps = [
    ['Open the cart with one item', 'The cart shows the item'],
    ['Pay with the saved card', 'The order is confirmed'],
    ['Open the order history', 'The order is listed'],
  ];
  for (const [i, [action, expected]] of steps.entries()) {
    if (i > 0) await page.getByRole('button', { name: 'Add step' }).click();
    await page.getByLabel(`Step ${i + 1}: Action`).fill(action);
    await page.getByLabel(`Step ${i + 1}: Expected result`).fill(expected);
  }
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: /· Edit case/ })).toBeVisible();

  // A run of the whole project. A new case reaches the run service through its event a moment
  // later; until then the API says the selection is empty, and the tester tries again.
  await page.getByRole('link', { name: 'Runs' }).click();
  await page.getByRole('button', { name: 'New run' }).first().click();
  await page.getByLabel('Run name').fill(`Release ${id}`);
  await expect(async () => {
    await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
    await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/, { timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  const runUrl = page.url();
  await expect(page.getByTestId('run-counts').locator('[data-status=NOT_RUN]')).toHaveText('1');

  // The executor, by keyboard: pass step 1, fail step 2 with what happened and a screenshot, pass step 3.
  await page.getByRole('button', { name: 'Execute' }).click();
  await expect(page.getByTestId('current-step')).toContainText('Open the cart with one item');
  await page.keyboard.press('p');
  await expect(page.getByTestId('current-step')).toContainText('Pay with the saved card');
  await page.getByLabel('Actual result').fill('The payment page answered "card declined"');
  await page.keyboard.press('Escape');
  await page.keyboard.press('f');
  await expect(page.getByTestId('current-step')).toContainText('Open the order history');
  await page.keyboard.press('k');
  await expect(page.getByTestId('current-step')).toContainText('Pay with the saved card');
  const screenshot = await page.screenshot();
  const dataTransfer = await page.evaluateHandle((b64) => {
    const dt = new DataTransfer();
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    dt.items.add(new File([bytes], 'card-declined.png', { type: 'image/png' }));
    return dt;
  }, screenshot.toString('base64'));
  await page.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('attachments').getByRole('img', { name: 'card-declined.png' })).toBeVisible();
  await page.keyboard.press('j');
  await page.keyboard.press('p');
  await expect(page.getByRole('list', { name: 'Steps' }).getByText('Fail', { exact: true })).toHaveCount(1);
  await expect(page.getByRole('list', { name: 'Steps' }).getByText('Pass', { exact: true })).toHaveCount(2);
  await expect(page.getByText('Not saved yet')).toHaveCount(0);

  // The actual result was kept with step 2.
  await page.reload();
  await page.getByRole('button', { name: /Pay with the saved card/ }).click();
  await expect(page.getByLabel('Actual result')).toHaveValue('The payment page answered "card declined"');

  // The run's progress, for the tester and, in another browser, for the admin.
  for (const p of [page, adminPage]) {
    await p.goto(runUrl);
    await expect(p.getByTestId('run-progress')).toHaveText('100%');
    await expect(p.getByTestId('run-counts').locator('[data-status=FAILED]')).toHaveText('1');
    await expect(p.getByTestId('run-counts').locator('[data-status=PASSED]')).toHaveText('0');
    await expect(p.getByTestId('run-counts').locator('[data-status=NOT_RUN]')).toHaveText('0');
  }
  await adminContext.close();
  await testerContext.close();
});
