/* Chorus web page: collects pasted reports and dropped files, posts them to /v1/summarize as a
   multipart upload, and shows the returned view (server-rendered, every source text escaped there). */
(function () {
  "use strict";

  var form = document.getElementById("input-form");
  var paste = document.getElementById("paste");
  var fileInput = document.getElementById("files");
  var dropzone = document.getElementById("dropzone");
  var fileList = document.getElementById("file-list");
  var statusLine = document.getElementById("status");
  var errorBox = document.getElementById("error");
  var result = document.getElementById("result");
  var submit = document.getElementById("submit");
  var chosen = [];

  function showFiles() {
    fileList.textContent = "";
    chosen.forEach(function (file) {
      var item = document.createElement("li");
      item.textContent = file.name + " (" + Math.max(1, Math.round(file.size / 1024)) + " KB)";
      fileList.appendChild(item);
    });
  }

  function addFiles(files) {
    for (var i = 0; i < files.length; i++) { chosen.push(files[i]); }
    showFiles();
  }

  fileInput.addEventListener("change", function () { addFiles(fileInput.files); fileInput.value = ""; });
  ["dragenter", "dragover"].forEach(function (name) {
    dropzone.addEventListener(name, function (event) { event.preventDefault(); dropzone.classList.add("dragging"); });
  });
  ["dragleave", "drop"].forEach(function (name) {
    dropzone.addEventListener(name, function (event) { event.preventDefault(); dropzone.classList.remove("dragging"); });
  });
  dropzone.addEventListener("drop", function (event) {
    if (event.dataTransfer && event.dataTransfer.files) { addFiles(event.dataTransfer.files); }
  });

  document.getElementById("clear").addEventListener("click", function () {
    chosen = [];
    paste.value = "";
    showFiles();
    result.textContent = "";
    errorBox.classList.add("hidden");
    statusLine.textContent = "";
  });

  function pastedReports() {
    return paste.value.split(/^\s*-{3,}\s*$/m).map(function (t) { return t.trim(); }).filter(Boolean);
  }

  function showError(message) {
    errorBox.textContent = message;
    errorBox.classList.remove("hidden");
    statusLine.textContent = "";
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var asDigest = event.submitter && event.submitter.id === "submit-digest";
    errorBox.classList.add("hidden");
    var data = new FormData();
    pastedReports().forEach(function (text, i) {
      data.append("files", new Blob([text], { type: "text/plain" }), "pasted-" + (i + 1) + ".txt");
    });
    chosen.forEach(function (file) { data.append("files", file, file.name); });
    if (!data.has("files")) { showError("Paste a report or add a file first."); return; }
    data.append("words", document.getElementById("words").value || "100");
    var query = document.getElementById("query").value.trim();
    if (query) { data.append("query", query); }
    submit.disabled = true;
    statusLine.textContent = asDigest ? "Grouping into stories..." : "Summarising...";
    var started = performance.now();
    fetch(asDigest ? "/v1/digest?view=true" : "/v1/summarize?view=true", { method: "POST", body: data })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, status: response.status, body: body }; },
          function () { return { ok: false, status: response.status, body: { error: "HTTP " + response.status } }; });
      })
      .then(function (answer) {
        if (!answer.ok) { showError(answer.body.error || ("HTTP " + answer.status)); return; }
        result.innerHTML = answer.body.view; /* server-rendered: every source text is escaped */
        var seconds = ((performance.now() - started) / 1000).toFixed(1);
        statusLine.textContent = asDigest
          ? answer.body.stories.length + " stories in " + seconds + " s."
          : "Brief of " + answer.body.words + " words from " + answer.body.documents.length + " documents in " + seconds + " s.";
      })
      .catch(function (error) { showError("Could not reach the server: " + error); })
      .then(function () { submit.disabled = false; });
  });
})();
