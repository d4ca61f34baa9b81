// Browser test of an invitation by mail, in Debian's chromium: the demo admin invites a new
// person on the people page of a server whose mail goes to a real SMTP server on loopback
// (tests/support/smtp_sink.py: aiosmtpd, each message parsed with Python's email package).
// The message has the Swedish subject and sender name decoded right, both parts and the link
// from the public URL; the link, followed in a browser of the person's own, sets a password,
// works only once, and the person signs in with the password. axe-core checks the pages.
//
// Usage (from the repository root): node tests/browser/invitation.mjs <path-to-uppsikt-binary>
// Ends with "N passed, M failed"; exit code 0 only when everything passed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import {
  AXE_SOURCE, LAUNCH, checkStructure, report as reportLine, runAxe, runWithDemo, signInAs, startServer,
} from './helpers.mjs';

const WATCHDOG_MS = 110_000;  // below CTest's timeout, so that the servers are still stopped
const SINK = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'support', 'smtp_sink.py');
const SENDER = 'Uppföljning Östersunds kommun <uppsikt@example.se>';
const PERSON = { name: 'Åsa Öberg', email: 'asa.oberg@example.se', password: 'blåbär i fjällsjöns skog' };

// Each line says how long its step took, counted from the line before.
let lastReport = Date.now();
function report(name, errors) {
  reportLine(`${name} [${((Date.now() - lastReport) / 1000).toFixed(1)} s]`, errors);
  lastReport = Date.now();
}

