/* Chorus view behaviour, shared by the web page and the self-contained HTML report.
   Clicking a sentence of the brief opens its source article and highlights the sentence there. */
(function () {
  "use strict";

  function highlight(targetId) {
    var target = document.getElementById(targetId);
    if (!target) { return false; }
    var current = document.querySelectorAll(".is-current");
    for (var i = 0; i < current.length; i++) { current[i].classList.remove("is-current"); }
    var details = target.closest("details");
    if (details) { details.open = true; }
    target.classList.add("is-current");
    if (/m\d+$/.test(targetId)) {
      /* "m2" -> "s2", "k1-m2" -> "k1-s2" (a digest prefixes each story's ids) */
      var item = document.getElementById(targetId.replace(/m(\d+)$/, "s$1"));
      if (item) { item.classList.add("is-current"); }
    }
    target.scrollIntoView({ block: "center", behavior: "auto" });
    return true;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.sentence-link") : null;
    if (!link) { return; }
    var id = link.getAttribute("data-target");
    if (id && highlight(id)) {
      event.preventDefault();
      if (history.replaceState) { history.replaceState(null, "", "#" + id); }
    }
  });

  window.chorusHighlight = highlight;
  if (location.hash.length > 1) {
    document.addEventListener("DOMContentLoaded", function () { highlight(location.hash.slice(1)); });
  }
})();
