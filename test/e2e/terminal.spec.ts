import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { freshApp } from './fixtures.ts';

/** The terminal's visible text, row by row (xterm's DOM renderer draws one element per row). */
async function screenText(page: Page): Promise<string> {
  return page.locator('.xterm-rows').innerText();
}

async function run(page: Page, command: string): Promise<void> {
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

test('the terminal creates a secret with AWS CLI syntax, reads it back with --query, and the console shows it', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await freshApp(page);
  // Nothing of the terminal is loaded until it is opened.
  expect(scripts.filter((url) => /xterm|TerminalView|cli/i.test(url))).toEqual([]);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Terminal' }).click();
  await expect(page.getByRole('heading', { name: 'Terminal' })).toBeVisible();
  await expect(page.locator('.xterm-rows')).toContainText('SecretsLab terminal');
  await page.getByTestId('terminal').click();

  await run(page, 'aws secretsmanager create-secret --name x --secret-string y');
  await expect(page.locator('.xterm-rows')).toContainText('"Name": "x",');
  await run(page, 'aws secretsmanager get-secret-value --secret-id x --query SecretString --output text');
  await expect.poll(async () => (await screenText(page)).split('\n').map((line) => line.trim())).toContain('y');

  await run(page, 'aws secretsmanager get-secret-value --secret-id nope');
  await expect(page.locator('.xterm-rows')).toContainText(
    "An error occurred (ResourceNotFoundException) when calling the GetSecretValue operation: Secrets Manager can't find the specified secret.",
  );

  // Tab completion and history.
  await page.keyboard.type('aws sts get-caller-id');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('.xterm-rows')).toContainText('"Arn": "arn:aws:iam::111122223333:user/admin"');
  await page.keyboard.press('ArrowUp');
  const lastLine = async () => (await screenText(page)).split('\n').map((line) => line.trimEnd()).filter(Boolean).at(-1);
  await expect.poll(lastLine).toBe('$ aws sts get-caller-identity');
  await page.keyboard.press('Control+C');
  await expect.poll(lastLine).toBe('$');

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: 'test-results/terminal.png', fullPage: true });
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  const dark = await new AxeBuilder({ page }).analyze();
  expect(dark.violations.map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: 'test-results/terminal-dark.png', fullPage: true });
  // On a phone the terminal narrows to its 40-column minimum and its screen stays inside the viewport.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect
    .poll(() => page.evaluate(() => document.querySelector('.xterm-screen')!.getBoundingClientRect().right <= window.innerWidth))
    .toBe(true);
  await page.screenshot({ path: 'test-results/terminal-phone.png', fullPage: false });
  await page.setViewportSize({ width: 1280, height: 720 });

  // The secret is in the world the console shows, and the call in the call log.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Secrets' }).click();
  await expect(page.getByRole('link', { name: 'x', exact: true })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Call log' }).click();
  await expect(page.getByRole('main')).toContainText('CreateSecret');
});

test('a file written in the Files panel is read by file://, listed by ls and printed by cat', async ({ page }) => {
  await freshApp(page);
  await page.goto('/#/terminal');
  await expect(page.locator('.xterm-rows')).toContainText('SecretsLab terminal');
  await page.getByTestId('file-name').fill('db.json');
  await page.getByTestId('file-text').fill('{"username":"app","password":"from-a-file"}');
  await page.getByRole('button', { name: 'Save file' }).click();
  await expect(page.getByTestId('terminal-files')).toContainText('db.json');

  await page.getByTestId('terminal').click();
  await run(page, 'ls');
  await run(page, 'aws secretsmanager create-secret --name from/file --secret-string file://db.json');
  await expect(page.locator('.xterm-rows')).toContainText('"Name": "from/file",');
  await run(page, 'aws secretsmanager get-secret-value --secret-id from/file --query SecretString --output text');
  await expect(page.locator('.xterm-rows')).toContainText('{"username":"app","password":"from-a-file"}');
  await run(page, 'aws secretsmanager put-secret-value --secret-id from/file --secret-string file://missing.json');
  await expect(page.locator('.xterm-rows')).toContainText("Unable to load paramfile file://missing.json: [Errno 2] No such file or directory: 'missing.json'");

  // The files survive a reload (kept in this browser).
  await page.reload();
  await expect(page.getByTestId('terminal-files')).toContainText('db.json');
});
