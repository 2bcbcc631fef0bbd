// Shared pieces of the dashboard: formatting by column unit, DOM helpers, the URL state, API
// calls, sortable tables, download links and the not-assessed list. No libraries.

export const API = "/api/v1";

// ---- formatting: the same rules as the engine's ReportRenderer.display, by column unit ----
export function grouped(x) {
  if (x !== 0 && Math.abs(x) < 10) return significant(x, 3, true);
  return Math.round(x).toLocaleString("en-US");
}
/// `digits` significant digits in fixed notation, never scientific; trimmed drops trailing zeros.
export function significant(x, digits, trimmed) {
  if (x === 0 || !Number.isFinite(x)) return String(x);
  const decimals = Math.min(12, Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(x)))));
  let text = x.toFixed(decimals);
  if (trimmed && text.includes(".")) text = text.replace(/0+$/, "").replace(/\.$/, "");
  return text === "-0" ? "0" : text;
}
export function pct(x) { return (x * 100).toFixed(1) + "%"; }
/// A small share (a standard error) with the digits it needs: 0.3%, 0.04%, 0.006%.
export function pctFine(x) {
  const p = Math.abs(x * 100);
  return (x * 100).toFixed(p >= 1 || p === 0 ? 1 : p >= 0.1 ? 2 : 3) + "%";
}
export function format(value, unit) {
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
    case "score": case "price": return Math.abs(value) >= 1000 ? grouped(value) : significant(value, 4, false);
    case "days": return Math.abs(value) >= 9.95 || value === 0 ? grouped(Math.round(value)) : value.toFixed(1);
    case "years": return significant(value, 3, true);
    default: return String(value);
  }
}
/// USD in words people read at a glance: 1.2 bn, 34 M, 560 k. The unit and the decimals are
/// chosen after rounding, so 999,999,999.7 reads 1.0 bn, not 1000 M.
export function money(x) {
  const a = Math.abs(x);
  if (a >= 999.5e6) return (x / 1e9).toFixed(a >= 9.95e9 ? 0 : 1) + " bn";
  if (a >= 999.5e3) return (x / 1e6).toFixed(a >= 9.95e6 ? 0 : 1) + " M";
  if (a >= 999.5) return (x / 1e3).toFixed(a >= 9.95e3 ? 0 : 1) + " k";
  return (a < 0.5 ? 0 : x).toFixed(0);
}
export const numeric = (unit) => !["text", "country", "flag"].includes(unit);
const sortValue = (v) => (v && typeof v === "object" && !Array.isArray(v)) ? (v.name || "") : v;
/// A row's value for a column key; a dotted key reads a nested field, as the engine's renderer does.
export function field(row, key) { return key.split(".").reduce((v, part) => (v == null ? v : v[part]), row); }

// ---- small DOM helpers ----
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") node.textContent = v; else if (v !== undefined && v !== null) node.setAttribute(k, v);
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}
const svgNS = "http://www.w3.org/2000/svg";
export function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(svgNS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

// ---- URL state ----
export function state() { return new URLSearchParams(location.search); }
export function setState(params, push = true) {
  const url = "?" + params.toString();
  if (url !== location.search) (push ? history.pushState : history.replaceState).call(history, null, "", url);
}
export function apiURL(path, params, fmt) {
  const p = new URLSearchParams(params);
  if (fmt) p.set("format", fmt);
  const lang = state().get("lang");
  if (lang && lang !== "en") p.set("lang", lang);
  const q = p.toString();
  return API + path + (q ? "?" + q : "");
}
/// The query for an API call: the named parameters that the view's URL holds.
export function pick(params, keys) {
  const query = {};
  for (const key of keys) if (params.get(key)) query[key] = params.get(key);
  return query;
}

export async function getJSON(url, { headers = {}, signal } = {}) {
  const response = await fetch(url, { headers: { Accept: "application/json", ...headers }, signal });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body && body.error ? body.error.message : `${response.status} ${response.statusText}`);
  return localised(body);
}
/// With ?lang=ja|ar the API adds `localName` beside each country's and commodity's English
/// name; the dashboard shows it (the English name stays in `nameEn`).
function localised(value) {
  if (Array.isArray(value)) return value.map(localised);
  if (!value || typeof value !== "object") return value;
  const out = {};
  for (const [k, v] of Object.entries(value)) out[k] = localised(v);
  if (typeof out.localName === "string") { out.nameEn = out.name; out.name = out.localName; }
  return out;
}

// ---- a view's status line and result area ----
export function showError(section, error) {
  section.querySelector(".status").replaceChildren(el("p", { class: "error", text: error.message }));
  section.querySelector(".result").replaceChildren();
}
/// Puts the non-empty nodes into a section's result area.
export function show(section, ...nodes) { section.querySelector(".result").replaceChildren(...nodes.filter(Boolean)); }
export function busy(section, text) { section.querySelector(".status").replaceChildren(el("p", { class: "busy", text })); }

