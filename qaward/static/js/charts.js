/* Bar charts drawn from data the page already lists in a table.
 *
 * Markup: <div class="chart-box" hidden><canvas data-chart="ID"></canvas></div>, then a
 * <details class="chart-data" open> holding the same numbers as a table, and a json_script with
 * {"labels": [...], "values": [...], "codes": [...]} under ID. Without JavaScript (or Chart.js) the
 * table stays open and the empty chart box stays hidden; with it, the chart shows and the table
 * folds away behind its "数据表" summary, still one click (and one screen-reader step) away.
 */
(function () {
  "use strict";

  // Same meaning as the state badges: in someone's hands (blue), waiting for the applicant (amber),
  // accepted or later (green), refused or revoked (red), withdrawn (grey).
  var STATE_COLOURS = {
    draft: "#c98a12", returned: "#c98a12",
    submitted: "#1d5c9b", dept_approved: "#1d5c9b", recommended: "#1d5c9b",
    accepted: "#2f8a57", candidate: "#2f8a57", proposed: "#2f8a57", awarded: "#2f8a57",
    rejected: "#b3151d", revoked: "#b3151d", not_awarded: "#b3151d",
    withdrawn: "#8a949e"
  };
  var DEFAULT_COLOUR = "#1d5c9b";

  function draw(canvas) {
    var source = document.getElementById(canvas.dataset.chart);
    if (!source || typeof window.Chart === "undefined") return;
    var data = JSON.parse(source.textContent);
    var box = canvas.closest(".chart-box");
    box.hidden = false;
    box.style.height = Math.max(160, data.labels.length * 30 + 40) + "px";
    var colours = (data.codes || []).map(function (code) { return STATE_COLOURS[code] || DEFAULT_COLOUR; });
    var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [{
          data: data.values,
          backgroundColor: colours.length ? colours : DEFAULT_COLOUR,
          borderRadius: 3,
          maxBarThickness: 22
        }]
      },
      options: {
        indexAxis: "y",
        responsive: true,
        maintainAspectRatio: false,
        animation: reduceMotion ? false : { duration: 300 },
        plugins: { legend: { display: false }, tooltip: { displayColors: false } },
        scales: {
          x: { beginAtZero: true, ticks: { precision: 0 }, grid: { color: "#e6ebf1" } },
          y: { grid: { display: false } }
        }
      }
    });
    var table = box.parentElement.querySelector("details.chart-data");
    if (table) table.open = false;
  }

  function init() {
    if (typeof window.Chart !== "undefined") {
      window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
      window.Chart.defaults.color = "#56606b";
    }
    document.querySelectorAll("canvas[data-chart]").forEach(draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
