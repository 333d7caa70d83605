/* Steppers and explorers (sitekit/watch.py writes them; README, "Adding a page").

   A <figure data-watch> holds frames (elements with data-frame) that the build computed with
   torch, and hidden controls. Without JavaScript every frame shows, numbered: nothing is lost.
   With it, one frame shows at a time, chosen by the controls:
   - buttons with data-move (and the arrow keys, Home and End) step through the frames in order;
   - inputs and selects with data-key pick the frame whose data-<key> equals their values.
   A frame's data-on and data-done list element ids (in the figure's SVG) that get the classes
   is-on and is-done; the style sheet draws them (the build marks the first frame's, for pages
   read without JavaScript). The live region reads out the frame shown.
   Nothing here computes a value: every number is in the frames. */
(function () {
  function setUp(figure) {
    var frames = [].slice.call(figure.querySelectorAll("[data-frame]"));
    var controls = figure.querySelector(".watch__controls");
    var keyed = [].slice.call(controls.querySelectorAll("[data-key]"));
    var moves = [].slice.call(controls.querySelectorAll("[data-move]"));
    var status = figure.querySelector(".watch__status");
    var live = figure.querySelector(".watch__live");
    var marked = [].slice.call(figure.querySelectorAll("svg .is-on, svg .is-done"));
    var current = -1;

    function show(index, quietly) {
      if (index < 0 || index >= frames.length || index === current) return;
      current = index;
      var frame = frames[index];
      frames.forEach(function (other) { other.classList.toggle("is-hidden", other !== frame); });
      marked.forEach(function (element) { element.classList.remove("is-on", "is-done"); });
      marked = [];
      ["on", "done"].forEach(function (state) {
        (frame.getAttribute("data-" + state) || "").split(" ").forEach(function (id) {
          var element = id && document.getElementById(id);
          if (element) { element.classList.add("is-" + state); marked.push(element); }
        });
      });
      moves.forEach(function (button) {
        var end = Number(button.getAttribute("data-move")) < 0 ? 0 : frames.length - 1;
        button.setAttribute("aria-disabled", String(index === end));
      });
      keyed.forEach(function (control) {
        control.value = frame.getAttribute("data-" + control.getAttribute("data-key"));
        if (control.type === "range") control.setAttribute("aria-valuetext", frame.getAttribute("data-label"));
      });
      if (status) status.textContent = frame.getAttribute("data-label");
      if (!quietly) live.textContent = frame.getAttribute("data-label") + "：" + frame.textContent.trim();
    }

    function pick() {
      for (var i = 0; i < frames.length; i++) {
        var frame = frames[i];
        if (keyed.every(function (c) { return frame.getAttribute("data-" + c.getAttribute("data-key")) === c.value; })) {
          return show(i);
        }
      }
    }

    moves.forEach(function (button) {
      button.addEventListener("click", function () {
        show(current + Number(button.getAttribute("data-move")));
      });
    });
    keyed.forEach(function (control) {
      control.addEventListener("input", pick);
      control.addEventListener("change", pick);
    });
    if (moves.length) {
      controls.addEventListener("keydown", function (event) {
        var to = {ArrowLeft: current - 1, ArrowUp: current - 1, ArrowRight: current + 1,
                  ArrowDown: current + 1, Home: 0, End: frames.length - 1}[event.key];
        if (to === undefined) return;
        event.preventDefault();
        show(to);
      });
    }
    controls.hidden = false;
    figure.classList.add("is-live");
    var start = frames.filter(function (frame) { return frame.hasAttribute("data-start"); })[0];
    show(start ? frames.indexOf(start) : 0, true);
  }

  function setUpAll() {
    document.querySelectorAll("figure[data-watch]:not(.is-live)").forEach(setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpAll);
  else setUpAll();
})();
