// The headteacher's desk in a school year: Pat Head holds 30 final statements from three
// reviewers (restored from tests/fixtures/leadership, built by tests/leadership.rs), reads them in
// one table, moderates, sends a moderation note that the reviewer sees, hears an appeal and sends
// the outcome that the reviewee sees, records pay decisions for the pay committee, and prints the
// governors' report.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp, lookAt, downloadTo, importFile, restoredSchoolYear } from "./support.mjs";

const FIXTURES = "tests/fixtures/leadership";

let app;
let dir;
before(async () => {
  app = await startApp();
  dir = await mkdtemp(join(tmpdir(), "appraise-leadership-"));
});
after(async () => {
  await app?.close();
});

/** A browser holding `who`'s records, restored from their backup, on 30/11/2026. */
const restored = (who) => restoredSchoolYear(app, who);

const download = (page, act) => downloadTo(dir, page, act);

test("the headteacher reads 30 reviews in one table, filters them, and moderation flags the reviewer who stands out", async () => {
  const pat = await restored("headteacher");
  await pat.page.goto(`${app.url}/`);
  await pat.page.getByRole("link", { name: /Reviews across the school/ }).click();
  await pat.page.getByRole("heading", { name: "Reviews across the school", level: 1 }).waitFor();
  const table = pat.page.getByRole("table");
  await table.getByText("30 reviews of the cycle 01/09/2025 to 31/08/2026").waitFor();
  assert.equal(await table.locator("tbody tr").count(), 30);
  await lookAt(pat.page, "desk");

  await pat.page.getByLabel("Reviewer").selectOption({ label: "Kit Moss" });
  await table.getByText("10 reviews of the cycle").waitFor();
  const kits = await table.locator("tbody tr").allInnerTexts();
  assert.ok(kits.every((row) => row.includes("Kit Moss") && row.includes("Late")), "Kit's statements reached Pat late");
  await pat.page.getByLabel("Reviewer").selectOption({ label: "Every reviewer" });
  await pat.page.getByLabel("Only reviews that need attention").check();
  await table.getByText("11 reviews of the cycle").waitFor();
  await table.getByRole("row", { name: /Sam Patel/ }).getByText("Appealed").waitFor();
  await pat.page.getByLabel("Sort by").selectOption({ label: "New objectives, most first" });

  await pat.page.getByRole("link", { name: "Moderation", exact: true }).click();
  await pat.page.getByRole("heading", { name: "Moderation", level: 1 }).waitFor();
  const standsOut = pat.page.locator(".flagged");
  await standsOut.getByText("Ana Cole").waitFor();
  await standsOut.getByText(/Rated 100% of last cycle’s objectives achieved, against \d+% across the school/).waitFor();
  assert.equal(await standsOut.getByText("Jo Lee").count(), 0);
  const numbers = pat.page.getByRole("table", { name: "Last cycle’s objectives, as rated: the numbers" });
  assert.match(await numbers.getByRole("row", { name: /Ana Cole/ }).innerText(), /Ana Cole\s+10\s+30 \(100%\)/);
  await pat.page.getByLabel("First review").selectOption({ label: "Lena Ward (reviewed by Ana Cole)" });
  await pat.page.getByLabel("Second review").selectOption({ label: "Ben Ames (reviewed by Jo Lee)" });
  await pat.page.getByRole("region", { name: "Second statement" }).getByText("Partially achieved or good progress").first().waitFor();
  await lookAt(pat.page, "moderation");
  assert.deepEqual(pat.person.consoleErrors, []);
  await pat.person.context.close();
});

