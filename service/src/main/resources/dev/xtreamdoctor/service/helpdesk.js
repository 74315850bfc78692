// The helpdesk page: one form, one POST /v1/diagnoses, the verdict, what to do, the checks layer
// by layer and a ticket reply to copy. Made for an agent working through a queue of tickets: the
// password stays in its field (never in storage) until cleared, "New ticket" or leaving the page;
// every new request clears the last answer first, so nothing stale is ever on screen.
// Fields can be filled from the URL fragment (#token=...&server=...): a fragment never leaves the
// browser, so a helpdesk sidebar can hand over the line without it reaching any log; the fragment
// is removed from the address bar at once.
"use strict";
(function () {
  var $ = function (id) { return document.getElementById(id); };

  // The request's fields, in the API's names. A field is an input or select with that id, or a
  // group of radio buttons with that name: a new field is one more entry here and one in the page.
  var LINE = ["server", "username", "password"];
  var SYMPTOMS = ["appMessage", "device", "worksOnMobileData", "worksOnVpn", "worksOnOtherDevice",
    "failsAtPeakHours", "vantage"];
  var FROM_FRAGMENT = ["token", "lang"].concat(LINE, SYMPTOMS);

  // What the verdict banner says above the app's words, by outcome.
  var OUTCOMES = {
    fault: { kind: "Found a problem", icon: "\u2717" },
    unsure: { kind: "The check could not complete", icon: "?" },
    ok: { kind: "No problems found", icon: "\u2713" }
  };

  // A problem answer (RFC 9457 type) as the agent should read it: what kind of problem, and what to do.
  var PROBLEMS = {
    "bad-server": { kind: "Typo", field: "server",
      advice: "Check the server address for a typo; it should look like http://panel.example.com:8080." },
    "target-refused": { kind: "Policy", field: "server",
      advice: "This service is set up not to contact that address. If it is the customer's real panel, " +
        "ask whoever runs this service to allow it." },
    "bad-request": { kind: "Not sent", advice: "" },
    "unauthorized": { kind: "Token", field: "token",
      advice: "The service did not accept the token. Paste the token for this service under \u201cService token\u201d." },
    "panel-budget": { kind: "Please wait", advice: "" },
    "panel-busy": { kind: "Please wait", advice: "" },
    "rate-limited": { kind: "Please wait", advice: "" },
    "busy": { kind: "Please wait", advice: "" },
    "budget-unavailable": { kind: "Please wait", advice: "" },
    "rules-failed": { kind: "Service problem", advice: "The rules of this service failed on this line; tell whoever maintains them." }
  };

  var running = false;
  var timer = null;
  var last = null;

  function value(name) {
    var el = $(name);
    if (el && el.tagName !== "FIELDSET") { return el.value; }
    var checked = document.querySelector("input[name='" + name + "']:checked");
    return checked ? checked.value : "";
  }

  function setValue(name, v) {
    var el = $(name);
    if (el && el.tagName !== "FIELDSET") {
      if (el.tagName === "SELECT" && !Array.prototype.some.call(el.options, function (o) { return o.value === v; })) {
        var o = document.createElement("option");
        o.value = v;
        o.textContent = v;
        el.appendChild(o);
      }
      el.value = v;
      return;
    }
    var answer = { "true": "yes", "false": "no" }[v] || v; // the API takes either spelling
    document.querySelectorAll("input[name='" + name + "']").forEach(function (r) { r.checked = r.value === answer; });
  }

  // The fragment's fields, taken out of the address bar (and its history entry) at once, whatever
  // they hold: a password or a token must not stay there for a screenshot or a shoulder to see.
  function takeFragment() {
    var hash = location.hash.replace(/^#/, "");
    if (!hash) { return null; }
    history.replaceState(null, "", location.pathname + location.search);
    return new URLSearchParams(hash);
  }

  // Fills the form from the fragment's fields; true when it asks for a diagnosis at once (run=1).
  function fill(params) {
    if (!params) { return false; }
    FROM_FRAGMENT.forEach(function (f) { if (params.has(f)) { setValue(f, params.get(f)); } });
    tokenState();
    return params.get("run") === "1";
  }

  function tokenState() {
    var has = $("token").value !== "";
    $("token-state").textContent = has ? "(set)" : "(needed)";
    if (!has) { $("token-box").open = true; }
  }

  function clearAnswer() {
    $("empty").hidden = true;
    $("problem").hidden = true;
    $("result").hidden = true;
    $("result").removeAttribute("data-category");
    ["title", "cause", "summary", "meta", "verdict-kind", "verdict-icon", "problem-kind", "problem-title",
      "problem-detail", "copied"].forEach(function (id) { $(id).textContent = ""; });
    ["fixes", "checks"].forEach(function (id) { $(id).textContent = ""; });
    $("reply").value = "";
    ["server", "token"].forEach(function (f) {
      $(f).removeAttribute("aria-invalid");
      $(f + "-error").hidden = true;
      $(f + "-error").textContent = "";
      $(f).setAttribute("aria-describedby", f === "server" ? "server-help" : "");
    });
    $("status").textContent = "";
    last = null;
  }

  function outcomeOf(category) {
    if (category === "NO_FAULT_FOUND") { return "ok"; }
    if (category === "INCONCLUSIVE") { return "unsure"; }
    return "fault";
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function show(d, seconds) {
    last = d;
    var outcome = outcomeOf(d.category);
    $("verdict").setAttribute("data-outcome", outcome);
    $("result").setAttribute("data-category", d.category);
    $("verdict-kind").textContent = OUTCOMES[outcome].kind;
    $("verdict-icon").textContent = OUTCOMES[outcome].icon;
    $("title").textContent = d.title;
    $("cause").textContent = d.causes && d.causes.length ? d.causes[0].text : "";
    // the summary often repeats the title and cause; it shows only when it adds something
    var cause = $("cause").textContent;
    $("summary").textContent = cause && d.summary.indexOf(cause) >= 0 ? "" : d.summary;
    $("summary").hidden = $("summary").textContent === "";
    var when = new Date(d.observedAt || d.checkedAt).toLocaleTimeString();
    $("meta").textContent = (d.cached
      ? "From the check at " + when + " (not repeated: the panel was asked a moment ago)"
      : "Checked at " + when + " in " + seconds + " s") + " \u00b7 rules " + String(d.rulesVersion).slice(0, 12);

    var fixes = $("fixes");
    (d.fixes || []).forEach(function (f) { fixes.appendChild(el("li", "", f)); });
    if (!fixes.children.length) { fixes.appendChild(el("li", "", "Nothing to change.")); }

    var checks = $("checks");
    (d.checks || []).forEach(function (c) { checks.appendChild(check(c)); });

    showReply();
    $("result").hidden = false;
    var verdict = $("verdict");
    verdict.focus({ preventScroll: true });
    verdict.scrollIntoView({ block: "start" });
    $("status").textContent = "Diagnosis ready. " + OUTCOMES[outcome].kind + ": " + d.title + ". " +
      (d.causes && d.causes.length ? d.causes[0].text : "");
  }

  // One layer: its mark, label and what was seen; its findings, with their evidence, folded away.
  function check(c) {
    var li = el("li", "check");
    li.setAttribute("data-state", c.state);
    var line = el("span", "check-line");
    var mark = el("span", "mark", c.mark);
    mark.setAttribute("aria-hidden", "true");
    line.appendChild(mark);
    line.appendChild(el("span", "visually-hidden", { ok: "passed", fault: "failed", warning: "warning",
      unchecked: "not checked", none: "not checked" }[c.state] + ": "));
    line.appendChild(el("span", "check-label", c.label));
    if (c.status) { line.appendChild(el("span", "check-status", c.status)); }
    if (!c.findings || !c.findings.length) {
      li.appendChild(line);
      return li;
    }
    var details = el("details", "evidence");
    var summary = el("summary");
    summary.appendChild(line);
    details.appendChild(summary);
    c.findings.forEach(function (f) {
      var box = el("div", "finding");
      box.setAttribute("data-severity", f.severity);
      box.appendChild(el("p", "finding-title", f.title));
      if (f.impact) { box.appendChild(el("p", "finding-impact", f.impact)); }
      if (f.evidence && f.evidence.length) {
        var seen = el("ul", "seen");
        f.evidence.forEach(function (e) { seen.appendChild(el("li", "", e)); });
        box.appendChild(el("p", "seen-title", "Seen"));
        box.appendChild(seen);
      }
      details.appendChild(box);
    });
    li.appendChild(details);
    return li;
  }

  function showReply() {
    if (!last) { return; }
    $("reply").value = value("replyFormat") === "markdown" ? last.ticketReply || "" : last.ticketReplyText || "";
    $("copied").textContent = "";
  }

  function showProblem(status, p, retryAfter) {
    var type = String(p.type || "").replace(/^.*\//, "") || (status === 401 ? "unauthorized" : "");
    var known = PROBLEMS[type] || { kind: "Error", advice: "" };
    $("problem").setAttribute("data-kind", known.kind.toLowerCase().replace(/\s+/g, "-"));
    $("problem-kind").textContent = known.kind;
    $("problem-title").textContent = p.title || "The service answered " + status;
    var detail = p.detail ? p.detail.charAt(0).toUpperCase() + p.detail.slice(1) : "";
    if (detail && !/[.!?]$/.test(detail)) { detail += "."; }
    var wait = retryAfter ? " Try again in " + retryAfter + " s." : "";
    $("problem-detail").textContent = [detail, known.advice].filter(Boolean).join(" ") + wait;
    $("problem").hidden = false;
    $("status").textContent = known.kind + ": " + $("problem-title").textContent + ". " + $("problem-detail").textContent;
    if (known.field) {
      // said where it is to be fixed, too: under the field, which takes the focus
      var field = $(known.field);
      var error = $(known.field + "-error");
      error.textContent = detail || $("problem-title").textContent;
      error.hidden = false;
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("aria-describedby", (known.field + "-error " + (field.getAttribute("aria-describedby") || "")).trim());
      if (known.field === "token") { $("token-box").open = true; }
      field.focus();
    } else {
      $("problem").focus({ preventScroll: true });
      $("problem").scrollIntoView({ block: "nearest" });
    }
  }

  function progress(on) {
    running = on;
    $("run").setAttribute("aria-disabled", on ? "true" : "false");
    $("diagnose").setAttribute("aria-busy", on ? "true" : "false");
    $("progress").hidden = !on;
    clearInterval(timer);
    if (!on) { return; }
    var start = Date.now();
    var tick = function () { $("elapsed").textContent = Math.floor((Date.now() - start) / 1000) + " s"; };
    tick();
    timer = setInterval(tick, 250);
  }

  function submit(event) {
    if (event) { event.preventDefault(); }
    if (running) { return; }
    clearAnswer();
    if (!value("server").trim()) {
      showProblem(0, { type: "bad-server", title: "The server URL is empty", detail: "" });
      return;
    }
    var body = { server: value("server"), username: value("username"), password: value("password"), symptoms: {} };
    SYMPTOMS.forEach(function (f) { if (value(f)) { body.symptoms[f] = value(f); } });
    if (value("lang")) { body.lang = value("lang"); } // else the browser's Accept-Language
    $("status").textContent = "Checking the line\u2026";
    progress(true);
    var started = Date.now();
    fetch("/v1/diagnoses", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + value("token") },
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (j) {
        return { ok: r.ok, status: r.status, json: j, retryAfter: r.headers.get("Retry-After") };
      });
    }).then(function (res) {
      progress(false);
      if (res.ok) {
        show(res.json, Math.max(1, Math.round((Date.now() - started) / 1000)));
      } else {
        showProblem(res.status, res.json, res.retryAfter);
      }
    }).catch(function () {
      progress(false);
      showProblem(0, { type: "unreachable", title: "The service did not answer",
        detail: "check the connection to this xtream-doctor service and try again" });
    });
  }

  function copy() {
    var text = $("reply").value;
    var format = value("replyFormat") === "markdown" ? "Markdown" : "plain text";
    var done = function () {
      $("copied").textContent = "Copied (" + format + ")";
      $("copy").setAttribute("data-copied", "true");
      setTimeout(function () { $("copy").removeAttribute("data-copied"); }, 2000);
    };
    var fallback = function () {
      $("reply").focus();
      $("reply").select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      if (ok) { done(); } else { $("copied").textContent = "Selected: press Ctrl+C to copy"; }
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, fallback);
    } else {
      fallback();
    }
  }

  function newTicket() {
    LINE.concat(SYMPTOMS).forEach(function (f) { setValue(f, f === "vantage" ? "remote" : ""); });
    clearAnswer();
    $("empty").hidden = false;
    $("server").focus();
  }

  // What an app may show, the devices and the reply's languages come from the rules in use (their
  // catalogue's app.CODE and device.CODE lines, their catalogue_LANG files), through the OpenAPI
  // document: what support staff add there shows up here without a new page.
  function offer(id, p) {
    var labels = (p && p["x-labels"]) || {};
    ((p && p["enum"]) || []).forEach(function (code) {
      var o = Array.prototype.find.call($(id).options, function (x) { return x.value === code; });
      if (!o) {
        o = document.createElement("option");
        o.value = code;
        $(id).appendChild(o);
      }
      o.textContent = labels[code] || code;
    });
  }

  function loadAppMessages() {
    return fetch("/openapi.json").then(function (r) { return r.json(); }).then(function (doc) {
      var schemas = doc.components.schemas;
      offer("appMessage", schemas.Symptoms.properties.appMessage);
      offer("device", schemas.Symptoms.properties.device);
      offer("lang", schemas.DiagnosisRequest.properties.lang);
    }).catch(function () { /* the lists stay short; the service still answers */ });
  }

  $("diagnose").addEventListener("submit", submit);
  $("copy").addEventListener("click", copy);
  $("new-ticket").addEventListener("click", newTicket);
  $("clear-password").addEventListener("click", function () {
    $("password").value = "";
    $("password").focus();
  });
  $("token").addEventListener("input", function () { $("token-state").textContent = $("token").value ? "(set)" : "(needed)"; });
  document.querySelectorAll("input[name='replyFormat']").forEach(function (r) { r.addEventListener("change", showReply); });
  // a sidebar hands over the next ticket's line by changing the fragment
  window.addEventListener("hashchange", function () { if (fill(takeFragment())) { submit(); } });
  // leaving the page takes the password with it, also from the back-forward cache
  window.addEventListener("pagehide", function () { $("password").value = ""; });
  // filled at once (a click on "Diagnose" right away uses them); run=1 waits for the app messages
  var run = fill(takeFragment());
  tokenState();
  loadAppMessages().then(function () {
    if (run) { submit(); }
  });
})();
