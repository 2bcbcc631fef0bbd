// Trends: an importer's risk scores, its suppliers' shares for one commodity, and that
// commodity's producers' shares, over the years, as line charts; each with the source of each
// year's figures and the years the data cannot answer.
import { lines } from "../charts.js";
import { apiURL, busy, clearStatus, downloads, el, format, getJSON, hint, show } from "../ui.js";

const TOP = 6;

export async function trendsView(section, params, { dataYears }) {
  if (!params.get("importer") || !params.get("commodity")) {
    return hint(section, "Pick an importer and a commodity: the risk scores, the suppliers and the producers are drawn over the years.");
  }
  const span = dataYears();
  // The last eight years with trade data unless the user asks for others.
  const years = params.get("years") || (span.length ? `${span[Math.max(0, span.length - 8)]}-${span[span.length - 1]}` : "2017-2024");
  const importer = params.get("importer"), commodity = params.get("commodity");
  busy(section, "Loading the series…");
  const asks = [
    ["/risk", { importer, commodity, years }],
    ["/suppliers", { importer, commodity, years }],
    ["/concentration", { commodity, years }],
  ];
  const results = await Promise.allSettled(asks.map(([path, query]) => getJSON(apiURL(path, query))));
  clearStatus(section);
  const [risk, suppliers, producers] = results;
  show(section,
    block("Risk score (GeoPolRisk) by stage", risk, asks[0], (series) => lineSeries(series, (row) => row.name || row.commodity, (row) => row.score),
      "score", (report) => [...new Set(report.rows.map((r) => r.tradeBasis ? (r.tradeBasis.nomenclature ? `${r.tradeBasis.nomenclature} trade` : "official import sources") : ""))].filter(Boolean).join(", ")),
    block("Share of imports (tonnes) by supplier", suppliers, asks[1], (series) => lineSeries(series, (row) => row.country.name, (row) => row.tonnesShare),
      "share", (report) => report.tradeBasis ? report.tradeBasis.source : ""),
    block("Share of world production by producer", producers, asks[2], (series) => lineSeries(series, (row) => row.country.name, (row) => row.share),
      "share", (report) => report.productionSeries + (report.productionBasis && report.productionBasis !== "stage-output" ? ` (${report.productionBasis})` : "")));
}

/// The `TOP` series largest in their latest year, one value per year.
function lineSeries(series, label, value) {
  const byLabel = new Map();
  series.reports.forEach((report, i) => {
    for (const row of report.rows) {
      const name = label(row), v = value(row);
      if (v === null || v === undefined) continue;
      if (!byLabel.has(name)) byLabel.set(name, {});
      byLabel.get(name)[series.years[i]] = v;
    }
  });
  const last = series.years[series.years.length - 1];
  return [...byLabel.entries()]
    .map(([name, values]) => ({ label: name, values, rankValue: values[last] ?? Math.max(...Object.values(values)) }))
    .sort((a, b) => b.rankValue - a.rankValue).slice(0, TOP);
}

function block(title, result, [path, query], toLines, unit, source) {
  const heading = el("h2", { text: title });
  if (result.status === "rejected") return el("div", { class: "trend" }, heading, el("p", { class: "error", text: result.reason.message }));
  const series = result.value;
  const all = [...series.years, ...series.missingYears.map((m) => m.year)].sort((a, b) => a - b);
  const drawn = toLines(series);
  // The plot fits the window (a phone gets a narrower plot at the same text size, not a scroll).
  const plot = Math.max(240, Math.min(720, (document.querySelector("main")?.clientWidth || 800) - 110));
  const chart = lines(drawn, all, { title: "", label: title, unit, plot });
  const rows = series.years.map((year, i) => el("tr", {}, el("td", { class: "num", text: String(year) }),
    ...drawn.map((s) => el("td", { class: "num", text: s.values[year] === undefined ? "—" : format(s.values[year], unit) })),
    el("td", { text: source(series.reports[i]) })));
  const values = el("div", { class: "table-wrap" }, el("table", {},
    el("thead", {}, el("tr", {}, el("th", { scope: "col", class: "num", text: "year" }), ...drawn.map((s) => el("th", { scope: "col", class: "num", text: s.label })),
      el("th", { scope: "col", text: "source of the year's figures" }))),
    el("tbody", {}, ...rows)));
  const gaps = series.missingYears.length ? el("details", { class: "gaps" },
    el("summary", { text: `No answer for ${series.missingYears.length} year${series.missingYears.length > 1 ? "s" : ""}: ${series.missingYears.map((m) => m.year).join(", ")}` }),
    el("ul", {}, ...series.missingYears.map((m) => el("li", { text: `${m.year}: ${m.reason}` })))) : null;
  return el("div", { class: "trend" }, heading, chart, downloads(path, query), values, gaps);
}
