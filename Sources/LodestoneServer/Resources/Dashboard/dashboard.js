// Lodestone dashboard: plain JavaScript, no libraries, no CDN. Every view's state lives in the
// query string, so a link reproduces it; every table downloads as CSV and JSON from the API.
"use strict";

const API = "/api/v1";
const views = ["risk", "scenario", "producers"];

// ---- formatting: the same rules as the engine's ReportRenderer.display, by column unit ----
function grouped(x) {
  if (x !== 0 && Math.abs(x) < 10) return x.toFixed(3);
  return Math.round(x).toLocaleString("en-US");
}
function pct(x) { return (x * 100).toFixed(1) + "%"; }
function format(value, unit) {
  if (value === null || value === undefined) return "—";
  if (typeof value === "object" && !Array.isArray(value)) {
    const code = value.iso3 || value.id || "";
    return code && code !== value.name ? `${value.name} (${code})` : value.name;
  }
  if (Array.isArray(value)) return value.join(" ");
  if (typeof value === "string") return value;
  switch (unit) {
    case "flag": return value ? "yes" : "";
    case "count": case "year": return String(value);
    case "tonnes": case "usd": case "kusd": return grouped(value);
    case "share": return pct(value);
    case "change": return value > 0 ? "+" + pct(value) : value < 0 ? "−" + pct(-value) : "0.0%";
    case "score": case "price": return value === 0 ? "0" : Number(value.toPrecision(4)).toString();
    default: return String(value);
  }
}
const numeric = (unit) => !["text", "country", "flag"].includes(unit);
const sortValue = (v) => (v && typeof v === "object" && !Array.isArray(v)) ? (v.name || "") : v;

// ---- small DOM helpers ----
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") node.textContent = v; else if (v !== undefined && v !== null) node.setAttribute(k, v);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}
const svgNS = "http://www.w3.org/2000/svg";
function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(svgNS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

// ---- URL state ----
function state() { return new URLSearchParams(location.search); }
function setState(params, push = true) {
  const url = "?" + params.toString();
  if (url !== location.search) (push ? history.pushState : history.replaceState).call(history, null, "", url);
}
function apiURL(path, params, fmt) {
  const p = new URLSearchParams(params);
  if (fmt) p.set("format", fmt);
  const q = p.toString();
  return API + path + (q ? "?" + q : "");
}

async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body && body.error ? body.error.message : `${response.status} ${response.statusText}`);
  return body;
}

function showError(section, error) {
  section.querySelector(".status").replaceChildren(el("p", { class: "error", text: error.message }));
  section.querySelector(".result").replaceChildren();
}
// Puts the non-empty nodes into a section's result area.
function show(section, ...nodes) { section.querySelector(".result").replaceChildren(...nodes.filter(Boolean)); }
function busy(section, text) { section.querySelector(".status").replaceChildren(el("p", { class: "busy", text })); }
function clearStatus(section) { section.querySelector(".status").replaceChildren(); }

function downloads(path, params) {
  return el("p", { class: "downloads" }, "Download: ",
    el("a", { href: apiURL(path, params, "csv"), download: "", text: "CSV" }), " · ",
    el("a", { href: apiURL(path, params, "json"), text: "JSON" }), " · ",
    el("a", { href: location.href, text: "link to this view" }));
}

// ---- a sortable table from a report's columns ----
function table(report, { sortKey, sortDir, onSort, columns } = {}) {
  const cols = columns || report.columns;
  let rows = report.rows.slice();
  if (sortKey && cols.some((c) => c.key === sortKey)) {
    const dir = sortDir === "asc" ? 1 : -1;
    rows.sort((a, b) => {
      const x = sortValue(a[sortKey]), y = sortValue(b[sortKey]);
      if (x === y) return 0;
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      return (x < y ? -1 : 1) * dir;
    });
  }
  const head = el("tr", {}, ...cols.map((c) => {
    const th = el("th", { class: numeric(c.unit) ? "num" : "", scope: "col", title: c.unit });
    const label = c.title + (c.key === sortKey ? (sortDir === "asc" ? " ▲" : " ▼") : "");
    if (onSort) {
      const button = el("button", { type: "button", text: label });
      button.addEventListener("click", () => onSort(c.key, c.key === sortKey && sortDir === "desc" ? "asc" : "desc"));
      th.append(button);
    } else th.textContent = label;
    return th;
  }));
  const body = rows.map((row) => el("tr", {}, ...cols.map((c) => el("td", { class: numeric(c.unit) ? "num" : "", text: format(row[c.key], c.unit) }))));
  return el("div", { class: "table-wrap" }, el("table", {}, el("thead", {}, head), el("tbody", {}, ...body)));
}

