// dyad's web UI: a small hash-routed app over the JSON API (/openapi.json).
// Views: event table with filters, event detail, article reader, dyad
// series, map, top actors, quotes. No framework: DOM helpers below.
import { geoNaturalEarth1, geoPath, geoCentroid, geoGraticule10 } from "d3-geo";
import { feature } from "topojson-client";

const main = document.getElementById("main");
const status = document.getElementById("status");
let meta = { codes: [], quads: [], plover: [], countries: {}, counts: {} };
const labels = new Map();

// h builds an element: h("a", {href: "#"}, "text", child…).
function h(tag, attrs, ...kids) {
  const svg = ["svg", "g", "path", "circle", "line", "rect", "text", "title", "polyline"].includes(tag);
  const el = svg ? document.createElementNS("http://www.w3.org/2000/svg", tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "class") el.setAttribute("class", v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const k of kids.flat()) if (k != null && k !== false) el.append(k instanceof Node ? k : String(k));
  return el;
}

function say(msg) { status.textContent = msg; }

async function api(path) {
  const res = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.error ? body.error.message : `HTTP ${res.status}`);
  return body;
}

function show(title, ...content) {
  main.replaceChildren(h("h1", {}, title), ...content.flat(Infinity).filter((x) => x != null && x !== false));
  document.title = `${title} — dyad`;
  main.focus({ preventScroll: true });
}

function fail(err) {
  main.append(h("p", { class: "error", role: "alert" }, err.message || String(err)));
  say(err.message || String(err));
}

const country = (c) => meta.countries[c] || c;
const codeLabel = (c) => labels.get(c) || "";
function actorText(a) {
  if (!a || !a.code) return h("span", { class: "muted" }, "—");
  const name = a.name && a.name !== a.code ? a.name : country(a.country);
  return h("span", { title: `${a.code}${a.text ? ` · “${a.text}”` : ""}` }, name || a.code, " ", h("span", { class: "code muted" }, a.code));
}
const quadName = (q) => meta.quads[q - 1] || `QuadClass ${q}`;
const fmtNum = (n) => (Math.round(n * 100) / 100).toString();

// ---- routing -----------------------------------------------------------

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, "");
  const [path, query] = raw.split("?");
  return { parts: path.split("/").filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query || "") };
}

async function route() {
  const { parts, params } = parseHash();
  const view = parts[0] || "events";
  for (const a of document.querySelectorAll("nav a[data-view]")) {
    if (a.dataset.view === view) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  try {
    if (view === "events" && parts[1]) await eventView(parts[1]);
    else if (view === "events") await eventsView(params);
    else if (view === "articles" && parts[1]) await articleView(parts[1], params.get("event"));
    else if (view === "dyads") await dyadView(parts[1] || "CHN", parts[2] || "RUS", params);
    else if (view === "map") await mapView(params);
    else if (view === "actors") await actorsView(params);
    else if (view === "quotes") await quotesView(params);
    else show("Not found", h("p", {}, "No such page. ", h("a", { href: "#/events" }, "Go to the events.")));
  } catch (err) {
    fail(err);
  }
}

// ---- event table -------------------------------------------------------

const filterFields = [
  ["actor", "Actor (code or name)", "text", "RUSMIL or Shoigu"],
  ["source", "Source", "text", "CHN"],
  ["target", "Target", "text", "RUS"],
  ["dyad", "Dyad (A,B)", "text", "CHN,RUS"],
  ["code", "CAMEO code or prefix", "text", "04"],
  ["plover", "PLOVER type", "select"],
  ["quad", "QuadClass", "select"],
  ["from", "From", "date"],
  ["to", "To", "date"],
  ["place", "Place (name or country)", "text", "Beijing"],
  ["q", "Words in the evidence", "search", "drills"],
  ["sort", "Sort", "select"],
];

function filterForm(params, onSubmit, fields = filterFields) {
  const form = h("form", { class: "filters", role: "search", "aria-label": "Event filters" });
  for (const [name, label, type, placeholder] of fields) {
    let input;
    if (type === "select") {
      const opts = name === "quad" ? [["", "any"], ...meta.quads.map((q, i) => [String(i + 1), `${i + 1} ${q}`])]
        : name === "plover" ? [["", "any"], ...meta.plover.map((p) => [p, p])]
        : [["-date", "newest first"], ["date", "oldest first"], ["-goldstein", "most cooperative"], ["goldstein", "most conflictual"], ["code", "CAMEO code"]];
      input = h("select", { name, id: `f-${name}` }, opts.map(([v, t]) => h("option", { value: v, selected: (params.get(name) || "") === v || null }, t)));
    } else {
      input = h("input", { name, id: `f-${name}`, type, placeholder, value: params.get(name) || "" });
    }
    form.append(h("label", { for: `f-${name}` }, label, input));
  }
  form.append(h("label", { class: "check", for: "f-directed" },
    h("input", { type: "checkbox", name: "directed", id: "f-directed", value: "true", checked: params.get("directed") === "true" || null }), "Directed dyad"));
  form.append(h("div", { class: "buttons" }, h("button", { type: "submit" }, "Apply"),
    h("button", { type: "button", class: "secondary", onclick: () => { location.hash = "#/" + parseHash().parts[0]; } }, "Clear")));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const q = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (String(v).trim() !== "" && !(k === "sort" && v === "-date")) q.set(k, String(v).trim());
    if (!q.get("dyad")) q.delete("directed");
    onSubmit(q);
  });
  return form;
}

