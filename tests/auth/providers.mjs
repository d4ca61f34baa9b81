// Identity providers on loopback for the sign-in tests:
// - a real SAML 2.0 IdP (Debian's pysaml2, tests/support/saml_idp.py) with keys made by openssl;
// - a real OpenID Provider (npm oidc-provider, a certified implementation) with one client
//   and test people whose groups the test may change;
// - a small made-up provider for tokens that a real one never issues (wrong audience, bad
//   signature, alg none …): discovery, keys, an authorization endpoint that answers at once,
//   and a token endpoint that checks the code, PKCE and the client's secret as a provider
//   must, then signs what the test asks for with keys the test holds (npm jose).
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';
import * as jose from 'jose';

export const CLIENT_ID = 'uppsikt';
export const CLIENT_SECRET = 'test-hemlighet';

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

// A port free now, for the server that must know its address before it starts.
export async function freePort() {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// people: { login: { email, name, groups } }; the test may change groups between sign-ins.
export async function startRealProvider(uppsiktUrl, people) {
  const server = createServer();
  const port = await listen(server);
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [{
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uris: [`${uppsiktUrl}/logga-in/oidc`],
      post_logout_redirect_uris: [`${uppsiktUrl}/logga-in`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    conformIdTokenClaims: false,  // the groups in the ID token, as Entra ID and Keycloak put them
    cookies: { keys: [randomBytes(32).toString('hex')] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    findAccount: async (ctx, id) => {
      const person = people[id];
      if (!person) return undefined;
      return {
        accountId: id,
        claims: async () => ({ sub: id, email: person.email, email_verified: true, name: person.name, groups: [...person.groups] }),
      };
    },
  });
  provider.on('server_error', (ctx, err) => console.error('oidc-provider:', err));
  server.on('request', provider.callback());
  return { issuer, close: () => new Promise((resolve) => server.close(resolve)), server };
}

function b64url(buffer) {
  return Buffer.from(buffer).toString('base64url');
}

// The made-up provider. `mode` decides the next ID token (see craft below).
export async function startFakeProvider() {
  const server = createServer();
  const port = await listen(server);
  const issuer = `http://127.0.0.1:${port}`;
  const state = {
    mode: 'ok',
    groups: ['uppsikt-samordnare'],
    keys: [],     // { kid, privateKey, publicJwk }
    pending: new Map(),  // code → { nonce, challenge, redirect_uri }
  };
  const addKey = async (kid) => {
    const { privateKey, publicKey } = await jose.generateKeyPair('RS256', { extractable: true });
    const publicJwk = { ...(await jose.exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
    const publicPem = await jose.exportSPKI(publicKey);
    state.keys.push({ kid, privateKey, publicJwk, publicPem });
  };
  await addKey('nyckel-1');
  state.rotate = () => addKey(`nyckel-${state.keys.length + 1}`);

  const craft = async ({ nonce }) => {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: issuer, sub: 'falsk-1', aud: CLIENT_ID, iat: now, exp: now + 300, nonce,
      email: 'falsk.person@demo.uppsikt.se', email_verified: true, name: 'Falsk Person', groups: state.groups,
    };
    const current = state.keys[state.keys.length - 1];
    const sign = (c, key = current) =>
      new jose.SignJWT(c).setProtectedHeader({ alg: 'RS256', kid: key.kid }).sign(key.privateKey);
    switch (state.mode) {
      case 'wrong_aud': return sign({ ...claims, aud: 'en-annan-tjanst' });
      case 'expired': return sign({ ...claims, iat: now - 3600, exp: now - 1800 });
      case 'wrong_nonce': return sign({ ...claims, nonce: 'inte-den-som-skickades' });
      case 'other_issuer': return sign({ ...claims, iss: 'https://okand.example.se' });
      case 'bad_signature': {
        const { privateKey } = await jose.generateKeyPair('RS256');
        return new jose.SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: current.kid }).sign(privateKey);
      }
      case 'alg_none':
        return `${b64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}.`;
      case 'hs256_public_key':  // HMAC keyed with the provider's published key: the classic confusion
        return new jose.SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: current.kid })
          .sign(new TextEncoder().encode(current.publicPem));
      default: return sign(claims);
    }
  };

  const json = (res, status, body) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  server.on('request', async (req, res) => {
    const url = new URL(req.url, issuer);
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(res, 200, {
        issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`, response_types_supported: ['code'], subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    if (url.pathname === '/jwks') return json(res, 200, { keys: state.keys.map((k) => k.publicJwk) });
    if (url.pathname === '/authorize') {
      const p = url.searchParams;
      const code = randomBytes(16).toString('hex');
      state.pending.set(code, { nonce: p.get('nonce'), challenge: p.get('code_challenge'),
        method: p.get('code_challenge_method'), redirect_uri: p.get('redirect_uri'), client_id: p.get('client_id') });
      const back = new URL(p.get('redirect_uri'));
      back.searchParams.set('code', code);
      back.searchParams.set('state', p.get('state'));
      if (state.mode === 'other_issuer_answer') back.searchParams.set('iss', 'https://okand.example.se');  // RFC 9207
      res.writeHead(303, { location: back.toString() });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const form = new URLSearchParams(body);
      const pending = state.pending.get(form.get('code'));
      state.pending.delete(form.get('code'));
      const auth = Buffer.from((req.headers.authorization || '').replace(/^Basic /, ''), 'base64').toString();
      const verifierHash = createHash('sha256').update(form.get('code_verifier') || '').digest('base64url');
      if (!pending || auth !== `${CLIENT_ID}:${CLIENT_SECRET}` || pending.method !== 'S256' ||
          verifierHash !== pending.challenge || form.get('redirect_uri') !== pending.redirect_uri ||
          form.get('grant_type') !== 'authorization_code') {
        return json(res, 400, { error: 'invalid_grant' });
      }
      return json(res, 200, { access_token: 'x', token_type: 'Bearer', id_token: await craft(pending) });
    }
    res.writeHead(404);
    res.end();
  });
  return { issuer, state, close: () => new Promise((resolve) => server.close(resolve)) };
}

// A self-signed key pair `name`.key and `name`.crt in `dir`.
function keyPair(dir, name) {
  const out = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${name}`,
    '-keyout', join(dir, `${name}.key`), '-out', join(dir, `${name}.crt`)], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`openssl: ${out.stderr}`);
}

// Starts `command` and resolves with the child once its output matches `ready`.
export function startProcess(command, args, ready, what, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${what}: not ready within 15 s: ${out}`)), 15_000);
    const seen = (d) => { out += d; if (ready.test(out)) { clearTimeout(timer); resolve(child); } };
    child.stdout.on('data', seen);
    child.stderr.on('data', (d) => { out += d; });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`${what} exited ${code}: ${out}`)); });
  });
}

// The SAML IdP at http://127.0.0.1:PORT, for Uppsikt's SAML provider `id` at `uppsiktUrl`,
// with the SP's key pair beside its own in `dir`. The test says who signs in next with
// `next({ user, email, name, groups, mode })` (saml_idp.py says how).
export async function startSamlIdp(dir, uppsiktUrl, id = 'test') {
  keyPair(dir, 'idp');
  keyPair(dir, 'sp');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const script = join(dirname(fileURLToPath(import.meta.url)), '../support/saml_idp.py');
  const child = await startProcess('/usr/bin/python3', [script, '--port', String(port),
    '--key', join(dir, 'idp.key'), '--cert', join(dir, 'idp.crt'),
    '--sp-metadata', `${uppsiktUrl}/logga-in/saml/${id}/metadata`, '--metadata-out', join(dir, 'idp.xml')], /ready/, 'the IdP');
  return {
    base,
    metadataFile: join(dir, 'idp.xml'),
    spKey: join(dir, 'sp.key'),
    spCert: join(dir, 'sp.crt'),
    async next(who) {
      const res = await fetch(`${base}/next?${new URLSearchParams(who)}`);
      if (res.status !== 200) throw new Error(`the IdP's /next answered ${res.status}`);
    },
    async lastLogout() { return (await fetch(`${base}/last-logout`)).json(); },
    close() { child.kill('SIGTERM'); },
  };
}