// ---- horizontal SVG bars ----
function bars(items, { unit = "share", title = "", max, color = "bar", plot = 420 } = {}) {
  const clip = (t) => t.length > 46 ? t.slice(0, 45) + "…" : t;
  const longest = Math.max(...items.map((d) => clip(d.label).length), 4);
  const labelW = Math.min(330, 16 + longest * 6.6), rowH = 22, valueW = 80, width = labelW + plot;
  const top = 4;
  const height = top + items.length * rowH + 4;
  const peak = max || Math.max(...items.map((d) => Math.abs(d.value)), 1e-12);
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": title, class: "bars" });
  items.forEach((d, i) => {
    const y = top + i * rowH;
    const w = Math.max(1, (width - labelW - valueW) * Math.abs(d.value) / peak);
    const label = svg("text", { x: labelW - 8, y: y + 15, "text-anchor": "end", class: "bar-label" }, clip(d.label));
    label.append(svg("title", {}, d.label));
    root.append(label);
    root.append(svg("rect", { x: labelW, y: y + 3, width: w, height: rowH - 7, rx: 2, class: d.cls || color }));
    root.append(svg("text", { x: labelW + w + 6, y: y + 15, class: "bar-value" }, format(d.value, unit)));
  });
  return el("figure", { class: "chart" }, title ? el("figcaption", { text: title }) : null, root);
}

function notAssessed(items) {
  if (!items || !items.length) return null;
  return el("details", { class: "gaps" },
    el("summary", { text: `Not assessed (${items.length}) — with reasons` }),
    el("ul", {}, ...items.map((g) => el("li", {}, el("strong", { text: g.name || g.commodity || "" }), g.name || g.commodity ? ": " : "", g.reason))));
}

// ---- views ----
const forms = {};
function fillForm(form, params) {
  for (const field of form.elements) {
    if (!field.name || !params.has(field.name)) continue;
    if (field.type === "checkbox") field.checked = params.get(field.name) === "true";
    else field.value = params.get(field.name);
  }
}

async function riskView(params) {
  const section = document.getElementById("risk");
  fillForm(forms.risk, params);
  if (!params.get("importer")) { clearStatus(section); section.querySelector(".result").replaceChildren(el("p", { class: "hint", text: "Pick an importer — a country (JPN), a group (US-Japan, G7, EU) or a union (USA+JPN) — and a year." })); return; }
  const query = { importer: params.get("importer") };
  if (params.get("year")) query.year = params.get("year");
  if (params.get("method")) query.method = params.get("method");
  busy(section, "Computing…");
  try {
    const report = await getJSON(apiURL("/risk", query));
    clearStatus(section);
    const sortKey = params.get("sort") || "score", sortDir = params.get("dir") || "desc";
    const top = report.rows.slice().sort((a, b) => b.score - a.score).slice(0, 12);
    const summary = el("div", { class: "summary" },
      el("h2", { text: `GeoPolRisk for ${report.importer.name} (${report.importer.id}), ${report.year}` }),
      el("p", { text: `${report.rows.length} commodity stages assessed, ${report.notAssessed.length} not assessed · method ${report.method} · members: ${report.importer.members.map((m) => m.iso3).join(" ")}` }));
    const chart = bars(top.map((r) => ({ label: r.name, value: r.score })), { unit: "score", title: "Highest scores (HHI × import risk)" });
    const onSort = (key, dir) => { const p = state(); p.set("sort", key); p.set("dir", dir); setState(p); route(); };
    show(section, summary, chart, downloads("/risk", query),
      table(report, { sortKey, sortDir, onSort }), notAssessed(report.notAssessed));
  } catch (error) { showError(section, error); }
}

function scenarioQuery(params) {
  const query = {};
  for (const key of ["preset", "restricting", "commodity", "severity", "extraterritorial", "year", "importer"]) {
    if (params.get(key)) query[key] = params.get(key);
  }
  const kind = params.get("targetKind"), countries = params.get("targetCountries");
  if (kind === "only" && countries) query.targets = countries;
  if (kind === "everyone-except" && countries) query.exempt = countries;
  if (query.extraterritorial !== "true") delete query.extraterritorial;
  // A preset keeps its own severity unless the user changed it.
  if (query.preset && params.get("severityTouched") !== "true") delete query.severity;
  return query;
}

