/// `/static/live.js`: follows `GET /events` and, when a campaign changes, re-fetches the page and swaps in its
/// `[data-live]` parts (those with `data-campaign` only for their own campaign); the ops page appends tail lines.
/// The request form's inline MVP check (`POST /requests/check`) lives here too.
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
        })();
        """
}
