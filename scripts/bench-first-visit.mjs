// The benchmark's first-visit figures: how long a new user waits for two pages on a cold first
// visit over real network speeds, and on a repeat visit, each against a static floor measured in
// the same run (the same page as the app draws it, saved as HTML and CSS with no script, served
// by the same server the same way). Both are served brotli-compressed, over HTTP/1.1 and over
// HTTP/2 with TLS, as a static host would.
//
// Run by scripts/bench.mjs; runnable alone after `trunk build --release`:
// `node scripts/bench-first-visit.mjs` prints the tables and stores them in
// target/bench/results.json under `first_visit`.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startStaticServer } from "./serve-dist.mjs";

const BENCH = "target/bench";
// The app is measured from a copy of dist/, so a rebuild during the run cannot mix two builds.
const APP = join(BENCH, "dist");
const RUNS = 5;
const CPU_THROTTLING = 4;
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const PAGES = [
  { name: "prepare", path: "/prepare" },
  { name: "home", path: "/" },
];
// Down and up in Mbps, latency in ms per request (Chromium's DevTools throttling).
const NETWORKS = [
  { name: "none" },
  { name: "fast wifi", down: 20, up: 20, latency: 20, goal: 1.5 },
  { name: "4G", down: 9, up: 1.5, latency: 85, goal: 1.6 },
  { name: "slow 4G", down: 1.6, up: 0.75, latency: 150, goal: 4 },
];
const REPEAT = { network: NETWORKS.find((n) => n.name === "4G"), goal: 1.3 };
const PROTOCOLS = [
  { name: "HTTP/1.1", alpn: "http/1.1", tls: false },
  { name: "HTTP/2", alpn: "h2", tls: true },
];

/** The static copy of `page` that its floor serves, as a directory to serve. */
export const floorRoot = (page) => join(BENCH, "floor", page);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sum = (xs) => xs.reduce((a, b) => a + b, 0);

// Runs in every document of a measuring context, from its first frame: notes when the page is
// ready on the page's own clock, so the harness's polling does not delay the figure.
function markReadiness(pageName) {
  const shown = (selector, text) =>
    [...document.querySelectorAll(selector)].some((e) => e.textContent.trim() === text && e.checkVisibility());
  const ready = {
    prepare: () => {
      const field = document.getElementById("pre_review-key_successes");
      return field !== null && !field.disabled && !field.readOnly;
    },
    // A new user's Home: the heading and, below it, the panel that leads to set-up.
    home: () => shown("h1", "Your appraisal, on your device") && shown(".panel h2", "Set up Appraise"),
  }[pageName];
  const poll = () => {
    if (ready()) window.__readyAt = performance.now();
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

/** When the page became ready: ms since its navigation started, and as a wall-clock time. */
async function readiness(tab) {
  const handle = await tab.waitForFunction(
    () => window.__readyAt !== undefined && { ms: window.__readyAt, wall: performance.timeOrigin + window.__readyAt },
    null, { polling: 50, timeout: 180000 });
  return handle.jsonValue();
}

// Ready means usable: the pre-review's field must take a keystroke.
async function checkTyping(tab, page) {
  if (page.name !== "prepare") return;
  const field = tab.locator("#pre_review-key_successes");
  const before = await field.inputValue();
  await field.pressSequentially("x");
  const after = await field.inputValue();
  if (after.length !== before.length + 1) throw new Error(`${tab.url()}: the field did not take a keystroke: ${JSON.stringify(after.slice(0, 80))}`);
}

async function throttle(cdp, network) {
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_THROTTLING });
  if (network.latency === undefined) return;
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: network.latency,
    downloadThroughput: (network.down * 1e6) / 8,
    uploadThroughput: (network.up * 1e6) / 8,
  });
}

// What the page downloads by Chromium's own count: encodedDataLength is the bytes on the wire,
// headers included.
function recordTransfers(cdp) {
  let navigation;
  const protocols = new Map();
  const finished = [];
  cdp.on("Network.requestWillBeSent", (e) => {
    if (!navigation && e.type === "Document") navigation = e;
  });
  cdp.on("Network.responseReceived", (e) => protocols.set(e.requestId, e.response.protocol));
  cdp.on("Network.loadingFinished", (e) => finished.push(e));
  return {
    // Requests finished between the navigation's start and the wall-clock time `wallMs`; CDP
    // stamps events on a monotonic clock, which the navigation's own wall time anchors.
    until(wallMs) {
      const cutoff = navigation.timestamp + (wallMs / 1000 - navigation.wallTime);
      const done = finished.filter((e) => e.timestamp <= cutoff);
      return { bytes: sum(done.map((e) => e.encodedDataLength)), requests: done.length, protocol: protocols.get(navigation.requestId) };
    },
  };
}

