// The browser half of the benchmark (run by scripts/bench.sh after the release build and the
// native half): each figure is printed beside a floor measured in the same run, so the ratios
// hold on a noisy machine. Method and latest figures: BENCHMARKS.md.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { floorRoot, measureFirstVisits, printFirstVisits } from "./bench-first-visit.mjs";
import { startStaticServer } from "./serve-dist.mjs";

const BENCH = "target/bench";
const args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync", "--enable-precise-memory-info"];
const native = JSON.parse(readFileSync(join(BENCH, "native.json"), "utf8"));
const wasmCore = JSON.parse(readFileSync(join(BENCH, "wasm.json"), "utf8"));
const density = readFileSync(join(BENCH, "density.txt"), "utf8").trim();

const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (x) => `${x.toFixed(1)} ms`;
const results = {};

// 1. Sizes, from the size gate's table: each page's first visit and the whole app, each row
// ending with raw, gzip and brotli KiB (then files and ceiling).
const size = spawnSync("node", ["scripts/size-report.mjs"], { encoding: "utf8" }).stdout;
const sizeRow = (label) => {
  const cells = size.split("\n").find((l) => l.startsWith(label))?.slice(34).trim().split(/\s+/).map(Number);
  return cells ? { raw_kib: cells[0], gzip_kib: cells[1], brotli_kib: cells[2] } : null;
};
results.size = { shell: sizeRow("the shell alone"), prepare: sizeRow("/prepare "), home: sizeRow("/ "), whole_app: sizeRow("the whole app") };

// 2. First and repeat visits over real network speeds against static floors (which it builds).
results.first_visit = await measureFirstVisits();

const app = await startStaticServer({ root: "dist" });
const floor = await startStaticServer({ root: floorRoot("prepare") });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args });

// 3 and 6. Bulk import of 300 signed, encrypted final statements, and memory afterwards.
{
  const context = await browser.newContext();
  await context.addInitScript(() => addEventListener("appraise-started", (e) => { window.__wasm = e.detail.wasm; }));
  const page = await context.newPage();
  await page.goto(`${app.url}/data`);
  await page.getByLabel("Backup file").setInputFiles(join(BENCH, "headteacher-backup.json"));
  await page.getByLabel("The backup’s passphrase").fill(native.passphrase);
  await page.getByRole("button", { name: "Restore from backup" }).click();
  await page.getByRole("status").filter({ hasText: "added" }).waitFor({ timeout: 60000 });
  await page.goto(`${app.url}/import`);
  const files = readdirSync(join(BENCH, "bundles")).sort().map((name) => join(BENCH, "bundles", name));
  const start = await page.evaluate(() => performance.now());
  await page.getByLabel("Choose files").setInputFiles(files);
  // Waiting with cheap CSS queries polled every 100 ms, so the measuring does not slow the page.
  const checked = await page.waitForFunction(() => !document.querySelector("[data-testid=import-progress]")
    && document.querySelector("[data-testid=import-all]") && performance.now(), null, { polling: 100, timeout: 600000 }).then((h) => h.jsonValue());
  const label = await page.getByTestId("import-all").textContent();
  if (!label.includes(`Import all ${files.length} files`)) throw new Error(`not every file was ready: ${label}`);
  await page.getByTestId("import-all").click();
  const done = await page.waitForFunction((n) => document.querySelector("[data-testid=import-all-outcome]")?.textContent.includes(`${n} file(s) imported.`)
    && performance.now(), files.length, { polling: 100, timeout: 600000 }).then((h) => h.jsonValue());
  // The headteacher's home page then lists every review with its stage, which reads each one
  // and checks its sign-offs: from clicking Home to all 300 drawn, best of three.
  const homeTimes = [];
  for (let i = 0; i < 3; i += 1) {
    await page.getByRole("link", { name: "How it works", exact: true }).first().click();
    await page.getByRole("heading", { level: 1, name: /How/ }).waitFor();
    const left = await page.evaluate(() => performance.now());
    await page.getByRole("link", { name: "Home", exact: true }).click();
    const drawn = await page.waitForFunction((n) => document.querySelectorAll("main h3").length >= n && performance.now(), files.length, { polling: "raf", timeout: 120000 }).then((h) => h.jsonValue());
    homeTimes.push(drawn - left);
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  const memory = { js: heap.usedSize, wasm: await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? 0) };
  results.bulk_import = {
    bundles: files.length,
    browser_check_ms: checked - start,
    browser_import_ms: done - checked,
    home_page_ms: Math.min(...homeTimes),
    native_open_ms: native.open_ms,
    native_merge_persist_ms: native.merge_persist_ms,
  };
  results.memory = { js_heap_mib: memory.js / 1048576, wasm_mib: memory.wasm / 1048576 };
  await context.close();
}

