// What the browser tests share: Debian's chromium, the demo database and the server, the
// structure and axe-core checks of a page, and the ok/FAIL report lines.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// Injected as an init script, which the pages' Content-Security-Policy does not block.
export const AXE_SOURCE = readFileSync(require.resolve('axe-core'), 'utf8');
export const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
// For a test with Uppsikt at http://localhost:PORT and an identity provider at
// http://127.0.0.1:PORT2: two sites, so the browser's SameSite rules apply between them.
// Uppsikt listens on 127.0.0.1 only; no other name resolves, so nothing leaves the machine
// (the OpenID provider's pages ask for a web font).
export const LAUNCH_TWO_SITES = {
  ...LAUNCH,
  args: [...LAUNCH.args, '--host-resolver-rules=MAP localhost 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
};

// Counts results and prints "ok  name (0 fel)" or "FAIL name (n fel)" with the errors.
export const results = { passed: 0, failed: 0 };

export function report(name, errors) {
  if (errors.length === 0) {
    results.passed++;
    console.log(`ok  ${name} (0 fel)`);
  } else {
    results.failed++;
    console.log(`FAIL ${name} (${errors.length} fel)`);
    for (const e of errors) console.log(`    - ${e.replace(/\n/g, '\n      ')}`);
  }
}

// Fills a new database at `db` with `uppsikt demo`; returns a list of errors.
export function makeDemo(binary, db) {
  const demo = spawnSync(binary, ['demo', '--db', db], { encoding: 'utf8', timeout: 60_000 });
  if (demo.status === 0) return [];
  return [`"uppsikt demo" exited with ${demo.status} (signal ${demo.signal}): ${(demo.stderr || '').trim()}`];
}

// Starts `uppsikt serve` (with `options` after its database and port, e.g. the mail server's)
// and resolves with { child, port, output } once it prints its address. With --public-url the
// greeting names that URL instead; the log line "listening on ADDRESS:PORT" names the port.
export function startServer(bin, db, options = [], port = 0) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['serve', '--db', db, '--port', String(port), ...options], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = { stdout: '', stderr: '' };
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      reject(new Error(`the server printed no address within 15 s\nstdout: ${output.stdout}\nstderr: ${output.stderr}`));
    }, 15_000);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    const started = () => {
      const m = output.stdout.match(/lyssnar på http:\/\/[^:\s]+:(\d+)\//) || output.stderr.match(/listening on \S+:(\d+) /);
      if (m && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]), output });
      }
    };
    child.stdout.on('data', (chunk) => {
      output.stdout += chunk;
      started();
    });
    child.stderr.on('data', (chunk) => {
      output.stderr += chunk;
      started();
    });
    child.on('error', (err) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(err);
    });
    child.on('exit', (code, signal) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new Error(`the server exited early (code ${code}, signal ${signal})\nstdout: ${output.stdout}\nstderr: ${output.stderr}`));
    });
  });
}

// Resolves with { code, signal } when the child exits, or null after `ms`.
export function waitForExit(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

// axe-core is injected into every document by the context (an init script is not subject
// to the page's Content-Security-Policy, so the pages are tested with their real CSP).
export async function runAxe(page) {
  const result = await page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      count: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  }, AXE_TAGS);
  return result.map((v) => `axe ${v.id} [${v.impact}] ${v.help} (${v.count} element): ${v.targets.join(' | ')}`);
}

