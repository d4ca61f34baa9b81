// Signing in through OpenID Connect against the real binary: a real OpenID Provider
// (oidc-provider) and a made-up one for tokens that must be refused (providers.mjs).
// Usage: node tests/auth/oidc_sign_in.mjs build/uppsikt
import test, { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, forms, links, refreshTarget } from './browser.mjs';
import { CLIENT_ID, CLIENT_SECRET, freePort, startFakeProvider, startRealProvider } from './providers.mjs';

const binary = process.argv[2] || 'build/uppsikt';
const dir = mkdtempSync(join(tmpdir(), 'uppsikt-oidc-'));
const db = join(dir, 'test.db');
let server, real, fake, base;

// People at the real provider; the tests change their groups.
const people = {
  'ny-samordnare': { email: 'ny.samordnare@demo.uppsikt.se', name: 'Ny Samordnare', groups: ['uppsikt-samordnare'] },
  svarande: { email: 'svarande@demo.uppsikt.se', name: 'Svarande', groups: ['uppsikt-samordnare'] },
};

function sql(query) {
  const out = spawnSync('sqlite3', ['-readonly', db, query], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  return out.stdout.trim();
}

const lastAudit = (action, column = 'after_json') =>
  sql(`SELECT ${column} FROM audit WHERE action = '${action}' ORDER BY id DESC LIMIT 1`);
const auditCount = (action) => Number(sql(`SELECT COUNT(*) FROM audit WHERE action = '${action}'`));
const grantsOf = (email) => sql(`SELECT g.role || ' ' || u2.name || ' ' || g.source FROM grants g JOIN users u ON u.id = g.user_id ` +
  `JOIN units u2 ON u2.id = g.unit_id WHERE u.email = '${email}' ORDER BY g.role, u2.name`).split('\n').filter(Boolean);

function startServer(config) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['serve', '--db', db, '--port', String(config.port), '--sign-in-config', config.file],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, UPPSIKT_TEST_FALSK_SECRET: CLIENT_SECRET } });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no address within 15 s: ${out}`)), 15_000);
    child.stdout.on('data', (d) => { out += d; if (/lyssnar på/.test(out)) { clearTimeout(timer); resolve(child); } });
    child.stderr.on('data', (d) => { out += d; });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited ${code}: ${out}`)); });
  });
}

before(async () => {
  const demo = spawnSync(binary, ['demo', '--db', db], { encoding: 'utf8' });
  assert.equal(demo.status, 0, demo.stderr);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  real = await startRealProvider(base, people);
  fake = await startFakeProvider();
  writeFileSync(join(dir, 'secret'), `${CLIENT_SECRET}\n`);
  const file = join(dir, 'uppsikt.toml');
  writeFileSync(file, `public_url = "${base}"

[sign_in]
just_in_time = true

[[sign_in.oidc]]
id = "test"
label = "Logga in med testorganisationens konto"
issuer = "${real.issuer}"
client_id = "${CLIENT_ID}"
client_secret_file = "${join(dir, 'secret')}"
scopes = ["openid", "profile", "email", "groups"]

[[sign_in.oidc]]
id = "falsk"
label = "Logga in med den falska leverantören"
issuer = "${fake.issuer}"
client_id = "${CLIENT_ID}"
client_secret_env = "UPPSIKT_TEST_FALSK_SECRET"
jwks_min_refetch_seconds = 1

[[sign_in.rules]]
group = "uppsikt-samordnare"
role = "coordinator"
unit = "Kommunstyrelsen"
`);
  server = await startServer({ port, file });
});

