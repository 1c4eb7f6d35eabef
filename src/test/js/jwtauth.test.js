'use strict';
// Unit tests of the browser client's timing and retry logic (node --test src/test/js); the browser tests in
// webapp-demo drive the same script in Chromium.

const test = require('node:test');
const assert = require('node:assert/strict');
const { origin, MemoryStorage, create } = require('./fakes.js');

const { refreshMargin, needsRefresh, isInvalidToken, storageLock } = globalThis.JwtAuth.internals;

function refreshCalls(server) {
  return server.requests.filter((r) => r.url.endsWith('/auth/refresh'));
}

test('refreshMargin is the configured 30 s for a long-lived token', () => {
  assert.equal(refreshMargin(15 * 60_000, 30_000), 30_000);
});

test('refreshMargin is never more than a third of the token lifetime', () => {
  assert.equal(refreshMargin(3_000, 30_000), 1_000);
  assert.equal(refreshMargin(60_000, 30_000), 20_000);
});

test('needsRefresh turns true once the margin before expiry is reached, measured on the client clock', () => {
  const state = { receivedAt: 0, expiresAt: 900_000 };
  assert.equal(needsRefresh(state, 869_999, 30_000), false);
  assert.equal(needsRefresh(state, 870_000, 30_000), true);
});

test('isInvalidToken only for a 401 whose challenge says invalid_token', () => {
  const r = (status, challenge) => new Response(null, { status, headers: challenge ? { 'WWW-Authenticate': challenge } : {} });
  assert.equal(isInvalidToken(r(401, 'Bearer realm="a", error="invalid_token"')), true);
  assert.equal(isInvalidToken(r(401, 'Bearer realm="a"')), false);
  assert.equal(isInvalidToken(r(403, 'Bearer realm="a", error="insufficient_scope"')), false);
});

test('login posts to the configured base path and fetch adds the bearer token', async () => {
  const o = origin();
  const tab = o.tab();
  const user = await tab.login('alice', 'pw');
  const response = await tab.fetch('/app/api/me');

  assert.equal(user.subject, 'alice');
  assert.equal(o.server.requests[0].url, '/app/auth/login');
  assert.equal(response.status, 200);
  assert.match(o.server.requests[1].headers.get('Authorization'), /^Bearer h\./);
});

test('login with a wrong password rejects with the server error and leaves the user signed out', async () => {
  const o = origin();
  const tab = o.tab();
  await assert.rejects(tab.login('alice', 'nope'), (e) => e.status === 400 && e.error === 'invalid_grant');
  assert.equal(tab.user(), null);
});

test('fetch refreshes before sending once the token is within the margin of expiry, and not before', async () => {
  const o = origin({ lifetimeSeconds: 60 });
  const tab = o.tab();
  await tab.login('alice', 'pw');

  o.clock.advance(35_000); // 25 s left: more than the 20 s margin (a third of 60 s)
  await tab.fetch('/app/api/me');
  assert.equal(refreshCalls(o.server).length, 0);

  o.clock.advance(20_000); // 5 s left
  const response = await tab.fetch('/app/api/me');
  assert.equal(refreshCalls(o.server).length, 1);
  assert.equal(response.status, 200);
});

test('a 401 invalid_token makes one refresh and one retry of the request', async () => {
  const o = origin();
  const tab = o.tab();
  await tab.login('alice', 'pw');
  const first = JSON.parse(o.storage.getItem('jwtauth')).accessToken;
  o.server.revoked.add(first);

  const response = await tab.fetch('/app/api/me', { headers: { 'X-Test': '1' } });

  const api = o.server.requests.filter((r) => r.url === '/app/api/me');
  assert.equal(response.status, 200);
  assert.equal(refreshCalls(o.server).length, 1);
  assert.equal(api.length, 2);
  assert.equal(api[1].headers.get('X-Test'), '1', 'the retry keeps the request headers');
});

test('a retried request that is refused again is answered as is, without a second refresh', async () => {
  const o = origin();
  const tab = o.tab();
  await tab.login('alice', 'pw');
  const realFetch = o.server.fetch.bind(o.server);
  o.server.fetch = async (url, init) => (url === '/app/api/me'
    ? new Response(null, { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } })
    : realFetch(url, init));

  const response = await tab.fetch('/app/api/me');

  assert.equal(response.status, 401);
  assert.equal(refreshCalls(o.server).length, 1);
});

test('a 401 without invalid_token (no token expected) triggers no refresh', async () => {
  const o = origin();
  const tab = o.tab();
  const response = await tab.fetch('/app/api/me');
  assert.equal(response.status, 401);
  assert.equal(refreshCalls(o.server).length, 0);
  assert.equal(o.server.requests[0].headers.get('Authorization'), null);
});

