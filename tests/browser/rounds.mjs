// Browser test of a coordinator's round: on a demo database, the demo coordinator builds a
// round from a governing document, adds a question for all nämnder and styrelser, sees the
// error summary for an empty question, opens the round and finds it on the status board.
// Every page on the way is checked for structure and with axe-core (WCAG 2.1 A/AA).
//
// Usage (from the repository root): node tests/browser/rounds.mjs <path-to-uppsikt-binary>
// Ends with "N passed, M failed"; exit code 0 only when everything passed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

import { LAUNCH, checkStructure, runAxe, startServer } from './helpers.mjs';

const require = createRequire(import.meta.url);
const WATCHDOG_MS = 100_000;
const COORDINATOR = { email: 'samordnare@demo.uppsikt.se', password: 'demo-coordinator' };

let passed = 0;
let failed = 0;

function report(name, errors) {
  if (errors.length === 0) {
    passed++;
    console.log(`ok  ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name} (${errors.length} fel)`);
    for (const e of errors) console.log(`    - ${e.replace(/\n/g, '\n      ')}`);
  }
}

// The checks every page gets, plus `expect` (text the page must show).
async function check(page, name, expect = []) {
  const errors = [];
  errors.push(...(await checkStructure(page)));
  errors.push(...(await runAxe(page)));
  const text = await page.locator('main').innerText();
  for (const wanted of expect) if (!text.includes(wanted)) errors.push(`the page does not show "${wanted}"`);
  report(`${name} (${new URL(page.url()).pathname})`, errors);
}

// FKUI draws its own box over a checkbox or radio button: a person clicks the label.
async function tick(page, input) {
  const id = await input.first().getAttribute('id');
  await page.locator(`label[for="${id}"]`).click();
}

async function submit(page, buttonText) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name: buttonText }).click()]);
}

async function flow(page, origin) {
  await page.goto(`${origin}/logga-in`, { waitUntil: 'load' });
  await page.fill('#epost', COORDINATOR.email);
  await page.fill('#losenord', COORDINATOR.password);
  await submit(page, 'Logga in');

  await page.goto(`${origin}/`, { waitUntil: 'load' });
  await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Ny uppföljningsomgång' }).click()]);
  await check(page, 'new round form', ['Enheter som ska svara', 'Punkter att följa upp']);
  await page.fill('#namn', 'Uppföljning 2025');
  await page.fill('#ar', '2025');
  await page.fill('#sista-svarsdag', '2025-11-30');
  await tick(page, page.getByRole('checkbox', { name: 'Miljöförvaltningen (Förvaltning)', exact: true }));
  await tick(page, page.getByRole('checkbox', { name: 'Miljö- och klimatnämnden (Nämnd)', exact: true }));
  await tick(page, page.locator('input[name=punkter]').first());
  await submit(page, 'Skapa utkast');
  await check(page, 'round builder', ['Har ni arbetat med']);

  await page.fill('#fraga', 'Har ni ett lokalt kompetensteam?');
  await tick(page, page.getByLabel('Enheter av vissa slag (välj nedan)'));
  await tick(page, page.getByLabel('Samtliga nämnder', { exact: true }));
  await tick(page, page.getByLabel('Samtliga styrelser', { exact: true }));
  await submit(page, 'Lägg till frågan');
  // The answer lands on #fragor; the page is checked as it loads without the fragment.
  await page.goto(page.url().split('#')[0], { waitUntil: 'load' });
  await check(page, 'builder with the new question', ['(samtliga nämnder och styrelser)']);

  await submit(page, 'Lägg till frågan');
  await check(page, 'empty question refused with an error summary', ['Det finns fel att rätta', 'Skriv frågan']);
  const focusTarget = await page.locator('.error-list__link').first().getAttribute('href');
  if (focusTarget !== '#fraga') report('error summary links to the field', [`first link goes to ${focusTarget}`]);

  await page.goto(page.url().replace(/\/fragor$/, '/bygg'), { waitUntil: 'load' });
  await submit(page, 'Öppna omgången');
  await check(page, 'opening asks to be confirmed', ['Det här går inte att ångra', 'kan börja svara']);
  await submit(page, 'Ja, öppna omgången');
  await check(page, 'status board of the opened round', ['Omgången är öppnad.', 'Öppen', 'Miljöförvaltningen', 'Ej inlämnade']);
  await page.selectOption('#filter-slag', 'namnd');
  await submit(page, 'Filtrera');
  await check(page, 'status board filtered to nämnder', ['Miljö- och klimatnämnden']);

  await page.goto(`${origin}/mina-uppfoljningar`, { waitUntil: 'load' });
  await check(page, 'Mina uppföljningar');
}

async function main() {
  const bin = process.argv[2];
  if (!bin || !existsSync(path.resolve(bin))) {
    console.log(`FAIL no such binary: ${bin}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  const binary = path.resolve(bin);
  const tmp = mkdtempSync(path.join(tmpdir(), 'uppsikt-rounds-'));
  let server = null;
  let browser = null;
  const cleanup = () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
  };
  const watchdog = setTimeout(() => {
    console.log(`FAIL watchdog: the run took longer than ${WATCHDOG_MS / 1000} s`);
    cleanup();
    console.log(`${passed} passed, ${failed + 1} failed`);
    process.exit(1);
  }, WATCHDOG_MS);
  watchdog.unref();
  try {
    const db = path.join(tmp, 'demo.db');
    const demo = spawnSync(binary, ['demo', '--db', db], { encoding: 'utf8', timeout: 60_000 });
    if (demo.status !== 0) {
      report('demo database', [`"uppsikt demo" exited with ${demo.status}: ${(demo.stderr || '').trim()}`]);
      return;
    }
    server = await startServer(binary, db);
    browser = await chromium.launch(LAUNCH);
    const context = await browser.newContext({ locale: 'sv-SE' });
    await context.addInitScript({ content: readFileSync(require.resolve('axe-core'), 'utf8') });
    const page = await context.newPage();
    page.setDefaultTimeout(8_000);
    await flow(page, `http://127.0.0.1:${server.port}`).catch((err) => report('round flow', [`exception: ${err.message}`]));
  } finally {
    if (browser) await browser.close();
    cleanup();
    console.log(`${passed} passed, ${failed} failed`);
    process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
  }
}

await main();
