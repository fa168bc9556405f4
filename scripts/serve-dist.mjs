// A small static server for the release build (dist/), as an ordinary web host would serve it:
// real files as they are, and index.html for any other address, so deep links work.
// Used by the end-to-end tests and the benchmark; also runnable by hand:
// `node scripts/serve-dist.mjs [port]`.
import { createServer } from "node:http";
import { createSecureServer } from "node:http2";
import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { brotliCompress, constants } from "node:zlib";

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ics": "text/calendar",
};
// PNG is compressed already; hosts compress only text and WebAssembly.
const compressible = new Set([".html", ".js", ".mjs", ".wasm", ".css", ".json", ".webmanifest", ".svg", ".ics"]);

async function fileAt(root, urlPath) {
  const path = normalize(join(root, decodeURIComponent(urlPath)));
  if (!path.startsWith(root)) return null;
  try {
    return (await stat(path)).isFile() ? path : null;
  } catch {
    return null;
  }
}

const brotli = promisify(brotliCompress);
// Brotli at quality 11 takes seconds for the app, so each file is compressed once per process
// (again only if it changes on disk, as when dist/ is rebuilt).
const brotliCache = new Map();

async function brotliOf(path) {
  const { mtimeMs, size } = await stat(path);
  const cached = brotliCache.get(path);
  if (cached?.mtimeMs === mtimeMs && cached.size === size) return cached.body;
  const body = await brotli(await readFile(path), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: size },
  });
  brotliCache.set(path, { mtimeMs, size, body });
  return body;
}

async function filesUnder(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name));
}

function acceptsBrotli(acceptEncoding = "") {
  return acceptEncoding.split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return (coding === "br" || coding === "*") && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/**
 * Serves `root` on 127.0.0.1:`port` (0 picks a free port); resolves to { server, url }.
 * `compress`: brotli-compressed responses for clients that accept them, as static hosts send
 * (every compressible file is compressed before the server starts, so no request waits for it).
 * `tls` ({ key, cert }): HTTP/2 over TLS, still answering HTTP/1.1 clients.
 */
export async function startStaticServer({ root = "dist", port = 0, compress = false, tls = null } = {}) {
  const base = resolve(root);
  if (compress) {
    await Promise.all((await filesUnder(base)).filter((path) => compressible.has(extname(path))).map(brotliOf));
  }
  const handle = async (request, response) => {
    const urlPath = new URL(request.url, "http://127.0.0.1").pathname;
    let path = await fileAt(base, urlPath);
    // Addresses without a file extension are pages of the single-page app.
    if (!path && extname(urlPath) === "") path = join(base, "index.html");
    if (!path) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      response.end("Not found");
      return;
    }
    const brotliEncoded = compress && compressible.has(extname(path)) && acceptsBrotli(request.headers["accept-encoding"]);
    const body = brotliEncoded ? await brotliOf(path) : await readFile(path);
    const name = path.slice(base.length);
    // Trunk's hashed names, and the app's modules in their build's own folder (app/<build id>/).
    const hashed = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/.test(name) || /^\/app\/[0-9a-f]{16}\//.test(name);
    response.writeHead(200, {
      "content-type": types[extname(path)] ?? "application/octet-stream",
      "content-length": body.length,
      "cache-control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
      "x-content-type-options": "nosniff",
      ...(compress ? { vary: "accept-encoding" } : {}),
      ...(brotliEncoded ? { "content-encoding": "br" } : {}),
    });
    response.end(body);
  };
  const server = tls ? createSecureServer({ ...tls, allowHTTP1: true }, handle) : createServer(handle);
  const scheme = tls ? "https" : "http";
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => done({ server, url: `${scheme}://127.0.0.1:${server.address().port}` }));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 8080);
  const { url } = await startStaticServer({ port });
  console.log(`Serving dist/ on ${url}`);
}
