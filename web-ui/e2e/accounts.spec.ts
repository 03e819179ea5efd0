import { expect, test } from '@playwright/test';
import { admin, signIn, unique } from './support';

const MAIL_API = process.env.TESTTRACK_MAIL_API ?? 'http://localhost:8025';

test('register, confirm the address from the mail, sign in', async ({ page, request }) => {
  const id = unique().toLowerCase();
  const email = `new-${id}@example.com`;
  const password = `a-long-password-${id}`;
  await page.goto('/register');
  await page.getByLabel('Name').fill(`New ${id}`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create an account' }).click();
  await expect(page.getByText('must be at least 12 characters long')).toBeVisible();
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create an account' }).click();
  await expect(page.getByRole('status')).toContainText('mail');

  let link = '';
  await expect(async () => {
    const inbox = await (await request.get(`${MAIL_API}/api/user/${encodeURIComponent(email)}/messages/INBOX`)).text();
    // The mail may be quoted-printable: soft line breaks (escaped in the JSON) and "=" as =3D.
    const text = inbox.replace(/=(\\r)?\\n|=\r?\n/g, '').replace(/=3D/g, '=');
    const match = /\/verify-email\?token=([A-Za-z0-9_%.~-]+)/.exec(text);
    expect(match).not.toBeNull();
    link = `/verify-email?token=${match![1]}`;
  }).toPass({ timeout: 30_000 });
  await page.goto(link);
  await expect(page.getByRole('status')).toContainText('confirmed');
  await signIn(page, email, password);
  await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible();
});

test('a reload keeps the session; signing out sends to sign-in and back afterwards', async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await page.goto('/account');
  // A navigation renews the session from the refresh cookie (the refresh token rotates). A reload
  // racing that renewal is covered by auth-service's AuthFlowTest; here the renewal lands first.
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  await page.reload();
  // The access token lived in memory only: the refresh cookie brought the session back.
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).not.toContain('eyJ');

  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto('/admin/audit');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin%2Faudit/);
  await page.getByLabel('E-mail').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
});

test('a wrong password is answered in words', async ({ page }) => {
  await page.goto('/sign-in');
  // An address of its own, so that failed-login throttling never touches the admin's account.
  await page.getByLabel('E-mail').fill(`nobody-${unique().toLowerCase()}@example.com`);
  await page.getByLabel('Password').fill('not-the-password-at-all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).not.toBeEmpty();
  await expect(page).toHaveURL(/\/sign-in/);
});
