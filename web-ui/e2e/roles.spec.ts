import { expect, test } from '@playwright/test';
import { adminToken, signIn, unique } from './support';

test('a viewer is not offered what the role may not do, and is told why', async ({ page, request }) => {
  const id = unique();
  const auth = { Authorization: `Bearer ${await adminToken(request)}` };
  const viewer = { email: `viewer-${id.toLowerCase()}@example.com`, password: `viewer-pass-${id}-ok` };
  const project = await (await request.post('/api/projects', { headers: auth, data: { key: `V${id}`.slice(0, 10), name: `Read only ${id}` } })).json();
  expect((await request.post('/api/admin/users', { headers: auth, data: { ...viewer, name: `Vic ${id}`, role: 'DEVELOPER' } })).status()).toBe(201);
  expect((await request.post(`/api/projects/${project.id}/members`, { headers: auth, data: { email: viewer.email, role: 'VIEWER' } })).status()).toBe(201);

  await signIn(page, viewer.email, viewer.password);
  await expect(page.getByRole('button', { name: 'New project' }).first()).toBeDisabled();
  await page.goto(`/projects/${project.id}/cases`);
  const newCase = page.getByRole('button', { name: 'New case' });
  await expect(newCase).toBeDisabled();
  await expect(newCase).toHaveAttribute('title', /does not allow you to change test cases/);
  await expect(page.getByRole('button', { name: 'Import CSV' })).toBeDisabled();
  await page.goto(`/projects/${project.id}/runs`);
  await expect(page.getByRole('button', { name: 'New run' }).first()).toBeDisabled();
  await page.goto(`/projects/${project.id}/settings`);
  await expect(page.getByText('Your role: Viewer')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Archive project' })).toBeDisabled();
  await page.getByRole('tab', { name: 'API tokens' }).click();
  await expect(page.getByText('does not allow you to manage this project')).toBeVisible();
  // Custom fields and shared steps: read, not changed.
  await page.getByRole('tab', { name: 'Custom fields' }).click();
  await expect(page.getByRole('button', { name: 'Add field' })).toHaveCount(0);
  await expect(page.getByRole('tabpanel')).toContainText('does not allow you to manage this project');
  await page.getByRole('tab', { name: 'Shared steps' }).click();
  await expect(page.getByRole('button', { name: 'New shared steps' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'New shared steps' })).toHaveAttribute('title', /does not allow you to change test cases/);
  await page.goto(`/projects/${project.id}/cases/trash`);
  await expect(page.getByRole('button', { name: /Restore selected/ })).toHaveAttribute('title', /does not allow you to change test cases/);
  // An admin page answers in words, not with a blank screen.
  await page.goto('/admin/users');
  await expect(page.getByRole('alert')).toContainText('Only administrators');
});