function eventRow(e) {
  const ev = e.evidence && e.evidence[0];
  return h("tr", {},
    h("td", {}, e.date || h("span", { class: "muted" }, "undated")),
    h("td", {}, actorText(e.source)),
    h("td", {}, h("a", { href: `#/events/${e.id}`, class: "event-link", "data-code": e.code }, h("span", { class: "code" }, e.code), " ", codeLabel(e.code))),
    h("td", {}, actorText(e.target)),
    h("td", { class: `q${e.quad}`, title: quadName(e.quad) }, `${e.quad} ${e.quad <= 2 ? "coop." : "conflict"}`),
    h("td", { class: "num" }, fmtNum(e.goldstein)),
    h("td", {}, e.location ? `${e.location.name}${e.location.country ? ` (${e.location.country})` : ""}` : ""),
    h("td", { class: "num" }, e.num_articles),
    h("td", { class: "evidence" }, ev ? ev.text.slice(0, 160) + (ev.text.length > 160 ? "…" : "") : ""));
}

async function eventsView(params) {
  const tbody = h("tbody");
  const table = h("table", { id: "events" },
    h("caption", {}, "Events, one row per distinct event; follow the code for its evidence."),
    h("thead", {}, h("tr", {}, ["Date", "Source", "Event", "Target", "QuadClass", "Goldstein", "Place", "Articles", "Evidence"]
      .map((c) => h("th", { scope: "col", class: ["Goldstein", "Articles"].includes(c) ? "num" : null }, c)))),
    tbody);
  const more = h("button", { class: "more", type: "button", hidden: true }, "Load more");
  const count = h("p", { class: "muted" });
  show("Events", filterForm(params, (q) => { location.hash = "#/events?" + q; }), count, table, more);
  let cursor = null, total = 0;
  async function load() {
    const q = new URLSearchParams(params);
    q.set("limit", "100");
    if (cursor) q.set("cursor", cursor);
    const page = await api("/api/events?" + q);
    for (const e of page.events) tbody.append(eventRow(e));
    total += page.events.length;
    cursor = page.next;
    more.hidden = !cursor;
    count.textContent = total === 0 ? "No events match." : `${total} event${total === 1 ? "" : "s"} shown${cursor ? "; more below" : ""}.`;
    say(count.textContent);
  }
  more.addEventListener("click", () => load().catch(fail));
  await load();
}

// ---- event detail --------------------------------------------------------

