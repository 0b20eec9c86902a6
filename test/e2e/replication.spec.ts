import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { freshApp } from './fixtures.ts';

const SHARE_WITH_DEVELOPMENT = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'DevelopmentReads', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }],
});

test('the wizard stores a secret with a replica and a resource policy; the replica opens in its region and is promoted', async ({ page }) => {
  await freshApp(page);
  await page.goto('/#/secrets/new');
  await page.getByLabel('Other type of secret').check();
  await page.getByTestId('kv-value-0').fill('k-dr');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByTestId('secret-name').fill('dr/api-key');
  await page.getByRole('checkbox', { name: 'us-west-2' }).check();
  await page.getByTestId('wizard-resource-policy').fill(SHARE_WITH_DEVELOPMENT);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByText('AddReplicaRegions')).toBeVisible();
  await page.getByRole('button', { name: 'Store' }).click();

  await expect(page.getByRole('heading', { name: 'dr/api-key' })).toBeVisible();
  await expect(page.getByTestId('replicas')).toContainText('us-west-2');
  await expect(page.getByTestId('replicas')).toContainText('InSync');
  await expect(page.getByTestId('resource-policy')).toHaveValue(/DevelopmentReads/);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);

  await page.getByTestId('replicas').getByRole('button', { name: 'Open' }).click();
  await expect(page).toHaveURL(/us-west-2/);
  await expect(page.getByText('This is a read-only replica of the secret in')).toBeVisible();
  await page.getByRole('button', { name: 'Retrieve secret value' }).click();
  await expect(page.getByTestId('secret-value')).toContainText('k-dr');
  await page.getByTestId('promote-replica').click();
  await expect(page.getByTestId('status')).toContainText('StopReplicationToReplica');
  await expect(page.getByText('This is a read-only replica of the secret in')).toHaveCount(0);
});

test('a bad resource policy in the wizard stops before anything is created, with the reason', async ({ page }) => {
  await freshApp(page);
  await page.goto('/#/secrets/new');
  await page.getByLabel('Other type of secret').check();
  await page.getByTestId('kv-value-0').fill('x');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByTestId('secret-name').fill('never/made');
  await page.getByTestId('wizard-resource-policy').fill('{"Version": "2012-10-17", "Statement": [');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Store' }).click();
  await expect(page.getByTestId('error')).toBeVisible();
  await page.goto('/#/secrets');
  await expect(page.getByRole('link', { name: 'never/made' })).toHaveCount(0);
});

test('a key policy edited in the KMS console keeps what is typed and is saved with PutKeyPolicy', async ({ page }) => {
  await freshApp(page);
  await page.goto('/#/kms');
  await page.getByTestId('new-alias').fill('alias/edited');
  await page.getByRole('button', { name: 'Create key' }).click();
  await page.getByTestId('keys-table').getByRole('link').first().click();
  const box = page.getByLabel('Policy (JSON)');
  const edited = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'EnableIamPolicies', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' }, { Sid: 'TypedByHand', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'kms:Decrypt', Resource: '*' }],
  });
  await box.fill(edited);
  await box.press('End');
  await box.type(' ');
  await expect(box).toHaveValue(`${edited} `);
  await page.getByRole('button', { name: 'Save key policy' }).click();
  await expect(page.getByText('Saved the key policy (PutKeyPolicy)')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Policy (JSON)')).toHaveValue(/TypedByHand/);
});
