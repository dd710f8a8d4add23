/* Small page behaviours shared by every page. */
(function () {
  "use strict";

  // A stage row that scrolls sideways on a narrow screen starts with its current stage in view.
  function revealCurrentStage() {
    document.querySelectorAll(".stage-steps").forEach(function (row) {
      if (row.scrollWidth <= row.clientWidth) return;
      row.classList.add("is-scrollable");  // fades the cut-off edges so the row reads as scrollable
      var current = row.querySelector("[aria-current='step']");
      if (!current) return;
      row.scrollLeft = current.offsetLeft - row.offsetLeft - (row.clientWidth - current.offsetWidth) / 2;
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", revealCurrentStage);
  } else {
    revealCurrentStage();
  }
})();
