// Bullion's only script, loaded from this site so the Content-Security-Policy can forbid inline script.
// Everything here is a convenience: every page works without it.
(function () {
  "use strict";

  var KEY = "bullion.tables";
  var MAX_TABLES = 20;

  function load() {
    try {
      var tables = JSON.parse(localStorage.getItem(KEY) || "[]");
      return Array.isArray(tables) ? tables : [];
    } catch (e) {
      return [];
    }
  }

  // A table page remembers itself, so the home page can list "your tables on this device".
  // A manage link replaces a view-only link for the same table, never the other way round.
  function remember() {
    var here = document.getElementById("this-table");
    if (!here) return;
    var entry = { id: here.dataset.id, name: here.dataset.name, link: here.dataset.link, seen: new Date().toISOString() };
    var tables = load();
    var old = tables.filter(function (t) { return t.id === entry.id; })[0];
    if (old && old.link.indexOf("/manage?") >= 0 && entry.link.indexOf("/manage?") < 0) entry.link = old.link;
    tables = [entry].concat(tables.filter(function (t) { return t.id !== entry.id; })).slice(0, MAX_TABLES);
    try { localStorage.setItem(KEY, JSON.stringify(tables)); } catch (e) { /* private mode: nothing to keep */ }
  }

  // Built with textContent, never innerHTML: a table's name is whatever someone typed.
  function listMine() {
    var list = document.getElementById("my-tables");
    if (!list) return;
    var tables = load();
    tables.forEach(function (t) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = t.link;
      link.textContent = t.name;
      var when = document.createElement("span");
      when.className = "muted";
      when.textContent = " " + new Date(t.seen).toLocaleDateString() + (t.link.indexOf("/manage?") >= 0 ? " · manage" : " · view only");
      item.appendChild(link);
      item.appendChild(when);
      list.appendChild(item);
    });
    var empty = document.getElementById("my-tables-empty");
    if (empty && tables.length > 0) empty.hidden = true;
  }

  // Groups are remembered the same way, under their own key, for "your groups on this device".
  var GROUPS_KEY = "bullion.groups";

  function loadGroups() {
    try {
      var groups = JSON.parse(localStorage.getItem(GROUPS_KEY) || "[]");
      return Array.isArray(groups) ? groups : [];
    } catch (e) {
      return [];
    }
  }

  function rememberGroup() {
    var here = document.getElementById("this-group");
    if (!here) return;
    var entry = { id: here.dataset.id, name: here.dataset.name, link: here.dataset.link, seen: new Date().toISOString() };
    var groups = loadGroups();
    var old = groups.filter(function (g) { return g.id === entry.id; })[0];
    if (old && old.link.indexOf("/manage?") >= 0 && entry.link.indexOf("/manage?") < 0) entry.link = old.link;
    groups = [entry].concat(groups.filter(function (g) { return g.id !== entry.id; })).slice(0, MAX_TABLES);
    try { localStorage.setItem(GROUPS_KEY, JSON.stringify(groups)); } catch (e) { /* private mode */ }
  }

  function listMyGroups() {
    var list = document.getElementById("my-groups");
    if (!list) return;
    var groups = loadGroups();
    groups.forEach(function (g) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = g.link;
      link.textContent = g.name;
      var when = document.createElement("span");
      when.className = "muted";
      when.textContent = " " + new Date(g.seen).toLocaleDateString() + (g.link.indexOf("/manage?") >= 0 ? " · manage" : " · view only");
      item.appendChild(link);
      item.appendChild(when);
      list.appendChild(item);
    });
    var empty = document.getElementById("my-groups-empty");
    if (empty && groups.length > 0) empty.hidden = true;
  }

  function copy(event) {
    var button = event.target.closest("button[data-copy]");
    if (!button) return;
    var field = document.getElementById(button.dataset.copy);
    var done = function () { button.textContent = "Copied"; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, function () { field.select(); });
    } else {
      field.select();
      document.execCommand("copy");
      done();
    }
  }

  // The server writes times in UTC; the phone knows the reader's time zone and language. timeText is pure (an
  // instant, and optionally the locales and zone to write it in; by default the browser's own) so that it can be
  // checked with fixed inputs: a clock time for the ledger, and the exact instant, local and in UTC, for a title.
  function timeText(iso, locales, timeZone) {
    var at = new Date(iso);
    if (isNaN(at)) return null;
    var zone = timeZone ? { timeZone: timeZone } : {};
    return {
      text: at.toLocaleTimeString(locales || [], Object.assign({ timeStyle: "short" }, zone)),
      exact: at.toLocaleString(locales || [], Object.assign({ dateStyle: "full", timeStyle: "long" }, zone)) +
        " (" + at.toISOString() + ")"
    };
  }
  window.bullionTimeText = timeText;

  // The exact instant shows on hover (the title) and, on a phone where nothing hovers, on a tap of the time.
  function localTimes(root) {
    root.querySelectorAll("time[datetime]").forEach(function (el) {
      var t = timeText(el.getAttribute("datetime"));
      if (!t) return;
      el.textContent = t.text;
      el.title = t.exact;
      el.dataset.short = t.text;
      el.dataset.exact = t.exact;
    });
  }
  function showExactTime(event) {
    var el = event.target.closest && event.target.closest("time[data-exact]");
    if (!el) return;
    el.textContent = el.textContent === el.dataset.exact ? el.dataset.short : el.dataset.exact;
  }

  function board() { return document.getElementById("board"); }
  function isBoard(detail) { return detail.target && detail.target.id === "board"; }
  function isRefresh(detail) { return isBoard(detail) && detail.requestConfig && detail.requestConfig.verb === "get"; }
  function newestSeq() {
    var first = document.querySelector("#ledger li[data-seq]");
    return first ? Number(first.dataset.seq) : 0;
  }

  // Every change reaches this page twice when it was made here: as the form's answer and as a live event.
  // A live refresh that brings a board no newer than the one shown is dropped, so it cannot wipe a message
  // or a form the answer has just put on the page.
  function skipStaleBoard(event) {
    var detail = event.detail;
    if (!isRefresh(detail) || !detail.xhr) return;
    var incoming = Number(detail.xhr.getResponseHeader("Bullion-Version"));
    var shown = document.getElementById("board-version");
    if (incoming && shown && incoming <= Number(shown.dataset.version)) detail.shouldSwap = false;
  }

  // A swapped board keeps what the reader was doing: what they typed (but in a form that was just accepted),
  // which rows were open, and where the focus was. A refused form so keeps what was typed, beside its error.
  var kept = null;
  // The accepted form is known by where it posts, not as an element: a live refresh may have swapped the board
  // while the form's request was in flight, and then the typed text it sent sits in that board's copy of the form.
  function formPath(form) {
    return form && form.tagName === "FORM" ? form.getAttribute("hx-post") || form.getAttribute("action") : null;
  }
  function keep(event) {
    var detail = event.detail;
    if (!isBoard(detail) || !detail.shouldSwap) return;
    var accepted = detail.requestConfig && detail.requestConfig.verb === "post" && detail.xhr.status < 300
        ? formPath(detail.requestConfig.elt) : null;
    kept = { typed: {}, open: [], focus: document.activeElement && document.activeElement.id };
    board().querySelectorAll("input[id]:not([type=hidden]):not([type=radio])").forEach(function (input) {
      if (input.value !== input.defaultValue && !(accepted && formPath(input.form) === accepted)) kept.typed[input.id] = input.value;
    });
    board().querySelectorAll("details[open]").forEach(function (d) {
      var key = d.id || (d.querySelector("summary[id]") || {}).id;
      if (key) kept.open.push(key);
    });
  }
  function restore() {
    if (!kept) return;
    kept.open.forEach(function (key) {
      var el = document.getElementById(key);
      var details = el && (el.tagName === "DETAILS" ? el : el.parentElement);
      if (details && details.tagName === "DETAILS") details.open = true;
    });
    Object.keys(kept.typed).forEach(function (id) {
      var input = document.getElementById(id);
      if (input) input.value = kept.typed[id];
    });
    var error = board().querySelector(".error[role=alert]");
    var target = error ? error.closest("form, li, details") : null;
    var focus = (target && target.querySelector("input:not([type=hidden])")) || document.getElementById(kept.focus);
    if (focus) focus.focus({ preventScroll: true });
    kept = null;
  }

  // A button is disabled while its form's request is in flight: a second tap records nothing and shows it.
  function busy(event) {
    var form = event.detail.elt;
    if (!form || form.tagName !== "FORM") return;
    form.dataset.seqBefore = String(newestSeq());
    form.setAttribute("aria-busy", "true");
    form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
    // Heard on the form itself, not the body: when a live refresh has replaced the form before its answer came,
    // htmx tells only the form (no longer in the page, so the body never hears) and Undo would not be offered.
    form.addEventListener("htmx:afterRequest", idle, { once: true });
  }
  // The form is in requestConfig too (the answer may have replaced it, and then htmx also tells its parent).
  function idle(event) {
    var form = event.detail.requestConfig && event.detail.requestConfig.elt;
    if (!form || form.tagName !== "FORM") return;
    form.removeAttribute("aria-busy");
    form.querySelectorAll("button").forEach(function (b) { b.disabled = false; });
    if (event.detail.successful && /\/(buy-ins|chip-buy-ins|cash-outs)$/.test(event.detail.requestConfig.path)) {
      var row = form.closest("details.player");
      offerUndo(Number(form.dataset.seqBefore || 0), row ? row.id : "");
    }
  }

  // After a buy-in or cash-out, a short "Undo" voids the entry it recorded. It sits in the player's row, under
  // the buttons just tapped, rather than floating over the page where it would catch the next tap.
  var toastTimer = null;
  function offerUndo(seqBefore, rowId) {
    var seq = newestSeq();
    var entry = document.getElementById("entry-" + seq);
    if (seq <= seqBefore || !entry || !entry.querySelector("form.void-form")) return;
    var toast = document.getElementById("undo-toast");
    if (toast) toast.remove();
    toast = document.createElement("div");
    toast.id = "undo-toast";
    toast.className = "toast";
    toast.setAttribute("role", "status");
    var text = document.createElement("span");
    var what = entry.querySelector(".entry-text").cloneNode(true);
    what.querySelectorAll("time").forEach(function (t) { t.remove(); });
    text.textContent = "Recorded: " + what.textContent.replace(/\s+/g, " ").trim();
    var undo = document.createElement("button");
    undo.type = "button";
    undo.id = "undo";
    undo.textContent = "Undo";
    undo.addEventListener("click", function () {
      var form = document.querySelector("#entry-" + seq + " form.void-form");
      toast.remove();
      if (!form) return;
      form.querySelector("input[name=reason]").value = "undone";
      form.requestSubmit();
    });
    toast.appendChild(text);
    toast.appendChild(undo);
    var body = document.querySelector("#" + rowId + " .player-body");
    if (!body) return;
    body.insertBefore(toast, body.querySelector(".cash-out-form"));
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { toast.remove(); }, 8000);
  }

  // A live page says how current it is, and heals: a refresh that failed is retried with backoff (and after the
  // server's Retry-After), a dropped stream reconnects, and on each return the board catches up to the latest
  // version. Until then it says "reconnecting" rather than claim to be current.
  var live = { fresh: Date.now(), streamDown: false, refreshFailed: false, offline: false, attempt: 0, timer: null };
  function statusLine() {
    var line = document.getElementById("live-status");
    if (!line) return;
    var stale = live.streamDown || live.refreshFailed || live.offline;
    var ago = Math.round((Date.now() - live.fresh) / 1000);
    var when = ago < 5 ? "just now" : ago < 60 ? (Math.floor(ago / 5) * 5) + " s ago" : Math.floor(ago / 60) + " min ago";
    var text = stale ? "Reconnecting\u2026 last updated " + when : "Live \u00b7 updated " + when;
    line.dataset.state = stale ? "stale" : "live";
    if (line.textContent !== text) line.textContent = text;
  }
  function refresh() {
    if (board() && window.htmx) window.htmx.trigger(board(), "bullion:retry");
  }
  function schedule(retryAfterSeconds) {
    if (live.timer) return;
    var backoff = Math.min(30, Math.pow(2, live.attempt)) * (0.75 + Math.random() / 2);
    live.attempt += 1;
    live.timer = setTimeout(function () { live.timer = null; refresh(); }, 1000 * Math.max(backoff, retryAfterSeconds || 0));
  }
  // While the stream is down the board is fetched on the same backoff, so the page still catches up.
  function fresh() {
    live.fresh = Date.now();
    live.refreshFailed = false;
    clearTimeout(live.timer);
    live.timer = null;
    if (live.streamDown) schedule(0); else live.attempt = 0;
    statusLine();
  }
  function failed(retryAfterSeconds) {
    live.refreshFailed = true;
    statusLine();
    schedule(retryAfterSeconds);
  }
  function streamDown() {
    live.streamDown = true;
    statusLine();
    schedule(0);
  }
  function streamUp() {
    live.streamDown = false;
    live.attempt = 0;
    statusLine();
  }
  function afterRequest(event) {
    var detail = event.detail;
    if (!isBoard(detail)) return;
    if (detail.successful) {
      fresh();
    } else if (isRefresh(detail)) {
      failed(detail.xhr ? Number(detail.xhr.getResponseHeader("Retry-After")) : 0);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    remember();
    listMine();
    rememberGroup();
    listMyGroups();
    localTimes(document);
    document.addEventListener("click", copy);
    document.addEventListener("click", showExactTime);
    var body = document.body;
    body.addEventListener("htmx:beforeSwap", skipStaleBoard);
    body.addEventListener("htmx:beforeSwap", keep);
    body.addEventListener("htmx:afterSwap", function (event) { localTimes(event.target); restore(); });
    body.addEventListener("htmx:beforeRequest", busy);
    body.addEventListener("htmx:afterRequest", afterRequest);
    body.addEventListener("htmx:sendError", function (event) { if (isRefresh(event.detail)) failed(0); });
    body.addEventListener("htmx:sseError", streamDown);
    body.addEventListener("htmx:sseOpen", streamUp);
    if (!document.getElementById("live-status")) return;
    document.addEventListener("visibilitychange", function () { if (!document.hidden) refresh(); });
    // The phone knows before the stream does that it lost its signal: say so at once, and catch up on its return.
    window.addEventListener("offline", function () { live.offline = true; statusLine(); });
    window.addEventListener("online", function () { live.offline = false; refresh(); });
    setInterval(statusLine, 1000);
    statusLine();
  });
})();
