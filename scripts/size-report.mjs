// Prints what a browser downloads on first load of the release build in dist/: each shipped
// file's size raw, gzip -9 and brotli (quality 11), and the totals for wasm + js + css.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dist = process.argv[2] ?? "dist";
const counted = new Set([".wasm", ".js", ".css", ".html"]);

const rows = [];
for (const name of readdirSync(dist).sort()) {
  const path = join(dist, name);
  if (!statSync(path).isFile() || !counted.has(extname(name)) || name === "sw.js") continue;
  const bytes = readFileSync(path);
  rows.push({
    name,
    kind: extname(name).slice(1),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  });
}
if (rows.length === 0) {
  console.error(`size-report: nothing to measure in ${dist}/; run 'trunk build --release' first.`);
  process.exit(1);
}

const kib = (n) => (n / 1024).toFixed(1).padStart(8);
const line = (name, r) => console.log(`${name.padEnd(40)}${kib(r.raw)}${kib(r.gzip)}${kib(r.brotli)}`);
console.log(`${"file (KiB)".padEnd(40)}${"raw".padStart(8)}${"gzip".padStart(8)}${"brotli".padStart(8)}`);
for (const r of rows) line(r.name, r);
const sum = (filter) =>
  rows.filter(filter).reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
line("total wasm + js + css", sum((r) => r.kind !== "html"));
line("total with index.html", sum(() => true));