async function scenarioView(params) {
  const section = document.getElementById("scenario");
  fillForm(forms.scenario, params);
  updateSeverity();
  if (!params.get("importer") || (!params.get("preset") && !params.get("restricting"))) {
    clearStatus(section);
    section.querySelector(".result").replaceChildren(el("p", { class: "hint", text: "Choose a preset, or name restricting countries, commodities and a severity, then run." }));
    return;
  }
  const query = scenarioQuery(params);
  busy(section, "Running the scenario…");
  try {
    const report = await getJSON(apiURL("/scenarios/run", query));
    clearStatus(section);
    const s = report.scenario;
    const head = el("div", { class: "summary" },
      el("h2", { text: `${s.title}` }),
      el("p", { text: `${s.restricting.map((c) => c.name).join(", ")} withholds ${pct(s.severity)} of exports of ${s.commodities.map((c) => c.name).join(", ")}` +
        ` from ${s.targetKind === "everyone" ? "everyone" : s.targetKind === "only" ? "only " + s.targets.map((c) => c.iso3).join(" ") : "everyone except " + s.targets.map((c) => c.iso3).join(" ")}` +
        `${s.extraterritorial ? ", including re-exports of its material" : ""}; base year ${report.year}, ${s.durationYears} year(s).` }));
    const markets = report.markets.map((m) => el("article", { class: "market" },
      el("h3", { text: `${m.commodity.name} — trade ${m.tradeYear}` }),
      el("dl", {},
        el("dt", { text: "Price outside" }), el("dd", { class: m.priceChangeOutside > 0 ? "up" : "", text: format(m.priceChangeOutside, "change") + (m.priceCapped ? " (capped)" : "") }),
        el("dt", { text: "Price inside" }), el("dd", { class: m.priceChangeInside < 0 ? "down" : "", text: format(m.priceChangeInside, "change") + (m.insidePriceFloored ? " (floor)" : "") }),
        el("dt", { text: "Withheld" }), el("dd", { text: format(m.withheldTonnes, "tonnes") + " t of " + format(m.consumptionTonnes, "tonnes") + " t" }),
        el("dt", { text: "Other producers" }), el("dd", { text: "+" + format(m.supplyResponseTonnes, "tonnes") + " t" })),
      m.note ? el("p", { class: "note", text: m.note }) : null,
      m.partners.length ? bars(m.partners.slice(0, 6).map((p) => ({ label: p.country.name + (p.inPartnerGroup ? " ★" : ""), value: p.spareTonnes, cls: p.inPartnerGroup ? "bar ally" : "bar" })),
        { unit: "tonnes", title: "Best placed to fill the gap (spare t; ★ partner group or importer)", plot: 200 }) : null));
    const shortfall = bars(report.rows.map((r) => ({ label: `${r.importer.id} · ${r.name}`, value: r.shortfallShare, cls: "bar warn" })),
      { unit: "share", title: "Shortfall after market response and stocks", max: 1 });
    show(section, head, el("div", { class: "markets" }, ...markets), shortfall,
      downloads("/scenarios/run", query), table(report), notAssessed(report.notAssessed));
  } catch (error) { showError(section, error); }
}

async function producersView(params) {
  const section = document.getElementById("producers");
  fillForm(forms.producers, params);
  if (!params.get("commodity")) { clearStatus(section); section.querySelector(".result").replaceChildren(el("p", { class: "hint", text: "Pick a commodity (cobalt, rare earths, gallium…)." })); return; }
  const query = { commodity: params.get("commodity") };
  if (params.get("year")) query.year = params.get("year");
  busy(section, "Loading…");
  try {
    const report = await getJSON(apiURL("/concentration", query));
    clearStatus(section);
    show(section,
      el("div", { class: "summary" }, el("h2", { text: `${report.commodity.name} production ${report.year}` }),
        el("p", { text: `${format(report.totalTonnes, "tonnes")} t from ${report.producerCount} producers · HHI ${format(report.hhi, "score")} · top-1 ${pct(report.top1Share)} · top-3 ${pct(report.top3Share)} · ${report.productionSeries}` })),
      bars(report.rows.slice(0, 12).map((r) => ({ label: r.country.name, value: r.share })), { unit: "share", title: "Share of world production", max: 1 }),
      downloads("/concentration", query), table(report));
  } catch (error) { showError(section, error); }
}