test("Home tells the headteacher what needs them, and each line opens just those reviews in one click", async () => {
  // A week on: Sam's appeal is past the school's 15 working days.
  const pat = await restoredSchoolYear(app, "headteacher", "2026-12-07T10:00:00Z");
  await pat.page.goto(`${app.url}/`);
  const toDo = pat.page.getByRole("region", { name: "What needs you" });
  const lines = toDo.getByRole("listitem");
  await lines.first().waitFor();
  assert.deepEqual(await lines.allInnerTexts(), [
    "Past its date: 1 appeal to decide, 1 past the school’s time limit (the first was due 01/12/2026)",
    "10 final statements reached you after the policy’s date",
    "30 pay decisions to make by the policy’s date, 31/12/2026",
    "1 reviewer stands out in moderation: Ana Cole",
  ]);
  // The 30 cards wait, folded, below.
  assert.equal(await pat.page.getByRole("link", { name: "Open this review" }).first().isVisible(), false);
  await lookAt(pat.page, "home-headteacher-to-do");

  // "Whose statements are late?"
  await toDo.getByRole("link", { name: /final statements reached you after/ }).click();
  await pat.page.getByTestId("narrowed").getByText(/\(10\)\.$/).waitFor();
  const table = pat.page.getByRole("table");
  await table.getByText("10 reviews of the cycle").waitFor();
  assert.ok((await table.locator("tbody tr").allInnerTexts()).every((row) => row.includes("Kit Moss") && row.includes("Late")));
  await lookAt(pat.page, "desk-late");
  await pat.page.getByRole("link", { name: "Show them all" }).click();
  await table.getByText("30 reviews of the cycle").waitFor();

  // "How many pay decisions are left?"
  await pat.page.goBack();
  await pat.page.goBack();
  await toDo.getByRole("link", { name: /30 pay decisions to make/ }).click();
  await pat.page.getByTestId("still-to-decide").getByText("30 pay decisions are still to make.").waitFor();

  // "Which appeals are overdue?"
  await pat.page.goBack();
  await toDo.getByRole("link", { name: /1 appeal to decide/ }).click();
  const appeal = pat.page.getByRole("row", { name: /Sam Patel/ });
  await appeal.getByText("01/12/2026 (overdue)").waitFor();
  await lookAt(pat.page, "appeals-undecided");
  assert.deepEqual(pat.person.consoleErrors, []);
  await pat.person.context.close();
});

test("a moderation note reaches the reviewer, who sees it on the review until they answer it", async () => {
  const pat = await restored("headteacher");
  await pat.page.goto(`${app.url}/school/moderation`);
  await pat.page.getByLabel("Statement the note is about").selectOption({ label: "Lena Ward (reviewed by Ana Cole)" });
  await pat.page.getByLabel("Your note to Ana Cole").fill("Every objective is rated achieved: check objective 2 against the evidence before we agree pay.");
  const note = await download(pat.page, () => pat.page.getByRole("button", { name: "Send the note to Ana Cole" }).click());
  assert.match(note.name, /^appraise-moderation-note-/);
  await pat.page.getByText("Downloaded").waitFor();
  await pat.page.getByTestId("notes-sent").getByText("Lena Ward (reviewed by Ana Cole): not answered yet").waitFor();

  const ana = await restored("reviewer");
  await importFile(ana.page, note.path);
  await ana.page.goto(`${app.url}/`);
  await ana.page.getByRole("link", { name: /Lena Ward/ }).first().click();
  const banner = ana.page.getByRole("region", { name: "The headteacher has a moderation note for you" });
  await banner.getByText("check objective 2 against the evidence").waitFor();
  await lookAt(ana.page, "moderation-note-for-reviewer");
  await banner.getByLabel("Your answer to the headteacher").fill("Checked with Lena: objective 2 stands, the evidence is in her file.");
  const answer = await download(ana.page, () => banner.getByRole("button", { name: "Send your answer to the headteacher" }).click());
  // The note now reads as answered, and says which file went to whom.
  const answered = ana.page.getByRole("region", { name: "Moderation note" });
  await answered.getByTestId("sent-file").filter({ hasText: "for Pat Head" }).waitFor();
  assert.match(await answered.getByTestId("sent-file").textContent(), /appraise-moderation-note-/);
  await ana.page.reload();
  await ana.page.getByRole("region", { name: "Moderation note" }).getByText("objective 2 stands").waitFor();
  assert.equal(await ana.page.getByRole("region", { name: "The headteacher has a moderation note for you" }).count(), 0);

  await importFile(pat.page, answer.path);
  await pat.page.goto(`${app.url}/school/moderation`);
  await pat.page.getByTestId("notes-sent").getByText(/Lena Ward \(reviewed by Ana Cole\): answered on 30\/11\/2026/).waitFor();
  assert.deepEqual(pat.person.consoleErrors, []);
  assert.deepEqual(ana.person.consoleErrors, []);
  await pat.person.context.close();
  await ana.person.context.close();
});

