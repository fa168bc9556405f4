// Trunk post_build hook, run in $TRUNK_STAGING_DIR's parent with that variable set.
// 1. Moves Trunk's inline start-up <script type="module"> into its own hashed file, because the
//    Content-Security-Policy allows scripts from the app's own files only.
// 2. Fills the service worker's precache list with every file of this build (hashed names) and
//    a build id derived from their contents, so each build replaces the last offline copy.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("post-build: TRUNK_STAGING_DIR is not set; run this through `trunk build`.");
  process.exit(1);
}

const digest = (algorithm, data) => createHash(algorithm).update(data).digest();

const indexPath = join(staging, "index.html");
let html = readFileSync(indexPath, "utf8");
const inlineModule = /<script type="?module"?(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/;
const found = html.match(inlineModule);
if (!found) {
  console.error("post-build: Trunk's start-up script was not found in index.html.");
  process.exit(1);
}
const boot = found[1].trim() + "\n";
const bootName = `boot-${digest("sha256", boot).toString("hex").slice(0, 16)}.js`;
writeFileSync(join(staging, bootName), boot);
const integrity = `sha384-${digest("sha384", boot).toString("base64")}`;
html = html.replace(inlineModule, `<script type="module" src="${bootName}" integrity="${integrity}"></script>`);
writeFileSync(indexPath, html);

const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(relative(staging, path).split("\\").join("/"));
  }
};
walk(staging);
const precache = files.filter((file) => file !== "sw.js");
const build = createHash("sha256");
for (const file of precache) build.update(file).update(readFileSync(join(staging, file)));
const buildId = build.digest("hex").slice(0, 16);

const swPath = join(staging, "sw.js");
const sw = readFileSync(swPath, "utf8")
  .replace('"__APPRAISE_BUILD__"', JSON.stringify(buildId))
  .replace('["__APPRAISE_PRECACHE__"]', JSON.stringify(["./", ...precache]));
if (sw.includes("__APPRAISE_")) {
  console.error("post-build: sw.js placeholders were not all filled in.");
  process.exit(1);
}
writeFileSync(swPath, sw);
console.log(`post-build: ${bootName}, service worker build ${buildId} precaches ${precache.length + 1} files`);