// 4. Typing into a 20,000-character answer: keystroke to handled and to the next frame, frames
// dropped, and (in the app) keystroke to saved, the draft being saved 400 ms after typing stops
// by design. The floor is the same typing on the static page.
async function typing(url, saves) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__keys = [];
    window.__writes = [];
    window.__frames = [];
    // For each key: when the page has handled it, and when the next frame after it has been
    // drawn (which includes waiting for the screen's refresh).
    addEventListener("keydown", (e) => {
      const at = e.timeStamp;
      const key = { at };
      window.__keys.push(key);
      setTimeout(() => { key.handled = performance.now() - at; }, 0);
      requestAnimationFrame(() => setTimeout(() => { key.frame = performance.now() - at; }, 0));
    }, true);
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      setItem.call(this, key, value);
      if (key.startsWith("appraise:record:pre-review")) window.__writes.push(performance.now());
    };
    const frame = (t) => { window.__frames.push(t); requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
  });
  const page = await context.newPage();
  await page.goto(`${url}/prepare`);
  const field = page.locator("#pre_review-key_successes");
  const words = "Ran the phonics catch-up group and kept a reading log for every pupil. ";
  await field.fill(words.repeat(Math.ceil(20000 / words.length)).slice(0, 20000));
  if (saves) await page.getByText("All changes saved on this device").waitFor();
  await field.press("End");
  await page.evaluate(() => { window.__keys = []; window.__frames = []; });
  await field.pressSequentially("a".repeat(200), { delay: 40 });
  await page.waitForTimeout(200);
  const burst = await page.evaluate(() => ({
    handled: window.__keys.map((k) => k.handled),
    frame: window.__keys.map((k) => k.frame),
    frames: window.__frames,
  }));
  const gaps = burst.frames.slice(1).map((t, i) => t - burst.frames[i]);
  const persisted = [];
  for (let i = 0; saves && i < 15; i += 1) {
    const before = await page.evaluate(() => window.__writes.length);
    const pressed = await page.evaluate(() => performance.now());
    await field.press("b");
    await page.waitForFunction((n) => window.__writes.length > n, before);
    persisted.push((await page.evaluate(() => window.__writes.at(-1))) - pressed);
  }
  await context.close();
  return {
    field_chars: 20000,
    keystrokes: burst.handled.length,
    handled_p50_ms: percentile(burst.handled, 50),
    handled_p95_ms: percentile(burst.handled, 95),
    next_frame_p50_ms: percentile(burst.frame, 50),
    next_frame_p95_ms: percentile(burst.frame, 95),
    frames: gaps.length,
    dropped_frames: gaps.filter((g) => g > 25).length,
    persisted_p50_ms: saves ? percentile(persisted, 50) : null,
    persisted_p95_ms: saves ? percentile(persisted, 95) : null,
    save_delay_ms: 400,
  };
}
results.typing = await typing(app.url, true);
results.typing_floor = await typing(floor.url, false);
await browser.close();
await new Promise((done) => app.server.close(done));
await new Promise((done) => floor.server.close(done));

