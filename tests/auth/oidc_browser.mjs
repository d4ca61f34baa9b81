// Signing in and out through OpenID Connect in a real browser (Debian's chromium): the real
// binary and a real OpenID Provider (npm oidc-provider, providers.mjs) on two different
// sites, Uppsikt at http://localhost:PORT and the provider at http://127.0.0.1:PORT2, so the
// browser applies its SameSite rules to the cross-site steps as it would in a municipality.
// A new person in the coordinators' group presses the provider's button, signs in at the
// provider, lands on Uppsikt signed in with the role a rule gives, then signs out through
// Uppsikt, which sends them through the provider's sign-out and back, signed out.
//
// Usage (from the repository root): node tests/auth/oidc_browser.mjs <path-to-uppsikt-binary>
// Ends with "N passed, M failed"; exit code 0 only when everything passed.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

import { AXE_SOURCE, LAUNCH_TWO_SITES, checkStructure, report, runAxe, runWithDemo, startServer } from '../browser/helpers.mjs';
import { CLIENT_ID, CLIENT_SECRET, freePort, startRealProvider } from './providers.mjs';

// Below CTest's 120 s, so that the server is still killed and the temp dir removed.
const WATCHDOG_MS = 100_000;
const WAIT_MS = 20_000;  // for a page to come, generous for a loaded machine
const BUTTON = 'Logga in med testorganisationens konto';
const PERSON = { login: 'ny-samordnare', email: 'ny.samordnare@demo.uppsikt.se', name: 'Ny Samordnare' };

function writeConfig(dir, uppsikt, issuer) {
  writeFileSync(path.join(dir, 'secret'), `${CLIENT_SECRET}\n`);
  const file = path.join(dir, 'uppsikt.toml');
  writeFileSync(file, `public_url = "${uppsikt}"

[sign_in]
just_in_time = true

[[sign_in.oidc]]
id = "test"
label = "${BUTTON}"
issuer = "${issuer}"
client_id = "${CLIENT_ID}"
client_secret_file = "${path.join(dir, 'secret')}"
scopes = ["openid", "profile", "email", "groups"]

[[sign_in.rules]]
group = "uppsikt-samordnare"
role = "coordinator"
unit = "Kommunstyrelsen"
`);
  return file;
}

// What the browser said about blocked requests (the Content-Security-Policy's form-action …).
const blocked = [];

// Runs `step` and reports it under `name`: its own list of errors, or the exception it threw
// with where the page was and what the browser blocked on the way.
async function check(name, page, step) {
  let errors;
  blocked.length = 0;
  try {
    errors = await step();
  } catch (err) {
    const text = await page.locator('body').innerText({ timeout: 2_000 }).catch(() => '');
    errors = [`exception: ${err.message.split('\n')[0]}`, `at ${page.url()}: ${text.trim().slice(0, 200)}`,
      ...blocked.map((b) => `the browser said: ${b}`)];
  }
  report(name, errors);
  return errors.length === 0;
}

const signedInAs = async (page) => {
  const user = page.locator('.uppsikt-user');
  return (await user.count()) ? (await user.innerText()).trim() : '';
};

// At the provider (its development pages, which have placeholders for labels): sign in, then consent.
async function signInAtProvider(page, issuer) {
  await page.waitForURL((url) => url.href.startsWith(`${issuer}/interaction/`), { timeout: WAIT_MS });
  await page.getByRole('textbox', { name: 'Enter any login' }).fill(PERSON.login);
  await page.getByPlaceholder('and password').fill('valfritt');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click({ timeout: WAIT_MS });
}

// axe-core is injected into this page only: compiling it in every page of the flow would take
// seconds a page on a loaded machine.
async function checkSignInPage(context, uppsikt) {
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  await page.addInitScript({ content: AXE_SOURCE });
  const ok = await check('the sign-in page with the provider\'s button (structure, axe-core)', page, async () => {
    await page.goto(`${uppsikt}/logga-in`, { waitUntil: 'load', timeout: WAIT_MS });
    const errors = [...(await checkStructure(page)), ...(await runAxe(page))];
    if (!await page.getByRole('button', { name: BUTTON }).isVisible()) errors.push(`no button named "${BUTTON}"`);
    return errors;
  });
  await page.close();
  return ok;
}

