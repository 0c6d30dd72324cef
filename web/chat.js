// The ASF assistant's chat widget: Rasa's socket.io channel with signed sessions
// (channels/socketio.py). One script tag embeds it on any page:
//   <script src="https://<page server>/chat.js" data-server="https://<rasa server>"></script>
// Everything users and the bot send is rendered with textContent, never as HTML; links are
// made with createElement and get only http(s) or relative addresses.
(function () {
  "use strict";
  var script = document.currentScript;
  var server = script && script.getAttribute("data-server");
  var base = script ? script.src.replace(/[^/]*$/, "") : "";
  var storageKey = "asf-chat:" + server;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function loadStyle() {
    if (document.querySelector("link[data-asf-chat]")) { return; }
    var link = el("link");
    link.rel = "stylesheet";
    link.href = base + "chat.css";
    link.setAttribute("data-asf-chat", "");
    document.head.appendChild(link);
  }

  function loadSocketIo(then) {
    if (window.io) { then(); return; }
    var tag = el("script");
    tag.src = base + "vendor/socket.io.min.js";
    tag.onload = then;
    tag.onerror = function () { ui.status("Chatten kunde inte laddas. Ladda om sidan eller försök senare."); };
    document.head.appendChild(tag);
  }

  // --- What is kept across a page reload (this tab only) -------------------

  var saved = { session_id: null, session_token: null, items: [] };
  try {
    var stored = JSON.parse(window.sessionStorage.getItem(storageKey) || "null");
    if (stored && Array.isArray(stored.items)) { saved = stored; }
  } catch (ignored) { /* no storage: the conversation lasts as long as the page */ }

  function persist() {
    try { window.sessionStorage.setItem(storageKey, JSON.stringify(saved)); } catch (ignored) { /* full or off */ }
  }

  // --- The widget's parts --------------------------------------------------

  var ui = (function build() {
    var root = (script && document.getElementById(script.getAttribute("data-target") || "asf-chat")) || null;
    if (!root) {
      root = el("div");
      script.parentNode.insertBefore(root, script.nextSibling);
    }
    root.classList.add("asf-chat");
    root.setAttribute("lang", "sv");  // read in Swedish also on a page in another language
    var section = el("section");
    section.setAttribute("aria-labelledby", "asf-chat-title");
    var head = el("div", "asf-head");
    head.appendChild(el("h2", null, "Chatt med assistenten")).id = "asf-chat-title";
    var restart = el("button", "asf-restart", "Börja om");
    restart.type = "button";
    restart.setAttribute("aria-describedby", "asf-restart-help");
    head.appendChild(restart);
    var restartHelp = el("span", "asf-hidden", "Rensar samtalet och startar ett nytt.");
    restartHelp.id = "asf-restart-help";
    head.appendChild(restartHelp);
    section.appendChild(head);
    var status = el("p", "asf-status");
    status.setAttribute("role", "status");
    section.appendChild(status);
    var logBox = el("div", "asf-log");
    logBox.setAttribute("role", "log");
    logBox.setAttribute("aria-label", "Samtalet");
    logBox.tabIndex = 0;  // scrollable with the keyboard
    var list = el("ol");
    logBox.appendChild(list);
    // Shown while the assistant works on an answer; the log is marked busy for screen readers,
    // which then read the answer once it has come instead of the dots.
    var typing = el("p", "asf-typing");
    typing.setAttribute("aria-hidden", "true");
    typing.appendChild(el("span", null, "Assistenten skriver"));
    typing.appendChild(el("span", "asf-dots"));
    typing.hidden = true;
    logBox.appendChild(typing);
    section.appendChild(logBox);
    var form = el("form", "asf-composer");
    var label = el("label", null, "Ditt meddelande");
    label.htmlFor = "asf-message";
    // Several lines for a description; Enter sends and Shift+Enter starts a new line, as in Teams.
    var input = el("textarea");
    input.id = "asf-message";
    input.name = "message";
    input.rows = 3;
    input.autocomplete = "off";
    input.maxLength = 2000;
    input.setAttribute("aria-describedby", "asf-message-help");
    var hint = el("p", "asf-hint", "Enter skickar, Skift+Enter ger en ny rad.");
    hint.id = "asf-message-help";
    var send = el("button", "asf-send", "Skicka");
    send.type = "submit";
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(send);
    form.appendChild(hint);
    section.appendChild(form);
    root.appendChild(section);
    return {
      log: logBox, list: list, form: form, input: input, restart: restart, typing: typing,
      status: function (text) { status.textContent = text || ""; }
    };
  })();

  function addItem(who, spoken) {
    var item = el("li", "asf-" + who);
    item.appendChild(el("span", "asf-hidden", spoken));
    ui.list.appendChild(item);
    return item;
  }

  function renderButtons(item, buttons) {
    var group = el("div", "asf-buttons");
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Svarsalternativ");
    buttons.forEach(function (b) {
      var button = el("button", null, b.title);
      button.type = "button";
      button.addEventListener("click", function () { say(String(b.payload), String(b.title)); });
      group.appendChild(button);
    });
    item.appendChild(group);
  }

  // Only http(s) and relative addresses become links (never javascript:, data: and the like).
  function safeUrl(url) {
    if (typeof url !== "string" || /[\s\\]/.test(url)) { return null; }
    if (/^https?:\/\/[^/]/i.test(url)) { return url; }
    if (/^\/(?!\/)/.test(url) || /^[^:/?#]+(?:[/?#]|$)/.test(url) || /^#/.test(url)) { return url; }
    return null;
  }

  // An item's citations: each a link to its place on the guidance page (opened in a new tab),
  // with the quoted text as the link's title and, for everyone, in a disclosure below.
  function cites(li, list, bare) {
    var span = el("span", "asf-cite", bare ? "" : "(");
    var quotes = [];
    list.forEach(function (c, i) {
      if (i > 0) { span.appendChild(document.createTextNode("; ")); }
      var url = safeUrl(c.url);
      if (!url) { span.appendChild(document.createTextNode(String(c.text))); return; }
      var link = el("a", null, c.text);
      link.href = url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      if (typeof c.quote === "string" && c.quote) { link.title = c.quote; }
      link.appendChild(el("span", "asf-hidden", " (öppnas i en ny flik)"));
      span.appendChild(link);
      if (typeof c.quote === "string" && c.quote) { quotes.push(c); }
    });
    if (!bare) {
      span.appendChild(document.createTextNode(")"));
      li.appendChild(document.createTextNode(" "));
    }
    li.appendChild(span);
    if (!quotes.length) { return; }
    var details = el("details", "asf-quotes");
    details.appendChild(el("summary", null, "Vad vägledningen säger"));
    quotes.forEach(function (c) {
      var quote = el("blockquote", null, c.quote);
      var url = safeUrl(c.url);
      if (url) { quote.cite = url; }
      details.appendChild(quote);
      details.appendChild(el("p", "asf-quote-source", "– " + c.text));
    });
    li.appendChild(details);
  }

  // One section of the result: its heading and items as the payload gives them
  // (the order and headings live in asf/guidance/sections.py, not here).
  function section(card, part) {
    var items = Array.isArray(part.items) ? part.items : [];
    if (part.form === "headline") {
      card.appendChild(el("h3", null, part.heading));
      items.forEach(function (item) { card.appendChild(el("p", "asf-title", item.text)); });
      return;
    }
    if (!items.length) { return; }
    card.appendChild(el("h4", null, part.heading));
    if (part.form === "paragraph") {
      items.forEach(function (item) { card.appendChild(el("p", null, item.text)); });
      return;
    }
    var list = el(part.form === "numbered" ? "ol" : "ul");
    items.forEach(function (item) {
      var li = el("li", null, item.url === undefined ? item.text : null);
      if (Array.isArray(item.cites) && item.cites.length) { cites(li, item.cites); }
      if (item.url !== undefined) { cites(li, [item], true); }  // a citation of its own (the list of citations)
      if (typeof item.reading_note === "string") { li.appendChild(el("em", "asf-reading", " " + item.reading_note)); }
      list.appendChild(li);
    });
    card.appendChild(list);
  }

  // The structured result (custom payload "assessment_result", see docs/integration.md): its sections in order.
  function resultCard(r) {
    var card = el("div", "asf-result asf-verdict-" + String(r.verdict).replace(/[^a-z_]/g, ""));
    (Array.isArray(r.sections) ? r.sections : []).forEach(function (part) { section(card, part); });
    if (r.note) { card.appendChild(el("p", "asf-note", r.note)); }
    return card;
  }

  // The result's text is the bot text sent just before its payload: the card takes that text's place.
  function showResult(r, textBefore) {
    if (textBefore && ui.list.contains(textBefore)) {
      textBefore.parentNode.replaceChild(resultCard(r), textBefore);
    } else {
      addItem("bot", "Assistenten:").appendChild(resultCard(r));
    }
  }

  function downloadLink(label, blob, filename) {
    var link = el("a", null, label);
    link.href = URL.createObjectURL(blob);
    link.download = filename;
    return link;
  }

  function fileFrom(base64, type) {
    return new Blob([Uint8Array.from(atob(base64), function (c) { return c.charCodeAt(0); })], { type: type });
  }

  function memoDownloads(memo) {
    var p = el("p", "asf-downloads", "Ladda ner beslutsunderlaget: ");
    var files = [];
    if (typeof memo.pdf_base64 === "string") {
      files.push(downloadLink("PDF", fileFrom(memo.pdf_base64, "application/pdf"), memo.filename + ".pdf"));
    }
    if (typeof memo.docx_base64 === "string") {
      var word = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
      files.push(downloadLink("Word", fileFrom(memo.docx_base64, word), memo.filename + ".docx"));
    }
    if (typeof memo.markdown === "string") {
      files.push(downloadLink("Markdown", new Blob([memo.markdown], { type: "text/markdown" }), memo.filename + ".md"));
    }
    files.forEach(function (link, i) {
      if (i > 0) { p.appendChild(document.createTextNode(i === files.length - 1 ? " eller " : ", ")); }
      link.setAttribute("aria-label", "Ladda ner som " + link.textContent);
      p.appendChild(link);
    });
    return p;
  }

  // One block of the memo (custom payload "decision_memo", its "document"; see docs/integration.md).
  function memoBlock(box, block, verdict) {
    if (block.kind === "heading") {
      box.appendChild(el("h" + Math.min(5, Math.max(3, Number(block.level) + 2)), null, block.text));
    } else if (block.kind === "fields" && Array.isArray(block.rows)) {
      var fields = el("dl", "asf-fields");
      block.rows.forEach(function (row) {
        fields.appendChild(el("dt", null, row.label));
        // An empty field is for the reader to fill in on the printed memo.
        fields.appendChild(el("dd", row.value ? null : "asf-empty", row.value || "(fylls i)"));
      });
      box.appendChild(fields);
    } else if (block.kind === "paragraph") {
      var kind = block.note ? "asf-memo-note" : block.verdict ? "asf-title asf-verdict asf-verdict-" + verdict : null;
      box.appendChild(el("p", kind, block.text));
    } else if (block.kind === "list" && Array.isArray(block.items)) {
      var list = el(block.numbered ? "ol" : "ul");
      block.items.forEach(function (item) {
        var li = el("li");
        if (item.lead) { li.appendChild(el("strong", null, item.lead)); li.appendChild(document.createTextNode(" ")); }
        if (item.source) {
          cites(li, [item.source], true);
        } else {
          li.appendChild(document.createTextNode(String(item.text)));
          if (Array.isArray(item.cites) && item.cites.length) { cites(li, item.cites); }
        }
        list.appendChild(li);
      });
      box.appendChild(list);
    }
  }

  // The memo as formatted text with its downloads, in place of its Markdown sent just before it.
  function showMemo(memo, textBefore) {
    var box = el("div", "asf-memo");
    box.appendChild(memoDownloads(memo));
    var verdict = String(memo.verdict || "").replace(/[^a-z_]/g, "");
    if (Array.isArray(memo.document)) {
      memo.document.forEach(function (block) { memoBlock(box, block, verdict); });
    }
    if (textBefore && ui.list.contains(textBefore) && Array.isArray(memo.document)) {
      textBefore.parentNode.replaceChild(box, textBefore);
    } else {
      addItem("bot", "Assistenten:").appendChild(box);
    }
  }

  var lastText = null;  // the text of the entry rendered last, when that was a bot text

  function render(entry) {
    var textBefore = lastText;
    lastText = null;
    if (entry.from === "user") {
      addItem("user", "Du:").appendChild(el("p", "asf-text", entry.text));
      return;
    }
    var m = entry.message || {};
    if (m.custom && m.custom.type === "assessment_result") { showResult(m.custom, textBefore); }
    if (m.custom && m.custom.type === "decision_memo" && m.custom.pdf_base64) { showMemo(m.custom, textBefore); }
    if (typeof m.text === "string") {
      var item = addItem("bot", "Assistenten:");
      // How far the assessment has come ("Fråga 2 av högst 5"), computed by the server from the tree.
      if (m.progress && typeof m.progress.text === "string") {
        item.appendChild(el("p", "asf-progress", m.progress.text));
        var bar = el("span", "asf-bar");
        bar.setAttribute("aria-hidden", "true");
        var done = el("span");
        // The bar shows the questions answered, so the last question does not look finished already.
        var share = (Number(m.progress.number) - 1) / Number(m.progress.at_most);
        done.style.width = Math.round(100 * Math.min(1, share || 0)) + "%";
        bar.appendChild(done);
        item.appendChild(bar);
      }
      lastText = el("p", "asf-text", m.text);
      item.appendChild(lastText);
      if (Array.isArray(m.buttons) && m.buttons.length) { renderButtons(item, m.buttons); }
    }
  }

  // The newest message in view: its start when it is taller than the log, else the end of the log.
  function reveal() {
    var item = ui.list.lastElementChild;
    if (!item) { return; }
    var box = ui.log;
    box.scrollTop = item.offsetHeight > box.clientHeight ? item.offsetTop : box.scrollHeight;
  }

  var typingTimer = null;

  // The typing indicator: on while a message waits for its answer, off when the answer comes
  // (or after a while, so it never stays on when the server says nothing).
  function working(on) {
    ui.typing.hidden = !on;
    if (on) { ui.log.setAttribute("aria-busy", "true"); } else { ui.log.removeAttribute("aria-busy"); }
    window.clearTimeout(typingTimer);
    if (on) { typingTimer = window.setTimeout(function () { working(false); }, 30000); }
  }

  function remember(entry) {
    saved.items.push(entry);
    persist();
    render(entry);
    reveal();
  }

  // --- The connection ---------------------------------------------------------

  var socket = null;
  var ready = false;
  var waiting = [];
  var notice = "";  // said in the status line when the next session is confirmed

  // When the server is busy it refuses a message at once and stores nothing of it ("busy", see
  // channels/socketio.py); the widget sends it again after the time the server gives, a little
  // spread so that many pages do not all come back in the same second, and holds the user's next
  // messages until it has gone through, so they keep their order.
  var BUSY_STATUS = "Många frågar just nu – jag skickar ditt meddelande igen om några sekunder …";
  var retry = null;  // { payload, sent }: the refused message, and whether it has been sent again
  var retryTimer = null;

  function emitMessage(payload) {
    socket.emit("user_uttered", { message: payload });
  }

  function say(payload, shown) {
    working(true);  // before the message is shown, so the log scrolls down to the indicator too
    remember({ from: "user", text: shown || payload });
    if (ready && !retry) { emitMessage(payload); } else { waiting.push(payload); }
    ui.input.focus();
  }

  function onBusy(busy) {
    var payload = busy && typeof busy.message === "string" ? busy.message : null;
    if (payload === null) { return; }
    ui.status(BUSY_STATUS);
    if (retry && !(retry.sent && retry.payload === payload)) {
      waiting.unshift(payload);  // a later message refused too: it goes right after the one retried
      return;
    }
    retry = { payload: payload, sent: false };
    var seconds = Math.min(60, Math.max(1, Number(busy.retry_after) || 2));
    window.clearTimeout(retryTimer);
    retryTimer = window.setTimeout(sendAgain, seconds * 1000 + Math.random() * 1000);
  }

  function sendAgain() {
    if (!retry) { return; }
    working(true);
    if (ready) {
      retry.sent = true;
      emitMessage(retry.payload);
    } else {  // disconnected meanwhile: sent first when the session is back
      waiting.unshift(retry.payload);
      retry = null;
    }
  }

  // An answer after the message was sent again: it went through, and the messages held back follow.
  function retryAnswered() {
    if (!retry || !retry.sent) { return; }
    retry = null;
    ui.status("");
    if (ready) { waiting.splice(0).forEach(emitMessage); }
  }

  function stopRetrying() {
    window.clearTimeout(retryTimer);
    if (retry) { waiting.unshift(retry.payload); }
    retry = null;
  }

  function requestSession(fresh) {
    ready = false;
    socket.emit("session_request", fresh ? {} : { session_id: saved.session_id, session_token: saved.session_token });
  }

  function onSession(confirm) {
    var earlier = saved.items.length > 0;
    var resumed = confirm && confirm.resumed === true && confirm.session_id === saved.session_id;
    saved.session_id = confirm.session_id;
    saved.session_token = confirm.session_token;
    if (!resumed) {
      saved.items = [];
      ui.list.textContent = "";
    }
    persist();
    ready = true;
    if (!resumed && earlier) { notice = "Det förra samtalet gick inte att återuppta. Ett nytt samtal har börjat."; }
    ui.status(notice);
    notice = "";
    if (!resumed) { emitMessage("/greet"); }
    waiting.splice(0).forEach(emitMessage);
  }

  function connect() {
    if (!server || !window.io) {
      ui.status("Chatten är inte rätt inställd: adressen till assistenten saknas.");
      return;
    }
    // WebSocket only: no cross-origin polling, so the widget works embedded on other intranets.
    socket = window.io(server, { transports: ["websocket"] });
    socket.on("connect", function () { requestSession(false); });
    socket.on("session_confirm", onSession);
    socket.on("bot_uttered", function (message) {
      working(false);
      remember({ from: "bot", message: message });
      retryAnswered();
    });
    socket.on("busy", onBusy);
    socket.on("connect_error", function () {
      ui.status("Assistenten går inte att nå just nu. Chatten försöker igen.");
    });
    socket.on("disconnect", function () { ready = false; working(false); stopRetrying(); });
  }

  ui.form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = ui.input.value.trim();
    if (!text) { return; }
    ui.input.value = "";
    say(text);
  });
  ui.input.addEventListener("keydown", function (event) {
    // Enter sends; Shift+Enter is a new line; Enter that confirms a word being composed (IME) is not a send.
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      if (typeof ui.form.requestSubmit === "function") { ui.form.requestSubmit(); } else { ui.form.dispatchEvent(new Event("submit", { cancelable: true })); }
    }
  });
  ui.restart.addEventListener("click", function () {
    saved = { session_id: null, session_token: null, items: [] };
    persist();
    ui.list.textContent = "";
    notice = "Ett nytt samtal har börjat.";
    ui.status(notice);
    stopRetrying();
    waiting = [];
    working(false);
    if (socket) { requestSession(true); }
    ui.input.focus();
  });

  saved.items.forEach(render);
  reveal();
  loadStyle();
  loadSocketIo(connect);
})();