async function eventView(id) {
  const e = await api(`/api/events/${encodeURIComponent(id)}`);
  const facts = h("dl", { class: "facts" });
  const fact = (k, v) => facts.append(h("dt", {}, k), h("dd", {}, v));
  fact("Source", actorText(e.source));
  fact("Event", h("span", {}, h("span", { class: "code" }, e.code), ` ${codeLabel(e.code)} (root ${e.root}, PLOVER ${e.plover})`));
  fact("Target", actorText(e.target));
  fact("Date", `${e.date || "unresolved"} (${e.date_precision})`);
  fact("QuadClass", h("span", { class: `q${e.quad}` }, `${e.quad} ${quadName(e.quad)}`));
  fact("Goldstein", fmtNum(e.goldstein));
  if (e.location) fact("Place", `${e.location.name} (${country(e.location.country)})`);
  fact("Modality", `${e.modality}${e.negated ? ", negated" : ""}`);
  fact("Reported", `${e.num_articles} article(s) from ${e.num_sources} source(s), ${e.num_mentions} mention(s)`);
  if (e.source.country && e.target.country) {
    fact("Dyad", h("a", { href: `#/dyads/${e.source.country}/${e.target.country}` }, `${country(e.source.country)} – ${country(e.target.country)} over time`));
  }
  const reports = e.reports.map((r, i) => h("section", { class: "report", "aria-labelledby": `rep-${i}` },
    h("h2", { id: `rep-${i}` }, r.article.title || r.article.id, " ", h("span", { class: "muted" }, `${r.article.outlet}${r.article.published ? `, ${r.article.published}` : ""}`)),
    h("p", {}, h("a", { href: `#/articles/${encodeURIComponent(r.article.key)}?event=${e.id}`, class: "read-article" }, "Read the article with the evidence highlighted"),
      r.article.url ? [" · ", h("a", { href: r.article.url, rel: "noopener noreferrer" }, "original")] : null),
    r.event.evidence.map((ev) => h("blockquote", { class: "evidence" }, ev.text, h("br"), h("span", { class: "muted" }, `sentence ${ev.sentence + 1}, bytes ${ev.start}–${ev.end}`))),
    h("dl", { class: "facts" },
      h("dt", {}, "Rule"), h("dd", { class: "code" }, r.event.rule),
      h("dt", {}, "Source chain"), h("dd", {}, r.source_chain.length ? r.source_chain.join(" ← ") : "none credited"),
      h("dt", {}, "Mentions"), h("dd", {}, String(r.event.mentions)),
      r.copies.length ? [h("dt", {}, "Copies"), h("dd", {}, r.copies.map((c) => `${c.outlet || c.id}`).join(", "))] : null),
    r.quotes.length ? [h("h3", {}, "Quotes"), h("ul", {}, r.quotes.map((q) => h("li", {}, `“${q.text}” — ${q.speaker.name || "unknown"}`)))] : null));
  show(`${e.source.name || e.source.code || "?"} → ${codeLabel(e.code) || e.code} → ${e.target.name || e.target.code || "?"}`,
    h("p", {}, h("a", { href: "#/events" }, "← All events")), facts, h("h2", {}, `Reports (${e.reports.length})`), reports);
  say(`Event ${e.id} with ${e.reports.length} report(s)`);
}

// ---- article reader -------------------------------------------------------

// byteIndex maps UTF-8 byte offsets of text to string (UTF-16) indices.
function byteIndex(text) {
  const map = new Uint32Array(new TextEncoder().encode(text).length + 1);
  let b = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i);
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < n; k++) map[b + k] = i;
    b += n;
    if (cp >= 0x10000) i++;
  }
  map[b] = text.length;
  return (off) => map[Math.max(0, Math.min(off, b))];
}

// nest turns overlapping spans into a tree; a span that crosses its
// parent's end is split there and goes on after it.
function nest(spans) {
  const queue = spans.filter((s) => s.e > s.s).sort((a, b) => a.s - b.s || b.e - a.e || a.order - b.order);
  const root = { s: 0, e: Infinity, kids: [] };
  const stack = [root];
  for (let i = 0; i < queue.length; i++) {
    let sp = queue[i];
    while (stack.length > 1 && stack[stack.length - 1].e <= sp.s) stack.pop();
    const top = stack[stack.length - 1];
    if (sp.e > top.e) {
      const rest = { ...sp, s: top.e };
      sp = { ...sp, e: top.e };
      let j = i + 1;
      while (j < queue.length && (queue[j].s < rest.s || (queue[j].s === rest.s && queue[j].e >= rest.e))) j++;
      queue.splice(j, 0, rest);
    }
    const node = { ...sp, kids: [] };
    top.kids.push(node);
    stack.push(node);
  }
  return root;
}

