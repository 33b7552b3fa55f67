import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * Flags for the system Chromium in a sandbox-less, offline test machine: no sandbox (tests may run as root), no GPU,
 * and none of the background connections (updates, sync, QUIC) that the closed network would refuse at every start.
 * Playwright gives each launch a fresh temporary profile of its own, so no --user-data-dir is passed.
 */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium binary the browser tests drive: `CHROMIUM_PATH` (set by `npm test`) or Debian's. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Launches headless Chromium through playwright-core (no downloaded browser). Close it in afterAll. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  try {
    fs.accessSync(executablePath, fs.constants.X_OK);
  } catch {
    throw new Error(
      `Chromium not found at ${executablePath}. Run the suite with \`npm test\` (it installs Chromium as root on ` +
        'Debian/Ubuntu), install it with `apt-get install chromium`, or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
}
