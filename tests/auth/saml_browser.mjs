// Signing in and out through SAML 2.0 in a real browser (Debian's chromium): the real binary
// at http://localhost:PORT and a real IdP (pysaml2, providers.mjs) at http://127.0.0.1:PORT2,
// two sites, so the IdP's page posts its answer cross-site without Uppsikt's SameSite=Lax
// cookies, as it would in a municipality. The answer must still reach the browser that
// started the sign-in (the handover on Uppsikt's own site), land signed in with the rule's
// role, and signing out must go through the IdP's single logout and leave them signed out.
//
// Usage (from the repository root): node tests/auth/saml_browser.mjs <path-to-uppsikt-binary>
// Ends with "N passed, M failed"; exit code 0 only when everything passed.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

import { LAUNCH_TWO_SITES, report, runWithDemo, startServer } from '../browser/helpers.mjs';
import { freePort, startSamlIdp } from './providers.mjs';

const WATCHDOG_MS = 100_000;  // below CTest's 120 s, so that the servers are still stopped
const WAIT_MS = 20_000;
const BUTTON = 'Logga in med kommunens konto (SAML)';
const PERSON = { user: 'saml-samordnare', email: 'saml.samordnare@demo.uppsikt.se', name: 'Saml Samordnare',
  groups: 'uppsikt-samordnare', mode: 'ok' };

function writeConfig(dir, uppsikt, idp) {
  const file = path.join(dir, 'uppsikt.toml');
  writeFileSync(file, `public_url = "${uppsikt}"

[sign_in]
just_in_time = true

[[sign_in.saml]]
id = "test"
label = "${BUTTON}"
idp_metadata_file = "${idp.metadataFile}"
sp_entity_id = "${uppsikt}/saml"
sp_key_file = "${idp.spKey}"
sp_cert_file = "${idp.spCert}"
trust_email = true

[[sign_in.rules]]
group = "uppsikt-samordnare"
role = "coordinator"
unit = "Kommunstyrelsen"
`);
  return file;
}

// Runs `step` and reports it under `name`: its list of errors, or the exception it threw
// with where the page was.
async function check(name, page, step) {
  let errors;
  try {
    errors = await step();
  } catch (err) {
    const text = await page.locator('body').innerText({ timeout: 2_000 }).catch(() => '');
    errors = [`exception: ${err.message.split('\n')[0]}`, `at ${page.url()}: ${text.trim().slice(0, 200)}`];
  }
  report(name, errors);
  return errors.length === 0;
}

const signedInAs = async (page) => {
  const user = page.locator('.uppsikt-user');
  return (await user.count()) ? (await user.innerText()).trim() : '';
};

async function flow(context, uppsikt, idp) {
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  page.setDefaultNavigationTimeout(WAIT_MS);

  if (!await check('signing in at the IdP, whose page posts the answer from its own site, lands signed in', page, async () => {
    await idp.next(PERSON);
    await page.goto(`${uppsikt}/logga-in`, { waitUntil: 'load' });
    await page.getByRole('button', { name: BUTTON }).click();
    // The IdP's page posts the answer by itself; the handover then brings the browser home.
    await page.waitForURL(`${uppsikt}/`, { timeout: WAIT_MS, waitUntil: 'load' });
    const user = await signedInAs(page);
    return user.includes(`Inloggad som ${PERSON.name}`) ? [] : [`the header says "${user}"`];
  })) return;

  await check('the rule\'s coordinator role is in effect: the person may start a round', page, async () => {
    const res = await page.goto(`${uppsikt}/omgangar/ny`, { waitUntil: 'load' });
    return res.status() === 200 && new URL(page.url()).pathname === '/omgangar/ny' ? [] : [`/omgangar/ny: ${res.status()} at ${page.url()}`];
  });

  await check('signing out goes through the IdP\'s single logout and back, signed out', page, async () => {
    await page.goto(`${uppsikt}/`, { waitUntil: 'load' });
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.waitForURL(`${uppsikt}/logga-in`, { timeout: WAIT_MS, waitUntil: 'load' });
    const errors = [];
    const logout = await idp.lastLogout();
    if (logout.name_id !== PERSON.user) errors.push(`the IdP got no LogoutRequest for ${PERSON.user}: ${JSON.stringify(logout)}`);
    if (await signedInAs(page)) errors.push('the sign-in page still shows a signed-in person');
    await page.goto(`${uppsikt}/omgangar/ny`, { waitUntil: 'load' });
    if (new URL(page.url()).pathname !== '/logga-in') errors.push(`/omgangar/ny ended on ${page.url()}`);
    return errors;
  });
}

await runWithDemo('uppsikt-saml-browser-', WATCHDOG_MS, async ({ binary, tmp, db, onStop }) => {
  const port = await freePort();
  const uppsikt = `http://localhost:${port}`;
  const idp = await startSamlIdp(tmp, uppsikt);  // at http://127.0.0.1:…, another site
  onStop(() => idp.close());
  const server = await startServer(binary, db, ['--sign-in-config', writeConfig(tmp, uppsikt, idp)], port);
  onStop(() => server.child.kill('SIGKILL'));
  const browser = await chromium.launch(LAUNCH_TWO_SITES);
  onStop(() => browser.close());
  await flow(await browser.newContext({ locale: 'sv-SE' }), uppsikt, idp);
});
