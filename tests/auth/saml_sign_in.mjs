// Signing in through SAML 2.0 against the real binary and a real IdP: Debian's pysaml2 on
// loopback (tests/support/saml_idp.py, started by providers.mjs), with keys made by openssl. The IdP reads
// Uppsikt's SP metadata from its URL, so the metadata is tested too.
// Usage: node tests/auth/saml_sign_in.mjs build/uppsikt
import test, { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, forms, refreshTarget } from './browser.mjs';
import { freePort, startProcess, startSamlIdp } from './providers.mjs';

const binary = process.argv[2] || 'build/uppsikt';
const dir = mkdtempSync(join(tmpdir(), 'uppsikt-saml-'));
const db = join(dir, 'test.db');
let server, idp, base, idpBase;

function sql(query) {
  const out = spawnSync('sqlite3', ['-readonly', db, query], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  return out.stdout.trim();
}

const lastAudit = (action) => sql(`SELECT after_json FROM audit WHERE action = '${action}' ORDER BY id DESC LIMIT 1`);
const auditCount = (action) => Number(sql(`SELECT COUNT(*) FROM audit WHERE action = '${action}'`));
const sessionCount = () => Number(sql('SELECT COUNT(*) FROM sessions'));
const grantsOf = (email) => sql(`SELECT g.role || ' ' || u2.name || ' ' || g.source FROM grants g JOIN users u ON u.id = g.user_id ` +
  `JOIN units u2 ON u2.id = g.unit_id WHERE u.email = '${email}' ORDER BY g.role, u2.name`).split('\n').filter(Boolean);

before(async () => {
  const demo = spawnSync(binary, ['demo', '--db', db], { encoding: 'utf8' });
  assert.equal(demo.status, 0, demo.stderr);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  idp = await startSamlIdp(dir, base);
  idpBase = idp.base;
  const file = join(dir, 'uppsikt.toml');
  // The form of serve's configuration file, so that `config check` reads it whole. The IdP's
  // metadata is fetched from its URL; a copy of the file with idp_metadata_file must check too.
  const config = (metadata) => `[server]
public_url = "${base}"

[sign_in]
just_in_time = true

[[sign_in.saml]]
id = "test"
label = "Logga in med testorganisationens konto (SAML)"
${metadata}
sp_entity_id = "${base}/saml"
sp_key_file = "${join(dir, 'sp.key')}"
sp_cert_file = "${join(dir, 'sp.crt')}"
trust_email = true

[[sign_in.rules]]
group = "uppsikt-samordnare"
role = "coordinator"
unit = "Kommunstyrelsen"
`;
  writeFileSync(file, config(`idp_metadata_url = "${idpBase}/metadata"`));
  writeFileSync(join(dir, 'file.toml'), config(`idp_metadata_file = "${join(dir, 'idp.xml')}"`));
  for (const f of [file, join(dir, 'file.toml')]) {
    const check = spawnSync(binary, ['config', 'check', '--config', f], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
  }
  server = await startProcess(binary, ['serve', '--db', db, '--port', String(port), '--sign-in-config', file],
    /lyssnar på/, 'serve');
});

after(() => {
  server?.kill('SIGTERM');
  idp?.close();
  rmSync(dir, { recursive: true, force: true });
});

// Tells the IdP who signs in next and how; presses the button; returns the IdP's auto-posting
// form (action, SAMLResponse, RelayState).
async function atIdp(browser, next) {
  await idp.next(next);
  const page = await browser.request(`${base}/logga-in`);
  const button = forms(page.text, page.url).find((f) => f.action.endsWith('/logga-in/saml/test'));
  assert.ok(button, 'no SAML button on the sign-in page');
  const started = await browser.request(button.action, { method: 'POST', form: button.fields });
  assert.equal(started.status, 200);  // a page that moves on (web/onward_page.h), not a redirect
  const request = refreshTarget(started.text);
  assert.ok(request?.startsWith(`${idpBase}/sso?SAMLRequest=`), request);
  assert.match(request, /&Signature=/, 'the AuthnRequest is signed');
  const answer = await browser.request(request);
  assert.equal(answer.status, 200, answer.text);
  const form = forms(answer.text, answer.url)[0];
  assert.equal(form.action, `${base}/logga-in/saml/test/acs`);
  return form;
}

// Posts the IdP's form as its page would: without our form token.
const post = (browser, form) => browser.request(form.action, { method: 'POST', form: form.fields });
// Posts it and follows the handover on our own site, as a browser does after the IdP's page.
async function postAndFollow(browser, form) {
  const accepted = await post(browser, form);
  if (accepted.status !== 303) return accepted;
  assert.match(accepted.location, new RegExp(`^${base}/logga-in/saml/test/klar\\?overlamning=`));
  return browser.request(accepted.location);
}
const signedIn = async (browser) => (await browser.request(`${base}/`)).status === 200;
const coordinator = { user: 'ny-samordnare', email: 'ny.samordnare@demo.uppsikt.se', name: 'Ny Samordnare',
  groups: 'uppsikt-samordnare,annat' };

test('the SP metadata names the entity, its certificate and the assertion consumer', async () => {
  const res = await fetch(`${base}/logga-in/saml/test/metadata`);
  assert.equal(res.status, 200);
  const xml = await res.text();
  assert.match(xml, new RegExp(`entityID="${base}/saml"`));
  assert.match(xml, new RegExp(`Location="${base}/logga-in/saml/test/acs"`));
  assert.match(xml, /<ds:X509Certificate>MII/);
  assert.equal((await fetch(`${base}/logga-in/saml/ingen/metadata`)).status, 404);
});

test('a new person in the coordinators\' group signs in at the IdP with the rule\'s role', async () => {
  const browser = new Browser();
  const res = await postAndFollow(browser, await atIdp(browser, { ...coordinator, mode: 'ok' }));
  assert.equal(res.status, 303, res.text.slice(0, 800));
  assert.equal(res.location, `${base}/`);
  assert.ok(await signedIn(browser));
  assert.equal((await browser.request(`${base}/omgangar/ny`)).status, 200, 'a coordinator may start a round');
  assert.deepEqual(grantsOf('ny.samordnare@demo.uppsikt.se'), ['coordinator Kommunstyrelsen rule']);
  assert.match(lastAudit('sign_in'), /"provider":"test"/);
  assert.equal(sql("SELECT COUNT(*) FROM external_identities WHERE subject = 'ny-samordnare'"), '1');
});

test('a replayed assertion is refused, said in Swedish, audited, and makes no session', async () => {
  const browser = new Browser();
  const form = await atIdp(browser, { ...coordinator, mode: 'ok' });
  assert.equal((await postAndFollow(browser, form)).status, 303);
  const sessions = sessionCount();
  const replay = new Browser();
  const again = await post(replay, form);
  assert.equal(again.status, 400);
  assert.match(again.text, /Inloggningsbeviset har redan använts/);
  assert.equal(replay.cookie(base, 'uppsikt_session'), undefined);
  assert.equal(sessionCount(), sessions);
  assert.match(lastAudit('sign_in_refused'), /"reason":"assertion_replayed"/);
});

const refusals = [
  ['unsigned', 'not_signed', /det är inte signerat/],
  ['wrong_audience', 'wrong_audience', /utfärdat för en annan tjänst/],
  ['expired', 'not_valid_now', /giltighetstiden har gått ut/],
];

for (const [mode, reason, message] of refusals) {
  test(`an assertion ${mode} is refused, said in Swedish, audited, and makes no session`, async () => {
    const before = auditCount('sign_in_refused');
    const sessions = sessionCount();
    const browser = new Browser();
    const res = await post(browser, await atIdp(browser, { ...coordinator, mode }));
    assert.equal(res.status, 400, res.text.slice(0, 800));
    assert.match(res.text, /Inloggningsbeviset från identitetsleverantören godtogs inte/);
    assert.match(res.text, message);
    assert.equal(browser.cookie(base, 'uppsikt_session'), undefined);
    assert.equal(await signedIn(browser), false);
    assert.equal(sessionCount(), sessions);
    assert.equal(auditCount('sign_in_refused'), before + 1);
    const row = lastAudit('sign_in_refused');
    assert.match(row, new RegExp(`"reason":"${reason}"`));
    assert.doesNotMatch(row, /PHNhbWxw|<samlp:/, 'the message is never in the audit trail');
  });
}

test('an answer posted without a request from here (no RelayState) is refused', async () => {
  const browser = new Browser();
  const form = await atIdp(browser, { ...coordinator, mode: 'ok' });
  const res = await browser.request(form.action, { method: 'POST', form: { SAMLResponse: form.fields.SAMLResponse } });
  assert.equal(res.status, 400);
  assert.match(res.text, /Inloggningen kunde inte slutföras/);
  assert.match(lastAudit('sign_in_refused'), /"reason":"state_unknown"/);
});

// Login CSRF: someone signs in at the IdP as themselves and makes another person's browser post
// their answer (from a page of theirs); that browser must not end up signed in as them.
test('an answer posted from another browser than the one that started the sign-in makes no session', async () => {
  const attacker = new Browser();
  const form = await atIdp(attacker, { ...coordinator, mode: 'ok' });
  const victim = new Browser();
  assert.equal((await victim.request(`${base}/logga-in`)).status, 200);  // has a form cookie of its own
  const sessions = sessionCount();
  const accepted = await post(victim, form);
  assert.equal(accepted.status, 303, accepted.text.slice(0, 800));
  const res = await victim.request(accepted.location);
  assert.equal(res.status, 400);
  assert.match(res.text, /påbörjades i en annan webbläsare/);
  assert.equal(victim.cookie(base, 'uppsikt_session'), undefined);
  assert.equal(sessionCount(), sessions);
  assert.match(lastAudit('sign_in_refused'), /"reason":"other_browser"/);
  // The handover was used up by the refusal: the starting browser cannot take it either.
  const late = await attacker.request(accepted.location);
  assert.equal(late.status, 400);
  assert.match(lastAudit('sign_in_refused'), /"reason":"handover_unknown"/);
});

test('the IdP\'s post does not replace the browser\'s form cookie', async () => {
  const browser = new Browser();
  const form = await atIdp(browser, { ...coordinator, mode: 'ok' });
  const before = browser.cookie(base, 'uppsikt_form');
  const stranger = new Browser();  // no cookies at all, as a cross-site post arrives
  const accepted = await post(stranger, form);
  assert.equal(accepted.status, 303);
  assert.equal(stranger.cookie(base, 'uppsikt_form'), undefined);
  const res = await browser.request(accepted.location);
  assert.equal(res.status, 303, res.text.slice(0, 800));
  assert.equal(browser.cookie(base, 'uppsikt_form'), before);
  assert.ok(await signedIn(browser));
});

test('IdP metadata at a URL that cannot be fetched stops the configuration check with one Swedish line', async () => {
  const bad = join(dir, 'bad.toml');
  const closed = await freePort();
  writeFileSync(bad, `[server]
public_url = "${base}"

[[sign_in.saml]]
id = "test"
label = "SAML"
idp_metadata_url = "http://127.0.0.1:${closed}/metadata"
sp_entity_id = "${base}/saml"
sp_key_file = "${join(dir, 'sp.key')}"
sp_cert_file = "${join(dir, 'sp.crt')}"
`);
  const check = spawnSync(binary, ['config', 'check', '--config', bad], { encoding: 'utf8' });
  assert.equal(check.status, 2, check.stdout + check.stderr);
  assert.match(check.stderr, /idp_metadata_url \(rad \d+\): kan inte hämta http:\/\/127\.0\.0\.1:\d+\/metadata/);
  assert.equal(check.stderr.trim().split('\n').length, 1, check.stderr);
});

// Signs `browser` in as `who` through the IdP.
async function signInAs(browser, who) {
  const res = await postAndFollow(browser, await atIdp(browser, { ...who, mode: 'ok' }));
  assert.equal(res.status, 303, res.text.slice(0, 800));
  assert.ok(await signedIn(browser));
}

test('signing out goes through the IdP\'s single logout and comes back signed out', async () => {
  const browser = new Browser();
  await signInAs(browser, coordinator);
  const home = await browser.request(`${base}/`);
  const signOut = forms(home.text, home.url).find((f) => f.action.endsWith('/logga-ut'));
  const out = await browser.request(signOut.action, { method: 'POST', form: signOut.fields });
  assert.equal(out.status, 200);
  assert.match(out.text, /Du är utloggad/);
  const request = refreshTarget(out.text);
  assert.ok(request?.startsWith(`${idpBase}/slo?SAMLRequest=`), request);
  assert.match(request, /&Signature=/, 'the LogoutRequest is signed');
  assert.equal(await signedIn(browser), false);
  const atIdpSide = await browser.request(request);
  assert.equal(atIdpSide.status, 303, atIdpSide.text);
  assert.ok(atIdpSide.location.startsWith(`${base}/logga-in/saml/test/slo?SAMLResponse=`), atIdpSide.location);
  const back = await browser.request(atIdpSide.location);
  assert.equal(back.status, 303);
  assert.equal(back.location, `${base}/logga-in`);
  const logout = await idp.lastLogout();
  assert.equal(logout.name_id, coordinator.user);
  assert.equal(logout.signed, true);
});

// Where the IdP sends a browser to sign `user` out here (as if they had signed out at the IdP).
async function logoutFromIdp(user) {
  const res = await fetch(`${idpBase}/start-logout?${new URLSearchParams({ user, sp: `${base}/saml` })}`,
    { redirect: 'manual' });
  assert.equal(res.status, 303, await res.text());
  const location = res.headers.get('location');
  assert.ok(location.startsWith(`${base}/logga-in/saml/test/slo?SAMLRequest=`), location);
  return location;
}

test('signing out at the IdP ends the session here too, and the IdP is told so', async () => {
  const browser = new Browser();
  await signInAs(browser, coordinator);
  const signOuts = auditCount('sign_out');
  const res = await browser.request(await logoutFromIdp(coordinator.user));
  assert.equal(res.status, 303);
  assert.ok(res.location.startsWith(`${idpBase}/slo?SAMLResponse=`), res.location);
  assert.equal(await signedIn(browser), false);
  assert.equal(auditCount('sign_out'), signOuts + 1);
  assert.equal((await browser.request(res.location)).status, 200);
  assert.match((await idp.lastLogout()).answer, /:Success$/);
});

test('a LogoutRequest from the IdP for another person leaves this browser signed in', async () => {
  const other = { user: 'annan-person', email: 'annan.person@demo.uppsikt.se', name: 'Annan Person', groups: '' };
  await signInAs(new Browser(), other);
  const browser = new Browser();
  await signInAs(browser, coordinator);
  const res = await browser.request(await logoutFromIdp(other.user));
  assert.equal(res.status, 303);
  assert.ok(await signedIn(browser), 'the coordinator is still signed in');
  assert.equal((await browser.request(res.location)).status, 200);
  const answer = (await idp.lastLogout()).answer ?? '';
  assert.doesNotMatch(answer, /:Success$/);
  assert.match(answer, /Responder/, 'the IdP is told that this person was not signed out here');
});
