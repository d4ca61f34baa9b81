// Browser test of the answering cycle on the demo city, in Debian's chromium: the respondent
// answers without JavaScript and with it (autosave shows "Sparat"), and by keyboard alone;
// a lost connection is shown and retried, and text typed offline in a closed tab comes back;
// two browser contexts edit the same answer and the second sees the conflict view; hand-in;
// the coordinator returns with a message; the respondent fixes and hands in again; the
// approver approves. axe-core checks every page of the flow.
//
// Usage (from the repository root): node tests/browser/cycle.mjs <path-to-uppsikt-binary>
// Ends with "N passed, M failed"; exit code 0 only when everything passed.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import {
  AXE_SOURCE, finish, LAUNCH, checkStructure, makeDemo, report, results, runAxe, signInAs, startServer,
} from './helpers.mjs';

const WATCHDOG_MS = 170_000;  // below CTest's timeout, so that the server is still killed
const ROUND = 'Uppföljning 2024';
const UNIT = 'Miljöförvaltningen';
const ACCOUNTS = {
  respondent: ['svarande@demo.uppsikt.se', 'demo-respondent'],
  colleague: ['admin@demo.uppsikt.se', 'demo-admin'],  // a second person who may answer
  coordinator: ['samordnare@demo.uppsikt.se', 'demo-coordinator'],
  approver: ['godkannare@demo.uppsikt.se', 'demo-approver'],
};
const SAVED = /Sparat \d\d\.\d\d/;

// Runs one named step: `body` returns a list of errors, or throws.
async function step(name, body) {
  const started = Date.now();
  const took = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  try {
    const errors = (await body()) || [];
    report(`${name} [${took()}]`, errors);
  } catch (err) {
    report(`${name} [${took()}]`, [`exception: ${err.message.split('\n')[0]}`]);
  }
}

// Chooses an option as a person does, by its label (FKUI hides the radio input itself).
async function choose(page, question, value) {
  const id = await page.$eval(`input[name="svar-${question}"][value="${value}"]`, (input) => input.id);
  await page.click(`label[for="${id}"]`);
}

// The checks every page of the flow gets: status, structure, axe.
async function pageErrors(page, response, expectedStatus = 200) {
  const errors = [];
  const status = response ? response.status() : 0;
  if (status !== expectedStatus) errors.push(`status ${status}, expected ${expectedStatus}`);
  errors.push(...(await checkStructure(page)));
  errors.push(...(await runAxe(page)));
  return errors;
}

async function submit(page, selector) {
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
  return response;
}

// A signed-in person in a browser context of their own. Without JavaScript, the session is
// taken from `signedIn` (a sign-in costs a password hash; the tests need few).
async function newPerson(browser, origin, who, signedIn = null) {
  const javaScriptEnabled = signedIn === null;
  const context = await browser.newContext({ locale: 'sv-SE', javaScriptEnabled });
  if (javaScriptEnabled) {
    await context.addInitScript({ content: AXE_SOURCE });
    const errors = await signInAs(context, origin, ...ACCOUNTS[who]);
    if (errors.length > 0) throw new Error(errors.join('; '));
  } else {
    await context.addCookies(await signedIn.context.cookies());
  }
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) problems.push(`CSP: ${m.text()}`); });
  return { context, page, problems };
}

// The path of the unit's response page, found through the round page as a person would.
async function responsePath(page, origin) {
  await page.goto(`${origin}/`, { waitUntil: 'load' });
  await submit(page, `main a:text-is("${ROUND}")`);
  await submit(page, `main a:text-is("${UNIT}")`);
  return new URL(page.url()).pathname;
}

// The ids of the questions on the answering page, in order.
async function questionIds(page) {
  return page.$$eval('article[data-question]', (list) => list.map((a) => a.getAttribute('data-question')));
}

