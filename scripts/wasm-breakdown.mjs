// Prints what the app's wasm is made of: code bytes grouped by the crate (or, for the app, the
// module) each function comes from, and data. It reads the modules as wasm-split wrote them,
// before binaryen shrinks them by about a tenth, because only then does every function still
// have its name: the shares, not the sizes, carry over to the shipped files (whose sizes
// scripts/size-report.mjs gives). Rust symbols name a generic function's crate, not the types it
// was made for, so "Rust core, alloc, std" includes iterators, drop code and collections
// instantiated for the app's own types.
//
// Usage: node scripts/wasm-breakdown.mjs            the main module (the shell every page needs)
//        node scripts/wasm-breakdown.mjs /prepare   a page's own modules, as its first visit fetches them
// With SHOW_GROUP set to a group's name (e.g. SHOW_GROUP=other), also lists its functions.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const work = "target/appraise-web-work";
const page = process.argv[2];
let modules = ["appraise.wasm"];
if (page) {
  const { pages } = JSON.parse(readFileSync(join(work, "web", "pages.json"), "utf8"));
  if (!pages[page]) {
    console.error(`wasm-breakdown: no page ${page}; the pages are ${Object.keys(pages).join(", ")}.`);
    process.exit(1);
  }
  modules = pages[page].modules;
}
let wasm;

function readU32(at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = wasm[at.offset++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return value;
  }
}

function readName(at) {
  const length = readU32(at);
  const text = wasm.toString("utf8", at.offset, at.offset + length);
  at.offset += length;
  return text;
}

/** Every section: its id, where its content starts and ends, and a custom section's name. */
function sections() {
  const found = [];
  const at = { offset: 8 };
  while (at.offset < wasm.length) {
    const id = wasm[at.offset++];
    const size = readU32(at);
    const end = at.offset + size;
    const section = { id, start: at.offset, end };
    if (id === 0) section.name = readName({ offset: at.offset });
    found.push(section);
    at.offset = end;
  }
  return found;
}

const IMPORT = 2;
const CODE = 10;
const DATA = 11;
let all;
const section = (id) => all.find((s) => s.id === id);

// Function indices count imported functions first, then the code section's bodies.
function importedFunctions() {
  const imports = section(IMPORT);
  if (!imports) return 0;
  const at = { offset: imports.start };
  let functions = 0;
  for (let count = readU32(at); count > 0; count -= 1) {
    readName(at);
    readName(at);
    const kind = wasm[at.offset++];
    if (kind === 0) {
      functions += 1;
      readU32(at);
    } else if (kind === 1) {
      at.offset += 1;
      const flags = readU32(at);
      readU32(at);
      if (flags & 1) readU32(at);
    } else if (kind === 2) {
      const flags = readU32(at);
      readU32(at);
      if (flags & 1) readU32(at);
    } else if (kind === 3) {
      at.offset += 2;
    } else {
      at.offset += 1;
      readU32(at);
    }
  }
  return functions;
}

function bodySizes() {
  const code = section(CODE);
  const at = { offset: code.start };
  const sizes = [];
  for (let count = readU32(at); count > 0; count -= 1) {
    const size = readU32(at);
    sizes.push(size);
    at.offset += size;
  }
  return sizes;
}

function functionNames() {
  const names = new Map();
  const custom = all.find((s) => s.name === "name");
  if (!custom) return names;
  const at = { offset: custom.start };
  readName(at);
  while (at.offset < custom.end) {
    const kind = wasm[at.offset++];
    const size = readU32(at);
    const end = at.offset + size;
    if (kind === 1) {
      for (let count = readU32(at); count > 0; count -= 1) {
        const index = readU32(at);
        names.set(index, readName(at));
      }
    }
    at.offset = end;
  }
  return names;
}

const LEPTOS = new Set(["oco_ref", "indexmap", "tachys", "reactive_graph", "leptos", "leptos_router", "leptos_dom", "either_of", "any_spawner", "or_poisoned", "throw_error", "send_wrapper", "slotmap", "next_tuple"]);
const CRYPTO = new Set(["curve25519_dalek", "ed25519_dalek", "x25519_dalek", "sha2", "blake2", "argon2", "chacha20", "chacha20poly1305", "poly1305", "hkdf", "hmac", "digest", "zeroize", "subtle", "block_buffer", "password_hash", "base64", "getrandom", "cipher", "crypto_common", "signature", "universal_hash", "aead", "inout", "generic_array"]);
const SERDE = new Set(["serde_json", "serde_core", "serde", "zmij", "itoa", "ryu"]);
const RUST = new Set(["core", "alloc", "std", "dlmalloc", "hashbrown", "compiler_builtins", "memchr", "unicode"]);
const WASM_GLUE = new Set(["wasm_bindgen", "js_sys", "web_sys", "wasm_bindgen_futures", "gloo_storage", "gloo_utils", "console_error_panic_hook", "futures_util", "futures_channel", "futures_executor"]);

