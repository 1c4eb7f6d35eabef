// The demo page: signs in at auth/login, calls the API with "Authorization: Bearer", refreshes at
// auth/refresh and signs out at auth/logout. Plain JavaScript, no build step. All URLs are relative, so
// the page works at any context path (/ or /jwt-servlet-auth-demo/).
'use strict';

(function () {
  // Tokens are kept in memory only (these variables), never in localStorage or a cookie:
  // - a script injected into the page (XSS) finds nothing persisted to steal later, and no other tab or
  //   later visitor of this browser profile inherits the session;
  // - the refresh token is the long-lived credential (days), so it gets the shortest-lived storage;
  // - a page reload signs out, which is the honest behaviour of a session without cookies.
  // sessionStorage would survive a reload of this tab at the cost of being readable by any script of the
  // origin until the tab closes; for a demo, memory is the clearer choice.
  var session = null; // { accessToken, refreshToken, claims, expiresAt (ms) }
  var pendingRefresh = null; // one refresh at a time: a refresh token works once (rotation)

  var el = function (id) { return document.getElementById(id); };

  // --- log ---------------------------------------------------------------------------------------------
  function log(text, kind) {
    var item = document.createElement('li');
    item.className = kind || 'info';
    item.textContent = new Date().toLocaleTimeString() + '  ' + text;
    var list = el('log');
    list.appendChild(item);
    list.scrollTop = list.scrollHeight; // the list scrolls, not the page

  }

  // "GET api/me -> 401 invalid_token" from the response status and its error code (JSON body or header).
  function logResponse(method, path, res, body) {
    var code = body && typeof body === 'object' && body.error ? ' ' + body.error : '';
    if (!code) {
      var match = /error="([^"]+)"/.exec(res.headers.get('WWW-Authenticate') || '');
      if (match) { code = ' ' + match[1]; }
    }
    log(method + ' ' + path + ' -> ' + res.status + code, res.ok ? 'ok' : 'fail');
  }

  async function readBody(res) {
    var text = await res.text();
    if (!text) { return null; }
    try { return JSON.parse(text); } catch (e) { return text; }
  }

  function showResponse(res, body) {
    el('response').textContent = res.status + ' ' + res.statusText + '\n'
      + (body === null ? '(no body)' : typeof body === 'string' ? body : JSON.stringify(body, null, 2));
  }

  // --- tokens ------------------------------------------------------------------------------------------
  // A JWT is header.payload.signature; the payload is base64url-encoded UTF-8 JSON (RFC 7519, RFC 4648 s5).
  // Decoding it here is for display only: the page cannot and need not verify the signature.
  function decodeClaims(jwt) {
    var payload = jwt.split('.')[1] || '';
    var b64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    while (b64.length % 4) { b64 += '='; }
    var binary = atob(b64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) { bytes[i] = binary.charCodeAt(i); }
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  function accept(tokens) {
    var claims = decodeClaims(tokens.accessToken);
    session = {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      claims: claims,
      expiresAt: claims.exp * 1000
    };
    render();
  }

  function render() {
    var signedIn = session !== null;
    el('status').textContent = signedIn
      ? 'Signed in as ' + session.claims.sub + ' (roles: ' + (session.claims.roles || []).join(', ') + ')'
      : 'Signed out';
    el('claims').textContent = signedIn ? JSON.stringify(session.claims, null, 2) : '(not signed in)';
    el('login-panel').hidden = signedIn;
    el('session-panel').hidden = !signedIn;
    ['call-me', 'call-admin', 'refresh', 'logout'].forEach(function (id) { el(id).disabled = !signedIn; });
    tick();
  }

  function tick() {
    var countdown = el('countdown');
    if (!session) {
      countdown.textContent = '–';
      countdown.className = '';
      return;
    }
    var left = Math.round((session.expiresAt - Date.now()) / 1000);
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

  // --- requests ----------------------------------------------------------------------------------------
  async function postJson(path, body) {
    var res;
    try {
      res = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify(body),
        cache: 'no-store',
        credentials: 'omit'
      });
    } catch (e) {
      log('POST ' + path + ' -> network error', 'fail');
      throw e;
    }
    var data = await readBody(res);
    logResponse('POST', path, res, data);
    return { res: res, body: data };
  }

  async function login(event) {
    event.preventDefault();
    var result = await postJson('auth/login', { username: el('username').value, password: el('password').value });
    el('password').value = '';
    showResponse(result.res, result.res.ok ? '(token response: see the claims above)' : result.body);
    if (result.res.ok) {
      accept(result.body);
    }
  }

  // Exchanges the refresh token for a new pair. Concurrent callers share one request: presenting the same
  // refresh token twice would count as reuse and end the session.
  function refresh() {
    if (!session) { return Promise.resolve(false); }
    if (!pendingRefresh) {
      pendingRefresh = (async function () {
        var result = await postJson('auth/refresh',
          { accessToken: session.accessToken, refreshToken: session.refreshToken });
        if (result.res.ok) {
          accept(result.body);
          return true;
        }
        showResponse(result.res, result.body);
        if (result.res.status === 400) {
          log('the session has ended (refresh token rejected): sign in again', 'info');
          session = null;
          render();
        }
        return false;
      })().finally(function () { pendingRefresh = null; });
    }
    return pendingRefresh;
  }

  function expiredToken(res) {
    // RFC 6750 section 3.1: an expired or otherwise invalid access token is 401 with error="invalid_token".
    return res.status === 401 && /error="invalid_token"/.test(res.headers.get('WWW-Authenticate') || '');
  }

  async function callApi(path, retried) {
    if (!session) { return; }
    var res;
    try {
      res = await fetch(path, {
        headers: { 'Authorization': 'Bearer ' + session.accessToken, 'Accept': 'application/json' },
        cache: 'no-store',
        credentials: 'omit'
      });
    } catch (e) {
      log('GET ' + path + ' -> network error', 'fail');
      return;
    }
    var body = await readBody(res);
    logResponse('GET', path, res, body);
    if (expiredToken(res) && !retried) {
      log('access token rejected: refreshing once, then retrying ' + path, 'info');
      if (await refresh()) {
        await callApi(path, true);
        return;
      }
    }
    showResponse(res, body);
  }

  async function logout() {
    if (!session) { return; }
    var refreshToken = session.refreshToken;
    // Forget the tokens first: even if the request fails, this page no longer uses them.
    session = null;
    render();
    var result = await postJson('auth/logout', { refreshToken: refreshToken });
    showResponse(result.res, result.body);
  }

  el('login-form').addEventListener('submit', login);
  el('call-me').addEventListener('click', function () { callApi('api/me', false); });
  el('call-admin').addEventListener('click', function () { callApi('api/admin', false); });
  el('refresh').addEventListener('click', function () { refresh(); });
  el('logout').addEventListener('click', logout);
  el('clear-log').addEventListener('click', function () { el('log').textContent = ''; });
  setInterval(tick, 1000); // for the page's lifetime: tick() also shows the signed-out state
  render();
}());