let running = null;   // the heavy request now followed: { stop }
/// A heavy request (priorities, a plan, a scenario run) followed while it runs: the server's
/// stage and share done under a progress bar, and a Stop button that closes the request (the
/// server then stops the work). A newer heavy request stops the one before.
export async function getJSONFollowed(section, url, text) {
  if (running) running.stop();
  const id = (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + "-" + String(Math.random()).slice(2, 10)).slice(0, 64);
  const controller = new AbortController();
  const bar = el("progress", { max: "1", "aria-label": "share done" });
  const stage = el("span", { class: "stage", text: "starting…" });
  const stop = el("button", { type: "button", class: "stop", text: "Stop" });
  stop.addEventListener("click", () => controller.abort());
  section.querySelector(".status").replaceChildren(el("div", { class: "busy progress" }, el("p", { text }), bar, " ", stage, " ", stop));
  let polling = true;
  const poll = async () => {
    while (polling) {
      await new Promise((resolve) => setTimeout(resolve, 400));
      if (!polling) break;
      try {
        const response = await fetch(`${API}/progress/${id}`, { cache: "no-store" });
        if (!response.ok) continue;
        const p = await response.json();
        if (p.share === null) bar.removeAttribute("value"); else bar.value = p.share;
        stage.textContent = p.stage + (p.share === null ? "" : ` — ${Math.round(p.share * 100)}%`);
      } catch { /* the next poll tries again */ }
    }
  };
  const mine = { stop: () => controller.abort() };
  running = mine;
  poll();
  try {
    return await getJSON(url, { headers: { "X-Lodestone-Task": id }, signal: controller.signal });
  } catch (error) {
    if (error.name === "AbortError") throw new Error("Stopped: the server was told to stop this computation.");
    throw error;
  } finally {
    polling = false;
    if (running === mine) running = null;
  }
}
export function clearStatus(section) { section.querySelector(".status").replaceChildren(); }
export function hint(section, text) {
  clearStatus(section);
  section.querySelector(".result").replaceChildren(el("p", { class: "hint", text }));
}

/// Download links: a CSV that starts with its context (question, data version, sources, units),
/// an Excel workbook (the table, what was not assessed, an About sheet), the JSON.
export function downloads(path, params) {
  return el("p", { class: "downloads" }, "Download: ",
    el("a", { href: apiURL(path, { ...params, metadata: "true" }, "csv"), download: "", text: "CSV" }), " · ",
    el("a", { href: apiURL(path, params, "xlsx"), download: "", text: "Excel (.xlsx)" }), " · ",
    el("a", { href: apiURL(path, params, "json"), text: "JSON" }), " · ",
    el("a", { href: location.href, text: "link to this view" }));
}

export function fillForm(form, params) {
  for (const field of form.elements) {
    if (!field.name || !params.has(field.name)) continue;
    if (field.type === "checkbox") field.checked = params.get(field.name) === "true";
    else field.value = params.get(field.name);
  }
}

// ---- a sortable table from a report's columns ----
export function table(report, { sortKey, sortDir, onSort, columns, cells = {} } = {}) {
  const cols = columns || report.columns;
  let rows = report.rows.slice();
  if (sortKey && cols.some((c) => c.key === sortKey)) {
    const dir = sortDir === "asc" ? 1 : -1;
    rows.sort((a, b) => {
      const x = sortValue(field(a, sortKey)), y = sortValue(field(b, sortKey));
      if (x === y) return 0;
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      return (x < y ? -1 : 1) * dir;
    });
  }
  const head = el("tr", {}, ...cols.map((c) => {
    const th = el("th", { class: numeric(c.unit) ? "num" : "", scope: "col", title: c.unit,
      "aria-sort": onSort ? (c.key === sortKey ? (sortDir === "asc" ? "ascending" : "descending") : "none") : undefined });
    const label = c.title + (c.key === sortKey ? (sortDir === "asc" ? " ▲" : " ▼") : "");
    if (onSort) {
      const button = el("button", { type: "button", text: label });
      button.addEventListener("click", () => onSort(c.key, c.key === sortKey && sortDir === "desc" ? "asc" : "desc"));
      th.append(button);
    } else th.textContent = label;
    return th;
  }));
  // `cells[key](row)` may draw a cell itself (a tier badge, a value with its error).
  const body = rows.map((row) => el("tr", {}, ...cols.map((c) => {
    const td = el("td", { class: numeric(c.unit) ? "num" : "" });
    const custom = cells[c.key] && cells[c.key](row);
    if (custom instanceof Node) td.append(custom); else td.textContent = custom ?? format(field(row, c.key), c.unit);
    return td;
  })));
  return el("div", { class: "table-wrap" }, el("table", {}, el("thead", {}, head), el("tbody", {}, ...body)));
}

// Where a commodity's trade comes from: nomenclature, source, content basis, and how a code
// shared by several commodities was split.
export function tradeBasisNote(basis) {
  if (!basis) return "";
  // A stage from official import sources has no nomenclature: its allocation says how it is split.
  const code = basis.nomenclature ? ` (${basis.nomenclature})` : "";
  const split = basis.nomenclature ? "Shared code" : "Split";
  return el("p", { class: "note", text: `Trade: ${basis.source}${code}; ${basis.contentBasis}.` +
    (basis.allocation ? ` ${split}: ${basis.allocation}.` : "") });
}

export function notAssessed(items) {
  if (!items || !items.length) return null;
  return el("details", { class: "gaps" },
    el("summary", { text: `Not assessed (${items.length}) — with reasons` }),
    el("ul", {}, ...items.map((g) => el("li", {}, el("strong", { text: g.name || g.commodity || "" }), g.name || g.commodity ? ": " : "", g.reason))));
}
