// The demo page, on the library's browser client (jwtauth/jwtauth.js, loaded before this file): JwtAuth.login,
// JwtAuth.fetch (bearer token, refreshed shortly before expiry, one refresh at a time across every tab) and
// JwtAuth.logout. The server runs in cookie mode, so the refresh token is an HttpOnly cookie that this page never
// sees; the access token is shared by the tabs through localStorage (docs/browser.md has the trade-offs).
// Plain JavaScript, no build step; relative URLs, so the page works at any context path.
'use strict';

(function () {
  var el = function (id) { return document.getElementById(id); };
  var user = null;

  // --- log: every request of this page, the library's included, through one wrapper of window.fetch --------
  function log(text, kind) {
    var item = document.createElement('li');
    item.className = kind || 'info';
    item.textContent = new Date().toLocaleTimeString() + '  ' + text;
    var list = el('log');
    list.appendChild(item);
    list.scrollTop = list.scrollHeight; // the list scrolls, not the page
  }

  var pageDirectory = location.pathname.replace(/[^/]*$/, '');
  function shown(url) {
    var path = new URL(typeof url === 'string' ? url : url.url, location.href).pathname;
    return path.indexOf(pageDirectory) === 0 ? path.slice(pageDirectory.length) : path;
  }

  var realFetch = window.fetch.bind(window);
  // "GET api/me -> 401 invalid_token": the status and the error code (JSON body or WWW-Authenticate header).
  window.fetch = async function (url, init) {
    var method = (init && init.method) || 'GET';
    var res;
    try {
      res = await realFetch(url, init);
    } catch (e) {
      log(method + ' ' + shown(url) + ' -> network error', 'fail');
      throw e;
    }
    var code = '';
    var match = /error="([^"]+)"/.exec(res.headers.get('WWW-Authenticate') || '');
    if (match) {
      code = ' ' + match[1];
    } else if (!res.ok) {
      var body = await res.clone().json().catch(function () { return null; });
      code = body && body.error ? ' ' + body.error : '';
    }
    log(method + ' ' + shown(url) + ' -> ' + res.status + code, res.ok ? 'ok' : 'fail');
    return res;
  };

  async function readBody(res) {
    var text = await res.text();
    if (!text) { return null; }
    try { return JSON.parse(text); } catch (e) { return text; }
  }

  function showResponse(res, body) {
    el('response').textContent = res.status + ' ' + res.statusText + '\n'
      + (body === null ? '(no body)' : typeof body === 'string' ? body : JSON.stringify(body, null, 2));
  }

  function showError(e) {
    el('response').textContent = (e.status || '') + ' ' + (e.error || '') + '\n' + e.message;
  }

  // --- the signed-in user, in this tab or another ---------------------------------------------------------
  function render(current) {
    var signedIn = current !== null;
    var claims = signedIn ? current.claims : null;
    el('status').textContent = signedIn
      ? 'Signed in as ' + claims.sub + ' (roles: ' + (claims.roles || []).join(', ') + ')'
      : 'Signed out';
    el('claims').textContent = signedIn ? JSON.stringify(claims, null, 2) : '(not signed in)';
    el('login-panel').hidden = signedIn;
    el('session-panel').hidden = !signedIn;
    ['call-me', 'call-admin', 'refresh', 'logout', 'logout-all', 'list-sessions'].forEach(function (id) {
      el(id).disabled = !signedIn;
    });
    if (!signedIn) {
      el('sessions').textContent = '';
    }
    tick();
  }

  function tick() {
    var countdown = el('countdown');
    if (!user) {
      countdown.textContent = '–';
      countdown.className = '';
      return;
    }
    var left = Math.round((user.claims.exp * 1000 - Date.now()) / 1000);
    if (left <= 0) {
      countdown.textContent = 'expired';
      countdown.className = 'expired';
    } else {
      var minutes = Math.floor(left / 60);
      var seconds = left % 60;
      countdown.textContent = minutes + ':' + (seconds < 10 ? '0' : '') + seconds;
      countdown.className = '';
    }
  }

  // --- actions ---------------------------------------------------------------------------------------------
  async function login(event) {
    event.preventDefault();
    try {
      await JwtAuth.login(el('username').value, el('password').value);
      el('response').textContent = '200\n(token response: see the claims above)';
    } catch (e) {
      showError(e);
    } finally {
      el('password').value = '';
    }
  }

  async function callApi(path) {
    var res = await JwtAuth.fetch(path, { headers: { 'Accept': 'application/json' }, cache: 'no-store' });
    showResponse(res, await readBody(res));
  }

  async function logout(allDevices) {
    try {
      await JwtAuth.logout({ allDevices: allDevices });
    } catch (e) {
      showError(e);
    }
  }

  // The caller's own sessions (GET auth/sessions), each with a button that signs that device out.
  async function listSessions() {
    var res = await JwtAuth.fetch('auth/sessions', { headers: { 'Accept': 'application/json' }, cache: 'no-store' });
    var body = await readBody(res);
    var list = el('sessions');
    list.textContent = '';
    if (!res.ok) {
      showResponse(res, body);
      return;
    }
    body.sessions.forEach(function (session) {
      var item = document.createElement('li');
      item.className = session.current ? 'current' : 'other';
      item.dataset.sessionId = session.sessionId;
      var text = document.createElement('span');
      text.textContent = (session.current ? 'This device' : 'Another device') + ', signed in '
        + new Date(session.createdAt).toLocaleString() + ', last used ' + new Date(session.lastUsedAt).toLocaleString()
        + (session.userAgent ? ' — ' + session.userAgent.slice(0, 60) : '');
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'small revoke';
      button.textContent = 'Sign out this device';
      button.addEventListener('click', function () { revoke(session); });
      item.appendChild(text);
      item.appendChild(button);
      list.appendChild(item);
    });
  }

  async function revoke(session) {
    if (session.current) {
      await logout(false);
      return;
    }
    var res = await JwtAuth.fetch('auth/sessions/revoke', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sessionId: session.sessionId })
    });
    showResponse(res, await readBody(res));
    await listSessions();
  }

  el('login-form').addEventListener('submit', login);
  el('call-me').addEventListener('click', function () { callApi('api/me'); });
  el('call-admin').addEventListener('click', function () { callApi('api/admin'); });
  el('refresh').addEventListener('click', function () { JwtAuth.refresh(); });
  el('logout').addEventListener('click', function () { logout(false); });
  el('logout-all').addEventListener('click', function () { logout(true); });
  el('list-sessions').addEventListener('click', listSessions);
  el('clear-log').addEventListener('click', function () { el('log').textContent = ''; });
  setInterval(tick, 1000); // for the page's lifetime: tick() also shows the signed-out state
  JwtAuth.onChange(function (current) {
    user = current;
    render(current);
  });
}());
