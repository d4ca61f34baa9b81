// What the browser tests share: how chromium is launched, starting and stopping the real
// server, and the checks every page gets (structure, axe-core's WCAG 2.1 A/AA rules).
import { spawn } from 'node:child_process';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

// Starts `uppsikt serve` and resolves with { child, port, output } once it prints its address.
export function startServer(bin, db) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = { stdout: '', stderr: '' };
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      reject(new Error(`the server printed no address within 15 s\nstdout: ${output.stdout}\nstderr: ${output.stderr}`));
    }, 15_000);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      output.stdout += chunk;
      const m = output.stdout.match(/lyssnar på http:\/\/[^:\s]+:(\d+)\//);
      if (m && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]), output });
      }
    });
    child.stderr.on('data', (chunk) => { output.stderr += chunk; });
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
    return { lang: document.documentElement.getAttribute('lang'), headings };
  });
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
  // The skip link must be the first thing Tab reaches.
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

