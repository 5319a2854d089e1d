// dateline: the little script of the UI. Everything works without it; it adds tooltips on the
// annotated article, highlight toggles, and lights every mention of an entity together.
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  var shown = null;

  function place(el) {
    var r = el.getBoundingClientRect();
    var top = window.scrollY + r.bottom + 8;
    var left = window.scrollX + r.left;
    tip.style.left = "0px";
    tip.hidden = false;
    var w = tip.offsetWidth;
    var max = window.scrollX + document.documentElement.clientWidth - w - 8;
    tip.style.left = Math.max(8, Math.min(left, max)) + "px";
    tip.style.top = top + "px";
  }

  function show(el) {
    if (!tip || !el) return;
    // textContent, never innerHTML: the tip is text from the page's own attribute.
    tip.textContent = el.getAttribute("data-tip");
    shown = el;
    place(el);
  }

  function hide() {
    if (tip) tip.hidden = true;
    shown = null;
  }

  function light(entity, on) {
    if (!entity) return;
    var sel = '[data-entity="' + entity.replace(/["\\]/g, "") + '"]';
    document.querySelectorAll(sel).forEach(function (n) { n.classList.toggle("lit", on); });
  }

  var body = document.getElementById("body");
  if (body) {
    body.addEventListener("mouseover", function (e) {
      var el = e.target.closest("[data-tip]");
      if (el && el !== shown) { show(el); light(el.getAttribute("data-entity"), true); }
    });
    body.addEventListener("mouseout", function (e) {
      var el = e.target.closest("[data-tip]");
      if (!el) return;
      var to = e.relatedTarget && e.relatedTarget.closest ? e.relatedTarget.closest("[data-tip]") : null;
      if (to !== el) { light(el.getAttribute("data-entity"), false); hide(); }
    });
    // Touch and keyboard: a tap on a non-link annotation shows its details.
    body.addEventListener("click", function (e) {
      var el = e.target.closest("span[data-tip]");
      if (el && !e.target.closest("a")) { if (shown === el) hide(); else show(el); }
    });
    body.addEventListener("focusin", function (e) {
      var el = e.target.closest("[data-tip]");
      if (el) show(el);
    });
    body.addEventListener("focusout", hide);
    window.addEventListener("scroll", function () { if (shown) place(shown); }, { passive: true });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
  }

  // Sidebar entity names light their mentions in the text.
  document.querySelectorAll(".panel li[data-entity]").forEach(function (li) {
    var id = li.getAttribute("data-entity");
    li.addEventListener("mouseenter", function () { light(id, true); });
    li.addEventListener("mouseleave", function () { light(id, false); });
  });

  // Highlight toggles.
  var story = document.getElementById("story");
  document.querySelectorAll("[data-toggle]").forEach(function (box) {
    var cls = "hide-" + box.getAttribute("data-toggle");
    box.addEventListener("change", function () { if (story) story.classList.toggle(cls, !box.checked); });
  });
})();
