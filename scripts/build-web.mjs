// Trunk pre_build hook: builds the app's WebAssembly split into one download per page.
//
// Trunk 0.21 cannot split a wasm module by itself (it never passes wasm-bindgen the
// --keep-lld-exports that split modules need), so this script does the Rust part of the build
// and index.html ships its output with a copy-dir link:
//   1. cargo build for wasm32 (release or debug, as Trunk was asked), with the relocations that
//      wasm-split needs (.cargo/config.toml);
//   2. wasm-split cuts the module at every lazy page (src/app.rs): the shell stays in the main
//      module, each page gets a split module, and code several pages share goes into chunks;
//   3. wasm-bindgen writes the JavaScript glue, keeping the exports the chunks link against;
//   4. release builds optimise every module for size with binaryen (wasm-opt -Oz);
//   5. everything goes into target/appraise-web/<build id>/, the id being a hash of the files,
//      so a new build has new addresses and browsers can cache each build's files for ever.
// For each page it writes a pack (the page's modules in one file), which the module loader
// fetches instead of the modules one by one, and boot.js, the page's only script: it starts the
// opened page's pack at once, beside the main module, instead of after the shell has started,
// and registers the offline copy (sw.js) only once the page is up. pages.json records which modules each page waits for, for the
// size gate (scripts/size-report.mjs), the offline copy (scripts/post-build.mjs) and the benchmark.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const release = (process.env.TRUNK_PROFILE ?? "release") === "release";
const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, "target");
// Always under this repository's target/, wherever Cargo builds: public/index.html ships
// target/appraise-web, and scripts/wasm-breakdown.mjs reads target/appraise-web-work.
const work = join(root, "target", "appraise-web-work");
const out = join(root, "target", "appraise-web");
const name = "appraise";

const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: "inherit" });
const fail = (message) => {
  console.error(`build-web: ${message}`);
  process.exit(1);
};

run("cargo", ["build", "--target", "wasm32-unknown-unknown", "--bin", name, ...(release ? ["--release"] : [])]);
const linked = join(targetDir, "wasm32-unknown-unknown", release ? "release" : "debug", `${name}.wasm`);

rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, "split"), { recursive: true });
run("wasm-split-cli", [linked, join(work, "split"), "--out-name", name]);
run("wasm-bindgen", [join(work, "split", `${name}.wasm`), "--target", "web", "--keep-lld-exports", "--no-typescript", "--out-dir", join(work, "web")]);
for (const file of readdirSync(join(work, "split"))) {
  if (file !== `${name}.wasm`) cpSync(join(work, "split", file), join(work, "web", file));
}

const files = readdirSync(join(work, "web")).sort();
if (release) await optimise(files.filter((file) => file.endsWith(".wasm")));

const loaderPath = join(work, "web", "__wasm_split.js");
const loader = readFileSync(loaderPath, "utf8");
const pages = pageFiles(loader);
for (const page of Object.values(pages)) {
  const parts = page.modules.map((file) => readFileSync(join(work, "web", file)));
  writeFileSync(join(work, "web", page.pack), Buffer.concat(parts));
  page.lengths = parts.map((bytes) => bytes.length);
}
writeFileSync(loaderPath, withPacks(loader, Object.values(pages)));
writeFileSync(join(work, "web", "boot.js"), bootScript(pages));
for (const file of [`${name}.js`, "__wasm_split.js", "boot.js"]) {
  const path = join(work, "web", file);
  writeFileSync(path, withoutNotes(readFileSync(path, "utf8")));
}
const manifest = { main: [`${name}.js`, `${name}_bg.wasm`, "__wasm_split.js"], pages: Object.fromEntries(Object.entries(pages).map(([path, { pack, modules }]) => [path, { pack, modules }])) };
writeFileSync(join(work, "web", "pages.json"), JSON.stringify(manifest, null, 2) + "\n");
// Every file counts, boot.js included: browsers keep a build's files for ever, by address.
const buildId = createHash("sha256");
for (const file of readdirSync(join(work, "web")).sort()) buildId.update(file).update(readFileSync(join(work, "web", file)));
const id = buildId.digest("hex").slice(0, 16);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(join(work, "web"), join(out, id), { recursive: true });
console.log(`build-web: ${files.filter((file) => file.endsWith(".wasm")).length} modules and ${Object.keys(pages).length} first-visit packs in app/${id}/ (${release ? "release, optimised" : "debug"})`);

