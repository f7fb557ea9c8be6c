// Showroom Studio's one script: the live preview of the page editor. Every edit of the form is sent to
// /_studio/api/preview after a short pause; the answer places the engine's problems under the fields they
// concern and points the preview frame at the page the engine built. One request at a time: edits made
// while one is on its way are sent together when it returns, so the preview always ends on the latest text.
(function () {
  "use strict";
  var form = document.getElementById("editor");
  if (!form) { return; }
  var csrf = document.querySelector("meta[name=studio-csrf]").getAttribute("content");
  var frame = document.getElementById("frame");
  var status = document.getElementById("preview-status");
  var save = document.getElementById("save");
  var timer = null, busy = false, again = false;

  function clearProblems() {
    var lists = form.querySelectorAll("ul.problems");
    for (var i = 0; i < lists.length; i++) { lists[i].textContent = ""; }
    var marked = form.querySelectorAll("[aria-invalid]");
    for (var j = 0; j < marked.length; j++) { marked[j].removeAttribute("aria-invalid"); }
  }

  function show(problem) {
    var list = document.getElementById("problems-" + problem.field) || document.getElementById("problems-other");
    var item = document.createElement("li");
    item.className = problem.severity;
    if (problem.place) {
      var code = document.createElement("code");
      code.textContent = problem.place;
      item.appendChild(code);
      item.appendChild(document.createTextNode(" "));
    }
    item.appendChild(document.createTextNode((problem.line ? form.getAttribute("data-line") + " " + problem.line + ": " : "") + problem.severity + ": " + problem.message));
    if (problem.fix) {
      var fix = document.createElement("span");
      fix.className = "fix";
      fix.textContent = "fix: " + problem.fix;
      item.appendChild(document.createElement("br"));
      item.appendChild(fix);
    }
    list.appendChild(item);
    var field = document.getElementById("f-" + problem.field);
    if (field && problem.severity === "error") { field.setAttribute("aria-invalid", "true"); }
  }

  function load(address) {
    var scroll = 0;
    try { scroll = frame.contentWindow.scrollY || 0; } catch (e) { scroll = 0; }
    frame.onload = function () {
      try { frame.contentWindow.scrollTo(0, scroll); } catch (e) { /* a page of another origin keeps its place */ }
    };
    frame.contentWindow.location.replace(address);
  }

  function send() {
    if (busy) { again = true; return; }
    busy = true;
    status.textContent = status.getAttribute("data-updating");
    var body = new URLSearchParams(new FormData(form));
    fetch("/_studio/api/preview", { method: "POST", body: body, headers: { "X-Studio-CSRF": csrf }, cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        clearProblems();
        answer.problems.forEach(show);
        save.disabled = answer.blocking;
        form.setAttribute("data-preview", String(answer.number || 0));
        if (answer.frame) {
          status.textContent = answer.milliseconds + " ms";
          load(answer.frame);
        } else {
          status.textContent = status.getAttribute("data-failed");
        }
      })
      .catch(function (error) { status.textContent = String(error); })
      .then(function () {
        busy = false;
        if (again) { again = false; send(); }
      });
  }

  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(send, 120);
  });
  send();
})();

// The editor's aids: a photo chosen in a picker is written into its field (several, for a gallery, separated by
// commas), and a shortcode of the palette is inserted at the cursor in the text; either then previews like typing.
(function () {
  "use strict";
  var form = document.getElementById("editor");
  if (!form) { return; }

  function edited(field) { field.dispatchEvent(new Event("input", { bubbles: true })); }

  form.addEventListener("change", function (event) {
    var picker = event.target.closest ? event.target.closest("details.picker") : null;
    if (!picker) { return; }
    var field = document.getElementById(picker.getAttribute("data-target"));
    if (!field) { return; }
    var chosen = picker.querySelectorAll("input:checked");
    var values = [];
    for (var i = 0; i < chosen.length; i++) { if (chosen[i].value) { values.push(chosen[i].value); } }
    field.value = values.join(", ");
    edited(field);
  });

  form.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-insert]") : null;
    if (!button) { return; }
    event.preventDefault();
    var body = document.getElementById("f-body");
    if (!body) { return; }
    var snippet = button.getAttribute("data-insert");
    var start = body.selectionStart, end = body.selectionEnd;
    body.setRangeText(snippet, start, end, "end");
    // The cursor goes inside the first empty argument, where the user types next.
    var empty = snippet.indexOf("\"\"");
    if (empty >= 0) { body.setSelectionRange(start + empty + 1, start + empty + 1); }
    body.focus();
    edited(body);
  });
})();

// The data tables: a value that does not fit its cell's kind (a price written `119,800 CNY`) is marked while it is
// typed, with what to write; the server checks it again on "Preview" and "Save".
(function () {
  "use strict";
  var form = document.getElementById("data-form");
  if (!form) { return; }
  var patterns = { integer: /^-?[0-9]+$/, number: /^-?[0-9]+(\.[0-9]+)?$/, boolean: /^(true|false)$/i, date: /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/ };

  form.addEventListener("input", function (event) {
    var field = event.target;
    var kind = field.getAttribute && field.getAttribute("data-kind");
    if (!kind || !patterns[kind]) { return; }
    var noteID = field.id + "-typed";
    var note = document.getElementById(noteID);
    if (patterns[kind].test(field.value.trim())) {
      field.removeAttribute("aria-invalid");
      if (note) { note.parentNode.removeChild(note); }
      return;
    }
    field.setAttribute("aria-invalid", "true");
    field.setAttribute("aria-describedby", noteID);
    if (!note) {
      note = document.createElement("span");
      note.className = "error";
      note.id = noteID;
      note.setAttribute("role", "status");
      field.parentNode.appendChild(note);
    }
    note.textContent = field.getAttribute("aria-label").split(",")[0] + " " + form.getAttribute("data-" + kind);
  });
})();
