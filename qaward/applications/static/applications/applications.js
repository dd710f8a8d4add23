// Character counters for the materials with length limits (DESIGN.md §3.2): white space is not
// counted, as an office counts 字数. Works without htmx; saving is done by the forms themselves.
(function () {
  "use strict";
  function count(text) { return text.replace(/\s+/g, "").length; }
  function update(area) {
    var box = document.getElementById(area.dataset.counter);
    if (!box) { return; }
    var group = area.dataset.countGroup;
    var n = 0;
    if (group) {
      document.querySelectorAll('[data-count-group="' + group + '"]').forEach(function (a) { n += count(a.value); });
    } else {
      n = count(area.value);
    }
    var max = parseInt(area.dataset.countMax, 10);
    // The unit comes from the page so that it follows the active language.
    box.textContent = n + " / " + max + " " + (box.dataset.unit || "字");
    box.classList.toggle("is-over", n > max);
  }
  document.addEventListener("input", function (event) {
    if (event.target.dataset && event.target.dataset.counter) { update(event.target); }
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-counter]").forEach(update);
  });
})();
