/** Styles of the status dashboard: plain CSS inlined into the page, system Chinese fonts, no web fonts. */
export const STATUS_CSS = `
:root { --ink: #1d2733; --muted: #5d6b7a; --line: #e3e8ee; --bg: #f3f5f8; --card: #fff; --accent: #1c5d99; --alert: #c92a2a; --warn: #d9480f; --ok: #2b8a3e; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 14px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; font-variant-numeric: tabular-nums; }
main { max-width: 1240px; margin: 0 auto; padding: 0 24px 24px; }
footer { max-width: 1240px; margin: 0 auto; padding: 8px 24px 32px; color: var(--muted); font-size: 12px; }
.volume + .volume { margin-top: 40px; }
.masthead { display: flex; justify-content: space-between; align-items: center; gap: 24px; margin: 0 -24px 20px; padding: 28px 24px 24px; background: linear-gradient(135deg, #12365c, #1c5d99); color: #fff; }
.masthead h1 { margin: 2px 0 6px; font-size: 28px; font-weight: 700; letter-spacing: .02em; }
.kicker { margin: 0; font-size: 13px; letter-spacing: .3em; opacity: .8; }
.meta { margin: 0; font-size: 13px; opacity: .85; }
.headline { display: flex; align-items: center; gap: 14px; padding: 10px 18px 10px 10px; border-radius: 14px; background: rgba(255,255,255,.1); }
.headline strong { display: block; font-size: 16px; }
.headline span { font-size: 12px; opacity: .8; }
.headline .ring-track { stroke: rgba(255,255,255,.22); }
.headline .ring-value { stroke: #fff; }
.headline .ring-text { fill: #fff; }
.kpis { display: grid; grid-template-columns: repeat(6, 1fr); gap: 12px; margin-bottom: 16px; }
.kpi { display: flex; flex-direction: column; padding: 14px 16px; border-radius: 10px; background: var(--card); border-top: 3px solid var(--accent); box-shadow: 0 1px 2px rgba(16,24,40,.06); }
.kpi.alert { border-top-color: var(--alert); }
.kpi.warn { border-top-color: var(--warn); }
.kpi.ok { border-top-color: var(--ok); }
.kpi .label { color: var(--muted); font-size: 13px; }
.kpi .value { font-size: 30px; font-weight: 700; line-height: 1.25; }
.kpi.alert .value { color: var(--alert); }
.kpi .value small { margin-left: 4px; font-size: 13px; font-weight: 400; color: var(--muted); }
.kpi .note { color: var(--muted); font-size: 12px; }
.grid { display: grid; grid-template-columns: repeat(12, 1fr); gap: 16px; }
.card { min-width: 0; padding: 18px 20px; border-radius: 10px; background: var(--card); box-shadow: 0 1px 2px rgba(16,24,40,.06); }
.wide-5 { grid-column: span 5; } .wide-7 { grid-column: span 7; } .wide-12 { grid-column: span 12; }
.card header { margin-bottom: 12px; }
.card h2 { margin: 0; font-size: 16px; }
.card header p { margin: 2px 0 0; color: var(--muted); font-size: 12px; }
.columns .grid { stroke: var(--line); stroke-width: 1; }
.columns .baseline { stroke: #aab4c0; stroke-width: 1; }
.columns .tick { fill: #98a2ae; font-size: 13px; }
.columns .value { fill: var(--ink); font-size: 17px; font-weight: 700; }
.columns .value.zero { fill: #b0b8c2; font-weight: 400; }
.columns .axis { fill: var(--muted); font-size: 15px; }
.hbars { display: none; }
.hbars .axis { fill: var(--muted); font-size: 12px; }
.hbars .value { fill: var(--ink); font-size: 12px; font-weight: 700; }
.hbars .value.zero { fill: #b0b8c2; font-weight: 400; }
.split { margin-top: 18px; padding-top: 14px; border-top: 1px solid var(--line); }
.split h3 { margin: 0 0 8px; font-size: 13px; font-weight: 600; color: var(--muted); }
.split .legend strong { color: var(--ink); margin: 0 1px; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 8px 0 0; padding: 0; list-style: none; color: var(--muted); font-size: 12px; }
.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 5px; border-radius: 2px; vertical-align: -1px; }
.rows { margin: 0; padding: 0; list-style: none; }
.rows li { display: grid; grid-template-columns: minmax(5em, 9.5em) 1fr 3.2em 9.6em; align-items: center; gap: 10px; padding: 5px 0; border-bottom: 1px solid #f0f2f5; break-inside: avoid; }
.rows li:last-child { border-bottom: 0; }
.rows.two { columns: 2; column-gap: 40px; }
.rows.two li:last-child { border-bottom: 1px solid #f0f2f5; }
.rows .name { overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.rows .pct { text-align: right; font-weight: 700; }
.rows .flags { display: flex; gap: 4px; align-items: center; justify-content: flex-start; }
.rows .count { color: var(--muted); font-size: 12px; min-width: 2.6em; }
.bar { display: block; border-radius: 4px; overflow: hidden; }
.bar .track { fill: #eef1f5; }
.ring-track { fill: none; stroke: #e6ebf1; stroke-width: 9; }
.ring-value { fill: none; stroke-width: 9; stroke-linecap: round; }
.ring-text { font-size: 17px; font-weight: 700; fill: var(--ink); }
.badge { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 12px; line-height: 18px; white-space: nowrap; }
.badge.alert { background: #ffe3e3; color: var(--alert); }
.badge.warn { background: #fff0e6; color: var(--warn); }
table { width: 100%; border-collapse: collapse; }
th { color: var(--muted); font-size: 12px; font-weight: 400; text-align: left; border-bottom: 1px solid var(--line); padding: 6px 8px; white-space: nowrap; }
td { padding: 7px 8px; border-bottom: 1px solid #f0f2f5; vertical-align: middle; }
.num { text-align: right; white-space: nowrap; }
.empty { margin: 12px 0; color: var(--ok); }
.empty.none { color: var(--muted); }
.recent { margin: 0; padding: 0; list-style: none; }
.recent li { display: grid; grid-template-columns: 7.5em 7em 1fr 4.5em; gap: 10px; align-items: baseline; padding: 6px 0 6px 12px; border-bottom: 1px solid #f0f2f5; border-left: 3px solid #9ec5e6; }
.recent li.is-return { border-left-color: var(--warn); }
.recent li.is-reopen { border-left-color: #7048e8; }
.recent time { color: var(--muted); font-size: 12.5px; white-space: nowrap; }
.recent .what { font-weight: 600; white-space: nowrap; }
.recent li.is-return .what { color: var(--warn); }
.recent .chapter small { margin-left: 6px; color: var(--muted); font-size: 12px; }
.recent .actor { color: var(--muted); text-align: right; white-space: nowrap; }
.scroll { overflow-x: auto; }
.chapters { min-width: 820px; }
.chapters .title { display: block; font-weight: 600; }
.chapters .sub { display: block; color: var(--muted); font-size: 12px; }
.chapters .unit, .chapters .last { color: var(--muted); font-size: 13px; }
.inline-unit { display: none; }
.chip { display: inline-block; padding: 1px 9px; border-radius: 11px; font-size: 12.5px; white-space: nowrap; }
.lock { margin-left: 6px; padding: 0 6px; border: 1px solid #b7c4d3; border-radius: 9px; color: #4a5a6b; font-size: 11.5px; white-space: nowrap; }
.meter { display: block; height: 4px; margin: 4px 0 0 auto; width: 96px; border-radius: 2px; background: #eef1f5; overflow: hidden; }
.meter span { display: block; height: 100%; background: #74a9d8; }
.meter.over span { background: var(--warn); }
@media (max-width: 1000px) {
  .kpis { grid-template-columns: repeat(3, 1fr); }
  .wide-5, .wide-7 { grid-column: span 12; }
  .rows.two { columns: 1; }
}
@media (max-width: 560px) {
  main { padding: 0 12px 16px; }
  footer { padding: 8px 12px 24px; }
  .masthead { flex-direction: column; align-items: flex-start; margin: 0 -12px 14px; padding: 20px 12px 16px; }
  .masthead h1 { font-size: 22px; }
  .kpis { grid-template-columns: repeat(2, 1fr); gap: 8px; }
  .kpi { padding: 10px 12px; }
  .kpi .value { font-size: 24px; }
  .grid { gap: 12px; }
  .card { padding: 14px 12px; }
  .rows li { grid-template-columns: minmax(4.5em, 7em) 1fr 2.8em; }
  .rows .flags { grid-column: 1 / -1; margin-top: -4px; }
  .overdue th:nth-child(4), .overdue td:nth-child(4) { display: none; }
  .recent li { grid-template-columns: 1fr auto; gap: 0 8px; }
  .columns { display: none; }
  .chapters { min-width: 0; }
  .chapters th:is(:nth-child(2), :nth-child(4), :nth-child(6), :nth-child(8)), .chapters td:is(:nth-child(2), :nth-child(4), :nth-child(6), :nth-child(8)) { display: none; }
  .chapters td, .chapters th { padding: 7px 4px; }
  .inline-unit { display: inline; }
  .meter { width: 72px; }
  .hbars { display: block; }
}
@media print {
  body { background: #fff; }
  .masthead { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .card, .kpi { box-shadow: none; border: 1px solid var(--line); break-inside: avoid; }
}
`;
