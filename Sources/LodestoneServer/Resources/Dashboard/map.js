// A world choropleth in SVG, from /world.json (Natural Earth 1:110m countries, public domain;
// made by scripts/make-world-geometry.py). Projected here with the Natural Earth projection.
import { el, format, svg } from "./ui.js";

let world = null;
/// The countries, each `{iso3, name, rings: [[[lon, lat], …], …]}` in degrees (loaded once).
export function loadWorld() {
  world ??= fetch("/world.json").then((response) => {
    if (!response.ok) throw new Error(`the world map could not be loaded (${response.status})`);
    return response.json();
  }).then((doc) => doc.countries.map((c) => ({ iso3: c.iso3, name: c.name, rings: c.rings.map(decodeRing) })));
  return world;
}

/// A ring stored as x0, y0 and differences, in tenths of a degree.
function decodeRing(flat) {
  const ring = [];
  let x = 0, y = 0;
  for (let i = 0; i < flat.length; i += 2) {
    x += flat[i]; y += flat[i + 1];
    ring.push([x / 10, y / 10]);
  }
  return ring;
}

/// The Natural Earth projection, from its published polynomial (Šavrič, Jenny, Patterson,
/// Petrovič and Hurni 2011): λ, φ in radians to x, y on a sphere of radius 1; y grows north.
export function naturalEarth(lonDeg, latDeg) {
  const l = lonDeg * Math.PI / 180, p = latDeg * Math.PI / 180;
  const p2 = p * p, p4 = p2 * p2;
  return [
    l * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4))),
    p * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4))),
  ];
}

// Sequential classes for a value from 0 to 1 (a share), light to dark.
const cuts = [0.001, 0.01, 0.05, 0.1, 0.25, 0.5];
const classOf = (v) => "c" + cuts.filter((c) => v >= c).length;
function binLabel(i) {
  const f = (x) => format(x, "share").replace(".0%", "%");
  return i === 0 ? `< ${f(cuts[0])}` : i === cuts.length ? `≥ ${f(cuts[i - 1])}` : `${f(cuts[i - 1])}–${f(cuts[i])}`;
}

/// A choropleth: `values` maps ISO3 to `{value, detail}` (value a share, 0…1); `marks` maps ISO3
/// to a class drawn instead (`importer`, `restricting`) with `markNames` for the legend;
/// `outlined` countries keep their fill and get a heavy outline, named `outlineName`.
/// Countries with a value but no outline at this scale are listed under the map.
export async function worldMap({ values, title = "", valueName = "share", marks = {}, markNames = {}, outlined = new Set(), outlineName = "",
  width = 960, none = "none recorded" }) {
  const countries = await loadWorld();
  const projected = countries.map((c) => ({ ...c, rings: c.rings.map((ring) => ring.map(([lon, lat]) => naturalEarth(lon, lat))) }));
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const c of projected) for (const ring of c.rings) for (const [x, y] of ring) {
    minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  const scale = (width - 8) / (maxX - minX), height = Math.ceil((maxY - minY) * scale) + 8;
  const px = (x) => (4 + (x - minX) * scale).toFixed(1), py = (y) => (4 + (maxY - y) * scale).toFixed(1);
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": title, class: "world" });
  root.append(svg("rect", { x: 0, y: 0, width, height, class: "sea" }));
  const drawn = new Set(), last = [];
  for (const c of projected) {
    const d = c.rings.map((ring) => "M" + ring.map(([x, y]) => px(x) + "," + py(y)).join("L") + "Z").join("");
    const entry = c.iso3 ? values.get(c.iso3) : undefined;
    const mark = c.iso3 ? marks[c.iso3] : undefined;
    const outline = c.iso3 && outlined.has(c.iso3);
    const cls = "country " + (mark ? mark : entry ? classOf(entry.value) : "nodata") + (outline ? " outlined" : "");
    const path = svg("path", { d, class: cls, "fill-rule": "evenodd", "data-iso3": c.iso3 || "" });
    const what = mark ? markNames[mark] : entry ? `${format(entry.value, "share")} ${valueName}${entry.detail ? " · " + entry.detail : ""}` : none;
    const label = `${c.name}: ${what}${outline ? " · " + outlineName : ""}`;
    path.append(svg("title", {}, label));
    // A country with a value or a mark is reachable by keyboard too: Tab focuses it, and its label is read out.
    if (entry || mark) { path.setAttribute("tabindex", "0"); path.setAttribute("role", "img"); path.setAttribute("aria-label", label); }
    // Outlined countries go last, so no neighbour covers their outline.
    if (outline) last.push(path); else root.append(path);
    if (c.iso3) drawn.add(c.iso3);
  }
  root.append(...last);
  const missing = [...values.entries()].filter(([iso3, v]) => !drawn.has(iso3) && !marks[iso3] && v.value >= 0.001)
    .sort((a, b) => b[1].value - a[1].value);
  const legend = el("p", { class: "legend" },
    ...Array.from({ length: cuts.length + 1 }, (_, i) => el("span", {}, el("i", { class: "swatch c" + i }), binLabel(i))),
    el("span", {}, el("i", { class: "swatch nodata" }), none),
    ...Object.entries(markNames).map(([cls, text]) => el("span", {}, el("i", { class: "swatch " + cls }), text)),
    outlineName ? el("span", {}, el("i", { class: "swatch outlined" }), outlineName) : null);
  const note = missing.length ? el("p", { class: "note", text: "Too small to draw at this scale: " +
    missing.map(([, v]) => `${v.name} ${format(v.value, "share")}`).join(", ") }) : null;
  return el("figure", { class: "chart map" }, title ? el("figcaption", { text: title }) : null, root, legend, note);
}

/// Values for `worldMap` from report rows: `key` the share, `country` the row's country.
export function sharesByCountry(rows, key, detail = () => "") {
  const values = new Map();
  for (const row of rows) {
    const c = row.country;
    if (!c || !c.iso3 || c.iso3 === "?" || row[key] === null || row[key] === undefined) continue;
    const iso3 = c.iso3;
    const previous = values.get(iso3);
    values.set(iso3, { value: (previous ? previous.value : 0) + row[key], name: c.name, detail: detail(row) });
  }
  return values;
}
