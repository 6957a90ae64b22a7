// The group page's chart: each member's running total after every night, drawn with uPlot (from the WebJar).
// The data is in the chart's data-chart attribute (no inline script under the CSP); amounts are minor units.
(function () {
  "use strict";

  function draw() {
    var box = document.getElementById("chart");
    if (!box || typeof uPlot === "undefined") return;
    var data = JSON.parse(box.dataset.chart);
    if (data.labels.length === 0) return;
    var scale = Math.pow(10, data.digits);
    var xs = data.labels.map(function (_, i) { return i + 1; });
    var colors = ["#2a7ab0", "#c0392b", "#27ae60", "#8e44ad", "#d35400", "#16a085", "#7f8c8d", "#b7950b"];
    var series = [{ label: "Night" }].concat(data.series.map(function (s, i) {
      return { label: s.name, stroke: colors[i % colors.length], width: 2, points: { show: true },
        value: function (u, v) { return v == null ? "" : (v / scale).toFixed(data.digits); } };
    }));
    var rows = [xs].concat(data.series.map(function (s) { return s.values; }));
    var width = Math.max(280, box.clientWidth);
    var plot = new uPlot({
      width: width,
      height: 260,
      series: series,
      scales: { x: { time: false } },
      axes: [
        { values: function (u, ticks) { return ticks.map(function (t) { return Number.isInteger(t) ? String(t) : ""; }); } },
        { values: function (u, ticks) { return ticks.map(function (t) { return (t / scale).toFixed(0); }); } }
      ]
    }, rows, box);
    window.addEventListener("resize", function () {
      plot.setSize({ width: Math.max(280, box.clientWidth), height: 260 });
    });
    box.dataset.drawn = "true";
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
