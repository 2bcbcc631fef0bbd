// Charts drawn as SVG by hand: horizontal bars, bars with error bars and tier cut lines, and
// pairs of bars (direct against traced origins). Colours come from the stylesheet's classes.
import { el, format, money, pctFine, significant, svg } from "./ui.js";

const clip = (t, n = 46) => t.length > n ? t.slice(0, n - 1) + "…" : t;
// 7.4 px a character: the dashboard font's average at 12 px (6.6 clipped the first letters of 46-character labels).
// Kana, kanji and full-width forms take about twice a Latin letter's width.
const chars = (t) => [...t].reduce((n, c) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(c) ? 2 : 1), 0);
const labelWidth = (items, n = 46) => Math.min(360, 16 + Math.max(...items.map((d) => chars(clip(d.label, n))), 4) * 7.4);
/// Labels and plot width for a chart of `items`. On a phone (the page under 760 px wide) labels
/// clip at 20 characters (the whole label stays in its tooltip and the table) and the plot takes
/// the width left beside them and the `fixed` px of values, down to `least`, so the bars show
/// without scrolling; wider pages keep the given plot.
function layout(items, plot, fixed, least) {
  const page = (typeof document !== "undefined" && document.querySelector("main")?.clientWidth) || 1000;
  if (page >= 760) return { n: 46, labelW: labelWidth(items), plot };
  const labelW = labelWidth(items, 20);
  return { n: 20, labelW, plot: Math.max(least, Math.min(plot, page - 28 - labelW - fixed)) };
}
function figure(title, root, legend) {
  return el("figure", { class: "chart" }, title ? el("figcaption", { text: title }) : null, root, legend || null);
}
function legendOf(entries) {
  return el("p", { class: "legend" }, ...entries.map(([cls, text]) => el("span", {}, el("i", { class: "swatch " + cls }), text)));
}
/// An axis label: shares as percentages, amounts short (250 k, 1.5 M, 2 bn), scores plainly.
function tick(t, unit) {
  if (unit === "share") return format(t, unit);
  if (["usd", "kusd", "tonnes"].includes(unit) && Math.abs(t) >= 1000) return money(t);
  return significant(t, 3, true);
}

/// Round steps for an axis from 0 to `max`: about `count` ticks (five by default).
function ticks(max, count = 5) {
  const raw = max / count, power = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) || raw;
  const out = [];
  for (let t = 0; t <= max + 1e-12; t += step) out.push(t);
  return out;
}

/// How many ticks an axis `length` pixels long has room for: a label such as "1.5 k" takes
/// about 30 px, so one every 48 px at most, between two and five.
const tickCount = (length) => Math.max(2, Math.min(5, Math.floor(length / 48)));

/// One bar per item: `{label, value, cls}`.
export function bars(items, { unit = "share", title = "", max, color = "bar", plot: wanted = 420 } = {}) {
  const valueW = 92, { n, labelW, plot } = layout(items, wanted, 0, valueW + 60);
  const rowH = 22, width = labelW + plot, top = 4, axisH = 20;
  const height = top + items.length * rowH + 4 + axisH;
  const peak = max || Math.max(...items.map((d) => Math.abs(d.value)), 1e-12);
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": title, class: "bars" });
  // An axis under the bars: light grid lines at round steps, labelled in the bars' unit.
  const scale = (width - labelW - valueW) / peak, bottom = top + items.length * rowH + 2;
  for (const t of ticks(peak, tickCount(width - labelW - valueW))) {
    const x = labelW + scale * t;
    root.append(svg("line", { x1: x, x2: x, y1: top, y2: bottom, class: "grid" }));
    root.append(svg("text", { x, y: bottom + 14, "text-anchor": "middle", class: "axis" }, tick(t, unit)));
  }
  items.forEach((d, i) => {
    const y = top + i * rowH;
    const w = Math.max(1, (width - labelW - valueW) * Math.abs(d.value) / peak);
    const label = svg("text", { x: labelW - 8, y: y + 15, "text-anchor": "end", class: "bar-label" }, clip(d.label, n));
    label.append(svg("title", {}, d.label));
    root.append(label);
    root.append(svg("rect", { x: labelW, y: y + 3, width: w, height: rowH - 7, rx: 2, class: d.cls || color }));
    root.append(svg("text", { x: labelW + w + 6, y: y + 15, class: "bar-value" }, unit === "usd" ? money(d.value) : format(d.value, unit)));
  });
  return figure(title, root);
}

