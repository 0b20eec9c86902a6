import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { freshApp } from './fixtures.ts';

test('Parameter Store: a free standard String and a SecureString under the AWS managed key, read back and deleted', async ({ page }) => {
  await freshApp(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Parameter Store' }).click();
  await expect(page.getByRole('heading', { name: 'Parameter Store', level: 1 })).toBeVisible();

  await page.getByTestId('parameter-name').fill('/checkout/flags/new-ui');
  await page.getByTestId('parameter-value-input').fill('on');
  await page.getByRole('button', { name: 'Save parameter' }).click();
  await expect(page.getByTestId('status')).toHaveText('Stored /checkout/flags/new-ui (PutParameter)');

  await page.getByTestId('parameter-name').fill('/orders/db/password');
  await page.getByTestId('parameter-type').selectOption('SecureString');
  await page.getByTestId('parameter-value-input').fill('s3cret-value');
  await page.getByRole('button', { name: 'Save parameter' }).click();
  await expect(page.getByRole('row', { name: /orders\/db\/password/ })).toContainText('alias/aws/ssm');

  // Storing the same name again without Overwrite is refused, as AWS refuses it.
  await page.getByTestId('parameter-name').fill('/checkout/flags/new-ui');
  await page.getByTestId('parameter-value-input').fill('off');
  await page.getByRole('button', { name: 'Save parameter' }).click();
  await expect(page.getByTestId('error')).toContainText('ParameterAlreadyExists');

  await page.getByRole('row', { name: /orders\/db\/password/ }).getByRole('button', { name: 'Show value' }).click();
  await expect(page.getByTestId('parameter-value')).toHaveText('s3cret-value');
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);

  await page.getByRole('row', { name: /checkout\/flags\/new-ui/ }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('parameters')).not.toContainText('new-ui');
  await page.goto('/#/log');
  await expect(page.locator('main')).toContainText('DeleteParameter');
});
