// End-to-end browser test: starts the real binary on a demo database, crawls the site in
// Debian's chromium and checks every page for structure (lang, one h1, skip link, heading
// order, no duplicate id, no raw UTC time in the text), WCAG 2.1 A/AA violations with
// axe-core, and that the main content is there without JavaScript on a 390 px wide phone
// screen, which the page must fit. Then checks the 404 page and a graceful shutdown on SIGTERM.
//
// Usage (from the repository root): node tests/browser/run.mjs <path-to-uppsikt-binary>
// Ends with "N passed, M failed"; exit code 0 only when everything passed.
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import {
  AXE_SOURCE, finish, LAUNCH, checkStructure, makeDemo, report, results, runAxe, signInAs, startServer, waitForExit,
} from './helpers.mjs';

const MAX_PAGES = Number(process.env.UPPSIKT_BROWSER_MAX_PAGES) || 60;
// Below CTest's 300 s, so that the server is still killed and the temp dir removed.
const WATCHDOG_MS = 270_000;
const LANES = Math.min(4, Math.max(2, availableParallelism())); // pages checked side by side
const SHUTDOWN_MS = 10_000;
// The pages without JavaScript are checked on a phone's screen.
const PHONE = { width: 390, height: 844 };

// The kinds of page the crawl must reach, recognised by path.
const KINDS = [
  ['start page', /^\/$/],
  ['round page', /^\/omgangar\/\d+$/],
  ['unit response page', /^\/omgangar\/\d+\/svar\/\d+$/],
  ['compiled report page', /^\/omgangar\/\d+\/rapport$/],
  ['published reports list', /^\/publicerat$/],
  ['published report', /^\/publicerat\/\d+$/],
  ['documents list', /^\/dokument$/],
  ['document page', /^\/dokument\/\d+$/],
  ['accessibility statement', /^\/tillganglighet$/],
  ['admin unit list', /^\/admin\/enheter$/],
  ['admin unit page', /^\/admin\/enheter\/\d+$/],
  ['admin people list', /^\/admin\/personer$/],
  ['admin person page', /^\/admin\/personer\/\d+$/],
  ['admin webhooks', /^\/admin\/webhooks$/],
  ['audit trail', /^\/logg$/],
];

// Every page but the sign-in page needs a session: the crawl runs as the demo admin.
const SIGN_IN = { email: 'admin@demo.uppsikt.se', password: 'demo-admin' };

// Signs in through the form in `context` and gives the session cookie to `nojsContext` too.
// Returns a list of errors.
async function signIn(context, nojsContext, origin) {
  const errors = await signInAs(context, origin, SIGN_IN.email, SIGN_IN.password);
  if (errors.length === 0) await nojsContext.addCookies(await context.cookies());
  return errors;
}

function kindOf(url) {
  const p = new URL(url).pathname;
  const found = KINDS.find(([, re]) => re.test(p));
  return found ? found[0] : null;
}


// Same-origin links to follow from the page: no /static/, no fragments, no downloads.
async function linksOf(page, origin) {
  const hrefs = await page.evaluate(() => [...document.querySelectorAll('a[href]:not([download])')].map((a) => a.getAttribute('href')));
  const out = [];
  for (const href of hrefs) {
    let url;
    try {
      url = new URL(href, page.url());
    } catch {
      continue;
    }
    if (url.origin !== origin) continue;
    if (url.pathname.startsWith('/static/')) continue;
    url.hash = '';
    out.push(url.href);
  }
  return out;
}

async function checkWithoutJs(nojsPage, url) {
  const errors = [];
  const response = await nojsPage.goto(url, { waitUntil: 'load' });
  if (!response) return ['without JavaScript: no response'];
  const main = nojsPage.locator('main#innehall');
  const count = await main.count();
  if (count !== 1) {
    errors.push(`without JavaScript: ${count} main#innehall elements, expected one`);
  } else {
    const text = (await main.innerText()).trim();
    if (text.length === 0) errors.push('without JavaScript: main#innehall is empty');
  }
  // The page reflows on a phone (WCAG 1.4.10): nothing wider than the screen but what
  // scrolls inside its own container.
  const width = await nojsPage.evaluate(() => document.documentElement.scrollWidth);
  if (width > PHONE.width) errors.push(`${width} px wide at a ${PHONE.width} px wide screen (scrolls sideways)`);
  return errors;
}

