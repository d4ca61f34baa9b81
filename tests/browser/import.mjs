// Browser test of the import preview: the demo coordinator uploads a follow-up whose table
// header misleads ("Status" holds the comment, "Läge" the answer), sees the warning at its
// row, changes the two columns' roles and previews again through the page's plain form
// posts. Each page is checked for structure and with axe-core (WCAG 2.1 A/AA).
//
// Usage (from the repository root): node tests/browser/import.mjs <path-to-uppsikt-binary>
// Ends with "N passed, M failed"; exit code 0 only when everything passed.
import { chromium } from 'playwright-core';

import { AXE_SOURCE, LAUNCH, checkStructure, report, runAxe, runWithDemo, signInAs, startServer } from './helpers.mjs';

const WATCHDOG_MS = 60_000;
const FILE = {
  name: 'handlingsplan.txt',
  mimeType: 'text/plain',
  buffer: Buffer.from('1 Trygghet\n\nÅtgärd\tStatus\tLäge\nBelysa parker\tKlart före sommaren\tGenomförd\n'),
};

async function check(page, name, expect = [], absent = []) {
  const errors = [...(await checkStructure(page)), ...(await runAxe(page))];
  const text = await page.locator('main').innerText();
  for (const wanted of expect) if (!text.includes(wanted)) errors.push(`the page does not show "${wanted}"`);
  for (const unwanted of absent) if (text.includes(unwanted)) errors.push(`the page still shows "${unwanted}"`);
  report(name, errors);
}

async function submit(page, buttonText) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name: buttonText }).first().click()]);
}

async function flow(context, origin) {
  const page = await context.newPage();
  page.setDefaultTimeout(8_000);
  await page.goto(`${origin}/import`, { waitUntil: 'load' });
  await page.setInputFiles('#filer', FILE);
  await submit(page, 'Förhandsgranska');
  await check(page, 'preview with a warning at its row', ['Belysa parker', 'Varning', 'Kolumnen ”Läge”']);
  await page.getByLabel('Kolumnen ”Läge”').selectOption('answer');
  await page.getByLabel('Kolumnen ”Status”').selectOption('comment');
  await submit(page, 'Förhandsgranska igen');
  await check(page, 'preview again with the roles chosen', ['Genomförd', 'Klart före sommaren'], ['Varning (']);
}

await runWithDemo('uppsikt-import-', WATCHDOG_MS, async ({ binary, db, onStop }) => {
  const server = await startServer(binary, db);
  onStop(() => server.child.kill('SIGKILL'));
  const origin = `http://127.0.0.1:${server.port}`;
  const browser = await chromium.launch(LAUNCH);
  onStop(() => browser.close());
  const context = await browser.newContext({ locale: 'sv-SE' });
  await context.addInitScript({ content: AXE_SOURCE });
  const signIn = await signInAs(context, origin, 'samordnare@demo.uppsikt.se', 'demo-coordinator');
  if (signIn.length) {
    report('sign-in', signIn);
    return;
  }
  await flow(context, origin).catch((err) => report('import flow', [`exception: ${err.message}`]));
});