// ---- routing ----
function route() {
  const params = state();
  const view = views.includes(params.get("view")) ? params.get("view") : "risk";
  for (const v of views) document.getElementById(v).hidden = v !== view;
  for (const a of document.querySelectorAll("nav a[data-view]")) a.classList.toggle("active", a.dataset.view === view);
  ({ risk: riskView, scenario: scenarioView, producers: producersView })[view](params);
}

function submitForm(form, view, extra = () => ({})) {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const params = new URLSearchParams({ view });
    for (const field of form.elements) {
      if (!field.name || field.type === "submit" || field.tagName === "OUTPUT") continue;
      const value = field.type === "checkbox" ? (field.checked ? "true" : "") : field.value.trim();
      if (value) params.set(field.name, value);
    }
    for (const [k, v] of Object.entries(extra())) if (v) params.set(k, v);
    const keep = state();
    if (view === "risk" && keep.get("view") === "risk") for (const k of ["sort", "dir"]) if (keep.get(k)) params.set(k, keep.get(k));
    setState(params);
    route();
  });
}

let severityTouched = false;
const presetsByName = {};
function updateSeverity() {
  const form = forms.scenario;
  const preset = presetsByName[form.elements.preset.value];
  // A preset's own severity shows until the user moves the slider.
  if (preset && !severityTouched && state().get("severityTouched") !== "true") form.elements.severity.value = preset.severity;
  form.elements.severityShown.value = pct(Number(form.elements.severity.value));
  form.elements.restricting.placeholder = preset ? preset.restricting.join(",") : "CHN";
  form.elements.commodity.placeholder = preset ? preset.commodities.join(",") : "gallium,germanium";
}

async function loadPickers() {
  try {
    const [countries, groups, commodities, data, presets] = await Promise.all([
      getJSON(API + "/countries"), getJSON(API + "/groups"), getJSON(API + "/commodities"), getJSON(API + "/data"), getJSON(API + "/scenarios")]);
    document.getElementById("importers").replaceChildren(
      ...groups.rows.map((g) => el("option", { value: g.id, label: g.name })),
      ...countries.rows.filter((c) => c.formerUntil == null).map((c) => el("option", { value: c.iso3, label: c.name })));
    document.getElementById("commodities").replaceChildren(...commodities.rows.map((c) => el("option", { value: c.id, label: c.name })));
    for (const form of [forms.risk, forms.scenario, forms.producers]) {
      const select = form.elements.year;
      const years = form === forms.producers ? data.productionYears : data.tradeYears;
      for (const y of years.slice().reverse()) select.append(el("option", { value: y, text: y }));
    }
    const presetSelect = forms.scenario.elements.preset;
    for (const p of presets.rows) presetsByName[p.name] = p;
    for (const p of presets.rows) presetSelect.append(el("option", { value: p.name, text: `${p.name} (${p.effective || "undated"})` }));
    document.getElementById("data-version").textContent = `data version ${data.dataVersion}, trade ${data.tradeYears[0]}–${data.tradeYears[data.tradeYears.length - 1]}`;
  } catch (error) {
    document.getElementById("data-version").textContent = "could not load the pickers: " + error.message;
  }
}

document.addEventListener("DOMContentLoaded", async () => {
  forms.risk = document.getElementById("risk-form");
  forms.scenario = document.getElementById("scenario-form");
  forms.producers = document.getElementById("producers-form");
  forms.scenario.elements.severity.addEventListener("input", () => { severityTouched = true; updateSeverity(); });
  forms.scenario.elements.preset.addEventListener("change", () => { severityTouched = false; updateSeverity(); });
  submitForm(forms.risk, "risk");
  submitForm(forms.scenario, "scenario", () => ({ severityTouched: severityTouched || state().get("severityTouched") === "true" ? "true" : "" }));
  submitForm(forms.producers, "producers");
  for (const a of document.querySelectorAll("nav a[data-view]")) {
    a.addEventListener("click", (event) => { event.preventDefault(); setState(new URLSearchParams({ view: a.dataset.view })); route(); });
  }
  window.addEventListener("popstate", route);
  await loadPickers();
  if (!location.search) setState(new URLSearchParams({ view: "risk", importer: "JPN" }), false);
  route();
});
