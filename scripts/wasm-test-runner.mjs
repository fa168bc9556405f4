// Cargo's runner for wasm32 test binaries (.cargo/config.toml): runs wasm-bindgen-test-runner,
// first joining the app's lazy pages back into the one module when the test links them.
//
// A lazy page (src/app.rs) calls its view through an import that only wasm-split can resolve,
// by cutting the page into a module of its own (scripts/build-web.mjs). wasm-bindgen's test
// runner loads one module and cannot serve split ones, so here each such import becomes a
// direct call to the page's code, and each "load the page's module" import calls its callback
// at once, saying it succeeded. The pages then run exactly as they do in the split build, only
// with nothing to download.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

const [wasmPath, ...args] = process.argv.slice(2);
const PLACEHOLDER = "__wasm_split_placeholder__";

const runTests = (path, { remove = false } = {}) => {
  const run = spawnSync("wasm-bindgen-test-runner", [path, ...args], { stdio: "inherit" });
  if (remove) rmSync(path, { force: true });
  process.exit(run.status ?? 1);
};

const bytes = readFileSync(wasmPath);
const linksLazyPages = WebAssembly.Module.imports(new WebAssembly.Module(bytes)).some((i) => i.module === PLACEHOLDER);
if (!linksLazyPages) runTests(wasmPath);

const { default: binaryen, rustFeatures } = await import("./binaryen.mjs");
binaryen.setDebugInfo(true);
const module = binaryen.readBinary(bytes);
module.setFeatures(rustFeatures);
const table = binaryen.getTableInfo(module.getTableByIndex(0)).name;

const lazyImports = [];
for (let i = 0; i < module.getNumFunctions(); i += 1) {
  const info = binaryen.getFunctionInfo(module.getFunctionByIndex(i));
  if (info.module === PLACEHOLDER) lazyImports.push(info);
}
for (const { name, base, params, results } of lazyImports) {
  const paramTypes = binaryen.expandType(params);
  const argument = (index) => module.local.get(index, paramTypes[index]);
  let body;
  if (base.startsWith("__wasm_split_load_")) {
    // load(callback, data): the page's code is already here, so report success straight away.
    body = module.call_indirect(table, argument(0), [argument(1), module.i32.const(1)], binaryen.createType([binaryen.i32, binaryen.i32]), binaryen.none);
  } else {
    const page = base.replace(/00_import_([0-9a-f]{32})_/, "00_export_$1_");
    if (!module.getFunction(page)) {
      console.error(`wasm-test-runner: ${basename(wasmPath)} has no ${page} to stand in for ${base}.`);
      process.exit(1);
    }
    body = module.call(page, paramTypes.map((_, index) => argument(index)), results);
  }
  module.removeFunction(name);
  module.addFunction(name, params, results, [], body);
}
// The table holds the loaders (as callbacks); its entries are made again so that they refer to
// the functions that replaced the imports.
const replaced = new Set(lazyImports.map(({ name }) => name));
for (let i = module.getNumElementSegments() - 1; i >= 0; i -= 1) {
  const segment = binaryen.getElementSegmentInfo(module.getElementSegmentByIndex(i));
  if (!segment.data.some((entry) => replaced.has(entry))) continue;
  module.removeElementSegment(segment.name);
  module.addActiveElementSegment(segment.table, segment.name, segment.data, segment.offset);
}
if (!module.validate()) {
  console.error(`wasm-test-runner: joining the lazy pages of ${basename(wasmPath)} made an invalid module.`);
  process.exit(1);
}
// Debug line tables do not survive the rewrite, and wasm-bindgen refuses broken ones.
module.runPasses(["strip-dwarf"]);
const joined = join(tmpdir(), `joined-${process.pid}-${basename(wasmPath)}`);
writeFileSync(joined, module.emitBinary());
runTests(joined, { remove: true });
