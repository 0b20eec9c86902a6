import { expect, test } from '@playwright/test';
import { createDatabaseSecret, freshApp } from './fixtures.ts';

test('enable rotation on an RDS secret, watch the four steps and the labels move, then break testSecret and see the failure', async ({ page }) => {
  await freshApp(page);
  await createDatabaseSecret(page, 'prod/orders/db', { userName: 'orders_app' });
  const arn = (await page.locator('dd code').first().textContent())!.trim();
  expect(arn).toMatch(/^arn:aws:secretsmanager:/);

  await expect(page.getByTestId('secret-rotation')).toContainText('Not configured');
  await page.getByTestId('secret-rotation').click();
  await expect(page).toHaveURL(new RegExp(`#/secrets/${encodeURIComponent(arn).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/rotation$`));
  await expect(page.getByRole('heading', { name: 'Rotation: prod/orders/db' })).toBeVisible();
  await expect(page.getByTestId('rotation-enabled')).toHaveText('never configured');
  await page.getByTestId('attach-db').click();
  await expect(page.getByTestId('rotation-status')).toContainText('Created a simulated database');
  await page.getByTestId('schedule').fill('rate(1 day)');
  await page.getByTestId('enable-rotation').click();
  await expect(page.getByTestId('rotation-enabled')).toHaveText('on');
  const rows = page.getByTestId('label-row');
  await expect(page.getByTestId('labels').locator('[data-label="AWSPENDING"]')).toHaveCount(1);

  // Step by step on virtual time: each click runs the next invocation of the rotation function.
  const seen: string[] = [];
  for (let i = 0; i < 5; i++) {
    await page.getByTestId('next-step').click();
    seen.push((await page.getByTestId('run-state').textContent())!.trim());
  }
  expect(seen).toEqual(['createSecret', 'setSecret', 'testSecret', 'finishSecret', 'succeeded']);
  await expect(page.getByTestId('step')).toHaveCount(4);
  await expect(page.locator('[data-testid="step"][data-outcome="succeeded"]')).toHaveCount(4);
  await expect(page.locator('[data-testid="statechart"] [data-state="succeeded"]')).toHaveClass(/current/);
  // AWSCURRENT moved to the new version; the old one became AWSPREVIOUS.
  const rotated = rows.filter({ has: page.locator('[data-label="AWSPENDING"]') });
  await expect(rotated.locator('[data-label="AWSCURRENT"]')).toHaveCount(1);
  await expect(page.getByTestId('labels').locator('[data-label="AWSPREVIOUS"]')).toHaveCount(1);
  await expect(page.getByTestId('rotation-events').locator('[data-event="RotationSucceeded"]')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/rotation-succeeded.png', fullPage: true });

  // Break testSecret: the run fails there, the pending version stays, and RotationFailed is recorded.
  await page.getByTestId('fault-step').selectOption('testSecret');
  await page.getByTestId('fault-kind').selectOption('wrongPassword');
  await page.getByTestId('inject-fault').click();
  await page.getByTestId('rotate-now').click();
  await page.getByTestId('finish-run').click();
  await expect(page.getByTestId('run-state')).toHaveText('failed');
  await expect(page.locator('[data-testid="step"][data-step="testSecret"]')).toHaveAttribute('data-outcome', 'failed');
  await expect(page.getByTestId('run-cause')).toContainText('testSecret: Unable to log into database with pending secret');
  await expect(page.getByTestId('rotation-events').locator('[data-event="RotationFailed"]')).toHaveCount(1);
  await expect(page.getByTestId('rotation-events')).toContainText('UTC — step testSecret: Unable to log into database');
  await expect(page.locator('dt:text-is("Rules") + dd')).toHaveText('rate(1 day)');
  await expect(page.getByTestId('labels').locator('[data-label="AWSPENDING"]')).toHaveCount(1);
  await expect(page.getByTestId('connections')).toBeVisible();
  await page.screenshot({ path: 'test-results/rotation-failed.png', fullPage: true });
});
