// The API against its OpenAPI document, on the real binary: the document is valid OpenAPI 3.1
// (@apidevtools/swagger-parser), every operation in it is called, and every answer's status is
// one the operation documents and its body matches the documented schema (ajv, JSON Schema
// 2020-12), the stream's lines and problems included. Tokens come from `uppsikt token add`,
// whose last line must be the token alone.
//
// Usage (from the repository root): node tests/api/openapi.mjs <path-to-uppsikt-binary>
// Ends with "N passed, M failed"; exit code 0 only when everything passed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv2020 from 'ajv/dist/2020.js';

import { finish, makeDemo, report, startServer, waitForExit } from '../browser/helpers.mjs';

const binary = process.argv[2];
const documentText = readFileSync('docs/openapi.json', 'utf8');
const ajv = new Ajv2020({ strict: false, allErrors: true });
const called = new Set();  // "get /api/v1/rounds/{id}" of every operation called

function operationOf(doc, method, pathname) {
  for (const [template, item] of Object.entries(doc.paths)) {
    const pattern = new RegExp('^' + template.replace(/\{[^}]+\}/g, '[^/]+') + '$');
    if (pattern.test(pathname) && item[method]) return { template, operation: item[method] };
  }
  return null;
}

function schemaErrors(schema, value) {
  const validate = ajv.compile(schema);
  return validate(value) ? [] : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`);
}

// Calls the API and checks the answer against the document; returns the answer.
async function call(doc, origin, method, target, { token, body, headers = {}, name } = {}) {
  const url = new URL(target, origin);
  const h = { ...headers };
  if (token) h.Authorization = `Bearer ${token}`;
  if (body !== undefined) h['Content-Type'] = 'application/json';
  const res = await fetch(url, { method: method.toUpperCase(), headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const errors = [];
  const found = operationOf(doc, method, url.pathname);
  if (!found) {
    errors.push(`${method.toUpperCase()} ${url.pathname} is not in the document`);
  } else {
    called.add(`${method} ${found.template}`);
    const documented = found.operation.responses[String(res.status)];
    const type = (res.headers.get('content-type') || '').split(';')[0];
    if (!documented) {
      errors.push(`status ${res.status} is not documented: ${text.slice(0, 200)}`);
    } else if (res.status !== 304 && documented.content) {
      const media = documented.content[type];
      if (!media) errors.push(`content type ${type} is not documented for ${res.status}`);
      else if (type === 'application/x-ndjson') {
        for (const line of text.split('\n').filter((l) => l)) errors.push(...schemaErrors(media.schema, JSON.parse(line)));
      } else if (type.endsWith('json')) {
        errors.push(...schemaErrors(media.schema, JSON.parse(text)));
      }
    }
  }
  report(name || `${method.toUpperCase()} ${target} → ${res.status}`, errors);
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) };
}

function tokenFor(db, email, write) {
  const args = ['token', 'add', '--db', db, '--email', email, '--name', 'OpenAPI-test', '--days', '7'];
  if (write) args.push('--write');
  const run = spawnSync(binary, args, { encoding: 'utf8' });
  const lines = run.stdout.trim().split('\n');
  const token = lines[lines.length - 1];
  report(`uppsikt token add prints the token alone on its last line (${email})`,
    run.status === 0 && /^upp_[0-9a-f]{64}$/.test(token) ? [] : [`exit ${run.status}: ${run.stdout}${run.stderr}`]);
  return token;
}

async function main() {
  let doc;
  try {
    await SwaggerParser.validate(JSON.parse(documentText));
    doc = await SwaggerParser.dereference(JSON.parse(documentText));
    report('docs/openapi.json is valid OpenAPI 3.1', doc.openapi === '3.1.0' ? [] : [`openapi is ${doc.openapi}`]);
  } catch (e) {
    report('docs/openapi.json is valid OpenAPI 3.1', [String(e.message || e)]);
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'uppsikt-openapi-'));
  const db = path.join(dir, 'demo.db');
  let server;
  try {
    const demo = makeDemo(binary, db);
    if (demo.length) return report('demo database', demo);
    const respondent = tokenFor(db, 'svarande@demo.uppsikt.se', true);
    const reader = tokenFor(db, 'svarande@demo.uppsikt.se', false);
    const coordinator = tokenFor(db, 'samordnare@demo.uppsikt.se', true);
    const approver = tokenFor(db, 'godkannare@demo.uppsikt.se', true);
    const admin = tokenFor(db, 'admin@demo.uppsikt.se', true);
    server = await startServer(binary, db);
    const origin = `http://127.0.0.1:${server.port}`;
    const c = (method, target, options) => call(doc, origin, method, target, options);

    // Reads, and the problems of reading.
    await c('get', '/api/v1/rounds', { token: '' });
    await c('get', '/api/v1/rounds', { token: 'upp_' + '0'.repeat(64) });
    await c('get', '/api/v1/rounds?limit=nej', { token: coordinator });
    const rounds = (await c('get', '/api/v1/rounds?limit=1', { token: coordinator })).json();
    await c('get', `/api/v1/rounds?cursor=${rounds.next_cursor}`, { token: coordinator });
    const all = (await c('get', '/api/v1/rounds?status=open', { token: coordinator })).json().items;
    const round = all.find((r) => r.name === 'Uppföljning 2024').id;
    const first = await c('get', `/api/v1/rounds/${round}`, { token: respondent });
    await c('get', `/api/v1/rounds/${round}`, { token: respondent, headers: { 'If-None-Match': first.headers.get('etag') } });
    await c('get', '/api/v1/rounds/999999', { token: respondent });
    const questions = (await c('get', `/api/v1/rounds/${round}/questions`, { token: respondent })).json();
    await c('get', '/api/v1/units?limit=5', { token: coordinator });
    const units = (await c('get', '/api/v1/units', { token: respondent })).json().items;
    const unit = units.find((u) => u.name === 'Miljöförvaltningen').id;
    await c('get', `/api/v1/rounds/${round}/responses?status=submitted&limit=3`, { token: coordinator });
    await c('get', `/api/v1/rounds/${round}/responses?changed_since=2020-01-01T00:00:00Z`, { token: respondent });
    const response = `/api/v1/rounds/${round}/responses/${unit}`;
    await c('get', response, { token: respondent });
    const question = questions.questions[0].id;
    const answer = (await c('get', `${response}/answers/${question}`, { token: respondent })).json();
    await c('get', `/api/v1/rounds/${round}/answers`, { token: coordinator });
    await c('get', `/api/v1/rounds/${round}/answers`, { token: coordinator, headers: { Accept: 'application/x-ndjson' } });
    await c('get', `/api/v1/rounds/${round}/report`, { token: coordinator });
    await c('get', `/api/v1/rounds/${round}/report`, { token: respondent });
    const published = (await c('get', '/api/v1/published')).json().items;
    await c('get', `/api/v1/published/${published[0].round_id}`);
    await c('get', '/api/v1/published/999999');
    await c('get', '/api/v1/openapi.json');
    await c('get', '/api');

    // Writes, and their problems.
    const put = (version, body, token = respondent) =>
      c('put', `${response}/answers/${question}`, { token, body, headers: version === null ? {} : { 'If-Match': `"${version}"` } });
    const saved = (await put(answer.version, { choice: 'Delvis', comment: 'Sparat genom API:t.' })).json();
    await put(answer.version, { choice: 'Nej', comment: 'En gammal version.' });
    await put(null, { choice: 'Ja' });
    await put(saved.version, { choice: 'Kanske' });
    await put(saved.version, { choice: 'Ja' }, reader);
    await c('put', `${response}/answers/${question}`, { token: respondent, headers: { 'If-Match': '"1"', 'Content-Type': 'text/plain' } });
    await c('post', `${response}/approve`, { token: respondent });
    await c('post', `${response}/send-back`, { token: approver, body: { message: 'Mer, tack.' } });
    await c('post', `${response}/return`, { token: coordinator, body: { message: 'Mer, tack.' } });
    const handIn = await c('post', `${response}/hand-in`, { token: respondent });
    if (handIn.status === 200) await c('post', `${response}/send-back`, { token: approver, body: { message: '' } });
    if (handIn.status === 200) await c('post', `${response}/approve`, { token: approver });
    if (handIn.status === 200) await c('post', `${response}/return`, { token: coordinator, body: { message: 'Komplettera, tack.' } });
    await c('post', `${response}/send-back`, { token: approver, body: 'inte ett objekt' });

    // Creating, and the audit trail.
    const copy = await c('post', `/api/v1/rounds/${round}/copy`, { token: coordinator, body: { name: 'Uppföljning 2025 genom API:t', year: 2025 } });
    report('a copied round is a draft with the round\'s questions',
      copy.status === 201 && copy.json().status === 'draft' && copy.json().questions === questions.questions.length
        ? [] : [`${copy.status} ${copy.text.slice(0, 200)}`]);
    await c('post', `/api/v1/rounds/${round}/copy`, { token: coordinator, body: { name: '', year: 2025 } });
    await c('post', `/api/v1/rounds/${round}/copy`, { token: coordinator, body: { name: 7, year: 2025 } });
    await c('post', `/api/v1/rounds/${round}/copy`, { token: respondent, body: { name: 'Min omgång', year: 2025 } });
    const city = (await c('get', '/api/v1/units', { token: admin })).json().items.find((u) => u.parent_id === null).id;
    const created = await c('post', '/api/v1/units', { token: admin, body: { name: 'Förvaltningen för API-test', kind: 'forvaltning', parent_id: city } });
    await c('post', '/api/v1/units', { token: admin, body: { name: 'Förvaltningen för API-test', kind: 'forvaltning', parent_id: city } });
    await c('post', '/api/v1/units', { token: admin, body: { name: 'Fel', kind: 'forvaltning', parent_id: 'nej' } });
    await c('post', '/api/v1/units', { token: coordinator, body: { name: 'Inte min', kind: 'forvaltning', parent_id: city } });
    const invited = await c('post', '/api/v1/people', { token: admin,
      body: { email: 'ny.person@example.se', name: 'Ny Person', role: 'respondent', unit_id: created.json().id } });
    report('an invited person gets a one-time link when no mail is sent',
      invited.status === 201 && /^\/lank\//.test(invited.json().invitation_link) ? [] : [`${invited.status} ${invited.text.slice(0, 200)}`]);
    await c('post', '/api/v1/people', { token: admin, body: { email: 'ny.person@example.se', name: 'Igen', role: 'respondent', unit_id: unit } });
    await c('post', '/api/v1/people', { token: respondent, body: { email: 'x@example.se', name: 'X', role: 'respondent', unit_id: unit } });
    const audit = (await c('get', '/api/v1/audit?limit=2', { token: admin })).json();
    report('the audit trail holds the API\'s writes with the token\'s name',
      audit.items.some((e) => e.token_name === 'OpenAPI-test') ? [] : [JSON.stringify(audit.items).slice(0, 300)]);
    await c('get', `/api/v1/audit?cursor=${encodeURIComponent(audit.next_cursor)}&unit_id=${unit}`, { token: coordinator });
    await c('get', '/api/v1/audit?from=igår', { token: admin });
    await c('get', '/api/v1/audit', { token: respondent });

    const missing = [];
    for (const [template, item] of Object.entries(doc.paths))
      for (const method of Object.keys(item)) if (!called.has(`${method} ${template}`)) missing.push(`${method.toUpperCase()} ${template}`);
    report('every operation in the document was called', missing.map((m) => `${m} was not called`));
  } finally {
    if (server) {
      server.child.kill('SIGTERM');
      await waitForExit(server.child, 10_000);
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

await finish(main);