test("the headteacher hears an appeal and sends the outcome, which the reviewee sees on their statement", async () => {
  const pat = await restored("headteacher");
  await pat.page.goto(`${app.url}/school/appeals`);
  await pat.page.getByRole("heading", { name: "Appeals", level: 1 }).waitFor();
  const row = pat.page.getByRole("row", { name: /Sam Patel/ });
  await row.getByText("10/11/2026").waitFor();
  await row.getByText("01/12/2026").waitFor(); // 15 working days, the school's limit
  await pat.page.getByLabel("Appeal to hear").selectOption({ label: "Sam Patel (reviewed by Ana Cole)" });
  await pat.page.getByText("The assessment leaves out the phonics group I ran all year.").waitFor();
  // Not without an outcome.
  await pat.page.getByRole("button", { name: "Send the outcome to Sam Patel and Ana Cole" }).click();
  await pat.page.getByText("Record the outcome of the appeal and the day it was decided before sending it.").waitFor();
  await pat.page.getByLabel("Date of the hearing").fill("24/11/2026");
  await pat.page.getByLabel("Who attended").fill("Sam Patel with their union representative; Ana Cole; Pat Head.");
  await pat.page.getByLabel("Summary of the hearing").fill("Sam showed the phonics group's results; Ana agreed they belong in the assessment.");
  await pat.page.getByLabel("Outcome").selectOption({ label: "Partly upheld: some entries change" });
  await pat.page.getByLabel("What changes in the statement").fill("The assessment adds the phonics group; the ratings stand.");
  await pat.page.getByLabel("Date of the decision").fill("25/11/2026");
  await pat.page.getByLabel("Date of the decision").press("Tab");
  await lookAt(pat.page, "appeal-hearing");
  const outcome = await download(pat.page, () => pat.page.getByRole("button", { name: "Send the outcome to Sam Patel and Ana Cole" }).click());
  assert.match(outcome.name, /^appraise-appeal-outcome-/);
  await row.getByText("Partly upheld: some entries change").waitFor();

  const sam = await restored("appellant");
  await importFile(sam.page, outcome.path);
  await sam.page.goto(`${app.url}/`);
  await sam.page.getByRole("link", { name: "Open this review" }).click();
  const decided = sam.page.getByTestId("appeal-outcome");
  await decided.getByText("Partly upheld: some entries change").waitFor();
  await decided.getByText("The assessment adds the phonics group; the ratings stand.").waitFor();
  assert.deepEqual(pat.person.consoleErrors, []);
  assert.deepEqual(sam.person.consoleErrors, []);
  await pat.person.context.close();
  await sam.person.context.close();
});

