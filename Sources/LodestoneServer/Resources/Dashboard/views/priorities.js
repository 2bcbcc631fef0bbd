// Priorities: the Monte Carlo ranking of an importer's minerals by expected annual loss share,
// each estimate with its 95 % interval, tier and tier confidence.
import { errorBars } from "../charts.js";
import { apiURL, busy, clearStatus, downloads, el, format, getJSON, getJSONFollowed, grouped, hint, money, notAssessed, pctFine, pick, setState, show, showError, state, table } from "../ui.js";

export const defaultDraws = "20000";
const chartRows = 25;
const tierClass = { high: "bar tier-high", elevated: "bar tier-elevated", moderate: "bar tier-moderate", limited: "bar tier-limited" };

const columns = [
  { key: "rank", title: "#", unit: "count" },
  { key: "name", title: "commodity", unit: "text" },
  { key: "stage", title: "stage", unit: "text" },
  { key: "tier", title: "tier", unit: "text" },
  { key: "expectedLossShare", title: "loss share ± se", unit: "share" },
  { key: "tierConfidence", title: "confidence", unit: "share" },
  { key: "expectedShortfallShare", title: "shortfall ± se", unit: "share" },
  { key: "expectedLossUSD", title: "loss/yr (USD)", unit: "usd" },
  { key: "cvar95LossUSD", title: "worst 5 %", unit: "usd" },
  { key: "annualProbability", title: "p/yr", unit: "share" },
  { key: "topDriverLossShare", title: "top driver", unit: "share" },
];
const cells = {
  tier: (r) => el("span", { class: "tier " + r.tier, text: r.tier }),
  expectedLossShare: (r) => `${format(r.expectedLossShare, "share")} ± ${pctFine(r.expectedLossShareStandardError)}`,
  expectedShortfallShare: (r) => `${format(r.expectedShortfallShare, "share")} ± ${pctFine(r.expectedShortfallShareStandardError)}`,
  expectedLossUSD: (r) => money(r.expectedLossUSD),
  cvar95LossUSD: (r) => money(r.cvar95LossUSD),
  topDriverLossShare: (r) => r.topDriver ? `${r.topDriver.iso3} ${format(r.topDriverLossShare, "share")}` : "—",
};

export async function prioritiesView(section, params, { route }) {
  if (!params.get("importer")) return hint(section, "Pick an importer and how many years to simulate; more years give smaller error bars and take longer.");
  const query = pick(params, ["importer", "year", "draws", "seed", "commodity"]);
  query.draws ??= defaultDraws;
  try {
    const report = await getJSONFollowed(section, apiURL("/priorities", query), `Simulating ${grouped(Number(query.draws))} years of restriction events…`);
    clearStatus(section);
    const counts = ["high", "elevated", "moderate", "limited"].map((t) => `${t} ${report.rows.filter((r) => r.tier === t).length}`).join(" · ");
    const summary = el("div", { class: "summary" },
      el("h2", { text: `Priority minerals for ${report.importer.name} (${report.importer.id}), base year ${report.year}` }),
      el("p", { text: `${report.rows.length} ${report.rows.some((r) => r.consumedStages.length) ? "families assessed at their most exposed consumed stage" : "stages assessed"} (${counts}), ${report.notAssessed.length} not assessed · ${grouped(report.draws)} simulated years, seed ${report.seed}` +
        ` · risk model ${report.riskModelVersion}, market parameters ${report.parametersVersion}` }),
      el("p", { text: `Ranked by expected annual loss (value of the shortfall at the post-disruption price) as a share of what ${report.importer.name} spends on the stage. ` +
        `Error bars: 95 % intervals (± 1.96 standard errors). Tier confidence: share of ${report.blocks} independent batches that give the same tier. ` +
        `"Worst 5 %": mean loss of the 5 % worst simulated years (CVaR95); p/yr: chance of at least one restriction a year; P95 and the rest are in the CSV and JSON.` }));
    const cuts = report.tierThresholds.map((t) => ({ value: t.minimumExpectedLossShare, label: `${t.tier} ≥ ${format(t.minimumExpectedLossShare, "share").replace(".0%", "%")}` }));
    const shown = report.rows.slice(0, chartRows);
    const chart = errorBars(shown.map((r) => ({
      label: r.name, value: r.expectedLossShare, se: r.expectedLossShareStandardError, cls: tierClass[r.tier],
      detail: `${r.tier} (confidence ${format(r.tierConfidence, "share")})`,
    })), {
      title: `Expected annual loss share${report.rows.length > chartRows ? ` — the ${chartRows} highest of ${report.rows.length}` : ""}`, cuts,
      legend: [["tier-high", "high"], ["tier-elevated", "elevated"], ["tier-moderate", "moderate"], ["tier-limited", "limited"], ["whisker-key", "95 % interval"]],
    });
    const sortKey = params.get("sort") || "rank", sortDir = params.get("dir") || (sortKey === "rank" ? "asc" : "desc");
    const onSort = (key, dir) => { const p = state(); p.set("sort", key); p.set("dir", dir); setState(p); route(); };
    show(section, summary, chart, downloads("/priorities", query), table(report, { columns, cells, sortKey, sortDir, onSort }),
      notAssessed(report.notAssessed));
  } catch (error) { showError(section, error); }
}
