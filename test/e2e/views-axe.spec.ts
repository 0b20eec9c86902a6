import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { createDatabaseSecret, freshApp } from './fixtures.ts';

// The views whose own specs do not run axe: each is opened with something on it, checked, and photographed.
test('home, IAM, call log, the schedule and a rotation page in progress have no axe violations', async ({ page }) => {
  await freshApp(page);
  const violations = async (view: string) => {
    const results = await new AxeBuilder({ page }).analyze();
    await page.screenshot({ path: `test-results/view-${view}.png`, fullPage: true });
    return results.violations.map((v) => `${view}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  };
  const found: string[] = [];
  found.push(...(await violations('home')));

  await createDatabaseSecret(page, 'prod/orders/db', { userName: 'orders_app' });
  await page.getByTestId('secret-rotation').click();
  await expect(page.getByRole('heading', { name: 'Rotation: prod/orders/db' })).toBeVisible();
  await page.getByTestId('attach-db').click();
  await page.getByTestId('schedule').fill('rate(1 day)');
  await page.getByTestId('enable-rotation').click();
  await page.getByTestId('next-step').click();
  await expect(page.getByTestId('run-state')).toHaveText('createSecret');
  found.push(...(await violations('rotation')));

  await page.getByRole('button', { name: /^Scheduled/ }).click();
  await expect(page.locator('ul[data-testid="schedule"]')).toBeVisible();
  found.push(...(await violations('schedule')));

  await page.goto('/#/iam');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  found.push(...(await violations('iam')));

  await page.goto('/#/log');
  await expect(page.locator('main')).toContainText('RotateSecret');
  found.push(...(await violations('call-log')));
  expect(found).toEqual([]);
});