// Waits for `selector` to read `pattern`; on timeout, says what it read instead.
async function waitForText(page, selector, pattern) {
  try {
    await page.waitForFunction(
      ([s, source]) => new RegExp(source).test(document.querySelector(s)?.textContent || ''),
      [selector, pattern.source], { timeout: 10_000 });
  } catch (err) {
    const text = await page.textContent(selector).catch(() => '(the page is gone)');
    throw new Error(`${selector} did not read ${pattern} within 10 s; it read "${text}"`);
  }
}

// Waits until the browser no longer keeps unsaved text for question `q`: the autosave drops
// it only once the server has acknowledged the save. (Whether the page then reads "Sparat
// hh.mm" depends on which of its tries got through first, so that is not what is waited for.)
async function waitForServerToHave(page, q) {
  const unsaved = /Sparar|Ingen anslutning|Inte sparat|osparad|Osparad/;
  try {
    await page.waitForFunction(([id, source]) => {
      const key = `uppsikt:${window.location.pathname}:${id}`;
      const status = document.querySelector(`#sparat-${id}`)?.textContent || '';
      return window.localStorage.getItem(key) === null && !new RegExp(source).test(status);
    }, [q, unsaved.source], { timeout: 10_000 });
  } catch (err) {
    const text = await page.textContent(`#sparat-${q}`).catch(() => '(the page is gone)');
    throw new Error(`question ${q}: the browser still keeps unsaved text after 10 s; the page reads "${text}"`);
  }
}

