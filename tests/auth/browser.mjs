// A small browser for the sign-in tests: fetch without following redirects, a cookie jar per
// origin (host and port, stricter than a browser's, which is enough here), and the forms of a page.
export class Browser {
  constructor() { this.jars = new Map(); }

  jar(url) {
    const origin = new URL(url).origin;
    if (!this.jars.has(origin)) this.jars.set(origin, new Map());
    return this.jars.get(origin);
  }

  cookie(url, name) { return this.jar(url).get(name); }

  async request(url, { method = 'GET', form } = {}) {
    const jar = this.jar(url);
    const headers = {};
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    let body;
    if (form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(form).toString();
    }
    const res = await fetch(url, { method, headers, body, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    const text = await res.text();
    const location = res.headers.get('location');
    return { status: res.status, text, location: location ? new URL(location, url).toString() : null, url, headers: res.headers };
  }

  // Follows redirects from `url` until a page answers (or `stop(url)` says stop); returns it.
  async follow(url, options = {}, stop = () => false) {
    let res = await this.request(url, options);
    for (let i = 0; i < 20 && res.location && !stop(res.location); i++) res = await this.request(res.location);
    return res;
  }
}

// The forms of an HTML page: { action, method, fields } with the hidden and named inputs' values.
export function forms(html, base) {
  const out = [];
  for (const m of html.matchAll(/<form([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attr = (s, name) => (s.match(new RegExp(`${name}="([^"]*)"`)) || [])[1];
    const fields = {};
    for (const input of m[2].matchAll(/<input([^>]*)>/g)) {
      const name = attr(input[1], 'name');
      if (name) fields[name] = decode(attr(input[1], 'value') || '');
    }
    out.push({ action: new URL(decode(attr(m[1], 'action') || ''), base).toString(),
      method: (attr(m[1], 'method') || 'get').toUpperCase(), fields });
  }
  return out;
}

function decode(s) {
  return s.replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

// Where a page that moves on by itself (web/onward_page.h: a meta refresh, used where a form
// leads to another site) sends the browser; null on any other page.
export function refreshTarget(html) {
  const m = html.match(/<meta http-equiv="refresh" content="0; url=([^"]*)">/);
  return m ? decode(m[1]) : null;
}

// The addresses of a page's links, as written (entities decoded).
export function links(html) {
  return [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => decode(m[1]));
}