test('concurrent fetches in one tab share one refresh', async () => {
  const o = origin({ lifetimeSeconds: 60 });
  const tab = o.tab();
  await tab.login('alice', 'pw');
  o.clock.advance(55_000);

  const answers = await Promise.all([1, 2, 3, 4, 5].map(() => tab.fetch('/app/api/me')));

  assert.deepEqual(answers.map((r) => r.status), [200, 200, 200, 200, 200]);
  assert.equal(refreshCalls(o.server).length, 1);
});

for (const kind of ['Web Locks', 'the storage lock (no navigator.locks)']) {
  test(`two tabs refreshing at once make one refresh with ${kind}, and both use its tokens`, async () => {
    const o = origin({ lifetimeSeconds: 60, noLocks: kind !== 'Web Locks' });
    const a = o.tab();
    const b = o.tab();
    await a.login('alice', 'pw');
    for (let expiry = 0; expiry < 3; expiry += 1) {
      o.clock.advance(55_000);
      const answers = await Promise.all([a.fetch('/app/api/me'), b.fetch('/app/api/me'), a.fetch('/app/api/me'),
        b.fetch('/app/api/me')]);
      assert.deepEqual(answers.map((r) => r.status), [200, 200, 200, 200]);
    }
    assert.equal(refreshCalls(o.server).length, 3, 'one refresh per expiry');
    assert.equal(a.user().subject, 'alice');
    assert.equal(b.user().subject, 'alice');
  });
}

test('a tab that loses the race with invalid_grant takes the tokens the winner shares instead of signing out', async () => {
  const o = origin({ lifetimeSeconds: 60 });
  const loser = o.tab();
  await loser.login('alice', 'pw');
  const before = JSON.parse(o.storage.getItem('jwtauth'));
  // The winner rotated the refresh token at the server but has not stored the result yet.
  o.server.issue();
  const winnersTokens = o.server.issue();
  const realFetch = o.server.fetch.bind(o.server);
  o.server.fetch = async (url, init) => {
    const response = await realFetch(url, init);
    if (url.endsWith('/auth/refresh')) {
      setTimeout(() => o.storage.setItem('jwtauth', JSON.stringify({ accessToken: winnersTokens.accessToken,
        refreshToken: winnersTokens.refreshToken, receivedAt: o.clock.now(), expiresAt: o.clock.now() + 60_000 })), 50);
    }
    return response;
  };
  o.clock.advance(55_000);

  const user = await loser.refresh();

  assert.equal(refreshCalls(o.server).length, 1);
  assert.equal(user.subject, 'alice');
  assert.notEqual(JSON.parse(o.storage.getItem('jwtauth')).accessToken, before.accessToken);
});

test('invalid_grant with no tokens shared in time signs the user out in every tab', async () => {
  const o = origin({ lifetimeSeconds: 60 });
  const a = o.tab();
  const b = o.tab();
  const seenByB = [];
  b.onChange((user) => seenByB.push(user && user.subject));
  await a.login('alice', 'pw');
  o.server.activeRefresh = 'revoked-elsewhere';

  const user = await a.refresh();

  assert.equal(user, null);
  assert.equal(a.user(), null);
  await waitUntil(() => seenByB[seenByB.length - 1] === null);
});

test('a lock held too long is stolen; with the retry window the thief refreshes, the holder\'s older late answer is dropped', async () => {
  const o = origin({ lifetimeSeconds: 60, retryWindow: true });
  const slow = o.tab({ lockTimeoutMs: 200 });
  const fast = o.tab({ lockTimeoutMs: 200 });
  await slow.login('alice', 'pw');
  o.clock.advance(55_000);
  let answer;
  o.server.refreshDelay = new Promise((resolve) => { answer = resolve; });

  const slowRefresh = slow.refresh(); // holds the lock; the server rotated, its answer hangs
  await waitUntil(() => refreshCalls(o.server).length === 1);
  o.server.refreshDelay = null;
  const fastUser = await fast.refresh(); // waits 200 ms, steals, refreshes within the retry window
  const stored = JSON.parse(o.storage.getItem('jwtauth'));
  answer();
  const slowUser = await slowRefresh;

  assert.equal(fastUser.subject, 'alice');
  assert.equal(slowUser.subject, 'alice', 'the old holder still has a session');
  assert.equal(JSON.parse(o.storage.getItem('jwtauth')).accessToken, stored.accessToken,
    'the late, older answer did not overwrite the newer tokens');
});

