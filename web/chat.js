// A first chat widget over Rasa's REST channel. Everything is rendered with
// textContent, never innerHTML, so nothing the user or the bot sends can inject HTML.
(function () {
  "use strict";
  var server = window.ASF_RASA_URL || (location.protocol + "//" + location.hostname + ":5005");
  var senderKey = "asf-sender";
  var sender = sessionStorage.getItem(senderKey);
  if (!sender) {
    sender = "web-" + Math.random().toString(36).slice(2) + Date.now().toString(36);
    sessionStorage.setItem(senderKey, sender);
  }
  var log = document.getElementById("log");
  var form = document.getElementById("composer");
  var input = document.getElementById("message");

  function add(kind, text) {
    var item = document.createElement("li");
    item.className = kind;
    item.textContent = text;
    log.appendChild(item);
    item.scrollIntoView({ block: "end" });
    return item;
  }

  function renderButtons(item, buttons) {
    var group = document.createElement("div");
    group.className = "buttons";
    group.setAttribute("role", "group");
    buttons.forEach(function (b) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = b.title;
      button.addEventListener("click", function () { send(b.payload, b.title); });
      group.appendChild(button);
    });
    item.appendChild(group);
  }

  function downloadLink(label, blob, filename) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = filename;
    link.textContent = label;
    return link;
  }

  function renderMemo(memo) {
    var item = add("bot", "Beslutsunderlaget: ");
    var bytes = Uint8Array.from(atob(memo.pdf_base64), function (c) { return c.charCodeAt(0); });
    item.appendChild(downloadLink("ladda ner PDF", new Blob([bytes], { type: "application/pdf" }), memo.filename + ".pdf"));
    item.appendChild(document.createTextNode(" eller "));
    item.appendChild(downloadLink("Markdown", new Blob([memo.markdown], { type: "text/markdown" }), memo.filename + ".md"));
  }

  function send(message, shown) {
    add("user", shown || message);
    return fetch(server + "/webhooks/rest/webhook", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: sender, message: message })
    }).then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    }).then(function (replies) {
      replies.forEach(function (reply) {
        if (reply.custom && reply.custom.type === "decision_memo") { renderMemo(reply.custom); }
        if (reply.text) {
          var item = add("bot", reply.text);
          if (reply.buttons && reply.buttons.length) { renderButtons(item, reply.buttons); }
        }
      });
    }).catch(function () {
      add("bot", "Assistenten svarar inte just nu. Försök igen om en stund.");
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    input.value = "";
    send(text);
  });
  document.getElementById("restart").addEventListener("click", function () { send("/start_over", "Börja om"); });
  send("/greet", "Hej");
})();