/** A new user's first visit: fresh context, so no HTTP cache and no service worker. */
async function coldVisit(browser, url, page, network) {
  const context = await browser.newContext();
  try {
    await context.addInitScript(markReadiness, page.name);
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    const transfers = recordTransfers(cdp);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await throttle(cdp, network);
    await tab.goto(url + page.path, { waitUntil: "commit" });
    const ready = await readiness(tab);
    await checkTyping(tab, page);
    return { ms: ready.ms, ...transfers.until(ready.wall) };
  } finally {
    await context.close();
  }
}

async function untilControlled(tab) {
  await tab.evaluate(() => navigator.serviceWorker.ready);
  for (let reloads = 0; !(await tab.evaluate(() => navigator.serviceWorker.controller !== null)); reloads += 1) {
    if (reloads === 5) throw new Error(`${tab.url()}: the service worker never took control`);
    await tab.reload();
    await readiness(tab);
  }
}

/** A context that has visited the page once (with the offline copy in place, for the app). */
async function returningUser(browser, url, page, serviceWorker) {
  const context = await browser.newContext();
  await context.addInitScript(markReadiness, page.name);
  const tab = await context.newPage();
  await tab.goto(url + page.path, { waitUntil: "commit" });
  await readiness(tab);
  if (serviceWorker) await untilControlled(tab);
  const cdp = await context.newCDPSession(tab);
  await cdp.send("Network.enable");
  await throttle(cdp, REPEAT.network);
  return { context, tab, serviceWorker };
}

async function repeatVisit(user, page) {
  await user.tab.reload({ waitUntil: "commit" });
  const ready = await readiness(user.tab);
  await checkTyping(user.tab, page);
  if (user.serviceWorker && !(await user.tab.evaluate(() => navigator.serviceWorker.controller !== null))) {
    throw new Error(`${user.tab.url()}: the repeat visit was not served by the service worker`);
  }
  return ready.ms;
}

/** The floors: each page as the app draws it for a new user, as static HTML with the app's CSS. */
async function buildFloors(browser) {
  const app = await startStaticServer({ root: APP });
  rmSync(join(BENCH, "floor"), { recursive: true, force: true });
  for (const page of PAGES) {
    const context = await browser.newContext();
    await context.addInitScript(markReadiness, page.name);
    const tab = await context.newPage();
    await tab.goto(app.url + page.path);
    await readiness(tab);
    const html = await tab.evaluate(() => {
      document.querySelectorAll("script, link[rel=modulepreload], link[rel=preload]").forEach((e) => e.remove());
      return "<!doctype html>\n" + document.documentElement.outerHTML;
    });
    await context.close();
    const root = floorRoot(page.name);
    cpSync(APP, root, { recursive: true, filter: (source) => source !== join(APP, "app") && !/\.(js|wasm)$/.test(source) });
    writeFileSync(join(root, "index.html"), html.replaceAll("<!---->", ""));
  }
  await stopServer(app);
}

function selfSignedCertificate() {
  const key = join(BENCH, "tls-key.pem");
  const cert = join(BENCH, "tls-cert.pem");
  execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert], { stdio: "ignore" });
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

const stopServer = ({ server }) => new Promise((done) => server.close(done));

async function startServers(protocol, certificate) {
  const options = { compress: true, tls: protocol.tls ? certificate : null };
  const floors = {};
  for (const page of PAGES) floors[page.name] = await startStaticServer({ root: floorRoot(page.name), ...options });
  return { app: await startStaticServer({ root: APP, ...options }), floors };
}

function compare(appSamples, floorSamples, goal) {
  const app = median(appSamples);
  const floor = median(floorSamples);
  return { app_ms: app, floor_ms: floor, ratio: app / floor, goal: goal ?? null, app_runs_ms: appSamples, floor_runs_ms: floorSamples };
}

// Floor and app alternate within each run, so drift in the machine's speed falls on both.
async function coldVisits(browser, servers, protocol, runs) {
  const cells = PAGES.flatMap((page) => NETWORKS.map((network) => ({ page, network, app: [], floor: [] })));
  for (let run = 1; run <= runs; run += 1) {
    console.log(`[first visit] ${protocol.name}: cold visits, run ${run} of ${runs}`);
    for (const cell of cells) {
      for (const side of ["floor", "app"]) {
        const url = side === "app" ? servers.app.url : servers.floors[cell.page.name].url;
        const visit = await coldVisit(browser, url, cell.page, cell.network);
        if (visit.protocol !== protocol.alpn) throw new Error(`${url}: served over ${visit.protocol}, not ${protocol.alpn}`);
        cell[side].push(visit);
      }
    }
  }
  const transfer = (visits) => ({ bytes: median(visits.map((v) => v.bytes)), requests: median(visits.map((v) => v.requests)) });
  return cells.map(({ page, network, app, floor }) => ({
    page: page.path,
    network: network.name,
    protocol: protocol.name,
    ...compare(app.map((v) => v.ms), floor.map((v) => v.ms), network.goal),
    app_transfer: transfer(app),
    floor_transfer: transfer(floor),
  }));
}

