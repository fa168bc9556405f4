// Prints what the release wasm is made of: its code bytes grouped by the crate (or, for the app,
// the module) each function comes from, and its data. It reads the wasm Trunk's release build
// hands to wasm-opt, because only that still names every function; wasm-opt shrinks it by about
// a tenth, so the shares, not the sizes, carry over to the shipped file (whose size
// scripts/size-report.mjs gives). Rust symbols name a generic function's crate, not the types it
// was made for, so "Rust core, alloc, std" includes iterators, drop code and collections
// instantiated for the app's own types.
//
// Usage: node scripts/wasm-breakdown.mjs [target/wasm-bindgen/release/appraise_bg.wasm]
// With SHOW_GROUP set to a group's name (e.g. SHOW_GROUP=other), also lists its functions.
import { readFileSync } from "node:fs";

const path = process.argv[2] ?? "target/wasm-bindgen/release/appraise_bg.wasm";
const wasm = readFileSync(path);

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
const all = sections();
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
const firstBody = importedFunctions();
const names = functionNames();
const groups = new Map();
let codeBytes = 0;
bodySizes().forEach((size, i) => {
  const name = names.get(firstBody + i) ?? "";
  const group = groupOf(name);
  if (group === shownGroup) console.log(`${String(size).padStart(8)}  ${name}`);
  groups.set(group, (groups.get(group) ?? 0) + size);
  codeBytes += size;
});
const dataBytes = section(DATA) ? section(DATA).end - section(DATA).start : 0;
groups.set("data: text and tables", dataBytes);

const total = codeBytes + dataBytes;
console.log(`what the wasm is made of (before wasm-opt: ${(total / 1024).toFixed(0)} KiB of code and data)`);
for (const [group, bytes] of [...groups].sort((a, b) => b[1] - a[1])) {
  console.log(`${group.padEnd(40)}${(bytes / 1024).toFixed(1).padStart(8)} KiB${((100 * bytes) / total).toFixed(1).padStart(7)} %`);
}
