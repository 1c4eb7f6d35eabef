'use strict';
// Stand-ins for what jwtauth.js uses from the browser, shared by several clients ("tabs") of one origin: a
// storage, Web Locks, BroadcastChannel, a clock the test moves forward, and a token server that counts refreshes.

const path = require('node:path');
require(path.join(__dirname, '../../main/resources/org/jwtauth/web/jwtauth.js'));
const { create } = globalThis.JwtAuth;

class MemoryStorage {
  constructor() { this.items = new Map(); }
  getItem(key) { return this.items.has(key) ? this.items.get(key) : null; }
  setItem(key, value) { this.items.set(key, String(value)); }
  removeItem(key) { this.items.delete(key); }
}

/**
 * One tab's view of the origin's storage: its own writes reach the other tabs as storage events (as a browser's
 * localStorage does, and never to the tab that wrote).
 */
function tabStorage(shared, tabs) {
  const listeners = [];
  tabs.add(listeners);
  const changed = (key) => {
    for (const other of tabs) {
      if (other !== listeners) {
        other.forEach((listener) => setTimeout(() => listener({ key }), 0));
      }
    }
  };
  return {
    storage: {
      getItem: (key) => shared.getItem(key),
      setItem: (key, value) => { shared.setItem(key, value); changed(key); },
      removeItem: (key) => { shared.removeItem(key); changed(key); }
    },
    onStorage: (listener) => listeners.push(listener)
  };
}

/** Web Locks with exclusive locks, AbortSignal and steal, as the spec describes them. */
class FakeLocks {
  constructor() { this.held = null; this.queue = []; }
  request(name, options, callback) {
    return new Promise((resolve, reject) => {
      const entry = { callback, resolve, reject, options };
      if (options.steal) {
        if (this.held) {
          const old = this.held;
          this.held = null;
          const e = new Error('stolen');
          e.name = 'AbortError';
          old.reject(e);
        }
        this.grant(entry);
        return;
      }
      if (options.signal) {
        options.signal.addEventListener('abort', () => {
          const i = this.queue.indexOf(entry);
          if (i >= 0) {
            this.queue.splice(i, 1);
            const e = new Error('aborted');
            e.name = 'AbortError';
            reject(e);
          }
        });
      }
      if (this.held) {
        this.queue.push(entry);
      } else {
        this.grant(entry);
      }
    });
  }
  grant(entry) {
    this.held = entry;
    Promise.resolve().then(() => entry.callback()).then((v) => this.release(entry, () => entry.resolve(v)),
      (e) => this.release(entry, () => entry.reject(e)));
  }
  release(entry, settle) {
    if (this.held === entry) {
      this.held = null;
      settle();
      const next = this.queue.shift();
      if (next) {
        this.grant(next);
      }
    }
  }
}

/** BroadcastChannel within one process: a message reaches every other channel of the name, asynchronously. */
function channelType() {
  const channels = new Set();
  return class FakeChannel {
    constructor(name) { this.name = name; this.onmessage = null; channels.add(this); }
    postMessage(data) {
      for (const other of channels) {
        if (other !== this && other.name === this.name) {
          setTimeout(() => other.onmessage && other.onmessage({ data }), 0);
        }
      }
    }
    close() { channels.delete(this); }
  };
}

function base64url(text) {
  return Buffer.from(text).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function jsonResponse(status, body, headers) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status, headers: Object.assign({ 'Content-Type': 'application/json' }, headers || {})
  });
}

/**
 * The library's token endpoints and one API, in memory: rotating refresh tokens (a spent one is invalid_grant),
 * access tokens that expire on the test's clock, cookie mode optional. Records every request.
 */