async function repeatVisits(browser, servers, protocol, runs) {
  console.log(`[first visit] ${protocol.name}: repeat visits`);
  const rows = [];
  for (const page of PAGES) {
    const app = await returningUser(browser, servers.app.url, page, true);
    const floor = await returningUser(browser, servers.floors[page.name].url, page, false);
    const times = { app: [], floor: [] };
    for (let run = 0; run < runs; run += 1) {
      times.floor.push(await repeatVisit(floor, page));
      times.app.push(await repeatVisit(app, page));
    }
    await app.context.close();
    await floor.context.close();
    rows.push({ page: page.path, network: REPEAT.network.name, protocol: protocol.name, ...compare(times.app, times.floor, REPEAT.goal) });
  }
  return rows;
}

/** Measures every figure; resolves to what results.json keeps under `first_visit`. */
export async function measureFirstVisits({ runs = RUNS } = {}) {
  mkdirSync(BENCH, { recursive: true });
  rmSync(APP, { recursive: true, force: true });
  cpSync("dist", APP, { recursive: true });
  const certificate = selfSignedCertificate();
  const snapshotting = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  await buildFloors(snapshotting);
  await snapshotting.close();
  const cold = [];
  const repeat = [];
  for (const protocol of PROTOCOLS) {
    // The certificate is self-signed: Chromium is told to accept it, for the service worker's
    // script as much as for the pages.
    const args = protocol.tls ? [...CHROMIUM_ARGS, "--ignore-certificate-errors"] : CHROMIUM_ARGS;
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args });
    const servers = await startServers(protocol, certificate);
    cold.push(...(await coldVisits(browser, servers, protocol, runs)));
    repeat.push(...(await repeatVisits(browser, servers, protocol, runs)));
    await browser.close();
    await Promise.all([servers.app, ...Object.values(servers.floors)].map(stopServer));
  }
  return {
    runs,
    cpu_throttling: CPU_THROTTLING,
    cold_cache: "HTTP cache disabled, fresh browser context per visit (no service worker)",
    compression: "brotli quality 11",
    networks: NETWORKS.map(({ name, down, up, latency }) => ({ name, down_mbps: down ?? null, up_mbps: up ?? null, latency_ms: latency ?? null })),
    repeat_visit: `${REPEAT.network.name}, reload after the service worker controls the page; floor: warm HTTP cache`,
    cold,
    repeat,
  };
}

const pad = (s, n) => String(s).padEnd(n);
const num = (x, n) => x.toFixed(0).padStart(n);
const goalText = (row) => (row.goal === null ? "" : `≤ ${row.goal}× ${row.ratio <= row.goal ? "met" : "missed"}`);

function timeRow(row) {
  return `${pad(row.page, 10)}${pad(row.network, 11)}${pad(row.protocol, 10)}${num(row.app_ms, 8)}${num(row.floor_ms, 10)}${`${row.ratio.toFixed(2)}×`.padStart(8)}  ${goalText(row)}`;
}

/** Prints the tables: cold first visits, repeat visits, and what each first page downloads. */
export function printFirstVisits(r) {
  const header = `${pad("page", 10)}${pad("network", 11)}${pad("protocol", 10)}${"app ms".padStart(8)}${"floor ms".padStart(10)}${"ratio".padStart(8)}  goal`;
  const byPage = (a, b) => PAGES.findIndex((p) => p.path === a.page) - PAGES.findIndex((p) => p.path === b.page);
  const byNetwork = (a, b) => NETWORKS.findIndex((n) => n.name === a.network) - NETWORKS.findIndex((n) => n.name === b.network);
  const rows = [...r.cold].sort((a, b) => byPage(a, b) || byNetwork(a, b));
  console.log(`Cold first visit as a new user (${r.cpu_throttling}× CPU throttling, ${r.cold_cache}, ${r.compression}, median of ${r.runs}):`);
  console.log(header);
  for (const row of rows) console.log(timeRow(row));
  console.log(`Repeat visit (${r.repeat_visit}, median of ${r.runs}):`);
  console.log(header);
  for (const row of r.repeat) console.log(timeRow(row));
  console.log(`What each first page waits for (on the wire, navigation start to ready, ${REPEAT.network.name} runs, median):`);
  console.log(`${pad("page", 10)}${pad("protocol", 10)}${"app KiB".padStart(9)}${"requests".padStart(10)}${"floor KiB".padStart(11)}${"requests".padStart(10)}`);
  for (const row of rows.filter((row) => row.network === REPEAT.network.name)) {
    const kib = (t) => (t.bytes / 1024).toFixed(1);
    console.log(`${pad(row.page, 10)}${pad(row.protocol, 10)}${kib(row.app_transfer).padStart(9)}${String(row.app_transfer.requests).padStart(10)}${kib(row.floor_transfer).padStart(11)}${String(row.floor_transfer.requests).padStart(10)}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const firstVisit = await measureFirstVisits();
  printFirstVisits(firstVisit);
  const stored = join(BENCH, "results.json");
  const results = existsSync(stored) ? JSON.parse(readFileSync(stored, "utf8")) : {};
  writeFileSync(stored, JSON.stringify({ ...results, first_visit: firstVisit }, null, 2));
}
