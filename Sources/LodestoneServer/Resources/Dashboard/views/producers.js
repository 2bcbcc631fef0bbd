// Producers: world production of one commodity stage, as a map, bars and a table; links to
// the other stages of the same family.
import { bars } from "../charts.js";
import { sharesByCountry, worldMap } from "../map.js";
import { apiURL, busy, clearStatus, downloads, el, format, getJSON, hint, pct, pick, show, showError, table } from "../ui.js";

export async function producersView(section, params, { commodities, link }) {
  if (!params.get("commodity")) return hint(section, "Pick a commodity or a stage (cobalt, tungsten:metal, rare-earth:refined…).");
  const query = pick(params, ["commodity", "year"]);
  busy(section, "Loading…");
  try {
    const report = await getJSON(apiURL("/concentration", query));
    clearStatus(section);
    const current = commodities.find((c) => c.id === report.commodity.id);
    const family = current ? commodities.filter((c) => c.family === current.family) : [];
    const stages = family.length > 1 ? el("p", { class: "stages" }, `Stages of ${current.family}: `, ...family.flatMap((c, i) => [
      i ? " · " : "",
      c.id === report.commodity.id ? el("strong", { text: c.name, title: c.id })
        : el("a", { href: link({ view: "producers", commodity: c.id, year: params.get("year") }), text: c.name, title: c.id }),
    ])) : null;
    const values = sharesByCountry(report.rows, "share", (r) => `${format(r.tonnes, "tonnes")} t`);
    const map = await worldMap({ values, title: `Share of world production of ${report.commodity.name}, ${report.year}`, valueName: "of world production" });
    show(section,
      el("div", { class: "summary" }, el("h2", { text: `${report.commodity.name} production ${report.year}` }),
        el("p", { text: `${format(report.totalTonnes, "tonnes")} t from ${report.producerCount} producers · HHI ${format(report.hhi, "score")} · top-1 ${pct(report.top1Share)} · top-3 ${pct(report.top3Share)} · ${report.productionSeries}` })),
      stages, map,
      bars(report.rows.slice(0, 12).map((r) => ({ label: r.country.name, value: r.share })), { unit: "share", title: "Share of world production", max: 1 }),
      downloads("/concentration", query), table(report));
  } catch (error) { showError(section, error); }
}