test("pay decisions: each recorded with its reason by the policy's date, what is still to decide, and the list for the pay committee", async () => {
  const pat = await restored("headteacher");
  await pat.page.goto(`${app.url}/school/pay`);
  await pat.page.getByRole("heading", { name: "Pay decisions", level: 1 }).waitFor();
  await pat.page.getByTestId("still-to-decide").getByText("30 pay decisions are still to make.").waitFor();
  await pat.page.getByLabel("Decision to record").selectOption({ label: "Ben Ames (reviewed by Jo Lee)" });
  await pat.page.getByLabel("Do not progress").check();
  await pat.page.getByRole("button", { name: "Record the decision" }).click();
  await pat.page.getByText("Give the reason for the decision").waitFor();
  await pat.page.getByLabel("Reason for the decision").fill("=SUM(A1) Objective 3 not achieved; to be reviewed at the spring interim.");
  await pat.page.getByLabel("Date of the decision").fill("27/11/2026");
  await pat.page.getByRole("button", { name: "Record the decision" }).click();
  await pat.page.getByText("The decision for Ben Ames, Site officer is recorded.").waitFor();
  await pat.page.getByTestId("still-to-decide").getByText("29 pay decisions are still to make.").waitFor();
  // The rest in one go, Sam Patel's (under appeal) left out to decide later.
  await pat.page.getByLabel("Accept the recommendation for Sam Patel, Learning support assistant").uncheck();
  await pat.page.getByLabel("Date to record with each decision").fill("30/11/2026");
  await pat.page.getByRole("button", { name: "Accept the recommendations for 28 members of staff" }).click();
  const accepted = pat.page.getByTestId("accepted");
  await accepted.getByText("Lena Ward, Site officer (reviewed by Ana Cole): Progress").waitFor();
  assert.equal(await accepted.getByRole("listitem").count(), 28);
  await pat.page.getByTestId("still-to-decide").getByText("1 pay decision is still to make.").waitFor();
  await lookAt(pat.page, "pay-decisions");
  const csv = await download(pat.page, () => pat.page.getByRole("button", { name: "Download the list for the pay committee (CSV)" }).click());
  const text = await readFile(csv.path, "utf8");
  assert.ok(text.startsWith("\uFEFF"));
  const lines = text.slice(1).trimEnd().split("\r\n");
  assert.equal(lines[0], '"Name","Staff group","Reviewer","Recommendation","Decision","Reason","Decided on","Due by"');
  assert.ok(lines.includes('"Ben Ames","Support staff","Jo Lee","Recommend pay progression","Do not progress","\'=SUM(A1) Objective 3 not achieved; to be reviewed at the spring interim.","27/11/2026","31/12/2026"'), lines.join("\n"));
  assert.equal(lines.length, 31, lines.join("\n"));
  assert.equal(lines.filter((line) => line.includes('"Still to decide"')).length, 1, "Sam Patel's alone");
  assert.deepEqual(pat.person.consoleErrors, []);
  await pat.person.context.close();
});

test("the governors' report for 30 reviews prints on A4 and downloads with nobody named", async () => {
  const pat = await restored("headteacher");
  await pat.page.goto(`${app.url}/school/governors-report`);
  const counts = pat.page.getByRole("table", { name: "Reviews" });
  assert.equal(await counts.getByRole("row", { name: /Reviews in the cycle/ }).getByRole("cell").innerText(), "30");
  // The printout names the school and the day it was made.
  await pat.page.getByRole("heading", { name: /^Hill Academy: appraisal, / }).waitFor();
  assert.match(await pat.page.getByTestId("report-made").textContent(), /^Made on \d\d\/\d\d\/\d{4}/);
  await pat.page.emulateMedia({ media: "print" });
  assert.equal(await pat.page.getByRole("button", { name: "Print the report" }).isVisible(), false);
  await pat.page.pdf({ path: "target/screenshots/governors-report-30.pdf", format: "A4" });
  await pat.page.emulateMedia({ media: "screen" });
  const csv = await download(pat.page, () => pat.page.getByRole("button", { name: "Download it for a spreadsheet (CSV)" }).click());
  const text = await readFile(csv.path, "utf8");
  assert.match(text, /"Reviews","Reviews in the cycle","30"\r\n/);
  const backup = await readFile(join(FIXTURES, "headteacher-backup.json"), "utf8");
  assert.ok(backup.length > 0);
  for (const name of ["Ana Cole", "Jo Lee", "Kit Moss", "Pat Head", "Sam Patel", "Lena Ward", "Val Yeo", "Hill Academy"]) {
    assert.ok(!text.includes(name), `the CSV holds ${name}`);
  }
  assert.deepEqual(pat.person.consoleErrors, []);
  await pat.person.context.close();
});