after(async () => {
  server?.kill('SIGTERM');
  await Promise.all([real?.close(), fake?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

// Presses the provider's button on the sign-in page; returns the redirect to the provider.
async function pressButton(browser, provider) {
  const page = await browser.request(`${base}/logga-in`);
  const form = forms(page.text, page.url).find((f) => f.action.endsWith(`/logga-in/oidc/${provider}`));
  assert.ok(form, `no button for ${provider}`);
  const res = await browser.request(form.action, { method: 'POST', form: form.fields });
  // A page that moves on, not a redirect: the page's form-action 'self' would block that.
  assert.equal(res.status, 200, res.text.slice(0, 500));
  const next = refreshTarget(res.text);
  assert.ok(next, 'the page does not move on to the provider');
  assert.ok(links(res.text).includes(next), 'a link to the provider for when the page does not move on');
  return next;
}

const isCallback = (url) => url.startsWith(`${base}/logga-in/oidc?`);

// Signs in at the real provider as `login` (its login and consent pages) and comes back;
// returns Uppsikt's answer to the callback.
async function signInReal(browser, login) {
  let res = await browser.follow(await pressButton(browser, 'test'), {}, isCallback);
  for (let i = 0; i < 6 && !res.location; i++) {
    const form = forms(res.text, res.url)[0];
    assert.ok(form, `no form at the provider: ${res.status} ${res.text.slice(0, 300)}`);
    const fields = form.fields.prompt === 'login' ? { ...form.fields, login, password: 'valfritt' } : form.fields;
    res = await browser.follow(form.action, { method: form.method, form: fields }, isCallback);
  }
  assert.ok(isCallback(res.location), `ended at ${res.location}`);
  return browser.request(res.location);
}

// The made-up provider answers at once; returns the callback URL and Uppsikt's answer to it.
async function signInFake(browser) {
  const atProvider = await browser.request(await pressButton(browser, 'falsk'));
  assert.ok(isCallback(atProvider.location));
  return { callback: atProvider.location, res: await browser.request(atProvider.location) };
}

async function signedIn(browser) {
  return (await browser.request(`${base}/`)).status === 200;
}

test('the sign-in page shows one button per provider above the password form', async () => {
  const page = await new Browser().request(`${base}/logga-in`);
  const real = page.text.indexOf('Logga in med testorganisationens konto');
  const fake = page.text.indexOf('Logga in med den falska leverantören');
  assert.ok(real > 0 && fake > 0);
  assert.ok(real < page.text.indexOf('name="losenord"'));
});

test('a new person in the coordinators\' group signs in at the real provider with the rule\'s role', async () => {
  const browser = new Browser();
  const res = await signInReal(browser, 'ny-samordnare');
  assert.equal(res.status, 303);
  assert.equal(res.location, `${base}/`);
  assert.ok(await signedIn(browser));
  assert.equal((await browser.request(`${base}/omgangar/ny`)).status, 200, 'a coordinator may start a round');
  assert.deepEqual(grantsOf('ny.samordnare@demo.uppsikt.se'), ['coordinator Kommunstyrelsen rule']);
  assert.match(lastAudit('sign_in'), /"provider":"test"/);
  assert.match(lastAudit('grant_rule_add'), /"unit":"Kommunstyrelsen"/);

  // Signing out ends the session here and goes on to the provider's sign-out.
  const home = await browser.request(`${base}/`);
  const signOut = forms(home.text, home.url).find((f) => f.action.endsWith('/logga-ut'));
  const out = await browser.request(signOut.action, { method: 'POST', form: signOut.fields });
  assert.equal(out.status, 200);
  assert.match(out.text, /Du är utloggad/);
  const onward = refreshTarget(out.text);
  assert.ok(onward?.startsWith(`${real.issuer}/session/end`), onward);
  assert.equal(await signedIn(browser), false);
  const confirm = await browser.request(onward);
  const form = forms(confirm.text, confirm.url)[0];
  const back = await browser.follow(form.action, { method: 'POST', form: { ...form.fields, logout: 'yes' } });
  assert.equal(back.url, `${base}/logga-in`);
  // The provider forgot the person too: it asks them to sign in again.
  const again = await browser.follow(await pressButton(browser, 'test'), {}, isCallback);
  assert.equal(forms(again.text, again.url)[0]?.fields.prompt, 'login');
});

test('a person whose group is removed at the provider loses the rule\'s role at the next sign-in', async () => {
  const browser = new Browser();
  assert.equal((await signInReal(browser, 'svarande')).status, 303);  // linked by the verified e-mail
  assert.deepEqual(grantsOf('svarande@demo.uppsikt.se'),
    ['coordinator Kommunstyrelsen rule', 'respondent Miljöförvaltningen hand']);
  people.svarande.groups = [];
  const next = new Browser();
  assert.equal((await signInReal(next, 'svarande')).status, 303);
  assert.deepEqual(grantsOf('svarande@demo.uppsikt.se'), ['respondent Miljöförvaltningen hand']);
  assert.equal((await next.request(`${base}/omgangar/ny`)).status, 404);
  assert.match(lastAudit('grant_rule_remove', 'before_json'), /"role":"coordinator"/);
  assert.equal(sql("SELECT COUNT(*) FROM external_identities WHERE subject = 'svarande'"), '1');
});

test('a state is used once: the same answer again is refused', async () => {
  const browser = new Browser();
  fake.state.mode = 'ok';
  const { callback, res } = await signInFake(browser);
  assert.equal(res.status, 303, res.text.slice(0, 500));
  const replay = new Browser();
  const again = await replay.request(callback);
  assert.equal(again.status, 400);
  assert.match(again.text, /Inloggningen kunde inte slutföras/);
  assert.equal(replay.cookie(base, 'uppsikt_session'), undefined);
  assert.match(lastAudit('sign_in_refused'), /"reason":"state_unknown"/);
});

const refusals = [
  ['wrong_aud', 'wrong_audience', /utfärdat för en annan tjänst/],
  ['expired', 'expired', /giltighetstiden har gått ut/],
  ['bad_signature', 'bad_signature', /ogiltig signatur/],
  ['alg_none', 'alg_not_allowed', /otillåten signaturalgoritm/],
  ['hs256_public_key', 'alg_not_allowed', /otillåten signaturalgoritm/],
  ['wrong_nonce', 'wrong_nonce', /hör inte till den här inloggningen/],
  ['other_issuer', 'wrong_issuer', /okänd utfärdare/],
  ['other_issuer_answer', 'wrong_issuer', /okänd utfärdare/],
];

for (const [mode, reason, message] of refusals) {
  test(`a token with ${mode} is refused, said in Swedish, audited, and makes no session`, async () => {
    fake.state.mode = mode;
    const before = auditCount('sign_in_refused');
    const browser = new Browser();
    const { res } = await signInFake(browser);
    assert.equal(res.status, 400);
    assert.match(res.text, /Inloggningsbeviset från identitetsleverantören godtogs inte/);
    assert.match(res.text, message);
    assert.equal(browser.cookie(base, 'uppsikt_session'), undefined);
    assert.equal(await signedIn(browser), false);
    assert.equal(auditCount('sign_in_refused'), before + 1);
    const row = lastAudit('sign_in_refused');
    assert.match(row, new RegExp(`"reason":"${reason}"`));
    assert.doesNotMatch(row, /eyJ/, 'the token is never in the audit trail');
  });
}

test('a token signed with a new key after rotation is taken once the keys are fetched again', async () => {
  fake.state.mode = 'ok';
  await fake.state.rotate();
  await new Promise((resolve) => setTimeout(resolve, 1100));  // jwks_min_refetch_seconds = 1 in the test
  const browser = new Browser();
  const { res } = await signInFake(browser);
  assert.equal(res.status, 303, res.text.slice(0, 500));
  assert.ok(await signedIn(browser));
});

test('password sign-in of the demo accounts still works', async () => {
  const browser = new Browser();
  const page = await browser.request(`${base}/logga-in`);
  const form = forms(page.text, page.url).find((f) => f.action.endsWith('/logga-in'));
  const res = await browser.request(form.action, { method: 'POST',
    form: { ...form.fields, epost: 'samordnare@demo.uppsikt.se', losenord: 'demo-coordinator' } });
  assert.equal(res.status, 303);
  assert.ok(await signedIn(browser));
});
