/*
 * Website chat: mounts the official Bot Framework Web Chat, connected to this server's Direct Line
 * endpoint, into the element named by data-target (default id "debt-bot-chat"). Served as
 * /webchat/embed.js; the demo page at / uses it too.
 *
 *   <div id="debt-bot-chat" style="height: 600px"></div>
 *   <script src="https://chat.example.com/webchat/embed.js" data-target="debt-bot-chat" async></script>
 *
 * The conversation id and its token are kept in sessionStorage, so a reload resumes the same
 * conversation; closing the tab ends it for this browser.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script) return;
  var origin = new URL(script.src, window.location.href).origin;
  var domain = origin + '/v3/directline';
  var targetId = script.getAttribute('data-target') || 'debt-bot-chat';
  var nonce = script.nonce || script.getAttribute('nonce') || undefined;
  var storageKey = 'debt-bot.webchat:' + origin;
  var styleOptions = __STYLE_OPTIONS__;
  var requested = script.getAttribute('data-locale') || navigator.language || 'en-US';
  var locale = /^es(-|$)/i.test(requested) ? requested : 'en-US';

  function read() {
    try {
      var value = JSON.parse(window.sessionStorage.getItem(storageKey) || 'null');
      return value && typeof value.token === 'string' && typeof value.conversationId === 'string' ? value : null;
    } catch (error) {
      return null;
    }
  }

  function save(conversationId, token) {
    try {
      window.sessionStorage.setItem(storageKey, JSON.stringify({ conversationId: conversationId, token: token }));
    } catch (error) {
      /* storage disabled: the chat still works, a reload starts over */
    }
  }

  function forget() {
    try {
      window.sessionStorage.removeItem(storageKey);
    } catch (error) {
      /* nothing stored */
    }
  }

  /*
   * A chat link from one of our emails (?start=…) opens a new conversation on that account (the
   * debtor still confirms who they are). The token leaves the address bar at once, so a reload
   * resumes this conversation instead of starting another, and the link is not kept in history.
   */
  var startToken = null;
  try {
    var here = new URL(window.location.href);
    startToken = here.searchParams.get('start');
    if (startToken) {
      here.searchParams.delete('start');
      window.history.replaceState(window.history.state, '', here.pathname + here.search + here.hash);
    }
  } catch (error) {
    startToken = null;
  }

  function post(path, token, body) {
    var headers = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    return fetch(domain + path, { method: 'POST', headers: headers, body: JSON.stringify(body || {}) }).then(function (response) {
      if (!response.ok) {
        var error = new Error('Direct Line answered ' + response.status);
        error.status = response.status;
        throw error;
      }
      return response.json();
    });
  }

  function newSession() {
    return post('/tokens/generate', null, startToken ? { start: startToken } : {}).then(function (issued) {
      save(issued.conversationId, issued.token);
      return { conversationId: issued.conversationId, token: issued.token, resume: false };
    }, function (error) {
      // A damaged link still opens the chat, as a plain one.
      if (startToken && error.status === 400) {
        startToken = null;
        return newSession();
      }
      throw error;
    });
  }

  /** A stored conversation is resumed with a refreshed token; an expired one is forgotten. */
  function session() {
    var stored = read();
    if (!stored || startToken) return newSession();
    return post('/tokens/refresh', stored.token).then(
      function (issued) {
        save(issued.conversationId, issued.token);
        return { conversationId: issued.conversationId, token: issued.token, resume: true };
      },
      function (error) {
        if (error.status === 401 || error.status === 403) {
          forget();
          return newSession();
        }
        throw error;
      },
    );
  }

  function loadWebChat() {
    if (window.WebChat) return Promise.resolve(window.WebChat);
    return new Promise(function (resolve, reject) {
      var element = document.createElement('script');
      element.src = origin + '/webchat/webchat.js';
      element.async = true;
      if (nonce) element.nonce = nonce;
      element.onload = function () {
        if (window.WebChat) resolve(window.WebChat);
        else reject(new Error('Web Chat did not load'));
      };
      element.onerror = function () {
        reject(new Error('Web Chat did not load'));
      };
      document.head.appendChild(element);
    });
  }

  /*
   * Web Chat 4.18 renders its transcript's react-scroll-to-bottom without passing the `nonce` on,
   * so that library's <style> elements (which make the transcript scroll) would be blocked by a
   * nonce-based Content-Security-Policy. Give exactly those elements the nonce as they are added.
   */
  function lendNonceToScrollStyles() {
    if (!nonce || Node.prototype.insertBefore.__debtBotNonce) return;
    var insertBefore = Node.prototype.insertBefore;
    var appendChild = Node.prototype.appendChild;
    var lend = function (node) {
      if (node instanceof HTMLStyleElement && !node.nonce && /^react-scroll-to-bottom--css-/.test(node.getAttribute('data-emotion') || '')) {
        node.nonce = nonce;
      }
    };
    Node.prototype.insertBefore = function (node, child) {
      lend(node);
      return insertBefore.call(this, node, child);
    };
    Node.prototype.appendChild = function (node) {
      lend(node);
      return appendChild.call(this, node);
    };
    Node.prototype.insertBefore.__debtBotNonce = true;
  }

  /*
   * An officer's messages carry channelData.officer ({ initials, label }): they get their own avatar
   * and "Maria · Summit Recovery team" under the bubble, so a person never looks like the assistant.
   * Web Chat's bundle does not expose React, and a middleware only has to return a React element:
   * a plain object tagged react.element (React 18's element shape) is one.
   */
  function element(type, props, children) {
    return { $$typeof: Symbol.for('react.element'), type: type, key: null, ref: null, props: Object.assign({}, props, { children: children }), _owner: null, _store: {} };
  }

  function officerOf(activity) {
    var officer = activity && activity.channelData && activity.channelData.officer;
    return officer && typeof officer.initials === 'string' && typeof officer.label === 'string' ? officer : null;
  }

  var officerAvatar = function () {
    return function (next) {
      return function (args) {
        var officer = officerOf(args.activity);
        if (!officer) return next(args);
        return function () {
          return element(
            'div',
            {
              'aria-hidden': 'true',
              className: 'debt-bot-officer-avatar',
              style: { display: 'flex', alignItems: 'center', justifyContent: 'center', width: 40, height: 40, borderRadius: '50%', background: '#0b6e69', color: '#ffffff', fontWeight: 700 },
            },
            officer.initials,
          );
        };
      };
    };
  };

  var officerStatus = function () {
    return function (next) {
      return function (args) {
        var officer = officerOf(args.activity);
        if (!officer) return next(args);
        return element('span', { className: 'debt-bot-officer-name', style: { fontSize: '0.8rem', color: '#4a5565' } }, officer.label);
      };
    };
  };

  /* Web Chat groups a run of bot-side messages under one avatar: an officer's messages start their own group. */
  var groupBySender = function () {
    return function (next) {
      return function (args) {
        var groups = next(args);
        if (!groups || !groups.sender) return groups;
        var sender = [];
        groups.sender.forEach(function (group) {
          var current = [];
          group.forEach(function (activity) {
            var last = current[current.length - 1];
            if (last && ((last.from || {}).id !== (activity.from || {}).id)) {
              sender.push(current);
              current = [];
            }
            current.push(activity);
          });
          if (current.length) sender.push(current);
        });
        return Object.assign({}, groups, { sender: sender });
      };
    };
  };

  function showProblem(target) {
    var message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.className = 'debt-bot-chat-problem';
    message.textContent = 'The chat is not available right now. Please try again in a few minutes.';
    target.replaceChildren(message);
  }

  function start() {
    var target = document.getElementById(targetId);
    if (!target) {
      console.error('Website chat: no element with id "' + targetId + '" to mount the chat in.');
      return;
    }
    Promise.all([loadWebChat(), session()])
      .then(function (results) {
        var WebChat = results[0];
        var current = results[1];
        var options = { token: current.token, domain: domain, webSocket: true, conversationStartProperties: { locale: locale } };
        if (current.resume) options.conversationId = current.conversationId;
        var directLine = WebChat.createDirectLine(options);
        // Web Chat refreshes the token as it goes; keep the newest for the next reload.
        var keep = function () {
          if (directLine.conversationId && directLine.token) save(directLine.conversationId, directLine.token);
        };
        directLine.connectionStatus$.subscribe(function (status) {
          if (status === 2) keep(); // Online
        });
        window.setInterval(keep, 60 * 1000);
        window.addEventListener('pagehide', keep);
        target.replaceChildren();
        lendNonceToScrollStyles();
        WebChat.renderWebChat(
          { directLine: directLine, styleOptions: styleOptions, locale: locale, nonce: nonce, avatarMiddleware: officerAvatar, activityStatusMiddleware: officerStatus, groupActivitiesMiddleware: groupBySender },
          target,
        );
      })
      .catch(function (error) {
        console.error('Website chat could not start:', error);
        showProblem(target);
      });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