/// Shares with their 95 % interval (± 1.96 standard errors), coloured by tier, with the tier
/// cuts as dashed lines: `{label, value, se, cls, detail}`, `cuts` as `[{value, label}]`.
export function errorBars(items, { title = "", cuts = [], plot: wanted = 560, legend = [] } = {}) {
  const valueW = 110, { n, labelW, plot } = layout(items, wanted, valueW, 80);
  const rowH = 22, top = 8 + 13 * cuts.length, axisH = 24;
  const width = labelW + plot + valueW;
  const height = top + items.length * rowH + axisH;
  const high = Math.max(...items.map((d) => d.value + 1.96 * d.se), ...cuts.map((c) => c.value * 1.15), 1e-9);
  const x = (v) => labelW + plot * Math.max(0, v) / high;
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": title, class: "bars error-bars" });
  for (const t of ticks(high, tickCount(plot))) {
    root.append(svg("line", { x1: x(t), x2: x(t), y1: top - 4, y2: height - axisH + 2, class: "grid" }));
    root.append(svg("text", { x: x(t), y: height - 6, "text-anchor": "middle", class: "axis" }, format(t, "share")));
  }
  // Each cut's label on its own line, lowest cut lowest, so close cuts do not overprint.
  cuts.slice().sort((a, b) => a.value - b.value).forEach((cut, k) => {
    const labelY = top - 6 - 13 * k;
    root.append(svg("line", { x1: x(cut.value), x2: x(cut.value), y1: labelY - 9, y2: height - axisH + 2, class: "cut" }));
    root.append(svg("text", { x: x(cut.value) + 4, y: labelY, class: "cut-label" }, cut.label));
  });
  items.forEach((d, i) => {
    const y = top + i * rowH, mid = y + rowH / 2;
    const label = svg("text", { x: labelW - 8, y: mid + 4, "text-anchor": "end", class: "bar-label" }, clip(d.label, n));
    label.append(svg("title", {}, d.label));
    root.append(label);
    const bar = svg("rect", { x: labelW, y: y + 4, width: Math.max(1, x(d.value) - labelW), height: rowH - 8, rx: 2, class: d.cls || "bar" });
    bar.append(svg("title", {}, `${d.label}: ${format(d.value, "share")} ± ${pctFine(1.96 * d.se)} (95 %)${d.detail ? " — " + d.detail : ""}`));
    root.append(bar);
    const lo = x(d.value - 1.96 * d.se), hi = x(d.value + 1.96 * d.se);
    root.append(svg("line", { x1: lo, x2: hi, y1: mid, y2: mid, class: "whisker" }));
    root.append(svg("line", { x1: lo, x2: lo, y1: mid - 5, y2: mid + 5, class: "whisker" }));
    root.append(svg("line", { x1: hi, x2: hi, y1: mid - 5, y2: mid + 5, class: "whisker" }));
    root.append(svg("text", { x: Math.max(hi, x(d.value)) + 6, y: mid + 4, class: "bar-value" },
      `${format(d.value, "share")} ± ${pctFine(d.se)}`));
  });
  return figure(title, root, legend.length ? legendOf(legend) : null);
}

/// Two bars per item, `a` above `b` (direct shipments above traced origins): `{label, a, b, mark}`.
export function pairedBars(items, { title = "", unit = "share", names = ["a", "b"], classes = ["bar light", "bar"], plot: wanted = 440 } = {}) {
  const valueW = 70, { n, labelW, plot } = layout(items, wanted, valueW, 80);
  const rowH = 34, top = 4;
  const width = labelW + plot + valueW, height = top + items.length * rowH + 4;
  const peak = Math.max(...items.flatMap((d) => [d.a, d.b]), 1e-12);
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": title, class: "bars paired" });
  items.forEach((d, i) => {
    const y = top + i * rowH;
    const label = svg("text", { x: labelW - 8, y: y + 19, "text-anchor": "end", class: "bar-label" }, clip(d.label, n) + (d.mark ? " " + d.mark : ""));
    label.append(svg("title", {}, d.label));
    root.append(label);
    [d.a, d.b].forEach((value, k) => {
      const w = Math.max(value > 0 ? 1 : 0, plot * value / peak), by = y + 3 + k * 14;
      const rect = svg("rect", { x: labelW, y: by, width: w, height: 12, rx: 2, class: classes[k] });
      rect.append(svg("title", {}, `${d.label} — ${names[k]}: ${format(value, unit)}`));
      root.append(rect);
      root.append(svg("text", { x: labelW + w + 5, y: by + 10, class: "bar-value small" }, format(value, unit)));
    });
  });
  return figure(title, root, legendOf(names.map((name, k) => [classes[k], name])));
}

