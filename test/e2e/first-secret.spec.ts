import { expect, test } from '@playwright/test';

test('a learner creates a secret and reads it back in the browser', async ({ page, baseURL }) => {
  const offPage: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(baseURL!) && !request.url().startsWith('data:')) offPage.push(request.url());
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'SecretsLab' })).toBeVisible();
  await page.getByLabel('Secret name').fill('lab/first');
  await page.getByLabel('Secret value').fill('s3cr3t-value');
  await page.getByRole('button', { name: 'Create secret' }).click();
  await expect(page.getByTestId('status')).toContainText(
    /Created arn:aws:secretsmanager:us-east-1:111122223333:secret:lab\/first-[A-Za-z0-9]{6}/,
  );
  await page.getByRole('button', { name: 'Retrieve value of lab/first' }).click();
  await expect(page.getByTestId('secret-value')).toHaveText('s3cr3t-value');

  // The real AWS SDK, lazily loaded, reads the same secret through the in-page engine: no request leaves the page.
  await page.getByRole('button', { name: 'Read lab/first with the AWS SDK' }).click();
  await expect(page.getByTestId('sdk-value')).toHaveText('s3cr3t-value');
  expect(offPage).toEqual([]);

  // The same name again is refused with AWS's own error.
  await page.getByRole('button', { name: 'Create secret' }).click();
  await expect(page.getByTestId('status')).toHaveText(
    'ResourceExistsException: The operation failed because the secret lab/first already exists.',
  );
  await page.screenshot({ path: 'test-results/first-secret.png', fullPage: true });
});