/** A Rust symbol as a path: legacy mangling (`_ZN` + length-prefixed parts + hash) in full, v0 (`_R`) by its crate. */
function demangle(symbol) {
  if (symbol.startsWith("_R")) {
    // v0 mangling (the standard library's): only the crate is needed, for the grouping.
    const crate = /C[0-9A-Za-z]*_(\d+)/.exec(symbol);
    if (!crate) return symbol;
    const start = crate.index + crate[0].length;
    return `${symbol.slice(start, start + Number(crate[1]))}::${symbol}`;
  }
  if (!symbol.startsWith("_ZN")) return symbol;
  const parts = [];
  let at = 3;
  while (at < symbol.length && symbol[at] !== "E") {
    const digits = /^\d+/.exec(symbol.slice(at))[0];
    at += digits.length;
    parts.push(symbol.slice(at, at + Number(digits)));
    at += Number(digits);
  }
  if (/^h[0-9a-f]{16}$/.test(parts.at(-1) ?? "")) parts.pop();
  const escapes = { "$LT$": "<", "$GT$": ">", "$RF$": "&", "$BP$": "*", "$C$": ",", "$u20$": " ", "$u27$": "'", "$u7b$": "{", "$u7d$": "}", "$LP$": "(", "$RP$": ")" };
  return parts
    .join("::")
    .replace(/\$(LT|GT|RF|BP|C|u20|u27|u7b|u7d|LP|RP)\$/g, (escape) => escapes[escape])
    .replaceAll("..", "::")
    .replace(/^_</, "<");
}

/** The group a function's bytes count towards. */
function groupOf(name) {
  // A function counts where its own path starts, so generic code from core or a library made
  // for one of the app's types stays with that crate.
  const app = /^<?appraise::([a-z_]+)/.exec(name);
  if (app) return `app: ${app[1]}`;
  const crate = /([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/.exec(name)?.[1] ?? "";
  if (LEPTOS.has(crate)) return "Leptos (views, reactivity, router)";
  if (SERDE.has(crate)) return "serde / serde_json";
  if (CRYPTO.has(crate)) return "cryptography";
  if (crate === "miniz_oxide") return "compression (miniz_oxide)";
  if (crate === "chrono") return "chrono";
  if (RUST.has(crate)) return "Rust core, alloc, std";
  if (WASM_GLUE.has(crate) || /^__(wbindgen|wbg|externref)/.test(name)) return "browser bindings";
  return "other";
}

const shownGroup = process.env.SHOW_GROUP;
const groups = new Map();
let total = 0;
for (const module of modules) {
  wasm = readFileSync(join(work, "split", module));
  all = sections();
  const firstBody = importedFunctions();
  const names = functionNames();
  bodySizes().forEach((size, i) => {
    const name = demangle(names.get(firstBody + i) ?? "");
    // wasm-bindgen reads these to write the JavaScript glue, then removes them.
    if (/^__wbindgen_describe|::describe::|__wbindgen_describe/.test(name)) return;
    const group = groupOf(name);
    if (group === shownGroup) console.log(`${String(size).padStart(8)}  ${name}`);
    groups.set(group, (groups.get(group) ?? 0) + size);
    total += size;
  });
  const dataBytes = section(DATA) ? section(DATA).end - section(DATA).start : 0;
  groups.set("data: text and tables", (groups.get("data: text and tables") ?? 0) + dataBytes);
  total += dataBytes;
}

const what = page ? `the page ${page}'s own ${modules.length} modules` : "the main module";
console.log(`what ${what} is made of (before binaryen: ${(total / 1024).toFixed(0)} KiB of code and data)`);
for (const [group, bytes] of [...groups].sort((a, b) => b[1] - a[1])) {
  console.log(`${group.padEnd(40)}${(bytes / 1024).toFixed(1).padStart(8)} KiB${((100 * bytes) / total).toFixed(1).padStart(7)} %`);
}
