/// The dashboard's one stylesheet and one script, served from `/assets/` (no CDN, no external fonts).
enum DashboardAssets {
    static let css = """
        :root { --ink: #1d2433; --muted: #5b6475; --line: #dde2ea; --bg: #f6f7fa; --card: #fff;
          --accent: #2357d9; --good: #1f8a4c; --warn: #b86e00; --bad: #c2372e; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
          background: var(--bg); }
        a { color: var(--accent); text-decoration: none; }
        a:hover { text-decoration: underline; }
        header.top { display: flex; justify-content: space-between; align-items: center; padding: 10px 24px;
          background: var(--ink); }
        header.top .brand { color: #fff; font-weight: 600; letter-spacing: .02em; }
        header.top button { background: transparent; color: #cfd6e4; border: 1px solid #5b6475; }
        main { max-width: 1180px; margin: 0 auto; padding: 20px 24px 48px; }
        h1 { font-size: 1.5rem; margin: .2em 0 .4em; }
        h2 { font-size: 1.1rem; margin: 1.4em 0 .5em; }
        .card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 16px 18px; }
        table { width: 100%; border-collapse: collapse; background: var(--card); border: 1px solid var(--line); }
        th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); background: #fafbfc; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        progress { width: 100%; height: 10px; accent-color: var(--accent); }
        .stats { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 12px; margin: 14px 0; }
        .stat { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
        .stat .label { font-size: .78rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
        .stat .value { font-size: 1.5rem; font-weight: 600; font-variant-numeric: tabular-nums; }
        .phase { display: inline-block; padding: 3px 10px; border-radius: 999px; background: #e8edf8; color: var(--accent);
          font-weight: 500; }
        .phase.paused, .phase.rate_limited { background: #fff3e0; color: var(--warn); }
        .phase.error { background: #fdecea; color: var(--bad); }
        .phase.done { background: #e6f4ec; color: var(--good); }
        .phase.stopped { background: #eef0f3; color: var(--muted); }
        .controls { display: flex; gap: 8px; flex-wrap: wrap; margin: 12px 0; }
        .controls form { margin: 0; }
        button { font: inherit; padding: 6px 14px; border-radius: 6px; border: 1px solid var(--line); background: #fff;
          cursor: pointer; }
        button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
        button.danger { color: var(--bad); border-color: #e7b9b5; }
        button:disabled { opacity: .45; cursor: default; }
        input, select { font: inherit; padding: 5px 8px; border: 1px solid var(--line); border-radius: 6px; }
        .muted { color: var(--muted); }
        .filters { display: flex; gap: 8px; margin: 10px 0; flex-wrap: wrap; }
        .pager { display: flex; gap: 12px; align-items: center; margin: 12px 0; }
        .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
        @media (max-width: 800px) { .charts { grid-template-columns: 1fr; } }
        svg text { font-size: 11px; fill: var(--muted); }
        pre.transcript { white-space: pre-wrap; background: #fafbfc; border: 1px solid var(--line); border-radius: 6px;
          padding: 10px; max-height: 420px; overflow: auto; }
        .error-box { background: #fdecea; color: var(--bad); border: 1px solid #f3c1bc; border-radius: 6px; padding: 8px 12px; }
        .login { max-width: 420px; margin: 60px auto; }
        .login input { width: 100%; margin: 8px 0 12px; }
        dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
        dl.fields dt { color: var(--muted); }
        dl.fields dd { margin: 0; overflow-wrap: anywhere; }
        """