// Structure checks on the loaded page; returns a list of errors.
export async function checkStructure(page) {
  const errors = [];
  const facts = await page.evaluate(() => {
    const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => ({
      level: Number(h.tagName[1]),
      text: (h.textContent || '').trim().slice(0, 60),
    }));
    const counts = new Map();
    for (const el of document.querySelectorAll('[id]')) counts.set(el.id, (counts.get(el.id) || 0) + 1);
    const duplicateIds = [...counts].filter(([, n]) => n > 1).map(([id, n]) => `${id} (${n})`);
    const utc = (document.body ? document.body.innerText : '').match(/\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?(\.\d+)?Z?/);
    return { lang: document.documentElement.getAttribute('lang'), headings, duplicateIds, utc: utc ? utc[0] : null };
  });
  // People read Swedish time, "2026-12-06 08.08"; UTC is for the machine-readable downloads.
  if (facts.utc) errors.push(`raw UTC timestamp in the page's text: ${facts.utc}`);
  // A label's for= and an error link's href reach only the first of two equal ids.
  if (facts.duplicateIds.length > 0) errors.push(`duplicate id: ${facts.duplicateIds.join(', ')}`);
  if (facts.lang !== 'sv') errors.push(`html[lang] is ${JSON.stringify(facts.lang)}, expected "sv"`);
  const h1s = facts.headings.filter((h) => h.level === 1).length;
  if (h1s !== 1) errors.push(`${h1s} h1 elements, expected exactly one`);
  let previous = 0;
  for (const h of facts.headings) {
    if (h.level > previous + 1) {
      errors.push(`heading level skipped: h${h.level} "${h.text}" follows ${previous ? `h${previous}` : 'no heading'}`);
    }
    previous = h.level;
  }
  // The skip link must be the first thing Tab reaches; on a page with an error summary, the
  // summary holds the focus (the GOV.UK/FKUI pattern) and Tab goes on to its first link.
  const summaryFocused = await page.evaluate(() => {
    const el = document.activeElement;
    return !!el && el.classList.contains('error-list');
  });
  if (summaryFocused) return errors;
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    return { tag: el.tagName.toLowerCase(), cls: el.className, href: el.getAttribute('href'), text: (el.textContent || '').trim() };
  });
  if (!focused) {
    errors.push('Tab from page load focused nothing (no skip link)');
  } else if (!String(focused.cls).split(/\s+/).includes('skip-link') || focused.href !== '#innehall') {
    errors.push(`first focusable element is <${focused.tag} class="${focused.cls}" href="${focused.href}"> "${focused.text}", expected the skip link to #innehall`);
  }
  return errors;
}

// Signs in as `email` through the form in a new page of `context`; returns a list of errors.
export async function signInAs(context, origin, email, password) {
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/logga-in`, { waitUntil: 'load' });
    await page.fill('#epost', email);
    await page.fill('#losenord', password);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('button[type=submit]')]);
    // Respondents and approvers land on their own tasks, the others on the start page.
    if (!['/', '/mina-uppfoljningar'].includes(new URL(page.url()).pathname)) return [`sign-in as ${email} ended on ${page.url()}`];
    return [];
  } catch (err) {
    return [`sign-in as ${email}: ${err.message}`];
  } finally {
    await page.close();
  }
}

// Runs a test script's main() and ends the process with the line CTest reads,
// "N passed, M failed"; the exit code is 0 only when something passed and nothing failed.
export async function finish(main) {
  const startedAt = Date.now();
  await main();
  console.log(`(${((Date.now() - startedAt) / 1000).toFixed(0)} s)`);
  console.log(`${results.passed} passed, ${results.failed} failed`);
  process.exit(results.failed === 0 && results.passed > 0 ? 0 : 1);
}

// The frame of a browser test run, under finish(): the binary named on the command line, a
// temporary directory (`prefix`) with the demo database in it, and a watchdog that reports and
// ends the run after `watchdogMs` (below CTest's timeout, so that the cleanup still happens).
// `body({ binary, tmp, db, onStop })` registers with onStop what must be stopped at the end,
// or by the watchdog (servers, providers, the browser); they are stopped last first.
export async function runWithDemo(prefix, watchdogMs, body) {
  await finish(async () => {
    const bin = process.argv[2];
    if (!bin || !existsSync(path.resolve(bin))) {
      report('binary', [`no such binary: ${bin}`]);
      return;
    }
    const binary = path.resolve(bin);
    const tmp = mkdtempSync(path.join(tmpdir(), prefix));
    const stops = [];
    const watchdog = setTimeout(() => {
      report('watchdog', [`the run took longer than ${watchdogMs / 1000} s`]);
      for (const stop of stops.reverse()) stop();
      rmSync(tmp, { recursive: true, force: true });
      process.exit(1);
    }, watchdogMs);
    watchdog.unref();
    try {
      const db = path.join(tmp, 'demo.db');
      const demoErrors = makeDemo(binary, db);
      if (demoErrors.length) {
        report('demo database', demoErrors);
        return;
      }
      await body({ binary, tmp, db, onStop: (stop) => stops.push(stop) });
    } finally {
      for (const stop of stops.splice(0).reverse()) await stop();
      rmSync(tmp, { recursive: true, force: true });
    }
  });
}