class FakeServer {
  constructor(clock, options) {
    this.clock = clock;
    this.lifetimeSeconds = (options && options.lifetimeSeconds) || 60;
    this.cookieMode = !!(options && options.cookieMode);
    this.counter = 0;
    this.refreshes = 0;
    this.requests = [];
    this.activeRefresh = null;
    this.cookie = null;
    this.refreshDelay = null;
    this.revoked = new Set();
    // jwtauth.refresh.retryWindow: the previous refresh token, presented again, is answered too.
    this.retryWindow = !!(options && options.retryWindow);
    this.previousRefresh = null;
  }
  issue() {
    this.counter += 1;
    const exp = this.clock.now() + this.lifetimeSeconds * 1000;
    const access = 'h.' + base64url(JSON.stringify({ sub: 'alice', exp: Math.floor(exp / 1000), n: this.counter }))
      + '.s';
    this.accessExpiry = this.accessExpiry || new Map();
    this.accessExpiry.set(access, exp);
    const refresh = 'r' + this.counter;
    this.previousRefresh = this.activeRefresh;
    this.activeRefresh = refresh;
    const body = { accessToken: access, expiresIn: this.lifetimeSeconds, tokenType: 'Bearer' };
    if (this.cookieMode) {
      this.cookie = refresh;
    } else {
      body.refreshToken = refresh;
    }
    return body;
  }
  async fetch(url, init) {
    const headers = new Headers(init && init.headers);
    const body = init && init.body ? JSON.parse(init.body) : {};
    this.requests.push({ url, headers, body });
    if (url.endsWith('/auth/login')) {
      if (body.password !== 'pw') {
        return jsonResponse(400, { error: 'invalid_grant', error_description: 'The username or password is incorrect' });
      }
      return jsonResponse(200, this.issue());
    }
    if (url.endsWith('/auth/refresh')) {
      this.refreshes += 1;
      const presented = body.refreshToken || (this.cookieMode ? this.cookie : null);
      const delay = this.refreshDelay;
      const ok = presented && headers.get('Authorization') && (presented === this.activeRefresh
        || (this.retryWindow && presented === this.previousRefresh));
      const answer = ok ? this.issue() : null;
      if (delay) {
        await delay;
      }
      return ok ? jsonResponse(200, answer) : jsonResponse(400, { error: 'invalid_grant' });
    }
    if (url.endsWith('/auth/logout')) {
      this.activeRefresh = null;
      return new Response(null, { status: 204 });
    }
    const auth = headers.get('Authorization') || '';
    const token = auth.replace(/^Bearer /, '');
    const exp = this.accessExpiry && this.accessExpiry.get(token);
    if (!exp || exp <= this.clock.now() || this.revoked.has(token)) {
      return jsonResponse(401, { error: 'invalid_token' },
        { 'WWW-Authenticate': token ? 'Bearer realm="app", error="invalid_token"' : 'Bearer realm="app"' });
    }
    return jsonResponse(200, { ok: true, token });
  }
}

/** A clock that runs with real time and that a test moves forward. */
class Clock {
  constructor() { this.start = Date.now(); this.offset = 1_800_000_000_000 - this.start; }
  now() { return Date.now() + this.offset; }
  advance(ms) { this.offset += ms; }
}

/** An origin: one storage, one lock manager, one channel type, one server; tab() makes clients of it. */
function origin(options) {
  const clock = new Clock();
  const server = new FakeServer(clock, options);
  const storage = new MemoryStorage();
  const locks = options && options.noLocks ? undefined : new FakeLocks();
  const BroadcastChannel = options && options.noChannel ? undefined : channelType();
  const tabs = new Set();
  function tab(clientOptions) {
    const view = tabStorage(storage, tabs);
    return create({
      fetch: (url, init) => server.fetch(url, init),
      Headers,
      storage: view.storage,
      onStorage: view.onStorage,
      locks,
      BroadcastChannel,
      setTimeout: (f, ms) => setTimeout(f, ms),
      clearTimeout: (t) => clearTimeout(t),
      now: () => clock.now(),
      basePath: '/app/auth/'
    }, Object.assign({ lostRaceWaitMs: 300, lockTimeoutMs: 2000 }, clientOptions || {}));
  }
  return { clock, server, storage, locks, tab };
}

module.exports = { origin, MemoryStorage, FakeLocks, create };