function renderSpans(text, node, from, to) {
  const out = [];
  let at = from;
  for (const k of node.kids) {
    if (k.s > at) out.push(text.slice(at, k.s));
    const el = k.make();
    el.append(...renderSpans(text, k, k.s, k.e));
    out.push(el);
    at = k.e;
  }
  if (at < to) out.push(text.slice(at, to));
  return out;
}

async function articleView(key, currentEvent) {
  const a = await api(`/api/articles/${encodeURIComponent(key)}`);
  const at = byteIndex(a.text);
  const spans = [];
  // Reports of several events may share a sentence: one mark for them all.
  const evSpans = new Map();
  for (const e of a.events) {
    for (const ev of e.evidence) {
      const k = `${ev.start}-${ev.end}`;
      if (!evSpans.has(k)) evSpans.set(k, { ev, events: [] });
      evSpans.get(k).events.push(e);
    }
  }
  for (const { ev, events } of evSpans.values()) {
    const ids = events.map((e) => e.event_id);
    const cur = ids.includes(Number(currentEvent));
    spans.push({ s: at(ev.start), e: at(ev.end), order: 0, make: () => h("mark", {
      class: `ev${cur ? " current" : ""}`, "data-events": ids.join(" "), id: cur ? "current-evidence" : null, tabindex: cur ? "-1" : null,
      title: events.map((e) => `${e.code} ${codeLabel(e.code)}: ${e.source.code || "?"} → ${e.target.code || "?"}`).join("\n"),
      onclick: () => { location.hash = `#/articles/${encodeURIComponent(key)}?event=${ids[0]}`; },
    }) });
  }
  for (const q of a.quotes) {
    spans.push({ s: at(q.start), e: at(q.end), order: 1, make: () => h("span", { class: "quote", title: `Quote: ${q.speaker.name || "unknown speaker"}${q.direct ? " (direct)" : ""}` }) });
  }
  for (const m of a.mentions) {
    spans.push({ s: at(m.start), e: at(m.end), order: 2, make: () => h("span", {
      class: `actor kind-${m.kind}`, title: `${m.actor.code || "?"} · ${m.actor.name || country(m.actor.country)} · ${m.kind}`,
    }) });
  }
  const text = h("div", { class: "article-text", id: "article-text", lang: a.language || null }, renderSpans(a.text, nest(spans), 0, a.text.length));
  const side = h("aside", { class: "side", "aria-label": "Events and quotes of this article" },
    h("h2", {}, `Events (${a.events.length})`),
    a.events.length ? h("ol", {}, a.events.map((e) => h("li", { class: e.event_id === Number(currentEvent) ? "current" : null },
      h("a", { href: `#/articles/${encodeURIComponent(key)}?event=${e.event_id}`, "aria-label": `Show the evidence of event ${e.code}` },
        `${e.source.name || e.source.code || "?"} → ${codeLabel(e.code) || e.code} → ${e.target.name || e.target.code || "?"}`),
      " ", h("a", { href: `#/events/${e.event_id}`, class: "muted" }, "details")))) : h("p", { class: "muted" }, "No events were coded from this article."),
    h("h2", {}, `Quotes (${a.quotes.length})`),
    a.quotes.length ? h("ul", {}, a.quotes.map((q) => h("li", {}, `“${q.text}” — ${q.speaker.name || "unknown"}`))) : h("p", { class: "muted" }, "None found."));
  const facts = h("p", { class: "muted" }, [a.outlet, a.published, a.url ? h("a", { href: a.url, rel: "noopener noreferrer" }, "original") : null]
    .filter(Boolean).flatMap((x, i) => (i ? [" · ", x] : [x])));
  const legend = h("p", { class: "legend" }, "Highlighted:",
    h("span", {}, h("mark", { class: "ev" }, "evidence of an event")), h("span", {}, h("mark", { class: "ev current" }, "selected event")),
    h("span", {}, h("span", { class: "actor" }, "actor")), h("span", {}, h("span", { class: "quote" }, "quote")));
  show(a.title || a.id, facts, a.copy_of ? h("p", {}, `This is a copy (${a.copy_of.outlet || a.copy_of.id}); showing the story it repeats.`) : null,
    legend, h("div", { class: "reader" }, h("article", { "aria-label": "Article text" }, text), side));
  const cur = document.getElementById("current-evidence");
  if (cur) {
    cur.scrollIntoView({ block: "center" });
    cur.focus({ preventScroll: true });
    say(`Evidence of event ${currentEvent} highlighted`);
  } else say(`Article ${a.id}: ${a.events.length} events, ${a.quotes.length} quotes`);
}

