// Plan: strategic stockpiles (an LP) and an allied investment portfolio (a MILP), both solved by
// CBC on the server over the simulated disruption years of Priorities.
import { bars, pairedBars } from "../charts.js";
import { apiURL, busy, clearStatus, downloads, el, format, getJSON, getJSONFollowed, grouped, hint, money, notAssessed, pick, show, showError, table } from "../ui.js";

export const defaultPlanDraws = "2000";

const stockColumns = [
  { key: "name", title: "stage", unit: "text" },
  { key: "stockTonnes", title: "stock (t)", unit: "tonnes" },
  { key: "daysOfCover", title: "days of use", unit: "days" },
  { key: "costUSD", title: "cost (USD)", unit: "usd" },
  { key: "expectedLossBeforeUSD", title: "loss/yr before", unit: "usd" },
  { key: "expectedLossAfterUSD", title: "loss/yr after", unit: "usd" },
  { key: "limitedBy", title: "limited by", unit: "text" },
  { key: "annualProbability", title: "p short/yr", unit: "share" },
];
const stockCells = {
  costUSD: (r) => money(r.costUSD), expectedLossBeforeUSD: (r) => money(r.expectedLossBeforeUSD),
  expectedLossAfterUSD: (r) => money(r.expectedLossAfterUSD),
};
const investColumns = [
  { key: "name", title: "project", unit: "text" },
  { key: "country", title: "country", unit: "text" },
  { key: "stage", title: "stage", unit: "text" },
  { key: "status", title: "status", unit: "text" },
  { key: "capacityTonnes", title: "capacity t/yr", unit: "tonnes" },
  { key: "capexUSD", title: "capex (USD)", unit: "usd" },
  { key: "financed", title: "financed", unit: "flag" },
  { key: "onlineYear", title: "online", unit: "year" },
  { key: "lossAvoidedAloneUSD", title: "loss avoided alone", unit: "usd" },
  { key: "source", title: "source", unit: "text" },
];
const investCells = {
  capexUSD: (r) => r.capexUSD == null ? "not published" : money(r.capexUSD),
  lossAvoidedAloneUSD: (r) => money(r.lossAvoidedAloneUSD),
  financed: (r) => r.financed ? el("strong", { text: "yes" }) : "",
  source: (r) => r.url ? el("a", { href: r.url, text: r.source, rel: "noopener" }) : r.source,
};

export async function planView(section, params) {
  if (!params.get("importer")) return hint(section, "Pick an importer (JPN, USA, US-Japan) and a budget: a stockpile plan says how many tonnes of each exposed mineral to hold; an investment plan says which allied projects to finance.");
  const kind = params.get("plan") === "invest" ? "invest" : "stockpile";
  const query = pick(params, kind === "invest" ? ["importer", "year", "budget", "horizon", "permittingSpeedup", "draws", "seed"]
    : ["importer", "year", "budget", "draws", "seed", "commodity", "disruptionYears"]);
  query.draws ??= defaultPlanDraws;
  if (kind === "invest") query.budget ??= "5e9";
  try {
    const report = await getJSONFollowed(section, apiURL("/plan/" + kind, query), `Solving the ${kind === "invest" ? "investment MILP" : "stockpile LP"} over ${grouped(Number(query.draws))} simulated years…`);
    clearStatus(section);
    show(section, ...(kind === "invest" ? investment(report, query) : stockpile(report, query)));
  } catch (error) { showError(section, error); }
}

