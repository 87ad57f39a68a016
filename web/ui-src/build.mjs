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
// Natural Earth 1:110m country shapes as TopoJSON (public domain data).
copyFileSync("node_modules/world-atlas/countries-110m.json", `${out}/countries-110m.json`);

// One file with the notices of everything bundled or copied.
let notices = "Third-party software and data in dyad's web UI (bundled into app.js or copied as is).\n" +
  "Natural Earth data (countries-110m.json, via world-atlas) is in the public domain: https://www.naturalearthdata.com/about/terms-of-use/\n";
for (const p of ["d3-geo", "d3-array", "internmap", "topojson-client", "world-atlas"]) {
  const pkg = JSON.parse(readFileSync(`node_modules/${p}/package.json`, "utf8"));
  notices += `\n== ${p} ${pkg.version} (${pkg.license})\n\n` + readFileSync(`node_modules/${p}/LICENSE`, "utf8").trim() + "\n";
}
writeFileSync(`${out}/LICENSES.txt`, notices);