// ---- dyad series -----------------------------------------------------------

async function dyadView(a, b, params) {
  const interval = params.get("interval") || "month";
  const q = new URLSearchParams({ interval });
  if (params.get("directed") === "true") q.set("directed", "true");
  const s = await api(`/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/series?${q}`);
  const form = h("form", { class: "filters", "aria-label": "Dyad" },
    h("label", { for: "d-a" }, "Side A", h("input", { id: "d-a", name: "a", value: a, required: true })),
    h("label", { for: "d-b" }, "Side B", h("input", { id: "d-b", name: "b", value: b, required: true })),
    h("label", { for: "d-i" }, "Interval", h("select", { id: "d-i", name: "interval" }, ["day", "week", "month"].map((i) => h("option", { selected: i === interval || null }, i)))),
    h("label", { class: "check", for: "d-dir" }, h("input", { type: "checkbox", id: "d-dir", name: "directed", checked: s.directed || null }), "Only A → B"),
    h("div", { class: "buttons" }, h("button", { type: "submit" }, "Show")));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const f = new FormData(form);
    const p = new URLSearchParams({ interval: f.get("interval") });
    if (f.get("directed")) p.set("directed", "true");
    location.hash = `#/dyads/${encodeURIComponent(String(f.get("a")).trim().toUpperCase())}/${encodeURIComponent(String(f.get("b")).trim().toUpperCase())}?${p}`;
  });
  const title = `${country(s.a)} ${s.directed ? "→" : "–"} ${country(s.b)}`;
  const listLink = h("a", { href: `#/events?dyad=${s.a},${s.b}${s.directed ? "&directed=true" : ""}` }, "List these events");
  const summary = h("p", {}, `${s.total.events} events: ${s.total.cooperation} cooperation, ${s.total.conflict} conflict; mean Goldstein ${fmtNum(s.total.goldstein_mean)}. `, listLink);
  show(title, form, summary, s.points.length ? seriesChart(s, title) : h("p", { class: "muted" }, "No events between these sides."), s.points.length ? seriesTable(s) : null);
  say(`${title}: ${s.total.events} events`);
}

