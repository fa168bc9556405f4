// The size gate: what each page's first visit waits for, and what the whole app weighs, in the
// release build in dist/ (brotli quality 11, as a host would serve it; raw and gzip -9 beside).
//
// A first visit to a page waits for index.html, the styles, the start-up script, the main
// module with its glue, and the page's own modules (its split module and the chunks of code it
// shares with other pages), which come in one pack file; app/<build id>/pages.json, written by
// scripts/build-web.mjs, lists them. Everything else (the other pages' modules) comes later, in
// the background, for the offline copy.
//
// Fails (exit 1) when a page's first visit is over its ceiling, or the whole app over its own.
// The ceilings sit just above what was measured when they were set (BENCHMARKS.md): a page's
// ceiling is never raised for a feature elsewhere; the whole app's may be, with the figure and
// the reason in BENCHMARKS.md.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { filesUnder } from "./files.mjs";

const dist = process.argv[2] ?? "dist";
const FIRST_VISIT_CEILINGS_KIB = {
  "/": 241,
  "/prepare": 343,
  "/reviews/new": 332,
  "/reviews/:id": 501,
  "/reviews/:id/:document": 465,
  "/import": 404,
  "/contacts": 265,
  "/data": 258,
  "/how-it-works": 199,
  "/welcome": 304,
  "/settings": 320,
  "/settings/policy": 281,
  "/school/:page": 284,
};
const WHOLE_APP_CEILING_KIB = 1206;

const fail = (message) => {
  console.error(`size-report: ${message}`);
  process.exit(1);
};

let files;
try {
  files = filesUnder(dist);
} catch {
  fail(`nothing to measure in ${dist}/; run 'trunk build --release' first.`);
}

const sizes = new Map();
const sizeOf = (file) => {
  if (!sizes.has(file)) {
    const bytes = readFileSync(join(dist, file));
    sizes.set(file, {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }).length,
    });
  }
  return sizes.get(file);
};
const sum = (list) =>
  list.map(sizeOf).reduce((t, s) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });

const manifests = files.filter((file) => /^app\/[0-9a-f]{16}\/pages\.json$/.test(file));
if (manifests.length !== 1) fail(`expected one app/<build id>/pages.json in ${dist}/, found ${manifests.length}.`);
const app = manifests[0].slice(0, -"pages.json".length);
const { main, pages } = JSON.parse(readFileSync(join(dist, manifests[0]), "utf8"));
const styles = files.filter((file) => file.endsWith(".css"));
const shell = ["index.html", ...styles, `${app}boot.js`, ...main.map((file) => app + file)];

const kib = (n) => (n / 1024).toFixed(1).padStart(8);
const row = (label, s, extra = "") => console.log(`${label.padEnd(34)}${kib(s.raw)}${kib(s.gzip)}${kib(s.brotli)}${extra}`);
console.log(`${"first visit to (KiB)".padEnd(34)}${"raw".padStart(8)}${"gzip".padStart(8)}${"brotli".padStart(8)}   files  ceiling`);
row("the shell alone", sum(shell), `${String(shell.length).padStart(8)}`);
const over = [];
for (const [path, { pack }] of Object.entries(pages)) {
  const critical = [...shell, app + pack];
  const total = sum(critical);
  const ceiling = FIRST_VISIT_CEILINGS_KIB[path];
  if (ceiling === undefined) fail(`the page ${path} has no ceiling; measure it and add one to FIRST_VISIT_CEILINGS_KIB.`);
  row(path, total, `${String(critical.length).padStart(8)}${String(ceiling).padStart(9)}`);
  if (total.brotli / 1024 > ceiling) over.push(`${path} waits for ${(total.brotli / 1024).toFixed(1)} KiB brotli, over its ${ceiling} KiB ceiling`);
}
for (const path of Object.keys(FIRST_VISIT_CEILINGS_KIB)) {
  if (!(path in pages)) fail(`FIRST_VISIT_CEILINGS_KIB names ${path}, which is no longer a page; remove it.`);
}

// The whole app: every file the offline copy keeps (not the service worker itself, which
// changes with every build, nor pages.json, which only this report reads, nor the packs, which
// only first visits fetch).
const packs = Object.values(pages).map(({ pack }) => app + pack);
const shipped = files.filter((file) => file !== "sw.js" && !file.endsWith("/pages.json") && !packs.includes(file) && !file.startsWith("icons/") && !file.endsWith(".webmanifest"));
const whole = sum(shipped);
row("the whole app", whole, `${String(shipped.length).padStart(8)}${String(WHOLE_APP_CEILING_KIB).padStart(9)}`);
if (whole.brotli / 1024 > WHOLE_APP_CEILING_KIB) over.push(`the whole app is ${(whole.brotli / 1024).toFixed(1)} KiB brotli, over its ${WHOLE_APP_CEILING_KIB} KiB ceiling`);

if (over.length > 0) {
  fail(
    `${over.join("; ")}. Find what grew (node scripts/wasm-breakdown.mjs) and shrink it, or load it later ` +
      "(a lazy page or a lazy function) before landing.",
  );
}
console.log("every first visit and the whole app are within their ceilings");
