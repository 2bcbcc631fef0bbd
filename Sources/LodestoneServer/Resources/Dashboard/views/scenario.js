// Restriction scenario: a preset or a custom restriction, the markets' response, who is short,
// and on the map the producers best placed to fill the gap.
import { bars } from "../charts.js";
import { worldMap } from "../map.js";
import { apiURL, busy, clearStatus, downloads, el, format, getJSON, getJSONFollowed, hint, notAssessed, pct, setState, show, showError, state, table } from "../ui.js";

/** "China withholds 30 % of exports of X from everyone; Y not controlled …": what a run restricts. */
function scenarioSentence(s, year) {
  const severity = (c) => (s.severities && s.severities[c.id] != null ? s.severities[c.id] : s.severity);
  const controlled = s.commodities.filter((c) => severity(c) > 0), uncontrolled = s.commodities.filter((c) => severity(c) === 0);
  const from = s.targetKind === "everyone" ? "everyone" : s.targetKind === "only" ? "only " + s.targets.map((c) => c.iso3).join(" ")
    : "everyone except " + s.targets.map((c) => c.iso3).join(" ");
  const withheld = controlled.length ? controlled.map((c) => `${pct(severity(c))} of exports of ${c.name}`).join(" and ") : "no exports";
  const notControlled = uncontrolled.length ? `; ${uncontrolled.map((c) => c.name).join(" and ")} not controlled (listed for the output change only)` : "";
  return `${s.restricting.map((c) => c.name).join(", ")} withholds ${withheld} from ${from}` +
    `${s.extraterritorial ? ", including re-exports of its material" : ""}${notControlled}; base year ${year}, ${s.durationYears} year(s).`;
}

export function scenarioQuery(params) {
  const query = {};
  for (const key of ["preset", "restricting", "commodity", "severity", "extraterritorial", "duration", "year", "importer", "partners", "top"]) {
    if (params.get(key)) query[key] = params.get(key);
  }
  // No importer named: the world view, each commodity's largest shortfalls.
  if (!query.importer) { query.importer = "all"; query.top = query.top || "15"; }
  const kind = params.get("targetKind"), countries = params.get("targetCountries");
  if (kind === "only" && countries) query.targets = countries;
  if (kind === "everyone-except" && countries) query.exempt = countries;
  if (query.extraterritorial !== "true") delete query.extraterritorial;
  // A preset keeps its own severity unless the user changed it.
  if (query.preset && params.get("severityTouched") !== "true") delete query.severity;
  return query;
}

function market(m) {
  // A disruption longer than a year: the later years, once the first year's frictions are over.
  const later = m.priceChangeOutsideLaterYears != null, year1 = later ? " (year 1)" : "";
  return el("article", { class: "market" },
    el("h3", { text: `${m.commodity.name} — trade ${m.tradeYear}` }),
    el("dl", {},
      el("dt", { text: "Price outside" + year1 }), el("dd", { class: m.priceChangeOutside > 0 ? "up" : "", text: format(m.priceChangeOutside, "change") + (m.priceCapped ? " (capped)" : "") }),
      el("dt", { text: "Price inside" + year1 }), el("dd", { class: m.priceChangeInside < 0 ? "down" : "", text: format(m.priceChangeInside, "change") + (m.insidePriceFloored ? " (floor)" : "") }),
      ...(later ? [el("dt", { text: "From year 2" }),
        el("dd", { text: "outside " + format(m.priceChangeOutsideLaterYears, "change") + (m.priceCappedLaterYears ? " (capped)" : "")
          + ", inside " + format(m.priceChangeInsideLaterYears, "change") + (m.insidePriceFlooredLaterYears ? " (floor)" : "") })] : []),
      el("dt", { text: "Withheld" }), el("dd", { text: format(m.withheldTonnes, "tonnes") + " t of " + format(m.consumptionTonnes, "tonnes") + " t" }),
      // Withheld = diverted + kept at home + what the restricting countries use to replace the
      // imports they lose through third countries + what third countries hold back under
      // extraterritorial rules and nobody can take over.
      el("dt", { text: "Kept at home" }), el("dd", { text: format(m.keptAtHomeTonnes, "tonnes") + " t" }),
      ...(m.replacingOwnImportsTonnes > 0 ? [el("dt", { text: "Replaces own imports" }),
        el("dd", { text: format(m.replacingOwnImportsTonnes, "tonnes") + " t they no longer get through third countries" })] : []),
      ...(m.heldInThirdCountriesTonnes > 0 ? [el("dt", { text: "Held in third countries" }),
        el("dd", { text: format(m.heldInThirdCountriesTonnes, "tonnes") + " t they may not pass on and no other buyer takes" })] : []),
      el("dt", { text: "Other producers" }), el("dd", { text: "+" + format(m.supplyResponseTonnes, "tonnes") + " t" }),
      // The restricting country's own output change (a quota cut) moves its home price too.
      ...(m.insideOutputChangeTonnes ? [el("dt", { text: "Own output" }),
        el("dd", { text: (m.insideOutputChangeTonnes < 0 ? "−" : "+") + format(Math.abs(m.insideOutputChangeTonnes), "tonnes") + " t" })] : [])),
    m.note ? el("p", { class: "note", text: m.note }) : null,
    m.nonConsumingCountries ? el("p", { class: "note", text: `${m.nonConsumingCountries} countries have no apparent consumption of it in ${m.tradeYear}: not listed` }) : null,
    // The engine lists no producers for a stage that is not controlled (severity 0): no gap to fill.
    m.partners.length ? bars(m.partners.slice(0, 6).map((p) => ({ label: p.country.name + (p.inPartnerGroup ? " ★" : ""), value: p.spareTonnes, cls: p.inPartnerGroup ? "bar ally" : "bar" })),
      { unit: "tonnes", title: "Best placed to fill the gap (spare t; ★ partner group or importer)", plot: 200 }) : null);
}

