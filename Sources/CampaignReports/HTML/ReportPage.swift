/// The fixed parts of the HTML report: its style sheet, its search script, and the colours of
/// contact outcomes. Everything is inline, so the file opens with no network.
enum ReportPage {
    /// The colour of each reported status in charts and table badges.
    static func color(of status: ReportedStatus) -> String {
        switch status {
        case .completed: "#2e7d32"
        case .noAnswer: "#f9a825"
        case .busy: "#ef6c00"
        case .failed: "#c62828"
        case .voicemail: "#6a1b9a"
        case .invalid: "#8d6e63"
        case .dnd: "#37474f"
        case .suppressed: "#78909c"
        case .unknown: "#ad1457"
        case .pending: "#64b5f6"
        case .cancelled: "#bdbdbd"
        }
    }

    /// The primary chart colour.
    static let accent = "#1565c0"

    /// The style sheet: system fonts only.
    static let styleSheet = """
        :root { color-scheme: light; --ink: #1c2330; --muted: #5f6b7a; --line: #e3e7ee; --panel: #ffffff; --bg: #f4f6f9; }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--bg); color: var(--ink);
          font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
        main { max-width: 1200px; margin: 0 auto; padding: 28px 24px 48px; }
        header h1 { font-size: 24px; margin: 0 0 4px; overflow-wrap: anywhere; }
        header p { margin: 0; color: var(--muted); }
        .state { display: inline-block; padding: 1px 8px; border-radius: 10px; background: #e8eef8; color: #1a3d7c; font-weight: 600; }
        .cards { display: grid; grid-template-columns: repeat(6, 1fr); gap: 12px; margin: 20px 0; }
        .card { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; }
        .card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
        .card .number { font-size: 26px; font-weight: 700; margin-top: 2px; font-variant-numeric: tabular-nums; }
        .card .sub { color: var(--muted); font-size: 12px; }
        .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
        section.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 16px 18px; }
        section.panel h2 { font-size: 15px; margin: 0 0 10px; }
        section.panel p.note { color: var(--muted); margin: 6px 0 0; font-size: 12px; }
        svg text { font-family: inherit; }
        svg .axis { font-size: 11px; fill: #5f6b7a; }
        svg .value { font-size: 11px; fill: #1c2330; font-weight: 600; }
        svg .grid { stroke: #e3e7ee; stroke-width: 1; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
        #contacts th, #contacts td { white-space: nowrap; }
        #contacts td.name, #contacts td.summary { white-space: normal; overflow-wrap: anywhere; }
        #contacts td.name { min-width: 150px; }
        th { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; position: sticky; top: 0; background: var(--panel); }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.summary { min-width: 260px; color: #37414f; }
        #contacts { font-size: 13px; }
        .costs td:first-child { color: var(--muted); }
        .badge { display: inline-block; padding: 0 7px; border-radius: 9px; color: #fff; font-size: 12px; font-weight: 600; white-space: nowrap; }
        .contacts { margin-top: 16px; }
        .search { display: flex; gap: 12px; align-items: center; margin-bottom: 10px; }
        .search input { flex: 1; max-width: 360px; padding: 7px 10px; border: 1px solid #c9d1dc; border-radius: 6px; font: inherit; }
        .search span { color: var(--muted); }
        .table-wrap { max-height: 1000px; overflow: auto; border: 1px solid var(--line); border-radius: 6px; }
        footer { color: var(--muted); font-size: 12px; margin-top: 18px; }
        @media (max-width: 900px) { .cards { grid-template-columns: repeat(3, 1fr); } .grid { grid-template-columns: 1fr; } }
        """

    /// The search script: hides table rows whose text does not contain the query.
    static let searchScript = """
        (function () {
          var input = document.getElementById('search');
          var shown = document.getElementById('shown');
          var rows = Array.prototype.slice.call(document.querySelectorAll('#contacts tbody tr'));
          var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
          input.addEventListener('input', function () {
            var query = input.value.trim().toLowerCase();
            var count = 0;
            for (var i = 0; i < rows.length; i++) {
              var match = query === '' || texts[i].indexOf(query) !== -1;
              rows[i].hidden = !match;
              if (match) { count++; }
            }
            shown.textContent = count.toLocaleString('en-US');
          });
        })();
        """
}
