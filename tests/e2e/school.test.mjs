// The school's own pages: the CPD leader sees every training need received, grouped by theme,
// and downloads them for the training audit as a CSV a spreadsheet opens safely (a need typed as
// a formula stays text). Nothing of a statement reaches them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp, personNamed, lookAt, downloadTo, importFile, sendCard, nav } from "./support.mjs";

let app;
let dir;
before(async () => {
  app = await startApp();
  dir = await mkdtemp(join(tmpdir(), "appraise-school-"));
});
after(async () => {
  await app?.close();
});

const download = (page, act) => downloadTo(dir, page, act);

/** Jo starts a review of `reviewee`, writes one training need, signs it and sends it to Chris. */
async function needsFor(jo, reviewee, need, action, theme) {
  await nav(jo.page, "Start a review");
  await jo.page.getByLabel("Reviewee’s name").fill(reviewee);
  await jo.page.getByLabel("Reviewee’s job title").fill("Teaching assistant");
  await jo.page.getByLabel("Your school’s appraisal policy").selectOption({ label: "Local authority model for support staff" });
  await jo.page.getByLabel("Meeting date").fill("14/10/2026");
  await download(jo.page, () => jo.page.getByRole("button", { name: "Start the review and download the invitation" }).click());
  await jo.page.getByRole("link", { name: `Open ${reviewee}’s review` }).click();
  const cpd = jo.page.locator("#cpd-needs");
  await cpd.getByRole("button", { name: "Add a training need" }).click();
  const first = cpd.getByRole("group", { name: "Need 1" });
  await first.getByLabel("Training or development need").fill(need);
  await first.getByLabel("Action to be taken").fill(action);
  await first.getByLabel("Theme").selectOption({ label: theme });
  await jo.page.getByRole("button", { name: "Sign the training needs" }).click();
  await jo.page.getByLabel("CPD leader’s name").fill("Chris Train");
  return download(jo.page, () => jo.page.getByRole("button", { name: "Send the training needs to the CPD leader" }).click());
}

test("the CPD leader lists every training need by theme and downloads them for the training audit", async () => {
  const now = "2026-10-15T10:00:00Z";
  const jo = await personNamed(app, "Jo Lee", { now, bypassCSP: true });
  const chris = await personNamed(app, "Chris Train", { now, bypassCSP: true });
  // Chris's contact card reaches Jo, so the needs go locked to Chris.
  await sendCard(dir, chris, jo, "Chris Train");

  const sams = await needsFor(jo, "Sam Patel", "=HYPERLINK(\"http://example.com\",\"Phonics\")", "Local authority phonics course", "Subject knowledge or curriculum");
  const anas = await needsFor(jo, "Ana Cole", "Safeguarding refresher", "Annual online module, by December", "Safeguarding");
  await importFile(chris.page, sams.path);
  await importFile(chris.page, anas.path);

  await nav(chris.page, "Home");
  // Home sums up what has arrived, by theme, and leads to the list.
  const received = chris.page.getByRole("region", { name: "Training needs received" });
  const themes = received.getByTestId("needs-by-theme").getByRole("listitem");
  await themes.first().waitFor();
  assert.deepEqual(await themes.allInnerTexts(), [
    "Safeguarding: 1 need",
    "Subject knowledge or curriculum: 1 need",
  ]);
  await lookAt(chris.page, "home-cpd-leader-needs");
  await received.getByRole("link", { name: /See every training need by theme/ }).click();
  await chris.page.getByRole("heading", { name: "Training needs received", level: 1 }).waitFor();
  const headings = await chris.page.getByRole("heading", { level: 2 }).allTextContents();
  assert.deepEqual(headings, ["Safeguarding (1 need)", "Subject knowledge or curriculum (1 need)"]);
  await chris.page.getByRole("row", { name: /Ana Cole/ }).getByText("Annual online module, by December").waitFor();
  await lookAt(chris.page, "training-needs-received");

  const csv = await download(chris.page, () => chris.page.getByRole("button", { name: "Download the list for a spreadsheet (CSV)" }).click());
  assert.match(csv.name, /^training-needs-.*\.csv$/);
  const text = await readFile(csv.path, "utf8");
  assert.ok(text.startsWith("\uFEFF"), "a byte-order mark, so Excel reads UTF-8");
  const lines = text.slice(1).trimEnd().split("\r\n");
  assert.deepEqual(lines, [
    '"Theme","Name","Job title","Reviewer","Need","Action agreed"',
    '"Safeguarding","Ana Cole","Teaching assistant","Jo Lee","Safeguarding refresher","Annual online module, by December"',
    '"Subject knowledge or curriculum","Sam Patel","Teaching assistant","Jo Lee","\'=HYPERLINK(""http://example.com"",""Phonics"")","Local authority phonics course"',
  ]);
  assert.deepEqual(jo.person.consoleErrors, []);
  assert.deepEqual(chris.person.consoleErrors, []);
  await jo.person.context.close();
  await chris.person.context.close();
});