/// A line per series over the years, with a y axis from 0, the years on the x axis, and a marker
/// of its own shape per series (so lines differ by more than colour); a year a series lacks is a
/// gap in its line. `series`: `[{label, values: {year: value}}]`.
export function lines(series, years, { title = "", label = title, unit = "share", plot = 720, height = 240 } = {}) {
  const left = 64, right = 16, top = 12, bottom = 28;
  const width = left + plot + right, h = top + height + bottom;
  const all = series.flatMap((s) => Object.values(s.values)).filter((v) => v !== null && v !== undefined);
  const high = unit === "share" ? Math.min(1, Math.max(...all, 1e-9) * 1.1) : Math.max(...all, 1e-12) * 1.1;
  const x = (year) => left + (years.length === 1 ? plot / 2 : plot * (year - years[0]) / (years[years.length - 1] - years[0]));
  const y = (v) => top + height - height * v / high;
  const root = svg("svg", { viewBox: `0 0 ${width} ${h}`, width, height: h, role: "img", "aria-label": label, class: "bars lines" });
  for (const t of ticks(high)) {
    root.append(svg("line", { x1: left, x2: left + plot, y1: y(t), y2: y(t), class: "grid" }));
    root.append(svg("text", { x: left - 6, y: y(t) + 4, "text-anchor": "end", class: "axis" }, tick(t, unit)));
  }
  // About eight year labels; the last year always, and no label crowding it.
  const step = Math.max(1, Math.ceil(years.length / 8)), last = years.length - 1;
  years.forEach((year, i) => {
    if (i === last || (i % step === 0 && last - i >= step)) {
      root.append(svg("text", { x: x(year), y: top + height + 18, "text-anchor": "middle", class: "axis" }, String(year)));
    }
  });
  const shapes = ["circle", "square", "triangle", "diamond", "cross", "ring"];
  series.forEach((s, k) => {
    let path = "", pen = false;
    for (const year of years) {
      const v = s.values[year];
      if (v === null || v === undefined) { pen = false; continue; }
      path += `${pen ? "L" : "M"}${x(year).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    }
    root.append(svg("path", { d: path, class: `line series-${k % 6}` }));
    for (const year of years) {
      const v = s.values[year];
      if (v === null || v === undefined) continue;
      const mark = marker(shapes[k % 6], x(year), y(v), `series-${k % 6}`);
      mark.append(svg("title", {}, `${s.label}, ${year}: ${format(v, unit)}`));
      root.append(mark);
    }
  });
  const legend = el("p", { class: "legend" }, ...series.map((s, k) => {
    const key = svg("svg", { width: 14, height: 14, viewBox: "0 0 14 14", "aria-hidden": "true" });
    key.append(marker(shapes[k % 6], 7, 7, `series-${k % 6}`));
    return el("span", {}, key, " " + s.label);
  }));
  return figure(title, root, legend);
}

function marker(shape, cx, cy, cls) {
  const r = 4;
  switch (shape) {
    case "square": return svg("rect", { x: cx - r, y: cy - r, width: 2 * r, height: 2 * r, class: "mark " + cls });
    case "triangle": return svg("path", { d: `M${cx},${cy - r - 1}L${cx + r + 1},${cy + r}L${cx - r - 1},${cy + r}Z`, class: "mark " + cls });
    case "diamond": return svg("path", { d: `M${cx},${cy - r - 1}L${cx + r + 1},${cy}L${cx},${cy + r + 1}L${cx - r - 1},${cy}Z`, class: "mark " + cls });
    case "cross": return svg("path", { d: `M${cx - r},${cy - r}L${cx + r},${cy + r}M${cx + r},${cy - r}L${cx - r},${cy + r}`, class: "mark stroke " + cls });
    case "ring": return svg("circle", { cx, cy, r, class: "mark ring " + cls });
    default: return svg("circle", { cx, cy, r, class: "mark " + cls });
  }
}