test('a lock held too long is stolen; without a retry window the thief loses and takes the holder\'s late answer', async () => {
  const o = origin({ lifetimeSeconds: 60 });
  const slow = o.tab({ lockTimeoutMs: 200 });
  const fast = o.tab({ lockTimeoutMs: 200, lostRaceWaitMs: 3000 });
  await slow.login('alice', 'pw');
  o.clock.advance(55_000);
  let answer;
  o.server.refreshDelay = new Promise((resolve) => { answer = resolve; });

  const slowRefresh = slow.refresh();
  await waitUntil(() => refreshCalls(o.server).length === 1);
  const fastRefresh = fast.refresh(); // steals after 200 ms and gets invalid_grant for the spent token
  await waitUntil(() => refreshCalls(o.server).length === 2);
  await new Promise((r) => setTimeout(r, 50));
  answer();
  const [slowUser, fastUser] = await Promise.all([slowRefresh, fastRefresh]);

  assert.equal(slowUser.subject, 'alice');
  assert.equal(fastUser.subject, 'alice', 'not signed out: it picked up the shared tokens');
  assert.equal(fastUser.claims.n, slowUser.claims.n, 'both use the one rotation');
});

test('logout in one tab signs out the others and posts the refresh token once', async () => {
  const o = origin();
  const a = o.tab();
  const b = o.tab();
  const seen = [];
  b.onChange((user) => seen.push(user && user.subject));
  await a.login('alice', 'pw');
  await waitUntil(() => seen[seen.length - 1] === 'alice');

  await a.logout();

  const logout = o.server.requests.find((r) => r.url.endsWith('/auth/logout'));
  assert.equal(logout.body.refreshToken !== undefined, true);
  assert.equal(a.user(), null);
  await waitUntil(() => seen[seen.length - 1] === null);
  assert.equal(b.user(), null);
});

test('without BroadcastChannel a logout still reaches the other tabs, through the storage event', async () => {
  const o = origin({ noChannel: true });
  const a = o.tab();
  const b = o.tab();
  const seen = [];
  b.onChange((user) => seen.push(user && user.subject));
  await a.login('alice', 'pw');
  await waitUntil(() => seen[seen.length - 1] === 'alice');

  await a.logout();

  await waitUntil(() => seen[seen.length - 1] === null);
  assert.equal(b.user(), null);
});

test('logout of all devices sends allDevices with a valid access token', async () => {
  const o = origin({ lifetimeSeconds: 60 });
  const a = o.tab();
  await a.login('alice', 'pw');
  o.clock.advance(59_000);

  await a.logout({ allDevices: true });

  const logout = o.server.requests.find((r) => r.url.endsWith('/auth/logout'));
  assert.deepEqual(logout.body, { allDevices: true });
  assert.equal(refreshCalls(o.server).length, 1, 'the nearly expired token was refreshed first');
});

test('in cookie mode the script never holds a refresh token and refreshes with the access token alone', async () => {
  const o = origin({ cookieMode: true, lifetimeSeconds: 60 });
  const tab = o.tab();
  await tab.login('alice', 'pw');
  o.clock.advance(55_000);

  const response = await tab.fetch('/app/api/me');
  await tab.logout();

  const refresh = refreshCalls(o.server)[0];
  assert.equal(response.status, 200);
  assert.deepEqual(refresh.body, {});
  assert.match(refresh.headers.get('Authorization'), /^Bearer /);
  assert.equal(o.storage.getItem('jwtauth'), null);
  assert.deepEqual(o.server.requests.find((r) => r.url.endsWith('/auth/logout')).body, {});
});

test('the storage lock lets one holder in at a time and is overtaken after its timeout when the holder vanished', async () => {
  const storage = new MemoryStorage();
  const env = { now: () => Date.now(), setTimeout, clearTimeout };
  const one = storageLock(env, storage, 'l', 2000);
  const two = storageLock(env, storage, 'l', 2000);
  let inside = 0;
  let most = 0;
  const work = async () => {
    inside += 1;
    most = Math.max(most, inside);
    await new Promise((r) => setTimeout(r, 30));
    inside -= 1;
  };
  await Promise.all([one.run(work), two.run(work), one.run(work), two.run(work)]);
  assert.equal(most, 1);

  storage.setItem('l.lock', JSON.stringify({ id: 'a closed tab', until: Date.now() + 200 }));
  let ran = false;
  await two.run(async () => { ran = true; });
  assert.equal(ran, true);
});

test('a client without BroadcastChannel and navigator.locks still works', async () => {
  const o = origin();
  const plain = create({ fetch: (u, i) => o.server.fetch(u, i), Headers, storage: o.storage, now: () => o.clock.now(),
    setTimeout, clearTimeout, basePath: '/app/auth/' });
  await plain.login('alice', 'pw');
  o.clock.advance(59_000);
  assert.equal((await plain.fetch('/app/api/me')).status, 200);
});

async function waitUntil(condition) {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error('condition not met within 5 s');
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}