async function main() {
  const binary = path.resolve(process.argv[2] || '');
  if (!process.argv[2] || !existsSync(binary)) {
    report('binary', [`no such binary: ${binary}`]);
    return;
  }
  const tmp = mkdtempSync(path.join(tmpdir(), 'uppsikt-cycle-'));
  let server = null;
  let browser = null;
  const cleanup = () => {
    if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
  };
  const watchdog = setTimeout(() => {
    report('watchdog', [`the run took longer than ${WATCHDOG_MS / 1000} s`]);
    cleanup();
    console.log(`${results.passed} passed, ${results.failed} failed`);
    process.exit(1);
  }, WATCHDOG_MS);
  watchdog.unref();

  try {
    const db = path.join(tmp, 'demo.db');
    const demoErrors = makeDemo(binary, db);
    if (demoErrors.length > 0) return report('demo database', demoErrors);
    server = await startServer(binary, db);
    const origin = `http://127.0.0.1:${server.port}`;
    browser = await chromium.launch(LAUNCH);

    console.log(`(demo, server and browser ready after ${((Date.now() - startedAt) / 1000).toFixed(1)} s)`);
    // One after another: password hashing is made to be slow, and side by side it is slower.
    const respondent = await newPerson(browser, origin, 'respondent');
    const colleague = await newPerson(browser, origin, 'colleague');
    const coordinator = await newPerson(browser, origin, 'coordinator');
    const approver = await newPerson(browser, origin, 'approver');
    const nojs = await newPerson(browser, origin, 'respondent', respondent);
    const page = respondent.page;
    const answerPath = await responsePath(page, origin);
    const url = `${origin}${answerPath}`;
    const ids = await questionIds(page);
    console.log(`(signed in and on the page after ${((Date.now() - startedAt) / 1000).toFixed(1)} s)`);

    await step('answering page as the respondent', async () => {
      const errors = await pageErrors(page, await page.goto(url, { waitUntil: 'load' }));
      if (ids.length < 3) errors.push(`${ids.length} questions on the page, expected the seed's 18`);
      if (!(await page.isVisible('#autospara-info'))) errors.push('the autosave note is not shown with JavaScript');
      return errors;
    });

    await step('save without JavaScript: form POST, back to the section with a message', async () => {
      const p = nojs.page;
      await p.goto(url, { waitUntil: 'load' });
      const q = ids[0];
      await choose(p, q, 'Delvis');
      await p.fill(`#kommentar-${q}`, 'Utan JavaScript sparat.');
      const button = `article#fraga-${q} >> xpath=ancestor::section[1] >> button[name="till"]`;
      const response = await submit(p, button);
      const errors = [];
      const after = new URL(p.url());
      if (response.status() !== 200) errors.push(`status ${response.status()} after the redirect`);
      if (!after.searchParams.get('sparat') || !after.hash.startsWith('#avsnitt-')) errors.push(`ended on ${p.url()}`);
      if (!SAVED.test(await p.innerText('main'))) errors.push('no "Sparat hh.mm" message');
      if ((await p.inputValue(`#kommentar-${q}`)) !== 'Utan JavaScript sparat.') errors.push('the comment was not kept');
      return errors;
    });

    await step('keyboard only: choose, write, leave the field, autosave shows Sparat', async () => {
      await page.goto(url, { waitUntil: 'load' });
      const q = ids[1];
      const errors = [];
      let found = false;
      for (let i = 0; i < 120 && !found; i++) {
        await page.keyboard.press('Tab');
        found = await page.evaluate((name) => document.activeElement?.getAttribute('name') === name, `svar-${q}`);
      }
      if (!found) return [`Tab never reached the options of question ${q}`];
      await page.keyboard.press('ArrowDown');  // moves to the next option and chooses it
      await page.keyboard.press('Tab');
      const inComment = await page.evaluate((id) => document.activeElement?.id === id, `kommentar-${q}`);
      if (!inComment) errors.push('Tab from the options did not reach the comment');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('Skrivet med tangentbordet.');
      await page.keyboard.press('Tab');  // leaving the field saves at once
      await waitForText(page, `#sparat-${q}`, SAVED);
      errors.push(...respondent.problems);
      return errors;
    });

    await step('a lost connection is shown and retried; a tab closed offline loses nothing', async () => {
      const { context } = respondent;
      const q = ids[3];
      const errors = [];
      const first = await context.newPage();
      await first.goto(url, { waitUntil: 'load' });
      await context.setOffline(true);
      await first.fill(`#kommentar-${q}`, 'Skrivet utan anslutning, fliken stängd.');
      await waitForText(first, `#sparat-${q}`, /Ingen anslutning/);
      await first.close();
      await context.setOffline(false);

      const later = await context.newPage();
      await later.goto(url, { waitUntil: 'load' });
      await waitForServerToHave(later, q);  // restored from the browser and saved
      await later.reload({ waitUntil: 'load' });
      if ((await later.inputValue(`#kommentar-${q}`)) !== 'Skrivet utan anslutning, fliken stängd.')
        errors.push('the text typed in the closed tab was not saved');

      await context.setOffline(true);
      await later.fill(`#kommentar-${q}`, 'Skrivet medan nätet var borta.');
      await waitForText(later, `#sparat-${q}`, /Ingen anslutning/);
      await context.setOffline(false);
      await waitForServerToHave(later, q);  // retried when the connection came back
      await later.reload({ waitUntil: 'load' });
      if ((await later.inputValue(`#kommentar-${q}`)) !== 'Skrivet medan nätet var borta.')
        errors.push('the text typed offline was not saved after the connection came back');
      await later.close();
      return errors;
    });

    await step('two people edit the same answer: the second sees the conflict view', async () => {
      const q = ids[2];
      const other = colleague.page;
      await other.goto(url, { waitUntil: 'load' });   // loaded before the respondent saves
      await page.goto(url, { waitUntil: 'load' });
      await page.fill(`#kommentar-${q}`, 'Svarandens text.');
      await waitForText(page, `#sparat-${q}`, SAVED);
      await other.fill(`#kommentar-${q}`, 'Kollegans text.');
      await waitForText(other, `#sparat-${q}`, /Inte sparat/);
      const response = await submit(other, `article#fraga-${q} button[data-conflict]`);
      const errors = await pageErrors(other, response, 409);
      const text = await other.innerText('main');
      for (const want of ['Svarandens text.', 'Kollegans text.', 'Sparat av Svea Svarande'])
        if (!text.includes(want) && !(await other.inputValue(`#kommentar-${q}`)).includes(want)) errors.push(`no "${want}"`);
      await other.fill(`#kommentar-${q}`, 'Svarandens text. Kollegans text.');
      await submit(other, `form[data-conflict-for="${q}"] button[type=submit]`);
      if (!SAVED.test(await other.innerText('main'))) errors.push('saving the merged text gave no "Sparat"');
      return errors;
    });

    await step('hand in', async () => {
      await page.goto(url, { waitUntil: 'load' });
      const response = await submit(page, 'button[name="lamna-in"]');
      const errors = await pageErrors(page, response);
      if (!(await page.innerText('main')).includes('Svaret är inlämnat.')) errors.push('no "Svaret är inlämnat."');
      if (await page.$('textarea[name^="kommentar-"]')) errors.push('the handed-in response can still be edited');
      return errors;
    });

    await step('coordinator returns with a message', async () => {
      const p = coordinator.page;
      const errors = await pageErrors(p, await p.goto(url, { waitUntil: 'load' }));
      // Without a message: the error summary takes the focus and links to the field.
      await submit(p, 'form[action$="/atersand"] button[type=submit]');
      const focused = await p.evaluate(() => document.activeElement?.id);
      if (focused !== 'fel') errors.push(`after an error the focus is on "${focused}", not on the error summary`);
      const target = await p.locator('#fel .error-list__link').first().getAttribute('href').catch(() => null);
      if (!target || (await p.locator(target).count()) !== 1) errors.push(`the error links to ${target}, which is no field`);
      await p.fill('#meddelande-atersand', 'Utveckla svaret om kartläggningen.');
      // The return is confirmed on a page of its own, which carries the message.
      errors.push(...(await pageErrors(p, await submit(p, 'form[action$="/atersand"] button[type=submit]'))));
      if (!(await p.innerText('main')).includes('återsänds till enheten')) errors.push('the return is not confirmed first');
      const response = await submit(p, 'main form[action$="/atersand"] button[type=submit]');
      errors.push(...(await pageErrors(p, response)));
      if (!(await p.innerText('main')).includes('Svaret är återsänt')) errors.push('no "Svaret är återsänt"');
      return errors;
    });

    await step('respondent reads the message, fixes and hands in again', async () => {
      const errors = await pageErrors(page, await page.goto(url, { waitUntil: 'load' }));
      if (!(await page.innerText('main')).includes('Utveckla svaret om kartläggningen.')) errors.push('the message is not shown');
      const q = ids[0];
      await page.fill(`#kommentar-${q}`, 'Kartläggningen är klar.');
      await waitForText(page, `#sparat-${q}`, SAVED);
      const response = await submit(page, 'button[name="lamna-in"]');
      if (!(await page.innerText('main')).includes('Svaret är inlämnat.')) errors.push('no "Svaret är inlämnat."');
      errors.push(...(await pageErrors(page, response)));
      const edition = await page.$('a[href$="/inlamnat/1"]');
      if (!edition) errors.push('no link to the first handed-in version');
      else errors.push(...(await pageErrors(page, await submit(page, 'a[href$="/inlamnat/1"]'))));
      return errors;
    });

    await step('approver approves', async () => {
      const p = approver.page;
      const errors = await pageErrors(p, await p.goto(url, { waitUntil: 'load' }));
      errors.push(...(await pageErrors(p, await submit(p, 'form[action$="/godkann"] button[type=submit]'))));
      if (!(await p.innerText('main')).includes('godkänns och låses')) errors.push('the approval is not confirmed first');
      const response = await submit(p, 'main form[action$="/godkann"] button[type=submit]');
      errors.push(...(await pageErrors(p, response)));
      const text = await p.innerText('main');
      if (!text.includes('Svaret är godkänt.') || !text.includes('Godkänd')) errors.push('not shown as approved');
      return errors;
    });
  } catch (err) {
    report('answering cycle', [`exception: ${err.stack || err.message}`]);
  } finally {
    if (browser) await browser.close().catch(() => {});
    cleanup();
    clearTimeout(watchdog);
  }
}

const startedAt = Date.now();
await finish(main);
