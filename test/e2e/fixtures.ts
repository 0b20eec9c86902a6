import { expect, type Page } from '@playwright/test';

/** Opens the app on a new world: saved work from an earlier test would otherwise be restored. */
export async function freshApp(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase('secretslab');
        request.onsuccess = request.onerror = request.onblocked = () => resolve();
      }),
  );
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welcome to SecretsLab' })).toBeVisible();
}

/**
 * Stores a database secret through the console's wizard (a generated password, every other field at its default)
 * and waits for its page; returns the generated password.
 */
export async function createDatabaseSecret(page: Page, name: string, options: { userName?: string } = {}): Promise<string> {
  await page.goto('/#/secrets/new');
  await page.getByLabel('Credentials for Amazon RDS database').check();
  if (options.userName) await page.getByLabel('User name').fill(options.userName);
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByTestId('password')).toHaveValue(/.{32}/);
  const password = await page.getByTestId('password').inputValue();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByTestId('secret-name').fill(name);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Store' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  return password;
}
