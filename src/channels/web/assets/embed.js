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

  function post(path, token) {
    var headers = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    return fetch(domain + path, { method: 'POST', headers: headers, body: '{}' }).then(function (response) {
      if (!response.ok) {
        var error = new Error('Direct Line answered ' + response.status);
        error.status = response.status;
        throw error;
      }
      return response.json();
    });
  }

  function newSession() {
    return post('/tokens/generate').then(function (issued) {
      save(issued.conversationId, issued.token);
      return { conversationId: issued.conversationId, token: issued.token, resume: false };
    });
  }

  /** A stored conversation is resumed with a refreshed token; an expired one is forgotten. */
  function session() {
    var stored = read();
    if (!stored) return newSession();
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
        WebChat.renderWebChat({ directLine: directLine, styleOptions: styleOptions, locale: locale, nonce: nonce }, target);
      })
      .catch(function (error) {
        console.error('Website chat could not start:', error);
        showProblem(target);
      });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
