import { expect, test } from '@playwright/test';
import { createDatabaseSecret, freshApp } from './fixtures.ts';
import AxeBuilder from '@axe-core/playwright';

test('a newcomer stores a database secret, reads it, versions it, is denied, deletes it and gets it back', async ({ page, baseURL }) => {
  const offPage: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(baseURL!) && !request.url().startsWith('data:') && !request.url().startsWith('blob:')) offPage.push(request.url());
  });
  await freshApp(page);
  await createDatabaseSecret(page, 'prod/app/db');

  await page.getByRole('button', { name: 'Retrieve secret value' }).click();
  await expect(page.getByTestId('secret-value')).toContainText('"engine": "mysql"');
  await expect(page.getByTestId('version')).toHaveCount(1);

  // The AWS SDK for JavaScript, loaded on demand, reads the same value inside the page.
  await page.getByRole('button', { name: 'Retrieve with the AWS SDK for JavaScript' }).click();
  await expect(page.getByTestId('sdk-value')).toContainText('"username":"admin"');

  await page.getByTestId('new-value').fill('{"username":"admin","password":"second"}');
  await page.getByRole('button', { name: 'Store new version' }).click();
  await expect(page.getByTestId('status')).toHaveText('Stored a new version (PutSecretValue)');
  await expect(page.getByTestId('versions')).toContainText('AWSPREVIOUS');
  await expect(page.getByTestId('version')).toHaveCount(2);

  // Another account's administrator has no grant on this secret: AWS's own denial, as the console shows it.
  await page.getByTestId('acting-as').selectOption('arn:aws:iam::444455556666:user/admin');
  await expect(page.getByTestId('error')).toContainText(
    'AccessDeniedException: User: arn:aws:iam::444455556666:user/admin is not authorized to perform: secretsmanager:DescribeSecret',
  );
  await page.getByTestId('acting-as').selectOption('arn:aws:iam::111122223333:user/admin');

  await page.getByTestId('recovery-window').fill('7');
  await page.getByRole('button', { name: 'Schedule deletion' }).click();
  await expect(page.getByText('This secret is scheduled for deletion')).toBeVisible();
  await page.getByTestId('advance-days').fill('8');
  await page.getByRole('button', { name: 'Advance', exact: true }).click();
  await expect(page.getByTestId('clock')).toContainText('2026-01-09');
  await expect(page.getByTestId('error')).toHaveText("ResourceNotFoundException: Secrets Manager can't find the specified secret.");

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('This secret is scheduled for deletion')).toBeVisible();
  await page.screenshot({ path: 'test-results/secret-detail.png', fullPage: true });

  // Saved work survives a reload.
  await page.waitForTimeout(400);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'prod/app/db' })).toBeVisible();
  await expect(page.getByTestId('versions')).toContainText('AWSPREVIOUS');
  expect(offPage).toEqual([]);
});

test('the secrets list searches, pages and passes axe', async ({ page }) => {
  await freshApp(page);
  for (const name of ['team-a/db', 'team-b/db']) await createDatabaseSecret(page, name);
  await page.goto('/#/secrets');
  await expect(page.getByTestId('secrets-table').getByRole('row')).toHaveCount(3);
  await page.getByTestId('secret-search').fill('team-b');
  await expect(page.getByTestId('secrets-table').getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('link', { name: 'team-b/db' })).toBeVisible();
  await page.screenshot({ path: 'test-results/secrets-list.png', fullPage: true });
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('a bad import file is refused with a clear message and the world is kept', async ({ page }) => {
  await freshApp(page);
  await createDatabaseSecret(page, 'keep/me');
  await page.getByTestId('import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"schemaVersion": 1, "seed": 5}') });
  await expect(page.getByTestId('import-message')).toContainText('That file is not a SecretsLab world');
  await expect(page.getByTestId('import-message')).toContainText('Your current world is unchanged.');
  await page.goto('/#/secrets');
  await expect(page.getByRole('link', { name: 'keep/me' })).toBeVisible();
});

test('a user with no policy is denied, and a policy grants exactly what it says', async ({ page }) => {
  await freshApp(page);
  await createDatabaseSecret(page, 'prod/app/db');
  await page.goto('/#/iam');
  await page.getByTestId('new-user').fill('bob');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByTestId('principals')).toContainText('arn:aws:iam::111122223333:user/bob');

  await page.getByTestId('acting-as').selectOption('arn:aws:iam::111122223333:user/bob');
  await page.goto('/#/secrets');
  await expect(page.getByTestId('error')).toHaveText(
    'AccessDeniedException: User: arn:aws:iam::111122223333:user/bob is not authorized to perform: secretsmanager:ListSecrets because no identity-based policy allows the secretsmanager:ListSecrets action',
  );

  // The administrator grants bob one action, GetSecretValue; the console's listing needs ListSecrets, still refused.
  await page.getByTestId('acting-as').selectOption('arn:aws:iam::111122223333:user/admin');
  await page.goto('/#/iam');
  await page.getByTestId('policy-target').selectOption('user:bob');
  await page.getByRole('button', { name: 'Put inline policy' }).click();
  await expect(page.getByTestId('status')).toHaveText('Put inline policy ReadOneSecret (PutUserPolicy)');
  await page.getByTestId('acting-as').selectOption('arn:aws:iam::111122223333:user/bob');
  await page.goto('/#/iam');
  await page.screenshot({ path: 'test-results/iam.png', fullPage: true });
  await page.goto('/#/secrets');
  await expect(page.getByTestId('error')).toContainText('not authorized to perform: secretsmanager:ListSecrets');
});