/// The producers with spare capacity in one market, shaded by their share of all spare tonnes;
/// the restricting countries and the importers reported marked.
async function gapMap(report, index) {
  const m = report.markets[index];
  const total = m.partners.reduce((sum, p) => sum + Math.max(0, p.spareTonnes), 0);
  const values = new Map();
  for (const p of m.partners) {
    if (p.spareTonnes > 0 && total > 0) {
      values.set(p.country.iso3, { value: p.spareTonnes / total, name: p.country.name,
        detail: `${format(p.spareTonnes, "tonnes")} t spare of ${format(p.productionTonnes, "tonnes")} t produced${p.inPartnerGroup ? " · partner group or importer" : ""}` });
    }
  }
  const marks = Object.fromEntries(report.scenario.restricting.map((c) => [c.iso3, "restricting"]));
  // A run for the world outlines the countries listed (the largest shortfalls), not all of them.
  const world = report.markets.some((market) => market.nonConsumingCountries != null);
  const outlined = world ? new Set(report.rows.filter((r) => r.commodity === m.commodity.id).map((r) => r.importer.id))
    : new Set(report.importers.flatMap((importer) => importer.members.map((member) => member.iso3)));
  return worldMap({ values, marks, markNames: { restricting: "restricting" }, outlined, outlineName: "importer reported", valueName: "of the spare capacity",
    title: `Who can fill the ${m.commodity.name} gap: share of the spare capacity outside the restricting countries`, none: "no spare capacity recorded" });
}

export async function scenarioView(section, params) {
  if (!params.get("preset") && !params.get("restricting")) {
    return hint(section, "Choose a preset, or name restricting countries, commodities and a severity, then run.");
  }
  const query = scenarioQuery(params);
  // A run for the world leaves the importers field empty, as the user did.
  if (!params.get("importer")) section.querySelector('input[name="importer"]').value = "";
  try {
    const report = await getJSONFollowed(section, apiURL("/scenarios/run", query), "Running the scenario…");
    clearStatus(section);
    const s = report.scenario;
    const head = el("div", { class: "summary" },
      el("h2", { text: `${s.title}` }),
      // The severity each market runs at: a preset's per-commodity severities where it has them;
      // a stage at 0 is not controlled (listed for the restricting country's output change).
      el("p", { text: scenarioSentence(s, report.year) }));
    // An importer that consumes none has no share (null): nothing to draw.
    const shortfall = bars(report.rows.filter((r) => r.shortfallShare != null).map((r) => ({ label: `${r.importer.id} · ${r.name}`, value: r.shortfallShare, cls: "bar warn" })),
      { unit: "share", title: "Shortfall after market response and stocks", max: 1 });
    let mapArea = null;
    // Markets with a gap to fill: controlled (severity above 0) and with producers to fill it.
    const mapped = report.markets.map((m, i) => i).filter((i) => report.markets[i].partners.length);
    if (mapped.length) {
      const asked = Number(params.get("market"));
      const chosen = mapped.includes(asked) ? asked : mapped[0];
      mapArea = el("div", { class: "map-area" });
      if (mapped.length > 1) {
        const select = el("select", { name: "market", "aria-label": "market shown on the map" },
          ...mapped.map((i) => el("option", { value: i, text: report.markets[i].commodity.name })));
        select.value = String(chosen);
        select.addEventListener("change", async () => {
          const p = state(); p.set("market", select.value); setState(p, false);
          mapArea.querySelector("figure")?.replaceWith(await gapMap(report, Number(select.value)));
        });
        mapArea.append(el("label", { class: "inline-label" }, "Market on the map ", select));
      }
      mapArea.append(await gapMap(report, chosen));
    }
    show(section, head, el("div", { class: "markets" }, ...report.markets.map(market)), mapArea, shortfall,
      downloads("/scenarios/run", query), table(report), notAssessed(report.notAssessed));
  } catch (error) { showError(section, error); }
}