// The report.
const r = results;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const browserTotal = r.bulk_import.browser_check_ms + r.bulk_import.browser_import_ms;
const nativeTotal = native.open_ms + native.merge_persist_ms;
const wasmTotal = wasmCore.wasm_open_ms + wasmCore.wasm_merge_persist_ms;
console.log(size);
const kibBrotli = (row) => (row ? `${row.brotli_kib} KiB` : "n/a");
console.log(`1. What a first visit waits for, brotli: the pre-review form ${kibBrotli(r.size.prepare)} (goal ≤ 200 KiB), Home ${kibBrotli(r.size.home)} (goal ≤ 250 KiB), of which the shell ${kibBrotli(r.size.shell)}; the whole app ${kibBrotli(r.size.whole_app)}`);
console.log("2. First visit, each page against its static floor:");
printFirstVisits(r.first_visit);
console.log(`3. Bulk import of ${r.bulk_import.bundles} signed, encrypted bundles (${(native.bundle_bytes / r.bulk_import.bundles / 1024).toFixed(0)} KiB each): core work (open: decrypt and verify; import: merge and persist) in wasm ${ms(wasmTotal)} (open ${ms(wasmCore.wasm_open_ms)}, import ${ms(wasmCore.wasm_merge_persist_ms)}), ${ms(wasmTotal / r.bulk_import.bundles)} each; native ${ms(nativeTotal)} (open ${ms(native.open_ms)}, import ${ms(native.merge_persist_ms)}): ${ratio(wasmTotal, nativeTotal)} (goal ≤ 2×). In the app, choosing the files to "300 imported": ${ms(browserTotal)} (checking and previewing ${ms(r.bulk_import.browser_check_ms)}, Import all ${ms(r.bulk_import.browser_import_ms)}), ${ms(browserTotal / r.bulk_import.bundles)} each; then the home page listing all ${r.bulk_import.bundles} reviews with their stages: ${ms(r.bulk_import.home_page_ms)}`);
console.log(`4. Typing in a 20,000-character answer, ${r.typing.keystrokes} keys: keystroke to the draft holding it p50 ${ms(r.typing.handled_p50_ms)}, p95 ${ms(r.typing.handled_p95_ms)} (goal p95 ≤ 16 ms; static floor p50 ${ms(r.typing_floor.handled_p50_ms)}, p95 ${ms(r.typing_floor.handled_p95_ms)}: ${ratio(r.typing.handled_p95_ms, r.typing_floor.handled_p95_ms)} at p95); to the next frame drawn p50 ${ms(r.typing.next_frame_p50_ms)}, p95 ${ms(r.typing.next_frame_p95_ms)} (floor p95 ${ms(r.typing_floor.next_frame_p95_ms)}); ${r.typing.dropped_frames} of ${r.typing.frames} frames late (> 25 ms); keystroke to saved p50 ${ms(r.typing.persisted_p50_ms)}, p95 ${ms(r.typing.persisted_p95_ms)} (of which ${r.typing.save_delay_ms} ms is the deliberate save delay)`);
console.log(`5. ${density}`);
console.log(`8. The headteacher's desk over ${native.bundles} reviews: from nothing in wasm ${ms(wasmCore.wasm_desk_ms)}, native ${ms(native.desk_ms)}: ${ratio(wasmCore.wasm_desk_ms, native.desk_ms)} (goal ≤ 2×); again after one review changed wasm ${ms(wasmCore.wasm_desk_after_a_change_ms)}, native ${ms(native.desk_after_a_change_ms)}; moderation from its rows wasm ${wasmCore.wasm_moderation_ms.toFixed(3)} ms, native ${native.moderation_ms.toFixed(3)} ms: ${ratio(wasmCore.wasm_moderation_ms, native.moderation_ms)}; the governors' report wasm ${ms(wasmCore.wasm_governors_report_ms)}, native ${ms(native.governors_report_ms)}: ${ratio(wasmCore.wasm_governors_report_ms, native.governors_report_ms)} (goal ≤ 2×)`);
console.log(`6. Memory after importing ${r.bulk_import.bundles} bundles (after garbage collection): JS heap ${r.memory.js_heap_mib.toFixed(1)} MiB, wasm memory ${r.memory.wasm_mib.toFixed(1)} MiB`);
mkdirSync(BENCH, { recursive: true });
writeFileSync(join(BENCH, "results.json"), JSON.stringify({ ...results, native, wasm_core: wasmCore, density }, null, 2));
