// Country: one country's page — what it produces, what it imports and from whom, the presets
// that hit it, and who else produces what it imports.
import { bars } from "../charts.js";
import { apiURL, busy, clearStatus, downloads, el, format, getJSON, hint, pick, show, showError, table } from "../ui.js";

const columns = [
  { key: "name", title: "stage", unit: "text" },
  { key: "productionShare", title: "world production", unit: "share" },
  { key: "importValueKUSD", title: "imports (kUSD)", unit: "kusd" },
  { key: "importTonnes", title: "imports (t)", unit: "tonnes" },
  { key: "topSupplier", title: "top supplier", unit: "country" },
  { key: "topSupplierShare", title: "its share", unit: "share" },
  { key: "alternatives", title: "other producers", unit: "text" },
];
const cells = { alternatives: (r) => r.alternatives.map((c) => c.name).join(", ") || "—" };

export async function countryView(section, params, { link }) {
  if (!params.get("country")) return hint(section, "Pick a country (JPN, 日本, اليابان, AUS): what it produces, what it depends on and from whom, and which presets hit it.");
  const query = pick(params, ["country", "year", "partners"]);
  busy(section, "Reading the country's page…");
  try {
    const report = await getJSON(apiURL("/country", query));
    clearStatus(section);
    const producing = report.rows.filter((r) => (r.productionShare || 0) >= 0.02).sort((a, b) => b.productionShare - a.productionShare).slice(0, 15);
    const imports = report.rows.filter((r) => r.importValueKUSD > 0).slice(0, 15);
    const summary = el("div", { class: "summary" },
      el("h2", { text: `${report.country.name} (${report.country.iso3}), ${report.year}` }),
      el("p", { text: report.presets.length ? "Hit by: " + report.presets.map((p) => `${p.title} (${p.commodities.join(", ")})`).join("; ") : "No preset targets it for what it imports." }),
      el("p", {}, "Its priorities: ", el("a", { href: link({ view: "priorities", importer: report.country.iso3 }), text: "rank them →" })));
    show(section, summary,
      producing.length ? bars(producing.map((r) => ({ label: r.name, value: r.productionShare })), { unit: "share", title: "Share of world production (2 % or more)" }) : null,
      bars(imports.map((r) => ({ label: r.name, value: r.importValueKUSD })), { unit: "kusd", title: "Largest imports by value (kUSD)" }),
      downloads("/country", query), table(report, { columns, cells }));
  } catch (error) { showError(section, error); }
}
