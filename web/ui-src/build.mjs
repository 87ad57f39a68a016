// Bundles the UI into ../ui (committed, embedded by package web).
// Run by `go generate ./web`, which installs the pinned packages first.
import { build } from "esbuild";
import { copyFileSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";

const out = "../ui";
mkdirSync(out, { recursive: true });
await build({
  entryPoints: ["src/app.js"],
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2020",
  legalComments: "none",
  outfile: `${out}/app.js`,
});
for (const f of ["index.html", "app.css"]) copyFileSync(`src/${f}`, `${out}/${f}`);
// Natural Earth 1:110m country shapes as TopoJSON (public domain data),
// each shape given the code dyad uses for its country (properties.code),
// found by name in data/actors/countries.txt.
const topo = JSON.parse(readFileSync("node_modules/world-atlas/countries-110m.json", "utf8"));
const byName = new Map(Object.entries({
  // Natural Earth's abbreviated names.
  "w. sahara": "ESH", "dem. rep. congo": "COD", "dominican rep.": "DOM", "falkland is.": "FLK",
  "fr. s. antarctic lands": "ATF", "central african rep.": "CAF", "eq. guinea": "GNQ", "solomon is.": "SLB",
  "somaliland": "SOM", "bosnia and herz.": "BIH", "s. sudan": "SSD",
}));
for (const line of readFileSync("../../data/actors/countries.txt", "utf8").split("\n")) {
  const f = line.split("\t");
  if (line.startsWith("#") || f[1] !== "country") continue;
  for (const p of f[2].split("|")) if (!byName.has(p.toLowerCase())) byName.set(p.toLowerCase(), f[0]);
}
const unmatched = [];
for (const g of topo.objects.countries.geometries) {
  g.properties.code = byName.get(g.properties.name.toLowerCase()) || "";
  if (!g.properties.code) unmatched.push(g.properties.name);
}
if (unmatched.length) console.log("map shapes without a country code:", unmatched.join(", "));
writeFileSync(`${out}/countries-110m.json`, JSON.stringify(topo));

// One file with the notices of everything bundled or copied.
let notices = "Third-party software and data in dyad's web UI (bundled into app.js or copied as is).\n" +
  "Natural Earth data (countries-110m.json, via world-atlas) is in the public domain: https://www.naturalearthdata.com/about/terms-of-use/\n";
for (const p of ["d3-geo", "d3-array", "internmap", "topojson-client", "world-atlas"]) {
  const pkg = JSON.parse(readFileSync(`node_modules/${p}/package.json`, "utf8"));
  notices += `\n== ${p} ${pkg.version} (${pkg.license})\n\n` + readFileSync(`node_modules/${p}/LICENSE`, "utf8").trim() + "\n";
}
writeFileSync(`${out}/LICENSES.txt`, notices);
