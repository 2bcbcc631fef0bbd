// Lodestone dashboard: plain JavaScript modules, no libraries, no CDN. Every view's state lives
// in the query string, so a link reproduces it; every table downloads as CSV and JSON from the API.
import { API, el, fillForm, format, getJSON, pct, setState, state } from "./ui.js";
import { prioritiesView, defaultDraws } from "./views/priorities.js";
import { countryView } from "./views/country.js";
import { planView, defaultPlanDraws } from "./views/plan.js";
import { producersView } from "./views/producers.js";
import { riskView } from "./views/risk.js";
import { scenarioView } from "./views/scenario.js";
import { suppliersView } from "./views/suppliers.js";
import { traceView } from "./views/trace.js";
import { trendsView } from "./views/trends.js";

const views = { risk: riskView, country: countryView, priorities: prioritiesView, scenario: scenarioView, plan: planView, producers: producersView, suppliers: suppliersView, trace: traceView, trends: trendsView };
// Query parameters a view keeps when its form is submitted again (table sorting, the map's market).
const kept = { risk: ["sort", "dir"], priorities: ["sort", "dir"] };
const forms = {};
const context = {
  route: () => route(),
  commodities: [],
  /// The years with trade data, oldest first (filled when the pickers load).
  dataYears: () => [],
  /// A link to a view with the given parameters (empty ones left out).
  link: (params) => "?" + new URLSearchParams(Object.entries(params).filter(([, v]) => v !== null && v !== undefined && v !== "")).toString(),
};

function applyLanguage() {
  const lang = state().get("lang") || "en";
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
  document.getElementById("lang").value = lang;
}

function route() {
  applyLanguage();
  const params = state();
  const asked = params.get("view");
  const view = views[asked] ? asked : "risk";
  // An unknown view (a mistyped or old link) says so instead of silently showing another.
  document.getElementById("notice").replaceChildren(...(asked && !views[asked]
    ? [el("p", { class: "error", text: `There is no view '${asked}'; showing Risk by importer. Views: ${Object.keys(views).join(", ")}.` })] : []));
  for (const v of Object.keys(views)) document.getElementById(v).hidden = v !== view;
  for (const a of document.querySelectorAll("nav a[data-view]")) a.classList.toggle("active", a.dataset.view === view);
  fillForm(forms[view], params);
  if (view === "scenario") updateSeverity();
  if (view === "priorities" && !params.get("draws")) forms.priorities.elements.draws.value = defaultDraws;
  if (view === "plan" && !params.get("draws")) forms.plan.elements.draws.value = defaultPlanDraws;
  views[view](document.getElementById(view), params, context);
}

function submitForm(form, view, extra = () => ({})) {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const params = new URLSearchParams({ view });
    for (const field of form.elements) {
      if (!field.name || field.type === "submit" || field.tagName === "OUTPUT") continue;
      const value = field.type === "checkbox" ? (field.checked ? "true" : "") : field.value.trim();
      if (value) params.set(field.name, value);
    }
    for (const [k, v] of Object.entries(extra())) if (v) params.set(k, v);
    const previous = state();
    if (previous.get("lang")) params.set("lang", previous.get("lang"));
    if (previous.get("view") === view) for (const k of kept[view] || []) if (previous.get(k)) params.set(k, previous.get(k));
    setState(params);
    route();
  });
}

let severityTouched = false;
const presetsByName = {};
function updateSeverity() {
  const form = forms.scenario;
  const preset = presetsByName[form.elements.preset.value];
  // A preset's own severity shows until the user moves the slider.
  const untouched = !severityTouched && state().get("severityTouched") !== "true";
  if (preset && untouched) form.elements.severity.value = preset.severity;
  // A preset that runs each market at its own observed severity says so until the slider moves.
  form.elements.severityShown.value = preset && untouched && preset.severitiesUsed.includes(" ")
    ? "as the preset: " + preset.severitiesUsed : pct(Number(form.elements.severity.value));
  form.elements.restricting.placeholder = preset ? preset.restricting.join(",") : "CHN";
  form.elements.commodity.placeholder = preset ? preset.commodities.join(",") : "gallium,germanium";
  form.elements.duration.placeholder = preset ? `${format(preset.durationYears, "years")} (the preset's)` : "1";
}

async function loadPickers() {
  try {
    const [countries, groups, commodities, data, presets] = await Promise.all([
      getJSON(API + "/countries"), getJSON(API + "/groups"), getJSON(API + "/commodities"), getJSON(API + "/data"), getJSON(API + "/scenarios")]);
    context.commodities = commodities.rows;
    context.dataYears = () => data.tradeYears;
    document.getElementById("importers").replaceChildren(
      ...groups.rows.map((g) => el("option", { value: g.id, label: g.name })),
      ...countries.rows.filter((c) => c.formerUntil == null).map((c) => el("option", { value: c.iso3, label: c.name })));
    document.getElementById("commodities").replaceChildren(...commodities.rows.map((c) => el("option", { value: c.id, label: c.name })));
    for (const [view, form] of Object.entries(forms)) {
      if (!form.elements.year) continue;
      const years = view === "producers" ? data.productionYears : data.tradeYears;
      for (const y of years.slice().reverse()) form.elements.year.append(el("option", { value: y, text: y }));
    }
    const presetSelect = forms.scenario.elements.preset;
    for (const p of presets.rows) presetsByName[p.name] = p;
    for (const p of presets.rows) presetSelect.append(el("option", { value: p.name, text: `${p.name} (${p.effective || "undated"})` }));
    document.getElementById("data-version").textContent = `data version ${data.dataVersion}, trade ${data.tradeYears[0]}–${data.tradeYears[data.tradeYears.length - 1]}`;
  } catch (error) {
    document.getElementById("data-version").textContent = "could not load the pickers: " + error.message;
  }
}

async function start() {
  for (const view of Object.keys(views)) forms[view] = document.getElementById(`${view}-form`);
  forms.scenario.elements.severity.addEventListener("input", () => { severityTouched = true; updateSeverity(); });
  forms.scenario.elements.preset.addEventListener("change", () => { severityTouched = false; updateSeverity(); });
  for (const view of Object.keys(views)) {
    if (view === "scenario") {
      submitForm(forms.scenario, "scenario", () => ({ severityTouched: severityTouched || state().get("severityTouched") === "true" ? "true" : "" }));
    } else submitForm(forms[view], view);
  }
  for (const a of document.querySelectorAll("nav a[data-view]")) {
    a.addEventListener("click", (event) => {
      event.preventDefault();
      const params = new URLSearchParams({ view: a.dataset.view });
      if (state().get("lang")) params.set("lang", state().get("lang"));
      setState(params); route();
    });
  }
  document.getElementById("lang").addEventListener("change", (event) => {
    const params = state();
    if (event.target.value === "en") params.delete("lang"); else params.set("lang", event.target.value);
    setState(params); route();
  });
  window.addEventListener("popstate", route);
  await loadPickers();
  if (!location.search) setState(new URLSearchParams({ view: "risk", importer: "JPN" }), false);
  route();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
