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

  // The server writes times in UTC; the phone knows the local time zone.
  function localTimes(root) {
    root.querySelectorAll("time[datetime]").forEach(function (el) {
      var at = new Date(el.getAttribute("datetime"));
      if (!isNaN(at)) el.textContent = at.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    });
  }

  // Every change reaches this page twice when it was made here: as the form's answer and as a live event.
  // A live refresh that brings a board no newer than the one shown is dropped, so it cannot wipe a message
  // or a form the answer has just put on the page.
  function skipStaleBoard(event) {
    var detail = event.detail;
    if (!detail.target || detail.target.id !== "board" || detail.requestConfig.verb !== "get") return;
    var incoming = Number(detail.xhr.getResponseHeader("Bullion-Version"));
    var shown = document.getElementById("board-version");
    if (incoming && shown && incoming <= Number(shown.dataset.version)) detail.shouldSwap = false;
  }

  document.addEventListener("DOMContentLoaded", function () {
    remember();
    listMine();
    localTimes(document);
    document.addEventListener("click", copy);
    document.body.addEventListener("htmx:beforeSwap", skipStaleBoard);
    document.body.addEventListener("htmx:afterSwap", function (event) { localTimes(event.target); });
  });
})();
