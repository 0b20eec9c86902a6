import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

interface LabHook {
  markers(slot: string): { line: number; column: number; severity: number; code: string | undefined; message: string }[];
  decorations(slot: string): { startLine: number; endLine: number; className: string }[];
  value(slot: string): string | undefined;
}

type Hooked = Window & { __policyLab?: LabHook };
// page.evaluate runs through the debugger protocol, so the page's CSP (no eval) does not stop it.
const markers = (page: Page, slot: string) => page.evaluate((s) => (window as Hooked).__policyLab?.markers(s), slot);
const decorations = (page: Page, slot: string) => page.evaluate((s) => (window as Hooked).__policyLab?.decorations(s), slot);
const value = (page: Page, slot: string) => page.evaluate((s) => (window as Hooked).__policyLab?.value(s), slot);

async function openLab(page: Page) {
  await page.goto('/#/policy-lab');
  await expect(page.getByRole('heading', { name: 'Policy Lab', level: 1 })).toBeVisible();
  await expect(page.getByTestId('policy-editor')).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => {
    localStorage.removeItem('secretslab:policy-lab');
    localStorage.removeItem('secretslab:policy-lab:unreadable');
  });
});

test('Monaco is not in the initial page: it loads when the Policy Lab opens', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto('/#/secrets');
  await expect(page.getByRole('link', { name: 'Policy Lab' })).toBeVisible();
  expect(scripts.filter((path) => path.includes('monaco'))).toEqual([]);
  await page.getByRole('link', { name: 'Policy Lab' }).click();
  await expect(page.getByTestId('policy-editor')).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
  expect(scripts.some((path) => path.includes('monaco-loader'))).toBe(true);
});

test('type a bad policy and see its marker; evaluate a situation and see the deciding statement highlighted; axe finds nothing', async ({ page }) => {
  // The longest browser test (Monaco, three situations, axe, a full-page screenshot): on a busy 2-core machine it
  // needs more than the default 30 s.
  test.slow();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await openLab(page);

  // An empty slot, typed into: Monaco closes brackets and quotes itself (stack-notes gotcha 20), so only the
  // opening halves are typed; then Format Document (Shift+Alt+F) puts each element on its own line.
  await page.getByRole('tab', { name: /Session policy/ }).click();
  await page.getByTestId('policy-editor').locator('.view-lines').click();
  await page.keyboard.type('{"Version": "2012-10-17", "Statement": [{"Effect": "Maybe", "Action": "secretsmanager:GetSecretValue", "Resource": "*"');
  await page.keyboard.press('Escape');
  await expect.poll(() => value(page, 'session')).toMatch(/\}\]\}$/);
  await page.keyboard.press('Shift+Alt+F');
  await expect.poll(async () => ((await value(page, 'session')) ?? '').split('\n').length).toBeGreaterThan(5);
  const typed = await value(page, 'session');
  expect(JSON.parse(typed ?? 'null')).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Maybe', Action: 'secretsmanager:GetSecretValue', Resource: '*' }] });
  const effectLine = (typed ?? '').split('\n').findIndex((line) => line.includes('"Maybe"')) + 1;
  await expect.poll(() => markers(page, 'session')).toEqual([
    expect.objectContaining({ line: effectLine, code: 'INVALID_EFFECT', severity: 8, message: expect.stringContaining('Maybe') }),
  ]);
  await expect(page.locator('.squiggly-error')).not.toHaveCount(0);
  await expect(page.getByTestId('findings')).toContainText(`Line ${effectLine}, column`);
  await expect(page.getByRole('tab', { name: /Session policy/ })).toContainText('1 error');

  // Evaluating with a policy that does not parse says where, instead of deciding.
  await page.getByTestId('evaluate').click();
  await expect(page.getByTestId('lab-problems')).toContainText(`Session policy, line ${effectLine}, column`);

  // A situation: the SCP's explicit deny beats the admin; its statement is highlighted as a Deny.
  await page.getByTestId('preset-scp-deny-beats-admin').click();
  await expect(page.getByTestId('lesson')).toContainText('explicit deny');
  await page.getByTestId('evaluate').click();
  await expect(page.getByTestId('decision')).toContainText('Explicit deny');
  await expect(page.getByTestId('access-denied')).toHaveText(
    'AccessDeniedException: User: arn:aws:iam::111122223333:user/admin is not authorized to perform: secretsmanager:DeleteSecret on resource: arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-AbCdEf with an explicit deny in a service control policy',
  );
  await expect(page.getByRole('tab', { name: /SCP/ })).toHaveAttribute('aria-selected', 'true');
  const scpText = (await value(page, 'scp')) ?? '';
  const sidLine = scpText.split('\n').findIndex((line) => line.includes('NoSecretDeletion')) + 1;
  await expect.poll(() => decorations(page, 'scp')).toEqual([expect.objectContaining({ className: 'pl-deciding-deny' })]);
  const [deny] = (await decorations(page, 'scp')) ?? [];
  expect(deny!.startLine).toBeLessThanOrEqual(sidLine);
  expect(deny!.endLine).toBeGreaterThanOrEqual(sidLine);
  await expect(page.locator('.pl-deciding-deny').first()).toBeVisible();

  // Cross-account read: three grants, each highlighted as an Allow in its own editor.
  await page.getByTestId('preset-cross-account-three-grants').click();
  await page.getByTestId('evaluate').click();
  await expect(page.getByTestId('decision')).toContainText('Allow');
  for (const slot of ['identity-1', 'resource', 'key']) {
    await expect.poll(async () => ((await decorations(page, slot)) ?? []).map((d) => d.className)).toContain('pl-deciding-allow');
  }
  await expect(page.getByTestId('matrix')).toContainText('Implicit deny');
  await expect(page.locator('.pl-deciding-allow').first()).toBeVisible();

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.screenshot({ path: 'test-results/policy-lab.png', fullPage: true });

  // Emptying the key policy removes one of the three grants' KMS step; removing the secret policy denies.
  await page.getByRole('tab', { name: /Secret policy/ }).click();
  await page.getByRole('button', { name: 'Empty this policy' }).click();
  await page.getByTestId('evaluate').click();
  await expect(page.getByTestId('decision')).toContainText('Implicit deny');
  await expect(page.getByRole('tab', { name: /Secret policy/ })).toContainText('no Allow');
  expect(consoleErrors).toEqual([]);
});

