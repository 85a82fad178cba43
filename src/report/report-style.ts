/** The report's stylesheet: system fonts only, so the page loads nothing. */
export const REPORT_STYLE = `
:root {
  --fg: #1f2328; --muted: #656d76; --line: #d8dee4; --soft: #f6f8fa; --accent: #0969da;
  --good: #1a7f37; --good-bg: #dafbe1; --bad: #cf222e; --bad-bg: #ffebe9;
  --warn-bg: #fff8c5; --made: #4c8bf5; --cached: #8250df;
  color-scheme: light;
}
* { box-sizing: border-box; }
body {
  margin: 0; background: #fff; color: var(--fg);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
main { max-width: 1320px; margin: 0 auto; padding: 28px 32px 64px; }
h1 { font-size: 22px; margin: 0 0 4px; font-weight: 600; }
h2 { font-size: 16px; margin: 36px 0 12px; font-weight: 600; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
.meta { color: var(--muted); margin: 0 0 8px; }
.stats { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0 0; }
.stat { border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; min-width: 120px; }
.stat b { display: block; font-size: 18px; font-weight: 600; }
.stat span { color: var(--muted); font-size: 12px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; font-weight: 600; color: var(--muted); background: var(--soft); white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.scroll { overflow-x: auto; }
.score { font-variant-numeric: tabular-nums; white-space: nowrap; }
.score .ci { color: var(--muted); font-size: 12px; margin-left: 4px; }
.score .ci.range { display: block; margin-left: 0; }
table.summary th { white-space: normal; min-width: 56px; }
table.summary td.score { min-width: 110px; }
table.summary td:nth-child(-n+2) { white-space: nowrap; }
.nowrap { white-space: nowrap; }
.bar { position: relative; height: 6px; margin-top: 4px; background: var(--soft); border-radius: 3px; min-width: 90px; }
.bar .fill { position: absolute; top: 0; bottom: 0; left: 0; background: #9ec5fe; border-radius: 3px; }
.bar .whisker { position: absolute; top: -2px; bottom: -2px; border-left: 2px solid var(--accent); border-right: 2px solid var(--accent); }
.errors-nonzero { color: var(--bad); font-weight: 600; }
.comparisons { list-style: none; padding: 0; margin: 0; }
.comparisons li { display: flex; flex-wrap: wrap; gap: 10px; align-items: baseline; padding: 8px 0; border-bottom: 1px solid var(--line); }
.badge { display: inline-block; font-size: 11px; font-weight: 600; padding: 1px 8px; border-radius: 10px; white-space: nowrap; }
.badge.win { background: var(--good-bg); color: var(--good); }
.badge.none { background: var(--soft); color: var(--muted); border: 1px solid var(--line); }
.badge.fail { background: var(--bad-bg); color: var(--bad); }
.badge.cached { background: #fbefff; color: var(--cached); }
.badge.made { background: #ddf4ff; color: var(--accent); }
td .badge { margin-left: 4px; }
.detail-line { color: var(--muted); font-size: 12px; }
.filters { display: flex; flex-wrap: wrap; gap: 18px; align-items: center; padding: 10px 12px; background: var(--soft); border: 1px solid var(--line); border-radius: 8px; margin-bottom: 12px; }
.filters label { display: inline-flex; gap: 6px; align-items: center; }
.filters input[type=number] { width: 70px; }
.filters select, .filters input { font: inherit; }
.filters .count { margin-left: auto; color: var(--muted); }
table.rows td.out { min-width: 220px; }
table.rows tr.result-row { cursor: pointer; }
table.rows tr.result-row:hover td { background: #f3f8ff; }
table.rows tr.open td { background: #f3f8ff; }
.text { white-space: pre-wrap; word-break: break-word; max-height: 6.2em; overflow: hidden; }
td.differs { background: var(--warn-bg); }
table.rows tr.result-row:hover td.differs, table.rows tr.open td.differs { background: #fff2a8; }
.chips { margin-top: 4px; display: flex; gap: 4px; flex-wrap: wrap; }
.chip { font-size: 11px; padding: 0 6px; border-radius: 4px; border: 1px solid var(--line); background: #fff; }
.chip.pass { color: var(--good); border-color: #aceebb; background: var(--good-bg); }
.chip.fail { color: var(--bad); border-color: #ffcecb; background: var(--bad-bg); }
.error-text { color: var(--bad); white-space: pre-wrap; }
.rowid { font-weight: 600; }
.inputs { color: var(--muted); font-size: 12px; max-width: 280px; white-space: pre-wrap; word-break: break-word; max-height: 4.5em; overflow: hidden; }
tr.detail > td { background: #fbfcfd; padding: 12px 16px 16px; }
.cell-calls { margin: 0 0 14px; }
.cell-calls h3 { font-size: 13px; margin: 8px 0; }
.call { border: 1px solid var(--line); border-radius: 8px; margin: 8px 0; background: #fff; }
.call-head { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; padding: 6px 10px; border-bottom: 1px solid var(--line); background: var(--soft); border-radius: 8px 8px 0 0; font-size: 12px; }
.call-head .loc { color: var(--muted); font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.call-body { display: grid; grid-template-columns: 1fr 1fr; gap: 0; }
.call-body > div { padding: 8px 10px; min-width: 0; }
.call-body > div + div { border-left: 1px solid var(--line); }
.label { font-size: 11px; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; margin-bottom: 4px; }
pre { margin: 0; white-space: pre-wrap; word-break: break-word; font: 12px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; max-height: 320px; overflow: auto; }
.role { font-weight: 600; color: var(--accent); }
.timeline { border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px 10px; }
.tl-legend { display: flex; gap: 16px; font-size: 12px; color: var(--muted); margin-bottom: 6px; align-items: center; }
.tl-key { display: inline-block; width: 18px; height: 10px; border-radius: 2px; vertical-align: middle; margin-right: 4px; }
.tl-body { max-height: 460px; overflow-y: auto; }
.tl-lane { display: flex; align-items: stretch; border-top: 1px solid #eef1f4; }
.tl-label { width: 170px; flex: none; font-size: 12px; color: var(--muted); padding: 3px 8px 3px 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.tl-track { position: relative; flex: 1; }
.tl-axis { position: relative; height: 18px; margin-left: 170px; font-size: 11px; color: var(--muted); }
.tl-tick { position: absolute; top: 0; transform: translateX(-50%); white-space: nowrap; }
.tl-grid { position: absolute; top: 0; bottom: 0; border-left: 1px dashed #eef1f4; }
.tl-bar { position: absolute; height: 12px; min-width: 3px; border-radius: 3px; background: var(--made); cursor: pointer; }
.tl-bar:hover { outline: 2px solid var(--fg); outline-offset: 1px; }
.tl-bar.cached, .tl-key.cached { background: repeating-linear-gradient(135deg, var(--cached) 0 3px, #c9b3f0 3px 6px); }
.tl-bar.cached { min-width: 6px; }
.tl-bar.error, .tl-key.error { background: var(--bad); }
.tl-key.made { background: var(--made); }
table.calls tr.call-row { cursor: pointer; }
table.calls tr.call-row:hover td { background: #f3f8ff; }
.preview { max-width: 420px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; color: var(--muted); }
.empty { color: var(--muted); padding: 12px 0; }
`;
