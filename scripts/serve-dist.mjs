// A small static server for the release build (dist/), as an ordinary web host would serve it:
// real files as they are, and index.html for any other address, so deep links work.
// Used by the end-to-end tests; also runnable by hand: `node scripts/serve-dist.mjs [port]`.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

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

async function fileAt(root, urlPath) {
  const path = normalize(join(root, decodeURIComponent(urlPath)));
  if (!path.startsWith(root)) return null;
  try {
    return (await stat(path)).isFile() ? path : null;
  } catch {
    return null;
  }
}

/** Serves `root` on 127.0.0.1:`port` (0 picks a free port); resolves to { server, url }. */
export function startStaticServer({ root = "dist", port = 0 } = {}) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    const urlPath = new URL(request.url, "http://127.0.0.1").pathname;
    let path = await fileAt(base, urlPath);
    // Addresses without a file extension are pages of the single-page app.
    if (!path && extname(urlPath) === "") path = join(base, "index.html");
    if (!path) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      response.end("Not found");
      return;
    }
    const body = await readFile(path);
    const name = path.slice(base.length);
    // Trunk's hashed names, and the app's modules in their build's own folder (app/<build id>/).
    const hashed = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/.test(name) || /^\/app\/[0-9a-f]{16}\//.test(name);
    response.writeHead(200, {
      "content-type": types[extname(path)] ?? "application/octet-stream",
      "cache-control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
      "x-content-type-options": "nosniff",
    });
    response.end(body);
  });
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => done({ server, url: `http://127.0.0.1:${server.address().port}` }));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 8080);
  const { url } = await startStaticServer({ port });
  console.log(`Serving dist/ on ${url}`);
}
