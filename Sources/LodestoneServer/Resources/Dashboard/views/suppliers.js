// Suppliers: who ships a commodity to an importer, on the map and in a table.
import { bars } from "../charts.js";
import { sharesByCountry, worldMap } from "../map.js";
import { apiURL, busy, clearStatus, downloads, el, format, getJSON, hint, pick, show, showError, table, tradeBasisNote } from "../ui.js";

export async function suppliersView(section, params, { link }) {
  if (!params.get("importer") || !params.get("commodity")) return hint(section, "Pick an importer (JPN, EU, US-Japan) and a commodity (gallium, cobalt…).");
  const query = pick(params, ["importer", "commodity", "year", "partners"]);
  busy(section, "Loading…");
  try {
    const report = await getJSON(apiURL("/suppliers", query));
    clearStatus(section);
    const values = sharesByCountry(report.rows, "tonnesShare", (r) => `${format(r.tonnes, "tonnes")} t`);
    const marks = Object.fromEntries(report.importer.members.map((m) => [m.iso3, "importer"]));
    const map = await worldMap({ values, marks, markNames: { importer: `${report.importer.name} (importer)` }, valueName: "of imports (t)",
      title: `Where the ${report.commodity.name} imported by ${report.importer.name} comes from, ${report.year} (share of imported tonnes)`, none: "no recorded shipments" });
    const partner = report.partnerGroup ? ` · ${report.partnerGroup} share ${format(report.partnerShare, "share")}` : "";
    const traceLink = link({ view: "trace", importer: report.importer.id, commodity: report.commodity.id, year: report.year });
    show(section,
      el("div", { class: "summary" },
        el("h2", { text: `${report.commodity.name} imports of ${report.importer.name} (${report.importer.id}), ${report.year}` }),
        el("p", { text: `${format(report.totalTonnes, "tonnes")} t from ${report.rows.length} suppliers` +
          (report.internalTonnes > 0 ? ` (plus ${format(report.internalTonnes, "tonnes")} t between members)` : "") +
          ` · import HHI ${format(report.importHHI, "score")} · governance-weighted risk ${format(report.governanceWeightedRisk, "score")}${partner}` }),
        report.valueOnlyKUSD > 0 ? el("p", { class: "note", text: `${format(report.valueOnlyKUSD, "kusd")} kUSD (${format(report.valueOnlyKUSD / report.totalValueKUSD, "share")} of the value) ` +
          "has no usable quantity (none reported, or an implausible unit value: under a quarter of the code's reference price or, without one, a twentieth of its typical unit value): counted in value shares only; such suppliers show — tonnes." }) : "",
        tradeBasisNote(report.tradeBasis),
        el("p", {}, "Shipped from is not produced in: ", el("a", { href: traceLink, text: "trace the origins through re-exports →" }))),
      map,
      bars(report.rows.filter((r) => r.tonnesShare !== null).slice(0, 12).map((r) => ({ label: r.country.name, value: r.tonnesShare })), { unit: "share", title: "Share of imported tonnes", max: 1 }),
      downloads("/suppliers", query), table(report));
  } catch (error) { showError(section, error); }
}