function stockpile(report, query) {
  const p = report.plan;
  const summary = el("div", { class: "summary" },
    el("h2", { text: `Stockpile plan for ${report.importer.name}, ${p.year}` }),
    el("p", { text: `Budget ${p.budgetUSD == null ? "none" : money(p.budgetUSD) + " USD"}, spent ${money(p.spentUSD)} USD; holding ${money(p.holdingCostUSDPerYear)} USD a year (${format(p.holdingCostRate, "share")} of value). ` +
      `Expected loss ${money(p.expectedLossBeforeUSD)} → ${money(p.expectedLossAfterUSD)} USD a year (± ${money(p.expectedLossAfterStandardError)}); ` +
      `on ${grouped(p.evaluation.draws)} other simulated years: ${money(p.evaluation.expectedLossBeforeUSD)} → ${money(p.evaluation.expectedLossAfterUSD)}.` }),
    el("p", { text: (p.budgetUSD != null ? (p.marginalValueOfBudget > 0 ? `Each extra dollar of budget avoids ${p.marginalValueOfBudget.toFixed(3)} USD of expected loss a year. ` : "The budget does not bind. ") : "") +
      `${p.solver}, ${p.status}, ${p.solveSeconds.toFixed(2)} s (${grouped(p.variables)} variables). Purchases capped at ${format(p.purchaseShare, "share")} of a year's world output. ` +
      (p.disruptionYears > 1 ? `Each disruption lasts ${p.disruptionYears} years, drawing the stock down over all of them; consumers' own stocks cover it once.` : "Disruptions last a year.") +
      (report.pooling ? ` Pooling ${report.pooling.members.join("+")}: one joint stock saves ${money(report.pooling.savingUSDPerYear)} USD a year against separate ones.` : "") }));
  const held = report.rows.filter((r) => r.stockTonnes > 0);
  const days = bars(held.map((r) => ({ label: r.name, value: r.daysOfCover, cls: r.daysOfCover >= 60 ? "bar" : "bar light" })),
    { unit: "days", title: "Days of consumption covered (JOGMEC holds about 60 days, up to 180 for high-risk rare metals; darker: 60 or more)" });
  const frontier = bars(p.frontier.map((f) => ({ label: `budget ${money(f.budgetUSD)} USD`, value: f.expectedLossAvoidedUSD })),
    { unit: "usd", title: "Frontier: expected loss avoided a year against budget" });
  return [summary, frontier, held.length ? days : null, downloads("/plan/stockpile", query),
    table(report, { columns: stockColumns, cells: stockCells }), notAssessed(report.notAssessed)];
}

function investment(report, query) {
  const p = report.plan;
  const financed = report.rows.filter((r) => r.financed);
  const summary = el("div", { class: "summary" },
    el("h2", { text: `Investment plan for ${report.importer.name}, ${p.baseYear + 1}–${p.horizon}` }),
    el("p", { text: `Budget ${money(p.budgetUSD)} USD; the plan finances ${financed.length} projects for ${money(p.capexUSD)} USD. ` +
      `Expected loss over the horizon ${money(p.expectedLossBeforeUSD)} → ${money(p.expectedLossAfterUSD)} USD (on other simulated years ${money(p.freshExpectedLossBeforeUSD)} → ${money(p.freshExpectedLossAfterUSD)}).` }),
    el("p", { text: `Funding by loss avoided per dollar instead would leave ${money(p.heuristicExpectedLossAfterUSD)} USD. ` +
      `Permitting ${p.permittingSpeedupYears} year(s) faster is worth ${money(p.valueOfFasterPermittingUSD)} USD over the horizon. ` +
      `${p.solver}, ${p.status}${p.relativeGap != null ? `, gap ${p.relativeGap.toExponential(1)}` : ""}, ${p.solveSeconds.toFixed(1)} s.` }));
  const byYear = new Map();
  for (const g of p.gaps) {
    const y = byYear.get(g.year) || { before: 0, after: 0 };
    y.before += g.expectedLossBeforeUSD; y.after += g.expectedLossAfterUSD;
    byYear.set(g.year, y);
  }
  const gapChart = pairedBars([...byYear.entries()].map(([year, v]) => ({ label: String(year), a: v.before, b: v.after })),
    { title: "Expected loss by year, USD: without financing (light) and with the plan", unit: "usd", names: ["without financing", "with the plan"] });
  const closes = el("ul", { class: "note" }, ...p.stages.map((s) => el("li", { text:
    `${s.commodity}: gap closed ${s.gapClosedYearAfter ?? "not by " + p.horizon} with the plan (${s.gapClosedYearBefore ?? "not by " + p.horizon} without); consumption ${s.growthRate ? "+" + (100 * s.growthRate).toFixed(1) + " % a year" : "held"} — ${s.growthSource}` })));
  return [summary, gapChart, el("p", { class: "note", text: "A stage's gap is closed from the first year the capacity reaching the importer covers a typical disruption year's shortfall:" }), closes,
    downloads("/plan/invest", query), table(report, { columns: investColumns, cells: investCells }),
    notAssessed(p.notModelled.map((n) => ({ name: n.project, reason: n.reason })))];
}