    static let js = """
        "use strict";
        // Confirmation for dangerous buttons (cancel).
        document.addEventListener("submit", function (event) {
          var message = event.target.getAttribute("data-confirm");
          if (message && !window.confirm(message)) { event.preventDefault(); }
        });

        function setText(root, name, text) {
          root.querySelectorAll('[data-test="' + name + '"]').forEach(function (el) { el.textContent = text; });
        }
        function fixed(value, digits) { return value == null ? "—" : Number(value).toFixed(digits); }
        function eta(seconds) {
          if (seconds == null) { return "—"; }
          if (seconds < 90) { return Math.round(seconds) + " s"; }
          if (seconds < 5400) { return Math.round(seconds / 60) + " min"; }
          return (seconds / 3600).toFixed(1) + " h";
        }
        function paceLine(values, width, height) {
          if (!values.length) { return ""; }
          var max = Math.max.apply(null, values.concat([1]));
          return values.map(function (v, i) {
            var x = values.length === 1 ? width : (i / (values.length - 1)) * width;
            var y = height - (v / max) * (height - 4) - 2;
            return x.toFixed(1) + "," + y.toFixed(1);
          }).join(" ");
        }

        // The campaign page: live numbers from the server's event stream.
        (function () {
          var root = document.querySelector("[data-events]");
          if (!root || !window.EventSource) { return; }
          var source = new EventSource(root.getAttribute("data-events"));
          source.addEventListener("campaign", function (event) {
            var v = JSON.parse(event.data);
            setText(root, "done", v.done);
            setText(root, "total", v.total);
            setText(root, "in-flight", v.requests_in_flight);
            setText(root, "active-calls", v.active_calls);
            setText(root, "calls-per-second", fixed(v.calls_per_second, 1));
            setText(root, "rate-limited", v.rate_limited_this_run);
            setText(root, "calls-placed", v.calls_placed);
            setText(root, "answer-rate", v.answer_rate == null ? "—" : Math.round(v.answer_rate * 100) + "%");
            setText(root, "cost", fixed(v.cost, 2));
            setText(root, "eta", eta(v.eta_seconds));
            setText(root, "state", v.state);
            var phase = root.querySelector('[data-test="phase"]');
            if (phase) { phase.textContent = v.phase; phase.className = "phase " + v.phase_kind; }
            var bar = root.querySelector("progress");
            if (bar) { bar.max = Math.max(v.total, 1); bar.value = v.done; }
            Object.keys(v.contacts_by_state).forEach(function (state) {
              root.querySelectorAll('[data-count="' + state + '"]').forEach(function (el) {
                el.textContent = v.contacts_by_state[state];
              });
              root.querySelectorAll('[data-bar="' + state + '"]').forEach(function (el) {
                var max = Number(el.getAttribute("data-max")) || 1;
                el.setAttribute("width", Math.max(0, (v.contacts_by_state[state] / Math.max(v.total, 1)) * max).toFixed(1));
              });
            });
            var line = root.querySelector("[data-pace-line]");
            if (line) { line.setAttribute("points", paceLine(v.pace_history, 600, 120)); }
            var allowed = {
              start: v.state === "ready" || v.state === "paused",
              pause: v.state === "running",
              resume: v.state === "paused",
              cancel: v.state === "ready" || v.state === "running" || v.state === "paused"
            };
            Object.keys(allowed).forEach(function (name) {
              root.querySelectorAll('[data-test="' + name + '"]').forEach(function (el) { el.disabled = !allowed[name]; });
            });
          });
        })();

        // The new campaign form: the file goes as the request body, streamed by the browser.
        (function () {
          var form = document.querySelector("[data-upload]");
          if (!form || !window.fetch) { return; }
          form.addEventListener("submit", function (event) {
            event.preventDefault();
            var out = form.querySelector("[data-upload-result]");
            var file = form.querySelector('[name="file"]').files[0];
            var query = ["name", "agent", "region"].map(function (name) {
              return name + "=" + encodeURIComponent(form.querySelector('[name="' + name + '"]').value.trim());
            }).join("&");
            out.textContent = "Uploading…";
            fetch("/api/v1/campaigns?" + query, {
              method: "POST", credentials: "same-origin", body: file,
              headers: { "Content-Type": "text/csv", "X-CSRF-Token": form.getAttribute("data-csrf") }
            }).then(function (response) {
              return response.json().then(function (body) { return { ok: response.ok, body: body }; });
            }).then(function (result) {
              out.textContent = "";
              var p = document.createElement("p");
              if (!result.ok) {
                p.className = "error-box";
                p.textContent = result.body.error ? result.body.error.message : "The upload failed.";
                out.appendChild(p);
                return;
              }
              var c = result.body.counts;
              p.setAttribute("data-test", "import-summary");
              p.textContent = c.imported + " imported, " + c.rejected + " rejected, " + c.duplicates + " duplicates, " +
                c.suppressed + " on the do-not-call list (" + c.rows + " rows). ";
              var link = document.createElement("a");
              link.href = "/campaigns/" + encodeURIComponent(result.body.campaign.name);
              link.textContent = "Open the campaign";
              p.appendChild(link);
              if (result.body.rejects_url) {
                p.appendChild(document.createTextNode(" · "));
                var rejects = document.createElement("a");
                rejects.href = result.body.rejects_url;
                rejects.textContent = "rejected rows";
                p.appendChild(rejects);
              }
              out.appendChild(p);
            }).catch(function () { out.textContent = "The upload failed; is the server running?"; });
          });
        })();

        // The campaigns list: refresh the numbers every few seconds.
        (function () {
          var table = document.querySelector("[data-campaign-list]");
          if (!table || !window.fetch) { return; }
          function refresh() {
            fetch("/api/v1/campaigns", { credentials: "same-origin" }).then(function (r) { return r.ok ? r.json() : null; })
              .then(function (body) {
                if (!body) { return; }
                body.campaigns.forEach(function (v) {
                  var row = table.querySelector('tr[data-name="' + CSS.escape(v.name) + '"]');
                  if (!row) { return; }
                  setText(row, "phase", v.phase);
                  setText(row, "done", v.done);
                  setText(row, "total", v.total);
                  setText(row, "calls-per-second", fixed(v.calls_per_second, 1));
                  setText(row, "answer-rate", v.answer_rate == null ? "—" : Math.round(v.answer_rate * 100) + "%");
                  setText(row, "cost", fixed(v.cost, 2));
                  setText(row, "eta", eta(v.eta_seconds));
                  var bar = row.querySelector("progress");
                  if (bar) { bar.max = Math.max(v.total, 1); bar.value = v.done; }
                });
              }).catch(function () {});
          }
          setInterval(refresh, 3000);
        })();
        """
}