function seriesChart(s, title) {
  const W = 900, H = 320, m = { l: 44, r: 44, t: 16, b: 40 };
  const n = s.points.length, bw = (W - m.l - m.r) / n;
  const maxC = Math.max(1, ...s.points.map((p) => Math.max(p.cooperation, p.conflict)));
  const mid = m.t + (H - m.t - m.b) / 2, half = (H - m.t - m.b) / 2;
  const y = (v) => mid - (v / maxC) * half;
  const yg = (g) => mid - (g / 10) * half;
  const svg = h("svg", { class: "chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": "chart-title" },
    h("title", { id: "chart-title" }, `${title}: cooperation (up) against conflict (down) per ${s.interval}, with the mean Goldstein score as a line`));
  const axis = h("g", { class: "axis" }, h("line", { x1: m.l, x2: W - m.r, y1: mid, y2: mid }),
    h("text", { x: 4, y: y(maxC) + 4 }, String(maxC)), h("text", { x: 4, y: y(-maxC) }, String(maxC)), h("text", { x: 4, y: mid + 4 }, "0"),
    h("text", { x: W - m.r + 6, y: yg(10) + 4 }, "+10"), h("text", { x: W - m.r + 6, y: yg(-10) }, "−10"));
  svg.append(axis);
  const step = Math.ceil(n / 12);
  s.points.forEach((p, i) => {
    const x = m.l + i * bw, w = Math.max(1, bw * 0.8);
    svg.append(h("rect", { x: x + bw * 0.1, y: y(p.cooperation), width: w, height: mid - y(p.cooperation), class: "bar-coop" },
      h("title", {}, `${p.period}: ${p.cooperation} cooperation`)));
    svg.append(h("rect", { x: x + bw * 0.1, y: mid, width: w, height: mid - y(p.conflict), class: "bar-conf" },
      h("title", {}, `${p.period}: ${p.conflict} conflict`)));
    if (i % step === 0) svg.append(h("text", { x: x + bw / 2, y: H - m.b + 16, "text-anchor": "middle" }, s.interval === "month" ? p.period.slice(0, 7) : p.period));
  });
  const pts = s.points.map((p, i) => `${m.l + i * bw + bw / 2},${yg(p.goldstein_mean)}`).join(" ");
  svg.append(h("polyline", { points: pts, class: "gold-line" }));
  s.points.forEach((p, i) => svg.append(h("circle", { cx: m.l + i * bw + bw / 2, cy: yg(p.goldstein_mean), r: 3, class: "gold-dot" },
    h("title", {}, `${p.period}: mean Goldstein ${fmtNum(p.goldstein_mean)}`))));
  const legend = h("p", { class: "legend" },
    h("span", {}, h("span", { class: "q1", "aria-hidden": "true" }, "■"), " cooperation (QuadClass 1+2)"),
    h("span", {}, h("span", { class: "q4", "aria-hidden": "true" }, "■"), " conflict (3+4)"),
    h("span", {}, h("span", { class: "gold", "aria-hidden": "true" }, "●"), " mean Goldstein (−10 … +10, right axis)"));
  return h("figure", {}, svg, h("figcaption", {}, legend));
}

