// The helpdesk page: one form, one POST /v1/diagnoses, the answer shown with a ticket reply to copy.
// Fields can be filled from the URL fragment (#token=...&server=...): a fragment never leaves the
// browser, so a helpdesk sidebar can hand over the token without it reaching any log.
"use strict";
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var fields = ["token", "server", "username", "password", "appMessage", "device", "worksOnMobileData",
    "worksOnVpn", "worksOnOtherDevice", "failsAtPeakHours", "vantage"];
  var symptoms = fields.slice(4);

  function fromFragment() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    fields.forEach(function (f) { if (params.has(f)) { $(f).value = params.get(f); } });
    if (params.has("token")) {
      history.replaceState(null, "", location.pathname); // keep the token out of the address bar
    }
    return params.get("run") === "1";
  }

  function show(d) {
    $("title").textContent = d.title;
    $("summary").textContent = d.summary;
    var list = $("fixes");
    list.textContent = "";
    (d.fixes || []).forEach(function (f) {
      var li = document.createElement("li");
      li.textContent = f;
      list.appendChild(li);
    });
    $("reply").value = d.ticketReply || "";
    $("reply").textContent = d.ticketReply || "";
    $("result").hidden = false;
    $("result").setAttribute("data-category", d.category);
  }

  function submit(event) {
    if (event) { event.preventDefault(); }
    var body = { server: $("server").value, username: $("username").value, password: $("password").value,
      symptoms: {} };
    symptoms.forEach(function (f) { if ($(f).value) { body.symptoms[f] = $(f).value; } });
    $("password").value = "";
    $("status").textContent = "Checking\u2026";
    $("run").disabled = true;
    fetch("/v1/diagnoses", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + $("token").value },
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().then(function (j) { return { ok: r.ok, json: j }; });
    }).then(function (res) {
      if (res.ok) {
        // a line checked a moment ago is not asked again: the panel would count it against us
        $("status").textContent = res.json.cached
          ? "From the check at " + new Date(res.json.observedAt).toLocaleTimeString() + " (not repeated)."
          : "";
        show(res.json);
      } else {
        $("status").textContent = res.json.title + ": " + (res.json.detail || "");
      }
    }).catch(function () {
      $("status").textContent = "The service did not answer.";
    }).then(function () { $("run").disabled = false; });
  }

  // What an app may show comes from the rules in use (their catalogue's app.CODE lines), through
  // the OpenAPI document: a message support staff add there shows up here without a new page.
  function loadAppMessages() {
    return fetch("/openapi.json").then(function (r) { return r.json(); }).then(function (doc) {
      var p = doc.components.schemas.Symptoms.properties.appMessage;
      var labels = p["x-labels"] || {};
      (p["enum"] || []).forEach(function (code) {
        var o = document.createElement("option");
        o.value = code;
        o.textContent = labels[code] || code;
        $("appMessage").appendChild(o);
      });
    }).catch(function () { /* the list stays short; the service still answers */ });
  }

  $("diagnose").addEventListener("submit", submit);
  $("copy").addEventListener("click", function () {
    $("reply").select();
    if (navigator.clipboard) { navigator.clipboard.writeText($("reply").value); }
  });
  loadAppMessages().then(function () {
    if (fromFragment()) { $("run").click(); }
  });
})();