function pathOf(url) {
  const u = new URL(url);
  return u.pathname + u.search;
}

// A lane is a tab with JavaScript and one without; lanes check pages side by side.
async function openLane(context, nojsContext) {
  const lane = { page: await context.newPage(), nojsPage: await nojsContext.newPage(), problems: [] };
  for (const p of [lane.page, lane.nojsPage]) {
    p.setDefaultTimeout(15_000);
    p.setDefaultNavigationTimeout(15_000);
  }
  // Stylesheets that fail to load, and anything the Content-Security-Policy blocks, are errors.
  lane.page.on('response', (r) => {
    const u = new URL(r.url());
    if (r.request().isNavigationRequest() || u.pathname === '/favicon.ico') return;
    if (r.status() >= 400) lane.problems.push(`resource ${u.pathname} answered ${r.status()}`);
  });
  lane.page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) lane.problems.push(`CSP: ${m.text()}`);
  });
  lane.page.on('pageerror', (e) => lane.problems.push(`page error: ${e.message}`));
  return lane;
}

// Checks one page in a lane; returns { status, errors, links }.
async function visit(lane, url, origin, expectedStatus) {
  const errors = [];
  let status = 0;
  let links = [];
  lane.problems = [];
  const nojs = checkWithoutJs(lane.nojsPage, url).catch((err) => [`without JavaScript: exception: ${err.message}`]);
  try {
    const response = await lane.page.goto(url, { waitUntil: 'load' });
    status = response ? response.status() : 0;
    if (status !== expectedStatus) errors.push(`status ${status}, expected ${expectedStatus}`);
    // Tab first, from a freshly loaded page; axe then sees the page as a keyboard user does.
    errors.push(...(await checkStructure(lane.page)));
    errors.push(...(await runAxe(lane.page)));
    links = await linksOf(lane.page, origin);
  } catch (err) {
    errors.push(`exception: ${err.message}`);
  }
  errors.push(...(await nojs));
  errors.push(...lane.problems);
  return { status, errors, links };
}