// A port nobody listens on now, for a server that must know its own address in advance.
async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// Starts the SMTP server writing to `dir`; resolves with its process once it listens.
async function startSink(port, dir) {
  const child = spawn('/usr/bin/python3', [SINK, String(port), dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  for (let i = 0; i < 200 && !existsSync(path.join(dir, 'ready')); i++) await new Promise((r) => setTimeout(r, 50));
  if (!existsSync(path.join(dir, 'ready'))) {
    child.kill('SIGKILL');
    throw new Error(`the SMTP server did not start: ${stderr}`);
  }
  return child;
}

// The first message the SMTP server received for `email` (the demo's own reminders go to others).
async function mailTo(dir, email, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
      const message = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
      if (message.rcpt_tos.includes(email)) return message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${email} within ${ms / 1000} s`);
}

async function pageErrors(page, expect = []) {
  const errors = [...(await checkStructure(page)), ...(await runAxe(page))];
  const text = await page.locator('main').innerText();
  for (const wanted of expect) if (!text.includes(wanted)) errors.push(`the page does not show "${wanted}"`);
  return errors;
}

async function submit(page, buttonText) {
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.getByRole('button', { name: buttonText }).first().click(),
  ]);
  return response;
}

// The admin invites the person: the page says the link went by mail and does not show it.
async function invite(admin, origin) {
  const page = await admin.newPage();
  await page.goto(`${origin}/admin/personer`, { waitUntil: 'load' });
  await page.fill('#namn', PERSON.name);
  await page.fill('#epost', PERSON.email);
  await page.selectOption('#roll', 'respondent');
  await page.selectOption('#enhet', { label: 'Miljöförvaltningen' });
  await submit(page, 'Bjud in');
  const errors = await pageErrors(page, [`Länken har skickats med e-post till ${PERSON.email}`]);
  if ((await page.locator('#link').count()) > 0) errors.push('the link is shown on screen although it went by mail');
  report('the admin invites a person; the page says the link went by mail', errors);
}

// What the SMTP server's parser read: headers decoded, both parts, one link from the public URL.
function checkMail(mail, origin) {
  const errors = [];
  const expect = (what, got, wanted) => {
    if (got !== wanted) errors.push(`${what} is ${JSON.stringify(got)}, expected ${JSON.stringify(wanted)}`);
  };
  expect('the subject', mail.subject, 'Välkommen till Uppsikt');
  expect('the sender', mail.from, SENDER);
  expect('the recipient', mail.to, `${PERSON.name} <${PERSON.email}>`);
  expect('Auto-Submitted', mail.auto_submitted, 'auto-generated');
  expect('the type', mail.content_type, 'multipart/alternative');
  // Headers travel as ASCII (RFC 2047 encoded words); a raw 8-bit byte is read as U+FFFD.
  const head = mail.raw.slice(0, mail.raw.search(/\r?\n\r?\n/));
  if (/[^\x20-\x7e\r\n\t]/.test(head)) errors.push(`the headers are not plain ASCII:\n${head}`);
  if (!mail.text.includes(`Hej ${PERSON.name}!`)) errors.push(`the text part does not greet ${PERSON.name}: ${mail.text}`);
  const links = mail.text.match(/https?:\/\/\S+/g) || [];
  if (links.length !== 1) errors.push(`the text part has ${links.length} links, expected one: ${mail.text}`);
  const link = links[0] || '';
  if (!link.startsWith(`${origin}/lank/`)) errors.push(`the link ${link} is not a one-time link under ${origin}`);
  if (!mail.html.includes(`href="${link}"`)) errors.push('the HTML part does not have the same link');
  report('the invitation: Swedish subject and sender decoded, both parts, the link', errors);
  return link;
}

// The person, in a browser of their own, follows the link, sets a password and signs in.
async function follow(browser, link) {
  const context = await browser.newContext({ locale: 'sv-SE' });
  await context.addInitScript({ content: AXE_SOURCE });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const response = await page.goto(link, { waitUntil: 'load' });
  const errors = await pageErrors(page, [`Kontot: ${PERSON.name} (${PERSON.email})`]);
  if (response.status() !== 200) errors.push(`status ${response.status()}`);
  report('the link opens the form for a password', errors);

  await page.fill('#losenord', PERSON.password);
  await page.fill('#upprepat', PERSON.password);
  await submit(page, 'Spara lösenordet');
  report('the password is saved', await pageErrors(page, ['Ditt lösenord är sparat']));

  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.getByRole('link', { name: /Logga in med din e-postadress/ }).click(),
  ]);
  await page.fill('#epost', PERSON.email);
  await page.fill('#losenord', PERSON.password);
  await submit(page, 'Logga in');
  const signedIn = [];
  const where = new URL(page.url()).pathname;
  if (where !== '/mina-uppfoljningar') signedIn.push(`signing in ended on ${page.url()}`);
  const header = await page.locator('header').innerText();
  if (!header.includes(`Inloggad som ${PERSON.name}`)) signedIn.push(`the header does not show ${PERSON.name}: ${header}`);
  report('the person signs in with the new password', signedIn);

  const again = await context.newPage();
  await again.goto(link, { waitUntil: 'load' });
  const formAgain = (await again.locator('#losenord').count()) > 0;
  report('the link does not work a second time', formAgain ? ['the form for a password is shown again'] : []);
  await context.close();
}

await runWithDemo('uppsikt-invitation-', WATCHDOG_MS, async ({ binary, tmp, db, onStop }) => {
  try {
    const mailDir = path.join(tmp, 'smtp');
    mkdirSync(mailDir);
    const smtpPort = await freePort();
    const sink = await startSink(smtpPort, mailDir);
    onStop(() => sink.kill('SIGTERM'));
    // The server's public URL is the address the browser reaches it on, for the mail's link.
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const server = await startServer(binary, db, ['--smtp-url', `smtp://127.0.0.1:${smtpPort}`, '--mail-from', SENDER,
      '--public-url', origin], port);
    onStop(() => server.child.kill('SIGKILL'));
    const browser = await chromium.launch(LAUNCH);
    onStop(() => browser.close());
    const admin = await browser.newContext({ locale: 'sv-SE' });
    await admin.addInitScript({ content: AXE_SOURCE });
    const signIn = await signInAs(admin, origin, 'admin@demo.uppsikt.se', 'demo-admin');
    report('the demo city served with mail to the SMTP server; the admin signs in', signIn);
    if (signIn.length) return;
    await invite(admin, origin);
    const link = checkMail(await mailTo(mailDir, PERSON.email, 20_000), origin);
    if (link) await follow(browser, link);
  } catch (err) {
    report('invitation flow', [`exception: ${err.message}`]);
  }
});
