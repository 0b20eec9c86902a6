import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { freshApp } from './fixtures.ts';

test('a disabled customer managed key breaks the secrets that depend on it, and enabling it mends them', async ({ page }) => {
  await freshApp(page);
  await page.goto('/#/kms');
  await page.getByTestId('new-alias').fill('alias/app-secrets');
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByTestId('keys-table')).toContainText('alias/app-secrets');

  await page.goto('/#/secrets/new');
  await page.getByLabel('Other type of secret').check();
  await page.getByTestId('kv-value-0').fill('k-123');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByTestId('kms-key').selectOption('alias/app-secrets');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByTestId('secret-name').fill('app/api-key');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Store' }).click();
  await expect(page.getByRole('heading', { name: 'app/api-key' })).toBeVisible();

  await page.goto('/#/kms');
  await page.getByTestId('keys-table').getByRole('link').first().click();
  await expect(page.getByTestId('dependents')).toContainText('app/api-key');
  await page.getByRole('button', { name: 'Disable' }).click();
  await expect(page.getByTestId('key-state')).toHaveText('Disabled');
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: 'test-results/kms-key.png', fullPage: true });

  await page.getByTestId('dependents').getByRole('link', { name: 'app/api-key' }).click();
  await page.getByRole('button', { name: 'Retrieve secret value' }).click();
  await expect(page.getByTestId('error')).toHaveText(
    "DecryptionFailure: Secrets Manager can't decrypt the protected secret text using the provided KMS key.",
  );
  await page.goBack();
  await page.getByRole('button', { name: 'Enable' }).click();
  await page.getByTestId('dependents').getByRole('link', { name: 'app/api-key' }).click();
  await page.getByRole('button', { name: 'Retrieve secret value' }).click();
  await expect(page.getByTestId('secret-value')).toContainText('k-123');
});
