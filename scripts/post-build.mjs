// Trunk post_build hook, run in $TRUNK_STAGING_DIR's parent with that variable set.
// 1. Adds the app's start-up script (app/<build id>/boot.js, written by scripts/build-web.mjs) to
//    index.html as a file, because the Content-Security-Policy allows no inline scripts, and
//    asks the browser to fetch the main module and its glue while it reads the page.
// 2. Fills the service worker's precache list with every file of this build (every page's
//    modules included) and a build id derived from their contents, so each build replaces the
//    last offline copy whole; and tells it which modules make up each page's pack.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { filesUnder } from "./files.mjs";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("post-build: TRUNK_STAGING_DIR is not set; run this through `trunk build`.");
  process.exit(1);
}

const builds = readdirSync(join(staging, "app"));
if (builds.length !== 1) {
  console.error(`post-build: expected one build in app/, found ${builds.length}; scripts/build-web.mjs did not run.`);
  process.exit(1);
}
const app = `app/${builds[0]}`;
const boot = readFileSync(join(staging, app, "boot.js"));
const integrity = `sha384-${createHash("sha384").update(boot).digest("base64")}`;
const indexPath = join(staging, "index.html");
const html = readFileSync(indexPath, "utf8");
const startUp =
  `<link rel="modulepreload" href="${app}/appraise.js">` +
  `<link rel="modulepreload" href="${app}/__wasm_split.js">` +
  `<link rel="preload" href="${app}/appraise_bg.wasm" as="fetch" type="application/wasm" crossorigin>` +
  `<script type="module" src="${app}/boot.js" integrity="${integrity}"></script>`;
if (!html.includes("</head>")) {
  console.error("post-build: index.html has no </head> to add the start-up script before.");
  process.exit(1);
}
writeFileSync(indexPath, html.replace("</head>", `${startUp}</head>`));

const files = filesUnder(staging);
// Not the first-visit packs: the service worker puts them together from the modules it keeps.
const precache = files.filter((file) => file !== "sw.js" && !file.endsWith("/pages.json") && !/\/first-visit-[a-z-]+\.wasm$/.test(file));
const build = createHash("sha256");
for (const file of precache) build.update(file).update(readFileSync(join(staging, file)));
const buildId = build.digest("hex").slice(0, 16);

const { pages } = JSON.parse(readFileSync(join(staging, app, "pages.json"), "utf8"));
const packs = Object.fromEntries(Object.values(pages).map(({ pack, modules }) => [`${app}/${pack}`, modules.map((module) => `${app}/${module}`)]));

const swPath = join(staging, "sw.js");
const sw = readFileSync(swPath, "utf8")
  .replace('"__APPRAISE_BUILD__"', JSON.stringify(buildId))
  .replace('["__APPRAISE_PRECACHE__"]', JSON.stringify(["./", ...precache]))
  .replace("{ __APPRAISE_PACKS__: [] }", JSON.stringify(packs));
if (sw.includes("__APPRAISE_")) {
  console.error("post-build: sw.js placeholders were not all filled in.");
  process.exit(1);
}
writeFileSync(swPath, sw);
console.log(`post-build: ${app}/boot.js, service worker build ${buildId} precaches ${precache.length + 1} files`);