/** Each page's address pattern (from src/app.rs), its loader, the modules it waits for, and its pack's name. */
function pageFiles(loaderText) {
  const app = readFileSync(join(root, "src", "app.rs"), "utf8");
  const routes = [...app.matchAll(/<Route path=path!\("([^"]*)"\) view=\{Lazy::<(\w+)>::new\(\)\} \/>/g)];
  if (routes.length === 0) fail("no lazy routes found in src/app.rs");
  const result = {};
  for (const [, path, route] of routes) {
    const snake = route.replace(/[A-Z]/g, (c, at) => (at ? "_" : "") + c.toLowerCase());
    const load = new RegExp(
      `export const (__wasm_split_load___${snake}_view_\\d+) = wrapAsyncCb\\(makeLoad\\(\\(\\) => \\{\\s*const src = fetch\\(new URL\\("\\./([^"]+)"[\\s\\S]*?, \\[([^\\]]*)\\]\\)\\);`,
    ).exec(loaderText);
    if (!load) fail(`the page ${route} (${path}) has no module of its own in __wasm_split.js`);
    const chunks = load[3].split(",").map((dep) => dep.trim()).filter(Boolean).map((dep) => `${dep.replace(/^__/, "")}.wasm`);
    const page = snake.replace(/_route$/, "").replaceAll("_", "-");
    result[path] = { loader: load[1], pack: `first-visit-${page}.wasm`, modules: [load[2], ...chunks] };
  }
  return result;
}

/**
 * wasm-split's loader, without its notes, changed so that a page's modules come from its pack:
 * one request instead of one per module (under the offline copy, sw.js puts the pack together
 * from the modules it keeps), compiled as soon as it is in. `primePack` starts a page's pack for the modules not yet
 * asked for; boot.js calls it for the page opened, and each page's loader before it loads.
 */
function withPacks(loaderText, pageList) {
  const fetches = /fetch\(new URL\("\.\/([^"]+\.wasm)", import\.meta\.url\)\)/g;
  const instantiations = /WebAssembly\.instantiateStreaming\(src, imports\)/g;
  if (!fetches.test(loaderText) || !instantiations.test(loaderText)) fail("__wasm_split.js does not fetch and instantiate modules as expected; has wasm-split changed its output?");
  // wasm-split notes above each module the pages that use it: a line for people reading the
  // loader, which every first visit would otherwise download (1.8 KiB brotli of the shell).
  let text = loaderText
    .replace(/^\/\* [^\n]*\*\/\n/gm, "")
    .replace(fetches, 'fetchModule(new URL("./$1", import.meta.url))')
    .replace(instantiations, "instantiateModule(src, imports)");
  // wasm-split writes the same fetch-and-instantiate out in full for each of some 400 modules;
  // one line each, through `moduleLoad` below, and short names for its shared chunks.
  const perModule =
    /makeLoad\(\(\) => \{\n\s*const src = fetchModule\(new URL\("\.\/([^"]+)", import\.meta\.url\)\);\n\s*src\.catch\(\(\) => \{\}\);\n\s*return async \(imports\) => \(instantiateModule\(src, imports\)\);\n\}\n, /g;
  if (!perModule.test(text)) fail("__wasm_split.js does not load each module as expected; has wasm-split changed its output?");
  text = text.replace(perModule, 'moduleLoad("$1", ').replace(/\b__chunk_(\d+)\b/g, "c$1");
  const wrappers = pageList.map(({ loader, pack }) => {
    const declaration = `export const ${loader} = wrapAsyncCb(`;
    if (!text.includes(declaration)) fail(`__wasm_split.js has no ${loader}`);
    text = text.replace(declaration, `const ${loader}_alone = wrapAsyncCb(`);
    return `export const ${loader} = (index, data) => {\n  primePack(${JSON.stringify(pack)});\n  return ${loader}_alone(index, data);\n};\n`;
  });
  // A shared chunk's file, chunk_<n>.wasm, is written as its number.
  const asWritten = (file) => (/^chunk_\d+\.wasm$/.test(file) ? Number(file.slice(6, -5)) : file);
  const packs = Object.fromEntries(pageList.map(({ pack, modules, lengths }) => [pack, modules.map((file, index) => [asWritten(file), lengths[index]])]));
  return `// Modules already asked for, and those whose bytes are on their way from a pack.
const requested = new Set();
const early = new Map();
const fetchModule = (url) => {
  requested.add(url.href);
  const started = early.get(url.href);
  early.delete(url.href);
  return started ?? fetch(url);
};
const instantiateModule = async (src, imports) => {
  const source = await src;
  return source instanceof WebAssembly.Module ? WebAssembly.instantiate(source, imports) : WebAssembly.instantiateStreaming(source, imports);
};
export const packBytes = (fetched) =>
  fetched.then((response) => {
    if (!response.ok) throw new Error(\`\${response.url}: \${response.status}\`);
    return response.arrayBuffer();
  });
// Each pack's modules, in order, with their lengths; a number n is the module chunk_<n>.wasm.
const packs = ${JSON.stringify(packs)};
const fileOf = (module) => (typeof module === "number" ? \`chunk_\${module}.wasm\` : module);
const moduleLoad = (file, deps) =>
  makeLoad(() => {
    const src = fetchModule(new URL(\`./\${file}\`, import.meta.url));
    src.catch(() => {});
    return async (imports) => instantiateModule(src, imports);
  }, deps);
export const primePack = (pack, fetched) => {
  let offset = 0;
  const missing = packs[pack]
    .map(([module, length]) => {
      offset += length;
      return [fileOf(module), offset - length, length];
    })
    .filter(([file]) => {
      const href = new URL(file, import.meta.url).href;
      return !requested.has(href) && !early.has(href);
    });
  if (missing.length === 0) return [];
  const bytes = fetched ?? packBytes(fetch(new URL(pack, import.meta.url)));
  return missing.map(([file, offset, length]) => {
    const href = new URL(file, import.meta.url).href;
    // If the pack fails, the module is asked for by itself.
    const compiled = bytes.then((all) => WebAssembly.compile(all.slice(offset, offset + length))).catch(() => fetch(href));
    early.set(href, compiled);
    return compiled;
  });
};
${text}
${wrappers.join("")}`;
}

/** The page's start-up script: the opened page's pack, the app, then the offline copy. */
function bootScript(pageMap) {
  const table = Object.entries(pageMap).map(([path, { pack }]) => [`^${path.replace(/:[a-z]+/g, "[^/]+")}$`, pack]);
  return `// Starts Appraise. Written by scripts/build-web.mjs for this build.
// For each page: its address, and the pack its modules come in.
const pages = ${JSON.stringify(table)};
const opened = pages.find(([pattern]) => new RegExp(pattern).test(location.pathname));
// The opened page's pack is fetched at once, beside the main module, not after the shell has
// started; the modules are imported only after, so that nothing delays it.
const pack = opened && fetch(new URL(opened[1], import.meta.url));
const { default: init } = await import("./${name}.js");
const { packBytes, primePack } = await import("./__wasm_split.js");
const firstPage = opened ? primePack(opened[1], packBytes(pack)) : [];
const wasm = await init({ module_or_path: new URL("${name}_bg.wasm", import.meta.url) });
dispatchEvent(new CustomEvent("appraise-started", { detail: { wasm } }));

// The offline copy downloads every module of this build, so it waits until this page is up.
const registerOfflineCopy = () => {
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("sw.js").catch(() => {});
};
const afterFirstPage = () => Promise.allSettled(firstPage).then(() => setTimeout(registerOfflineCopy, 0));
if (document.readyState === "complete") afterFirstPage();
else addEventListener("load", afterFirstPage, { once: true });
`;
}

/**
 * The script without what only people read (comment lines, doc comments, indentation): every
 * first visit waits for the glue and the loader, and this is about 1.5 KiB brotli of them. A
 * script in which a string runs over lines (an odd number of backticks on a line) is left whole.
 */
function withoutNotes(script) {
  if (script.split("\n").some((line) => (line.match(/`/g) ?? []).length % 2 === 1)) return script;
  return script
    .replace(/^[ \t]*\/\*\*[\s\S]*?\*\/\n/gm, "")
    .replace(/^[ \t]*\/\/.*\n/gm, "")
    .replace(/^[ \t]+/gm, "");
}

/** wasm-opt -Oz on every module, in this one process (binaryen's npm build starts slowly). */
async function optimise(modules) {
  const { default: binaryen, rustFeatures } = await import("./binaryen.mjs");
  binaryen.setOptimizeLevel(2);
  binaryen.setShrinkLevel(2);
  for (const file of modules) {
    const path = join(work, "web", file);
    const module = binaryen.readBinary(readFileSync(path));
    module.setFeatures(rustFeatures);
    module.runPasses(["strip-debug", "strip-producers"]);
    module.optimize();
    writeFileSync(path, module.emitBinary());
    module.dispose();
  }
}
