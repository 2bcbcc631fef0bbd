// Trace: an importer's supply by the country that shipped it (direct) and the country that
// produced it (traced through re-exports), as pairs of bars.
import { pairedBars } from "../charts.js";
import { apiURL, busy, clearStatus, downloads, el, format, getJSON, hint, pick, show, showError, table, tradeBasisNote } from "../ui.js";

const shown = 15;

export async function traceView(section, params, { link }) {
  if (!params.get("importer") || !params.get("commodity")) return hint(section, "Pick an importer and a commodity to see where its supply really comes from.");
  const query = pick(params, ["importer", "commodity", "year"]);
  busy(section, "Tracing…");
  try {
    const report = await getJSON(apiURL("/trace", query));
    clearStatus(section);
    const top = report.rows.slice().sort((a, b) => Math.max(b.directShare, b.tracedShare) - Math.max(a.directShare, a.tracedShare)).slice(0, shown);
    const bars = top.map((r) => ({ label: r.country.name, a: r.directShare, b: r.tracedShare, mark: r.conduit ? "⇄" : "" }));
    // Supply that cannot be followed to a producer is its own bar, never a conduit's production.
    if (report.unrecordedOriginShare > 0.0005) bars.push({ label: "unrecorded origin", a: 0, b: report.unrecordedOriginShare, mark: "?" });
    const chart = pairedBars(bars, {
      title: `Direct against traced origins of the ${report.commodity.name} supplied to ${report.importer.name}, ${report.year}` +
        (report.rows.length > shown ? ` — the ${shown} largest of ${report.rows.length}` : ""),
      names: ["shipped from (direct)", "produced in (traced)"], classes: ["bar light", "bar"],
    });
    const conduits = report.rows.filter((r) => r.conduit).map((r) => r.country.name);
    show(section,
      el("div", { class: "summary" },
        el("h2", { text: `${report.commodity.name} supply of ${report.importer.name} (${report.importer.id}), ${report.year}` }),
        el("p", { text: `${format(report.supplyTonnes, "tonnes")} t supplied, own production ${format(report.domesticProductionTonnes, "tonnes")} t · ` +
          `unrecorded origin: ${format(report.unrecordedOriginTonnes, "tonnes")} t (${format(report.unrecordedOriginShare, "share")}), ` +
          `shipped beyond the shippers' production and imports and not followed to a producer` }),
        tradeBasisNote(report.tradeBasis),
        el("p", { text: conduits.length ? `⇄ conduits (ship over 5 points more than they produce): ${conduits.join(", ")}` : "No conduit: no supplier ships more than 5 points above what it produces." }),
        el("p", {}, el("a", { href: link({ view: "suppliers", importer: report.importer.id, commodity: report.commodity.id, year: report.year }), text: "suppliers on the map →" }))),
      chart, downloads("/trace", query), table(report));
  } catch (error) { showError(section, error); }
}