function seriesTable(s) {
  return h("details", {}, h("summary", {}, "The numbers as a table"),
    h("table", {}, h("thead", {}, h("tr", {}, ["Period", "Events", "Q1", "Q2", "Q3", "Q4", "Goldstein sum", "Goldstein mean"].map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, s.points.map((p) => h("tr", {}, h("td", {}, p.period), h("td", { class: "num" }, p.events), p.quad.map((v) => h("td", { class: "num" }, v)),
        h("td", { class: "num" }, fmtNum(p.goldstein_sum)), h("td", { class: "num" }, fmtNum(p.goldstein_mean)))))));
}

// ---- map ----------------------------------------------------------------------

let world = null;
async function worldShapes() {
  if (!world) {
    const topo = await fetch("/countries-110m.json").then((r) => r.json());
    world = feature(topo, topo.objects.countries).features;
  }
  return world;
}

async function mapView(params) {
  const q = new URLSearchParams(params);
  q.set("limit", "500");
  const [shapes, page] = await Promise.all([worldShapes(), api("/api/events?" + q)]);
  const byCode = new Map(shapes.filter((f) => f.properties.code).map((f) => [f.properties.code, f]));
  // Events with coordinates go there; others with a country go to its middle.
  const places = new Map();
  for (const e of page.events) {
    const loc = e.location;
    if (!loc) continue;
    let lonlat = null;
    if (loc.lat || loc.lon) lonlat = [loc.lon, loc.lat];
    else if (byCode.has(loc.country)) lonlat = geoCentroid(byCode.get(loc.country));
    if (!lonlat) continue;
    const k = `${loc.name}|${loc.country}`;
    if (!places.has(k)) places.set(k, { name: loc.name || country(loc.country), country: loc.country, lonlat, n: 0, conflict: 0 });
    const p = places.get(k);
    p.n++;
    if (e.quad >= 3) p.conflict++;
  }
  const W = 960, H = 500;
  const proj = geoNaturalEarth1().fitSize([W, H], { type: "Sphere" });
  const path = geoPath(proj);
  const hit = new Set([...places.values()].map((p) => p.country));
  const svg = h("svg", { class: "map", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": "map-title" },
    h("title", { id: "map-title" }, `Map of ${places.size} event locations (Natural Earth country shapes)`),
    h("path", { d: path(geoGraticule10()), class: "graticule" }),
    h("g", {}, shapes.map((f) => h("path", { class: `land${hit.has(f.properties.code) ? " hit" : ""}`, d: path(f) }, h("title", {}, f.properties.name)))));
  const list = [...places.values()].sort((a, b) => b.n - a.n || a.name.localeCompare(b.name));
  for (const p of list) {
    const [x, y] = proj(p.lonlat);
    svg.append(h("circle", { cx: x, cy: y, r: 3 + Math.sqrt(p.n) * 3, class: p.conflict * 2 >= p.n ? null : "coop" },
      h("title", {}, `${p.name}: ${p.n} event(s), ${p.conflict} conflict`)));
  }
  const table = h("table", {}, h("caption", {}, "Places on the map"),
    h("thead", {}, h("tr", {}, ["Place", "Country", "Events", "Conflict"].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, list.map((p) => h("tr", {}, h("td", {}, h("a", { href: `#/events?place=${encodeURIComponent(p.name)}` }, p.name)),
      h("td", {}, country(p.country)), h("td", { class: "num" }, p.n), h("td", { class: "num" }, p.conflict)))));
  const form = filterForm(params, (nq) => { location.hash = "#/map?" + nq; }, filterFields.filter(([n]) => n !== "sort"));
  show("Map", form, h("p", { class: "muted" }, `Locations of the ${page.events.length} most recent matching events${page.next ? " (the first 500)" : ""}; green: mostly cooperation, red: mostly conflict.`),
    svg, table);
  say(`Map with ${places.size} places`);
}

// ---- actors and quotes -------------------------------------------------------------

async function actorsView(params) {
  const q = new URLSearchParams({ limit: "50" });
  for (const k of ["role", "country", "from", "to"]) if (params.get(k)) q.set(k, params.get(k));
  const r = await api("/api/actors/top?" + q);
  show("Top actors", h("table", {}, h("caption", {}, "Actors with the most events"),
    h("thead", {}, h("tr", {}, ["Actor", "Code", "Events", "As source", "As target"].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, r.actors.map((a) => h("tr", {}, h("td", {}, a.name || country(a.country)),
      h("td", {}, h("a", { href: `#/events?actor=${encodeURIComponent(a.code)}`, class: "code" }, a.code)),
      h("td", { class: "num" }, a.events), h("td", { class: "num" }, a.as_source), h("td", { class: "num" }, a.as_target))))));
}

async function quotesView(params) {
  const q = new URLSearchParams({ limit: "100" });
  if (params.get("speaker")) q.set("speaker", params.get("speaker"));
  const r = await api("/api/quotes?" + q);
  const form = h("form", { class: "filters", role: "search" },
    h("label", { for: "qs" }, "Speaker (code or name)", h("input", { id: "qs", name: "speaker", value: params.get("speaker") || "" })),
    h("div", { class: "buttons" }, h("button", { type: "submit" }, "Search")));
  form.addEventListener("submit", (e) => { e.preventDefault(); location.hash = "#/quotes?speaker=" + encodeURIComponent(new FormData(form).get("speaker")); });
  show("Quotes", form, r.quotes.length ? h("ul", {}, r.quotes.map((x) => h("li", {}, `“${x.text}” — ${x.speaker.name || "unknown"} `,
    h("a", { href: `#/articles/${encodeURIComponent(x.article.key)}` }, x.article.title || x.article.id)))) : h("p", { class: "muted" }, "No quotes."));
}

// ---- start ----------------------------------------------------------------------------

async function start() {
  try {
    meta = await api("/api/meta");
    for (const c of meta.codes) labels.set(c.code, c.label);
    document.getElementById("counts").textContent = `${meta.counts.events} events · ${meta.counts.articles} articles`;
  } catch (err) {
    fail(err);
  }
  window.addEventListener("hashchange", route);
  route();
}
start();
