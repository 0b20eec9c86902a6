import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { createDatabaseSecret, freshApp } from './fixtures.ts';

test('a learner creates secrets, moves time 30 days, reads the bill, and sees a what-if follow the cache TTL', async ({ page }) => {
  await freshApp(page);
  await createDatabaseSecret(page, 'prod/orders/db');
  await createDatabaseSecret(page, 'prod/search/db');
  await page.getByRole('button', { name: '+30 days' }).click();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Costs' }).click();
  await expect(page.getByRole('heading', { name: 'Bill for 2026-01 so far' })).toBeVisible();
  // Two secrets for 720 of January's 744 hours: 2 × $0.40 × 720 / 744 = $0.774…
  const secrets = page.locator('[data-line="secretsmanager/secret/active/us-east-1"]');
  await expect(secrets).toContainText('Secrets (us-east-1)');
  await expect(secrets).toContainText('1,440 hours');
  await expect(secrets).toContainText('$0.77');
  await expect(page.locator('[data-line="secretsmanager/api-requests"]')).toContainText('$0.05 per 10,000 API calls');
  // Secrets Manager encrypted each new secret through KMS on the learner's behalf: billed to them, inside the free tier.
  await expect(page.locator('[data-line="kms/requests"]')).toContainText('free');
  await expect(page.getByTestId('bill-total')).toHaveText('$0.77');
  await expect(page.getByTestId('spend-chart')).toBeVisible();

  // The what-if panel: the same design with a 5-minute cache, then a 10-minute one.
  const alternative = page.getByTestId('whatif-alternative-total');
  await expect(page.getByTestId('whatif-explanation')).toContainText('Cache TTL 300 s saves');
  const withFiveMinutes = await alternative.textContent();
  await page.getByTestId('whatif-cache-ttl').fill('600');
  await expect(page.getByTestId('whatif-explanation')).toContainText('Cache TTL 600 s saves');
  await expect(alternative).not.toHaveText(withFiveMinutes!);
  await expect(page.getByTestId('whatif-delta')).toContainText('−$');

  // A thousand clients reading every 50 ms without a cache: half of them throttled.
  await page.getByTestId('traffic-clients').fill('1000');
  await page.getByTestId('traffic-interval').fill('0.05');
  await expect(page.getByTestId('projection-throttled')).toContainText('50% throttled');
  await page.screenshot({ path: 'test-results/costs-view.png', fullPage: true });

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
