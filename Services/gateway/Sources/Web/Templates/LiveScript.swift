/// `/static/live.js`: follows `GET /events` and, when a campaign changes, re-fetches the page and swaps in its
/// `[data-live]` parts (those with `data-campaign` only for their own campaign); the ops page appends tail lines.
/// The request form's inline MVP check (`POST /requests/check`) lives here too, and the chat page's posting:
/// `POST /api/assistant` with the session's CSRF token, the exchange appended to the log without a reload.
enum LiveScript {
    static let text = """
        (function () {
          "use strict";
          var feed = document.body.getAttribute("data-live-feed");
          var generation = 0;
          var applied = 0;
          function refresh(campaign) {
            var parts = document.querySelectorAll("[data-live]");
            var wanted = Array.prototype.filter.call(parts, function (part) {
              var own = part.getAttribute("data-campaign");
              return !own || own === campaign;
            });
            if (wanted.length === 0) { return; }
            var mine = ++generation;
            fetch(location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
              .then(function (response) { return response.ok ? response.text() : null; })
              .then(function (html) {
                if (!html || mine < applied) { return; }  // a later refresh was applied already
                applied = mine;
                var fresh = new DOMParser().parseFromString(html, "text/html");
                wanted.forEach(function (part) {
                  var next = fresh.getElementById(part.id);
                  if (next) { part.innerHTML = next.innerHTML; }
                });
                document.body.setAttribute("data-refreshed", String(Date.now()));
              });
          }
          if ((feed === "campaigns" || feed === "ops") && window.EventSource) {
            var source = new EventSource("/events" + (feed === "ops" ? "?tail=1" : ""));
            source.addEventListener("campaign", function (event) { refresh(event.data); });
            source.addEventListener("tail", function (event) {
              var list = document.getElementById("tail-lines");
              if (!list) { return; }
              var item = document.createElement("li");
              item.textContent = event.data;
              list.insertBefore(item, list.firstChild);
              while (list.children.length > 200) { list.removeChild(list.lastChild); }
            });
          }
          var form = document.getElementById("request-form");
          var missing = document.getElementById("mvp-missing");
          if (form && missing) {
            var token = document.querySelector("meta[name=csrf-token]").getAttribute("content");
            var timer = null;
            var latest = 0;
            var shown = 0;
            var check = function () {
              var mine = ++latest;
              fetch("/requests/check", {
                method: "POST", credentials: "same-origin",
                headers: { "Content-Type": "application/x-www-form-urlencoded", "X-CSRF-Token": token },
                body: new URLSearchParams(new FormData(form)).toString()
              }).then(function (response) { return response.ok ? response.json() : null; })
                .then(function (answer) {
                  if (!answer || mine < shown) { return; }  // a later check was shown already
                  shown = mine;
                  missing.innerHTML = "";
                  var items = answer.missing.concat(answer.errors);
                  items.forEach(function (item) {
                    var li = document.createElement("li");
                    li.textContent = item.label + ": " + item.detail;
                    missing.appendChild(li);
                  });
                  document.getElementById("mvp-status").textContent = items.length === 0
                    ? "Complete: nothing is missing." : items.length + " item(s) missing before the line can take it:";
                });
            };
            form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(check, 300); });
            form.addEventListener("change", check);
          }
          var chat = document.getElementById("chat-form");
          if (chat && window.fetch) {
            var log = document.getElementById("chat-log");
            var field = document.getElementById("chat-text");
            var status = document.getElementById("chat-status");
            var send = chat.querySelector("button[type=submit]");
            var csrf = document.querySelector("meta[name=csrf-token]").getAttribute("content");
            var part = function (className, who, when, text) {
              var box = document.createElement("div");
              box.className = className;
              var head = document.createElement("p");
              head.className = "chat-who";
              head.textContent = who + " ";
              if (when) {
                var time = document.createElement("span");
                time.className = "hint";
                time.textContent = when;
                head.appendChild(time);
              }
              var body = document.createElement("p");
              body.className = "chat-text";
              body.textContent = text;
              box.appendChild(head);
              box.appendChild(body);
              return box;
            };
            var append = function (exchange) {
              var empty = document.getElementById("chat-empty");
              if (empty) { empty.remove(); }
              var previous = document.getElementById("latest");
              if (previous) { previous.removeAttribute("id"); previous.removeAttribute("tabindex"); }
              var item = document.createElement("li");
              item.className = "chat-turn";
              item.id = "latest";
              item.appendChild(part("chat-you", "You", exchange.at.slice(0, 16).replace("T", " ") + " UTC", exchange.text));
              var reply = part("chat-reply", "Assistant", "", exchange.reply);
              if (exchange.campaign_id) {
                var link = document.createElement("a");
                link.href = "/campaigns/" + encodeURIComponent(exchange.campaign_id);
                link.textContent = "Campaign " + exchange.campaign_id;
                var line = document.createElement("p");
                line.appendChild(link);
                reply.appendChild(line);
              }
              item.appendChild(reply);
              log.appendChild(item);
              item.scrollIntoView({ block: "nearest" });
            };
            chat.addEventListener("submit", function (event) {
              if (!field.value.trim()) { return; }  // the browser's required check, or the server's answer
              event.preventDefault();
              send.disabled = true;
              status.textContent = "Waiting for the assistant…";
              fetch("/api/assistant", {
                method: "POST", credentials: "same-origin",
                headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
                body: JSON.stringify({ text: field.value })
              }).then(function (response) {
                return response.json().then(function (body) { return { ok: response.ok, body: body }; });
              }).then(function (answer) {
                if (!answer.ok) {
                  status.textContent = (answer.body.title || "Failed") + ": " + (answer.body.detail || "try again");
                  return;
                }
                append(answer.body);
                field.value = "";
                status.textContent = "";
              }).catch(function () {
                status.textContent = "The gateway could not be reached; try again.";
              }).then(function () {
                send.disabled = false;
                field.focus();
              });
            });
          }
        })();
        """
}
