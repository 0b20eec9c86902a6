import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { freshApp } from './fixtures.ts';

const INITIAL_KEY = 'ak_initial_0123456789abcdefghij';

type Hooked = Window & { __functionCode?: { value(): string } };
const editorValue = (page: Page) => page.evaluate(() => (window as Hooked).__functionCode?.value());

/**
 * Types into the editor as a learner would, then deploys: a one-line handler replacing everything, or a line added at
 * the end (typing a multi-line text would meet the editor's auto-indent).
 */
async function deployCode(page: Page, line: string, mode: 'replace' | 'append' = 'replace') {
  const before = (await editorValue(page)) ?? '';
  await page.getByTestId('function-editor').locator('.view-lines').click();
  await page.keyboard.press(mode === 'replace' ? 'Control+A' : 'Control+End');
  await page.keyboard.insertText(line);
  await expect.poll(() => editorValue(page)).toBe(mode === 'replace' ? line : before + line);
  await expect(page.getByTestId('code-state')).toHaveAttribute('data-state', 'changed');
  await page.getByTestId('deploy-code').click();
  await expect(page.getByTestId('code-state')).toHaveAttribute('data-state', 'deployed');
}

/** Starts a new run and moves time until it has ended. */
async function rotate(page: Page) {
  await page.getByTestId('rotate-now').click();
  await page.getByTestId('finish-run').click();
  await expect(page.getByTestId('finish-run')).toBeEnabled({ timeout: 15_000 });
}

/**
 * A run that failed at createSecret leaves the AWSPENDING version behind, and RotateSecret then refuses to start
 * another ("A previous rotation isn't complete"), as AWS does: two Undos (Run to the end, Rotate now) go back to
 * before it, keeping the deployed code.
 */
async function undoFailedRun(page: Page) {
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('run-state')).toHaveText('succeeded');
  await expect(page.getByTestId('code-state')).toHaveAttribute('data-state', 'deployed');
}

/** One line of handler trying each way out of the sandbox in turn and printing the outcome. */
const PROBE = [
  'exports.handler = async () => {',
  "console.log('globals:', [typeof fetch, typeof XMLHttpRequest, typeof WebSocket, typeof EventSource, typeof WebTransport, typeof importScripts, typeof indexedDB, typeof caches, typeof BroadcastChannel, typeof Worker, typeof navigator, typeof postMessage, typeof self].join(' '));",
  'const attempts = {',
  "import: () => import('https://example.com/a.js'),",
  "eval: () => (0, eval)(\"import('https://example.com/b.js')\"),",
  "constructor: () => (async () => {}).constructor(\"return import('https://example.com/c.js')\")(),",
  "timer: () => setTimeout(\"fetch('https://example.com/d')\", 0),",
  "sdk: () => import('@aws-sdk/client-secrets-manager').then((m) => typeof m.SecretsManagerClient),",
  '};',
  'for (const [name, attempt] of Object.entries(attempts)) {',
  "try { console.log(name + ':', await attempt()); } catch (e) { console.log(name + ':', e.name + ': ' + e.message); }",
  '}',
  '};',
].join(' ');

const createStep = (page: Page) => page.locator('[data-testid="step"][data-step="createSecret"]');

