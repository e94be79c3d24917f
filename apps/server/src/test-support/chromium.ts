// Launches Debian's Chromium through playwright-core for browser tests, with the flags this
// project's machines need (no sandbox as root, no background networking on a closed network)
// and a fresh profile each time.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CENTRIC_CHROMIUM ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: run scripts/ensure-system-deps.sh as root (npm test does)`,
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'centric-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Where tests save screenshots and other artifacts: <repo>/artifacts. */
export function artifactPath(name: string): string {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
  const dir = join(root, 'artifacts');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

/**
 * Signs in to the dashboard with a secret key and waits until the Overview has loaded, so a test
 * never navigates away while the sign-in is still being checked (the key is stored only after
 * the server accepted it).
 */
export async function signIn(page: Page, url: string, secretKey: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('signin-key').fill(secretKey);
  await page.getByTestId('signin-submit').click();
  await page.locator('[data-testid="overview-page"][data-state="ready"]').waitFor({ timeout: 30_000 });
}