async function flow(context, uppsikt, issuer) {
  if (!await checkSignInPage(context, uppsikt)) return;
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  page.setDefaultNavigationTimeout(WAIT_MS);
  page.on('console', (m) => { if (/Content Security Policy|blocked/i.test(m.text())) blocked.push(m.text()); });

  if (!await check('signing in at the provider lands on Uppsikt signed in', page, async () => {
    await page.goto(`${uppsikt}/logga-in`, { waitUntil: 'load' });
    await page.getByRole('button', { name: BUTTON }).click();
    await signInAtProvider(page, issuer);
    await page.waitForURL(`${uppsikt}/`, { timeout: WAIT_MS, waitUntil: 'load' });
    const user = await signedInAs(page);
    return user.includes(`Inloggad som ${PERSON.name}`) ? [] : [`the header says "${user}", expected "Inloggad som ${PERSON.name}"`];
  })) return;

  await check('the rule\'s coordinator role is in effect: the person may start a round', page, async () => {
    const res = await page.goto(`${uppsikt}/omgangar/ny`, { waitUntil: 'load' });
    const errors = [];
    if (res.status() !== 200) errors.push(`/omgangar/ny answered ${res.status()}`);
    if (new URL(page.url()).pathname !== '/omgangar/ny') errors.push(`/omgangar/ny ended on ${page.url()}`);
    if (!await page.locator('main form').count()) errors.push('no form for a new round');
    return errors;
  });

  if (!await check('signing out goes through the provider\'s sign-out and back, signed out', page, async () => {
    await page.goto(`${uppsikt}/`, { waitUntil: 'load' });
    await page.getByRole('button', { name: 'Logga ut' }).click();
    // RP-initiated logout: the provider asks whether to sign out of it too.
    await page.waitForURL((url) => url.href.startsWith(`${issuer}/session/end`), { timeout: WAIT_MS });
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(`${uppsikt}/logga-in`, { timeout: WAIT_MS, waitUntil: 'load' });
    const errors = [];
    const user = await signedInAs(page);
    if (user) errors.push(`the sign-in page still says "${user}"`);
    if (!await page.getByRole('button', { name: BUTTON }).isVisible()) errors.push('the sign-in page has no provider button');
    return errors;
  })) return;

  await check('a signed-in page now sends to the sign-in page', page, async () => {
    await page.goto(`${uppsikt}/omgangar/ny`, { waitUntil: 'load' });
    const where = new URL(page.url());
    return where.origin === uppsikt && where.pathname === '/logga-in' ? [] : [`/omgangar/ny ended on ${page.url()}`];
  });

  await check('the provider forgot the person too: its button asks them to sign in again', page, async () => {
    await page.goto(`${uppsikt}/logga-in`, { waitUntil: 'load' });
    await page.getByRole('button', { name: BUTTON }).click();
    await page.waitForURL((url) => url.href.startsWith(`${issuer}/interaction/`), { timeout: WAIT_MS });
    return await page.getByRole('textbox', { name: 'Enter any login' }).isVisible() ? [] : [`no login form at ${page.url()}`];
  });
}

await runWithDemo('uppsikt-oidc-browser-', WATCHDOG_MS, async ({ binary, tmp, db, onStop }) => {
  const port = await freePort();
  const uppsikt = `http://localhost:${port}`;
  const people = { [PERSON.login]: { email: PERSON.email, name: PERSON.name, groups: ['uppsikt-samordnare'] } };
  const provider = await startRealProvider(uppsikt, people);  // at http://127.0.0.1:…, another site
  onStop(() => provider.close());
  const server = await startServer(binary, db, ['--sign-in-config', writeConfig(tmp, uppsikt, provider.issuer)], port);
  onStop(() => server.child.kill('SIGKILL'));
  const browser = await chromium.launch(LAUNCH_TWO_SITES);
  onStop(() => browser.close());
  await flow(await browser.newContext({ locale: 'sv-SE' }), uppsikt, provider.issuer);
});