test("a review past the policy's retention period is removed from the device once confirmed, and the next due is dated", async () => {
  const jo = await personNamed(app, "Jo Lee", { now: "2026-11-30T10:00:00Z", bypassCSP: true });
  for (const [name, meeting] of [["Kit Moss", "14/10/2019"], ["Sam Patel", "14/10/2024"]]) {
    await nav(jo.page, "Start a review");
    await jo.page.getByLabel("Reviewee’s name").fill(name);
    await jo.page.getByLabel("Your school’s appraisal policy").selectOption({ label: "Local authority model for support staff" });
    await jo.page.getByLabel("Meeting date").fill(meeting);
    await download(jo.page, () => jo.page.getByRole("button", { name: "Start the review and download the invitation" }).click());
    await jo.page.getByRole("link", { name: `Open ${name}’s review` }).waitFor();
  }
  await nav(jo.page, "Your data");
  const section = jo.page.locator("section", { has: jo.page.getByRole("heading", { name: "Records past their retention period" }) });
  const past = await section.getByTestId("past-retention").innerText();
  assert.match(past, /Kit Moss’s review have been kept for the policy’s minimum of 6 years/);
  assert.doesNotMatch(past, /Sam Patel/);
  await section.getByText(/The next records fall due on .*: Sam Patel’s review\./).waitFor();
  await lookAt(jo.page, "data-retention");

  // Not without confirming; then only Kit Moss's review goes.
  await section.getByRole("button", { name: "Remove these records from this device" }).click();
  await section.getByText("Tick the box to confirm these records can go, then remove them.").waitFor();
  await section.getByLabel("I have kept what the school needs, and these records can be removed").check();
  await section.getByRole("button", { name: "Remove these records from this device" }).click();
  await section.getByText("The records of 1 review were removed from this device.").waitFor();
  await section.getByText("No records held here are past the period your policy keeps them for.").waitFor();
  await nav(jo.page, "Home");
  await jo.page.getByRole("row", { name: /Sam Patel/ }).waitFor();
  assert.equal(await jo.page.getByRole("row", { name: /Kit Moss/ }).count(), 0);
  assert.deepEqual(jo.person.consoleErrors, []);
  await jo.person.context.close();
});

test("the governors' report counts a cycle's reviews with small groups hidden, prints on A4 and downloads with no names", async () => {
  const jo = await personNamed(app, "Jo Lee", { now: "2026-11-30T10:00:00Z", bypassCSP: true });
  const names = ["Kit Moss", "Sam Patel", "Ana Cole", "Lee Chan", "Mo Ahmed", "Ruth Bell"];
  for (const name of names) {
    await nav(jo.page, "Start a review");
    await jo.page.getByLabel("Reviewee’s name").fill(name);
    await jo.page.getByLabel("Reviewee’s job title").fill("Teaching assistant");
    await jo.page.getByLabel("Your school’s appraisal policy").selectOption({ label: "Local authority model for support staff" });
    await jo.page.getByLabel("Meeting date").fill("14/10/2026");
    await download(jo.page, () => jo.page.getByRole("button", { name: "Start the review and download the invitation" }).click());
    await jo.page.getByRole("link", { name: `Open ${name}’s review` }).waitFor();
  }
  await jo.page.goto(`${app.url}/school/governors-report`);
  await jo.page.getByRole("heading", { name: "The governors’ report", level: 1 }).waitFor();
  const counts = jo.page.getByRole("table", { name: "Reviews" });
  assert.equal(await counts.getByRole("row", { name: /Reviews in the cycle/ }).getByRole("cell").innerText(), "6");
  const standing = jo.page.getByRole("table", { name: "Where reviews stand" });
  assert.equal(await standing.getByRole("row", { name: /Still in progress/ }).getByRole("cell").innerText(), "6");
  await lookAt(jo.page, "governors-report");

  // On A4, without the controls.
  await jo.page.emulateMedia({ media: "print" });
  assert.equal(await jo.page.getByRole("button", { name: "Print the report" }).isVisible(), false);
  assert.ok(await standing.isVisible());
  await jo.page.pdf({ path: "target/screenshots/governors-report.pdf", format: "A4" });
  await jo.page.emulateMedia({ media: "screen" });

  const csv = await download(jo.page, () => jo.page.getByRole("button", { name: "Download it for a spreadsheet (CSV)" }).click());
  assert.match(csv.name, /^governors-report-2025-26\.csv$/);
  const text = await readFile(csv.path, "utf8");
  assert.ok(text.startsWith("\uFEFF"));
  assert.match(text, /"Reviews","Reviews in the cycle","6"\r\n/);
  assert.match(text, /"Where reviews stand","Still in progress","6"\r\n/);
  for (const word of [...names, "Jo Lee", "Teaching assistant"]) assert.ok(!text.includes(word), `the CSV holds ${word}`);
  assert.deepEqual(jo.person.consoleErrors, []);
  await jo.person.context.close();
});