test('nothing typed is lost on reload, and a corrupt saved lab falls back to the first situation with a message', async ({ page }) => {
  await openLab(page);
  await page.getByTestId('preset-secret-policy-requires-vpce').click();
  await page.getByTestId('req-context').fill('aws:SourceVpce=vpce-0a1b2c3d4e5f67890');
  await page.getByRole('tab', { name: /Identity policy 2/ }).click();
  await page.getByTestId('policy-editor').locator('.view-lines').click();
  await page.keyboard.type('{"Statement": [');
  await page.keyboard.press('Escape');
  await expect.poll(() => value(page, 'identity-2')).toBe('{"Statement": []}');
  await page.waitForTimeout(500);
  await page.reload();
  await expect(page.getByTestId('policy-editor')).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
  await expect.poll(() => value(page, 'identity-2')).toBe('{"Statement": []}');
  await expect.poll(async () => (await value(page, 'resource')) ?? '').toContain('OnlyThroughTheEndpoint');
  await expect(page.getByTestId('req-context')).toHaveValue('aws:SourceVpce=vpce-0a1b2c3d4e5f67890');
  await page.getByTestId('evaluate').click();
  await expect(page.getByTestId('lab-problems')).toBeHidden();
  await expect(page.getByTestId('decision')).toContainText('Allow');

  // Leaving the lab saves it; a saved lab corrupted meanwhile is refused when the lab opens again.
  await page.getByRole('link', { name: 'Secrets', exact: true }).click();
  await page.evaluate(() => localStorage.setItem('secretslab:policy-lab', '{"version": 1, "texts": 42'));
  await page.getByRole('link', { name: 'Policy Lab' }).click();
  await expect(page.getByTestId('lab-notice')).toContainText('could not be read (it is not valid JSON)');
  await expect(page.getByTestId('policy-editor')).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
  await expect.poll(async () => (await value(page, 'resource')) ?? '').toContain('LetReaderRoleRead');
  expect(await page.evaluate(() => localStorage.getItem('secretslab:policy-lab:unreadable'))).toBe('{"version": 1, "texts": 42');
});

test('the editor completes actions and condition keys from the catalogue and shows the grammar on hover', async ({ page }) => {
  await openLab(page);
  await page.getByRole('tab', { name: /Identity policy 2/ }).click();
  await page.getByTestId('policy-editor').locator('.view-lines').click();
  await page.keyboard.type('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "secretsmanager:GetS');
  await page.keyboard.press('Control+Space');
  await expect(page.locator('.suggest-widget')).toContainText('secretsmanager:GetSecretValue');
  await page.keyboard.press('Escape');
  // The line ends `GetS"}]}`: step back over the three closers Monaco added, to stay inside the statement.
  await page.keyboard.press('End');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.type(', "Resource": "*", "Condition": {"StringEquals": {"aws:SourceV');
  await page.keyboard.press('Control+Space');
  await expect(page.locator('.suggest-widget')).toContainText('aws:SourceVpce');
  await page.keyboard.press('Escape');
  await page.getByTestId('policy-editor').locator('.view-lines span span', { hasText: /^"Effect"$/ }).first().hover();
  await expect(page.locator('.monaco-hover').filter({ hasText: 'Whether a matching statement allows' })).toBeVisible();
});

test('when the editor cannot load, the lab says why and a plain text area still edits and evaluates the policy', async ({ page }) => {
  await page.route('**/monaco-loader-*.js', (route) => route.abort());
  await page.goto('/#/policy-lab');
  await expect(page.getByRole('alert').filter({ hasText: 'The code editor could not load' })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('tab', { name: /Identity policy 2/ }).click();
  const text = page.getByRole('textbox', { name: /Identity policy 2 \(JSON\)/ });
  await text.fill('{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}');
  await page.getByTestId('evaluate').click();
  // The first situation allows; only the statement typed into the text area can turn it into an explicit deny.
  await expect(page.getByTestId('decision')).toContainText('Explicit deny');
  expect(await new AxeBuilder({ page }).include('main').analyze().then((r) => r.violations.map((v) => v.id))).toEqual([]);
});