test('a learner-written rotation function runs in a Web Worker: the four steps, its console lines, no network, a time limit', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await freshApp(page);

  await page.goto('/#/secrets/new');
  await page.getByLabel('Other type of secret').check();
  await page.getByLabel('Key', { exact: true }).first().fill('apiKey');
  await page.getByTestId('kv-value-0').fill(INITIAL_KEY);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByTestId('secret-name').fill('partner/api-key');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Store' }).click();
  await expect(page.getByRole('heading', { name: 'partner/api-key' })).toBeVisible();
  await page.getByTestId('secret-rotation').click();
  await expect(page.getByRole('heading', { name: 'Rotation: partner/api-key' })).toBeVisible();

  // A custom function, set on the secret by RotateSecret; its first run waits for the handler.
  await page.getByTestId('new-custom-function').click();
  await expect(page.getByTestId('rotation-status')).toContainText('turned on rotation with it (RotateSecret)');
  await expect(page.getByTestId('rotation-enabled')).toHaveText('on');
  await expect(page.getByRole('heading', { name: /^Function code: rotate-partner-api-key-custom/ })).toBeVisible();
  await expect(page.getByTestId('function-editor')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('code-state')).toHaveAttribute('data-state', 'deployed');
  expect(await editorValue(page)).toContain("if (Step === 'createSecret')");

  // An edit in the editor, deployed: a line printed when the handler's module loads.
  await deployCode(page, "console.log('handler module loaded');", 'append');

  await page.getByTestId('finish-run').click();
  await expect(page.getByTestId('run-state')).toHaveText('succeeded', { timeout: 15_000 });
  await expect(page.locator('[data-testid="step"][data-outcome="succeeded"]')).toHaveCount(4);
  await expect(createStep(page).getByTestId('step-logs')).toContainText('handler module loaded');
  await expect(createStep(page).getByTestId('step-logs')).toContainText(/createSecret: new key ending \w{4} stored as AWSPENDING/);
  await expect(createStep(page)).toContainText('PutSecretValue');
  await expect(page.locator('[data-testid="step"][data-step="finishSecret"]').getByTestId('step-logs')).toContainText('finishSecret: AWSCURRENT moved');
  await expect(page.getByTestId('labels').locator('[data-label="AWSPREVIOUS"]')).toHaveCount(1);
  const newest = page.getByTestId('label-row').filter({ has: page.locator('[data-label="AWSCURRENT"]') });
  await expect(newest).toHaveCount(1);
  await page.screenshot({ path: 'test-results/custom-rotation-succeeded.png', fullPage: true });

  // "Run to the end" is one user action: one Undo returns to before it, Redo brings the run back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('run-state')).toHaveText('createSecret');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.getByTestId('run-state')).toHaveText('succeeded');

  // No network in the sandbox: fetch is gone, and a dynamic import of a URL is refused without a request.
  await deployCode(page, "exports.handler = async () => { await fetch('https://example.com/'); };");
  await rotate(page);
  await expect(page.getByTestId('run-state')).toHaveText('failed');
  await expect(createStep(page)).toHaveAttribute('data-outcome', 'failed');
  await expect(createStep(page).getByTestId('step-cause')).toHaveText('ReferenceError: fetch is not defined');

  // Every other way out: each attempt prints what happened; none may make a request.
  await undoFailedRun(page);
  await deployCode(page, PROBE);
  await rotate(page);
  const probed = createStep(page).getByTestId('step-logs');
  await expect(probed).toContainText('globals: undefined undefined undefined undefined undefined undefined undefined undefined undefined undefined undefined undefined undefined');
  await expect(probed).toContainText("import: Error: Only URLs with a scheme in: file, data, and node are supported by the default ESM loader. Received protocol 'https:'");
  await expect(probed).toContainText("eval: Error: Only URLs with a scheme in: file, data, and node are supported by the default ESM loader. Received protocol 'https:'");
  await expect(probed).toContainText("constructor: Error: Only URLs with a scheme in: file, data, and node are supported by the default ESM loader. Received protocol 'https:'");
  await expect(probed).toContainText('timer: TypeError: setTimeout takes a function in the SecretsLab sandbox, not a string of code');
  await expect(probed).toContainText('sdk: function');

  // An endless loop: the worker is ended after the real-time limit and the step times out as Lambda reports it.
  await undoFailedRun(page);
  await deployCode(page, "exports.handler = async () => { console.log('looping'); while (true) {} };");
  await page.getByTestId('rotate-now').click();
  await page.getByTestId('finish-run').click();
  await expect(page.getByTestId('function-running')).toContainText(/Running rotate-partner-api-key-custom: createSecret/);
  await expect(page.getByTestId('finish-run')).toBeDisabled();
  await expect(createStep(page)).toHaveAttribute('data-outcome', 'timedOut', { timeout: 15_000 });
  await expect(createStep(page).getByTestId('step-cause')).toHaveText('Task timed out after 30.00 seconds');
  await expect(createStep(page).getByTestId('step-logs')).toHaveText('looping');
  await expect(page.getByTestId('function-running')).toHaveText('');

  expect(requests.filter((url) => url.includes('example.com'))).toEqual([]);

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.screenshot({ path: 'test-results/custom-rotation-timed-out.png', fullPage: true });

  // Back to the template: the function runs its template's code again; the editor opens on request, with the
  // four-step skeleton.
  await page.getByTestId('back-to-template').click();
  await expect(page.getByText("This function runs its template's code.")).toBeVisible();
  await page.getByTestId('open-function-code').click();
  await expect(page.getByTestId('code-state')).toHaveAttribute('data-state', 'template');
  await expect(page.getByTestId('function-editor')).toHaveAttribute('data-ready', 'true');
  await expect.poll(() => editorValue(page)).toContain("case 'createSecret':");
});

test("lab 08: show me deploys the lab's handler, the clock runs it in the worker, and every goal passes", async ({ page }) => {
  await freshApp(page);
  await page.goto('/#/labs/08-custom-rotation');
  await page.getByTestId('lab-start').click();
  const goals = page.getByTestId('lab-goals').locator('li');
  await expect(goals.first()).toHaveAttribute('data-passed', 'false');
  await page.getByTestId('lab-show-me').click();
  await expect(page.getByTestId('lab-show-me-log')).toContainText('Outside AWS');
  const states = () => goals.evaluateAll((items) => items.map((li) => li.getAttribute('data-passed')));
  await expect.poll(async () => (await states()).every((passed) => passed === 'true'), { timeout: 30_000 }).toBe(true);
  expect((await states()).length).toBeGreaterThanOrEqual(3);

  // The rotation page shows the handler's third-party calls by host, and its code as deployed.
  await page.goto('/#/secrets');
  await page.getByRole('link', { name: 'prod/shipping/orbital-freight' }).click();
  await page.getByTestId('secret-rotation').click();
  await expect(page.getByTestId('run-state')).toHaveText('succeeded');
  await expect(page.locator('[data-testid="step"][data-step="setSecret"]').getByTestId('step-call').filter({ hasText: 'api.orbitalfreight.example' }).first()).toBeVisible();
  await expect(page.getByTestId('code-state')).toHaveAttribute('data-state', 'deployed');
  await page.screenshot({ path: 'test-results/custom-rotation-lab08.png', fullPage: true });
});
