// The page's only script: sends the form, shows each stage, then the brief or the error sentence.
"use strict";
(() => {
  const TOKEN_KEY = "summarizer-token";
  const $ = (id) => document.getElementById(id);
  const form = $("brief-form");
  const tokenRequired = document.body.dataset.tokenRequired === "true";
  let links = [];

  const askToken = () => { $("token-field").hidden = false; $("token").required = true; };
  if (tokenRequired && !sessionStorage.getItem(TOKEN_KEY)) askToken();

  const drop = $("drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    $("file").files = e.dataTransfer.files;
  });

  const busy = (on) => { $("submit").disabled = on; $("progress-box").hidden = !on; };
  const say = (text) => { $("status").textContent = text + "…"; };
  const fail = (sentence) => {
    busy(false);
    $("error").textContent = sentence;
    $("error").hidden = false;
  };

  const download = (id, text, type) => {
    const url = URL.createObjectURL(new Blob([text], { type }));
    links.push(url);
    $(id).href = url;
  };

  const show = (done) => {
    busy(false);
    links.forEach((url) => URL.revokeObjectURL(url));
    links = [];
    download("download-json", done.downloads.json, "application/json");
    download("download-md", done.downloads.md, "text/markdown");
    download("download-csv", done.downloads.csv, "text/csv");
    const notes = $("notes");
    notes.replaceChildren(...done.notes.map((n) => Object.assign(document.createElement("li"), { textContent: n })));
    notes.hidden = done.notes.length === 0;
    $("report").srcdoc = done.html;
    $("result").hidden = false;
    $("result-heading").focus();
  };

  const handle = (event) => {
    if (event.stage === "error") fail(event.error);
    else if (event.stage === "done") show(event);
    else say(event.text);
  };

  const errorOf = async (response) => {
    try {
      const body = await response.json();
      if (typeof body.error === "string") return body.error;
    } catch (e) { /* not JSON: fall through */ }
    return `The server answered ${response.status} ${response.statusText}. Please try again.`;
  };

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    $("error").hidden = true;
    $("result").hidden = true;
    if (tokenRequired && $("token").value.trim()) sessionStorage.setItem(TOKEN_KEY, $("token").value.trim());
    const headers = {};
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) headers.Authorization = "Bearer " + token;
    busy(true);
    say("Sending");
    let response;
    try {
      response = await fetch(form.action, { method: "POST", body: new FormData(form), headers });
    } catch (err) {
      fail("The server could not be reached. Check that it is still running, then try again.");
      return;
    }
    if (response.status === 401) {
      sessionStorage.removeItem(TOKEN_KEY);
      $("token").value = "";
      askToken();
      fail("This server needs an access token, and it was missing or wrong. Enter it above and try again.");
      $("token").focus();
      return;
    }
    if (!response.ok) { fail(await errorOf(response)); return; }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffered = "";
    let finished = false;
    for (;;) {
      let chunk;
      try { chunk = await reader.read(); } catch (err) { break; }
      buffered += decoder.decode(chunk.value || new Uint8Array(), { stream: !chunk.done });
      let end;
      while ((end = buffered.indexOf("\n")) >= 0) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 1);
        if (line.trim()) {
          const event = JSON.parse(line);
          finished = finished || event.stage === "done" || event.stage === "error";
          handle(event);
        }
      }
      if (chunk.done) break;
    }
    if (!finished) fail("The connection to the server was lost before the brief was made. Please try again.");
  });
})();