async function main() {
  const bin = process.argv[2];
  if (!bin) {
    console.error('usage: node tests/browser/run.mjs <path-to-uppsikt-binary>');
    process.exit(2);
  }
  const binary = path.resolve(bin);
  if (!existsSync(binary)) {
    console.log(`FAIL no such binary: ${binary}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  const tmp = mkdtempSync(path.join(tmpdir(), 'uppsikt-browser-'));
  let server = null;
  let browser = null;
  const cleanup = () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
  };
  const watchdog = setTimeout(() => {
    console.log(`FAIL watchdog: the run took longer than ${WATCHDOG_MS / 1000} s`);
    results.failed++;
    cleanup();
    console.log(`${results.passed} passed, ${results.failed} failed`);
    process.exit(1);
  }, WATCHDOG_MS);
  watchdog.unref();

  try {
    const db = path.join(tmp, 'demo.db');
    const demoErrors = makeDemo(binary, db);
    if (demoErrors.length > 0) {
      report('demo database', demoErrors);
      return;
    }
    server = await startServer(binary, db);
    const origin = `http://127.0.0.1:${server.port}`;

    browser = await chromium.launch(LAUNCH);
    // The pages keep their real CSP; axe comes in as an init script, which CSP does not block.
    const context = await browser.newContext({ locale: 'sv-SE' });
    await context.addInitScript({ content: AXE_SOURCE });
    const nojsContext = await browser.newContext({ javaScriptEnabled: false, locale: 'sv-SE', viewport: PHONE });
    const signInErrors = await signIn(context, nojsContext, origin);
    report(`sign-in as ${SIGN_IN.email}`, signInErrors);
    if (signInErrors.length > 0) return;
    const lanes = [];
    for (let i = 0; i < LANES; i++) lanes.push(await openLane(context, nojsContext));

    // Breadth-first crawl in batches of one page per lane. A page of a kind not yet taken
    // jumps the queue, so that the page limit cannot starve a kind (there are many response
    // pages and sort links).
    const queue = [`${origin}/`];
    const seen = new Set(queue);
    const kindsTaken = new Set();
    const kindsSeen = new Set();
    let visited = 0;
    while (queue.length > 0 && visited < MAX_PAGES) {
      const batch = [];
      while (batch.length < lanes.length && queue.length > 0 && visited + batch.length < MAX_PAGES) {
        let i = queue.findIndex((u) => {
          const k = kindOf(u);
          return k !== null && !kindsTaken.has(k);
        });
        if (i < 0) i = 0;
        const url = queue.splice(i, 1)[0];
        const k = kindOf(url);
        if (k) kindsTaken.add(k);
        batch.push(url);
      }
      visited += batch.length;
      const results = await Promise.all(batch.map((url, i) => visit(lanes[i], url, origin, 200)));
      batch.forEach((url, i) => {
        const { status, errors, links } = results[i];
        if (status === 200 && kindOf(url)) kindsSeen.add(kindOf(url));
        for (const link of links) {
          if (!seen.has(link)) {
            seen.add(link);
            queue.push(link);
          }
        }
        report(pathOf(url), errors);
      });
    }

    const missing = KINDS.map(([k]) => k).filter((k) => !kindsSeen.has(k));
    report(`crawl reached every kind of page (${visited} pages)`, missing.map((k) => `no ${k} was reached`));

    // The import pages behind forms, which the crawl does not reach: a bad file (the form
    // with its error summary), the preview of the fixture, and the result of saving it.
    {
      const page = lanes[0].page;
      const check = async (name, expected, response) => {
        const errors = [];
        try {
          const status = response ? response.status() : 0;
          if (status !== expected) errors.push(`status ${status}, expected ${expected}`);
          errors.push(...(await checkStructure(page)));
          errors.push(...(await runAxe(page)));
        } catch (err) {
          errors.push(`exception: ${err.message}`);
        }
        report(name, errors);
      };
      const submit = async (button) => {
        const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(button)]);
        return response;
      };
      try {
        await page.goto(`${origin}/import`, { waitUntil: 'load' });
        await page.setInputFiles('#filer', { name: 'plan.odt', mimeType: 'application/octet-stream', buffer: Buffer.from('x') });
        await check('/import with an unknown file type (422)', 422, await submit('main button[type=submit]'));
        await page.setInputFiles('#filer', 'data/demo/miljoforvaltningen-2024.txt');
        await check('/import preview', 200, await submit('main button[type=submit]'));
        await page.fill('#ny-omgang', 'Uppföljning 2025');
        await page.selectOption('#enhet', { label: 'Miljöförvaltningen' });
        await check('/import/spara result', 200, await submit('main form[action="/import/spara"] button[type=submit]'));
      } catch (err) {
        report('import pages', [`exception: ${err.message}`]);
      }
    }

    // The 404 page: Swedish, accessible, with status 404.
    {
      const { errors } = await visit(lanes[0], `${origin}/finns-inte`, origin, 404);
      try {
        const text = await lanes[0].page.locator('main').innerText();
        if (!/(hittades inte|finns inte|hittar inte|kunde inte hitta)/i.test(text)) {
          errors.push(`no Swedish "not found" text in main: ${JSON.stringify(text.slice(0, 200))}`);
        }
      } catch (err) {
        errors.push(`exception: ${err.message}`);
      }
      report('/finns-inte (404)', errors);
    }

    // Graceful shutdown: SIGTERM while the browser still holds its idle keep-alive
    // connections, as a real one would.
    {
      const errors = [];
      const started = Date.now();
      server.child.kill('SIGTERM');
      const exit = await waitForExit(server.child, SHUTDOWN_MS);
      if (exit === null) {
        errors.push(`the server had not exited ${SHUTDOWN_MS / 1000} s after SIGTERM`);
      } else if (exit.code !== 0) {
        errors.push(`the server exited with code ${exit.code} (signal ${exit.signal}) after SIGTERM, expected 0\nstderr: ${server.output.stderr.trim().slice(-500)}`);
      }
      report(`graceful shutdown on SIGTERM (${((Date.now() - started) / 1000).toFixed(1)} s)`, errors);
    }
  } catch (err) {
    report('browser test run', [`exception: ${err.stack || err.message}`]);
  } finally {
    if (browser) await browser.close().catch(() => {});
    cleanup();
    clearTimeout(watchdog);
  }
}

await finish(main);
