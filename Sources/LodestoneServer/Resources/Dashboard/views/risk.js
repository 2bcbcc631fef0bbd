// Risk by importer: GeoPolRisk of every commodity stage for one importer and year.
import { bars } from "../charts.js";
import { apiURL, busy, clearStatus, downloads, el, getJSON, hint, notAssessed, pick, setState, show, showError, state, table } from "../ui.js";

export async function riskView(section, params, { route }) {
  if (!params.get("importer")) return hint(section, "Pick an importer — a country (JPN), a group (US-Japan, G7, EU) or a union (USA+JPN) — and a year.");
  const query = pick(params, ["importer", "year", "method"]);
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
    show(section, summary, chart, downloads("/risk", query), table(report, { sortKey, sortDir, onSort }), notAssessed(report.notAssessed));
  } catch (error) { showError(section, error); }
}
