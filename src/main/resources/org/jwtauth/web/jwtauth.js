/*
 * jwt-servlet-auth browser client, served by the library at /jwtauth/jwtauth.js (a classic script defining
 * window.JwtAuth) and /jwtauth/jwtauth.mjs (an ES module exporting the same object). No dependencies, no build.
 *
 *   <script src="jwtauth/jwtauth.js"></script>
 *   await JwtAuth.login(username, password);
 *   const response = await JwtAuth.fetch('api/orders');
 *
 * Tokens: the access token, its expiry and (unless the server runs in cookie mode) the refresh token are kept in
 * localStorage, so that every tab of the origin shares one session; in cookie mode the refresh token is in an
 * HttpOnly cookie this script never sees. See docs/browser.md for the trade-offs.
 *
 * One refresh at a time in the tab and across tabs: the refresh runs under a Web Lock (or, where navigator.locks
 * is missing, as on plain-HTTP intranet pages, a lock kept in localStorage); the winner stores the new tokens and
 * tells the other tabs over BroadcastChannel; a tab that still lost the race (invalid_grant) takes those tokens
 * instead of signing out. Rotating refresh tokens make two concurrent refreshes with one token a reuse.
 */
(function (global) {
  'use strict';

  var DEFAULTS = {
    /** Refresh this long before expiry (never more than a third of the token's lifetime). */
    marginMs: 30000,
    /** A refresh lock held longer than this is stolen (the holder hung, or its request never answers). */
    lockTimeoutMs: 10000,
    /** How long a tab that lost the race waits for the winner's tokens before it signs out. */
    lostRaceWaitMs: 3000,
    storageKey: 'jwtauth',
    channelName: 'jwtauth',
    lockName: 'jwtauth-refresh'
  };

  /** The margin before expiry at which to refresh: the configured one, at most a third of the lifetime. */
  function refreshMargin(lifetimeMs, marginMs) {
    return Math.max(0, Math.min(marginMs, lifetimeMs / 3));
  }

  /** True when the stored tokens should be refreshed before use at {@code now}. */
  function needsRefresh(state, now, marginMs) {
    return now >= state.expiresAt - refreshMargin(state.expiresAt - state.receivedAt, marginMs);
  }

  /** RFC 6750 section 3.1: a 401 with error="invalid_token" means the token itself was refused. */
  function isInvalidToken(response) {
    var challenge = response.headers.get('WWW-Authenticate') || '';
    return response.status === 401 && /error="invalid_token"/.test(challenge);
  }

  function sleep(env, ms) {
    return new Promise(function (resolve) { env.setTimeout(resolve, ms); });
  }

  function randomId() {
    return Math.random().toString(36).slice(2) + Date.now().toString(36);
  }

  function decodeClaims(jwt) {
    try {
      var part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      var text = decodeURIComponent(Array.prototype.map.call(atob(part), function (c) {
        return '%' + ('00' + c.charCodeAt(0).toString(16)).slice(-2);
      }).join(''));
      return JSON.parse(text);
    } catch (e) {
      return {};
    }
  }

  /**
   * A lock in localStorage for pages without navigator.locks (not a secure context). Best effort: write, wait,
   * read back; a holder that stopped renewing (closed tab) is overtaken after the timeout.
   */
  function storageLock(env, storage, name, timeoutMs) {
    var key = name + '.lock';
    function holder() {
      try { return JSON.parse(storage.getItem(key)); } catch (e) { return null; }
    }
    return {
      run: function (work) {
        var me = randomId();
        var deadline = env.now() + timeoutMs;
        function attempt() {
          var current = holder();
          if (current && current.until > env.now() && current.id !== me && env.now() < deadline) {
            return sleep(env, 50).then(attempt);
          }
          storage.setItem(key, JSON.stringify({ id: me, until: env.now() + timeoutMs }));
          return sleep(env, 20).then(function () {
            var now = holder();
            if (now && now.id !== me && env.now() < deadline) {
              return sleep(env, 50).then(attempt);
            }
            return Promise.resolve().then(work).finally(function () {
              var last = holder();
              if (last && last.id === me) {
                storage.removeItem(key);
              }
            });
          });
        }
        return attempt();
      }
    };
  }

  /**
   * Web Locks: wait for the lock up to the timeout, then steal it. Stealing does not stop the holder's request:
   * when its answer comes late, the holder still stores it (if nothing newer is stored) and returns it.
   */
  function webLock(env, locks, name, timeoutMs) {
    return {
      run: function (work) {
        var controller = new AbortController();
        var timer = env.setTimeout(function () { controller.abort(); }, timeoutMs);
        var running = null;
        return locks.request(name, { signal: controller.signal }, function () {
          env.clearTimeout(timer);
          running = Promise.resolve().then(work);
          return running;
        }).catch(function (e) {
          if (running) {
            return running;
          }
          if (e && e.name === 'AbortError') {
            return locks.request(name, { steal: true }, function () { return work(); });
          }
          throw e;
        });
      }
    };
  }

  /**
   * A client. env holds what it uses from the browser (fetch, storage and its change events, locks,
   * BroadcastChannel, clock, timers), so that tests can give it their own.
   */
  function create(env, options) {
    var config = Object.assign({}, DEFAULTS, options || {});
    var storage = env.storage;
    var listeners = [];
    var pending = null;
    var channel = null;
    var watching = false;
    var lock = null;

    function endpoint(name) {
      return (config.endpoints && config.endpoints[name]) || (config.basePath || env.basePath) + name;
    }

    function read() {
      try {
        var state = JSON.parse(storage.getItem(config.storageKey));
        return state && state.accessToken ? state : null;
      } catch (e) {
        return null;
      }
    }

    function user(state) {
      if (!state) {
        return null;
      }
      var claims = decodeClaims(state.accessToken);
      return { subject: claims.sub, claims: claims, expiresAt: new Date(state.expiresAt) };
    }

    function notify() {
      var current = user(read());
      listeners.slice().forEach(function (listener) {
        try { listener(current); } catch (e) { /* a page's listener must not break the client */ }
      });
    }

    function bus() {
      // The storage event is the second path: a change another tab made to the stored tokens is seen even where
      // BroadcastChannel is missing or a message of it did not arrive (a background tab being woken, for one).
      if (!watching && env.onStorage) {
        watching = true;
        env.onStorage(function (event) {
          if (event.key === config.storageKey || event.key === null) {
            notify();
          }
        });
      }
      if (!channel && env.BroadcastChannel) {
        channel = new env.BroadcastChannel(config.channelName);
        channel.onmessage = function (event) {
          var message = event.data || {};
          if (message.type === 'tokens' || message.type === 'signed-out') {
            notify();
          }
        };
      }
      return channel;
    }

    function broadcast(type) {
      var c = bus();
      if (c) {
        c.postMessage({ type: type });
      }
    }

    function theLock() {
      if (!lock) {
        lock = env.locks ? webLock(env, env.locks, config.lockName, config.lockTimeoutMs)
            : storageLock(env, storage, config.lockName, config.lockTimeoutMs);
      }
      return lock;
    }

    /** Stores a token response; a late answer older than what another tab stored already is dropped. */
    function store(body, sentAt) {
      var expiresAt = sentAt + body.expiresIn * 1000;
      var current = read();
      if (current && current.expiresAt > expiresAt && current.accessToken !== body.accessToken) {
        return current;
      }
      var state = {
        accessToken: body.accessToken,
        receivedAt: sentAt,
        expiresAt: expiresAt
      };
      if (body.refreshToken) {
        state.refreshToken = body.refreshToken;
      }
      storage.setItem(config.storageKey, JSON.stringify(state));
      broadcast('tokens');
      notify();
      return state;
    }

    function signedOut() {
      storage.removeItem(config.storageKey);
      broadcast('signed-out');
      notify();
    }

    function post(name, body, headers) {
      return env.fetch(endpoint(name), {
        method: 'POST',
        credentials: 'same-origin',
        headers: Object.assign({ 'Content-Type': 'application/json' }, headers || {}),
        body: JSON.stringify(body)
      });
    }

    function failure(response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        var error = new Error(body.error_description || ('HTTP ' + response.status));
        error.status = response.status;
        error.error = body.error;
        return error;
      });
    }

    /** Waits up to lostRaceWaitMs for tokens other than {@code spent}; null if none come. */
    function sharedTokens(spent) {
      var deadline = env.now() + config.lostRaceWaitMs;
      function poll() {
        var state = read();
        if (state && state.accessToken !== spent) {
          return Promise.resolve(state);
        }
        if (!state || env.now() >= deadline) {
          return Promise.resolve(null);
        }
        return sleep(env, 50).then(poll);
      }
      return poll();
    }

    /** The refresh itself, under the lock: first look whether another tab refreshed meanwhile. */
    function refreshLocked(spent, force) {
      var state = read();
      if (!state) {
        return Promise.resolve(null);
      }
      if (state.accessToken !== spent || (!force && !needsRefresh(state, env.now(), config.marginMs))) {
        return Promise.resolve(state);
      }
      var sentAt = env.now();
      var body = state.refreshToken ? { refreshToken: state.refreshToken } : {};
      return post('refresh', body, { Authorization: 'Bearer ' + state.accessToken }).then(function (response) {
        if (response.ok) {
          return response.json().then(function (tokens) { return store(tokens, sentAt); });
        }
        return failure(response).then(function (error) {
          if (error.error !== 'invalid_grant') {
            throw error;
          }
          // Lost the race (the lock was stolen, or a tab died between the rotation and sharing its result):
          // the winner's tokens are, or will shortly be, in the storage.
          return sharedTokens(state.accessToken).then(function (shared) {
            if (!shared) {
              signedOut();
            }
            return shared;
          });
        });
      });
    }

    /** One refresh at a time in this tab; the lock makes it one across tabs. */
    function refresh(spent, force) {
      if (!pending) {
        pending = theLock().run(function () { return refreshLocked(spent, force); })
            .finally(function () { pending = null; });
      }
      return pending;
    }

    function withToken(url, init, token) {
      var request = Object.assign({}, init || {});
      var headers = new env.Headers(request.headers || {});
      if (token) {
        headers.set('Authorization', 'Bearer ' + token);
      }
      request.headers = headers;
      return env.fetch(url, request);
    }

    function currentToken() {
      var state = read();
      if (!state) {
        return Promise.resolve(null);
      }
      if (!needsRefresh(state, env.now(), config.marginMs)) {
        return Promise.resolve(state);
      }
      return refresh(state.accessToken, false);
    }

    var api = {
      /** Signs in; resolves to the user ({subject, claims, expiresAt}) or rejects with {status, error}. */
      login: function (username, password) {
        var sentAt = env.now();
        return post('login', { username: username, password: password }).then(function (response) {
          if (!response.ok) {
            return failure(response).then(function (error) { throw error; });
          }
          return response.json().then(function (tokens) {
            storage.removeItem(config.storageKey);
            return user(store(tokens, sentAt));
          });
        });
      },

      /** Signs out this device, or every device of the user with {allDevices: true}; every tab follows. */
      logout: function (options) {
        var all = !!(options && options.allDevices);
        var ready = all ? currentToken() : Promise.resolve(read());
        return ready.then(function (state) {
          if (!state) {
            signedOut();
            return;
          }
          var body = all ? { allDevices: true } : (state.refreshToken ? { refreshToken: state.refreshToken } : {});
          return post('logout', body, { Authorization: 'Bearer ' + state.accessToken }).then(function (response) {
            signedOut();
            if (!response.ok) {
              return failure(response).then(function (error) { throw error; });
            }
          });
        });
      },

      /**
       * fetch() with the access token: refreshed first when it expires within the margin, and once more after a
       * 401 invalid_token (then the request is sent again, once). Without a session the request goes unchanged.
       */
      fetch: function (url, init) {
        return currentToken().then(function (state) {
          var token = state && state.accessToken;
          return withToken(url, init, token).then(function (response) {
            if (!token || !isInvalidToken(response)) {
              return response;
            }
            return refresh(token, true).then(function (next) {
              return next && next.accessToken !== token ? withToken(url, init, next.accessToken) : response;
            });
          });
        });
      },

      /** Calls listener(user or null) now and whenever the session changes, in this tab or another. */
      onChange: function (listener) {
        listeners.push(listener);
        bus();
        try { listener(user(read())); } catch (e) { /* as in notify */ }
        return function () { listeners = listeners.filter(function (l) { return l !== listener; }); };
      },

      /** The signed-in user, or null. */
      user: function () {
        return user(read());
      },

      /** Refreshes now (under the same lock), whether due or not; resolves to the user or null. */
      refresh: function () {
        var state = read();
        return state ? refresh(state.accessToken, true).then(user) : Promise.resolve(null);
      },

      /** Options: basePath (of login/refresh/logout), endpoints {login, refresh, logout}, marginMs, lockTimeoutMs. */
      configure: function (more) {
        Object.assign(config, more || {});
        lock = null;
        return api;
      },

      create: function (otherEnv, otherOptions) {
        return create(otherEnv, otherOptions);
      },

      internals: { refreshMargin: refreshMargin, needsRefresh: needsRefresh, isInvalidToken: isInvalidToken,
        storageLock: storageLock }
    };
    return api;
  }

  /** The token endpoints beside this script: /ctx/jwtauth/jwtauth.js → /ctx/auth/. */
  function defaultBasePath() {
    var script = global.document && global.document.currentScript;
    var src = script && script.src ? script.src : (global.location ? global.location.href : 'http://localhost/');
    return new URL('../auth/', src).pathname;
  }

  function browserEnv() {
    var basePath = defaultBasePath();
    return {
      fetch: function (url, init) { return global.fetch(url, init); },
      Headers: global.Headers,
      storage: global.localStorage,
      locks: global.navigator && global.navigator.locks,
      BroadcastChannel: global.BroadcastChannel,
      onStorage: function (listener) { global.addEventListener('storage', listener); },
      setTimeout: function (f, ms) { return global.setTimeout(f, ms); },
      clearTimeout: function (t) { return global.clearTimeout(t); },
      now: function () { return Date.now(); },
      basePath: basePath
    };
  }

  if (global.window === global && global.localStorage && !global.JwtAuth) {
    global.JwtAuth = create(browserEnv());
  } else if (!global.JwtAuth) {
    // Outside a browser (Node tests): only the factory.
    global.JwtAuth = { create: create, internals: { refreshMargin: refreshMargin, needsRefresh: needsRefresh,
      isInvalidToken: isInvalidToken, storageLock: storageLock } };
  }
}(typeof globalThis !== 'undefined' ? globalThis : this));
