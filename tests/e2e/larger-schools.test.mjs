// The headteacher of a school of 60, and of one of 150, a week after the pay committee's papers
// were due to start: their backups (tests/fixtures/leadership, built by tests/leadership.rs)
// restored, Home answers "whose statements are late?", "how many pay decisions are left?" and
// "which appeals are overdue?" in one click each; 60 pay decisions take under ten actions; the
// governors' report and a statement print on A4. Each page's length and the time from opening to
// drawn are printed as diagnostics (figures, not goals: the benchmark command measures speed).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp, lookAt, restoredSchoolYear, downloadTo } from "./support.mjs";

const SHOTS = "target/screenshots";
let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** Opens `path` and waits for `drawn`; returns the time taken and the page's height at 1280 and
 * 360 px. */
async function measure(page, path, drawn) {
  await page.setViewportSize({ width: 1280, height: 900 });
  const started = Date.now();
  await page.goto(`${app.url}${path}`);
  await drawn().waitFor({ timeout: 60000 });
  const ms = Date.now() - started;
  const wide = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 360, height: 900 });
  const narrow = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1280, height: 900 });
  return `${path}: drawn in ${ms} ms; ${wide} px long at 1280, ${narrow} px at 360`;
}

/** The page as a person using only the actions they would take counts them. */
function counted(page) {
  let actions = 0;
  return {
    get actions() {
      return actions;
    },
    async click(locator) {
      actions += 1;
      await locator.click();
    },
    async fill(locator, text) {
      actions += 1;
      await locator.fill(text);
    },
    async check(locator) {
      actions += 1;
      await locator.check();
    },
    async select(locator, label) {
      actions += 1;
      await locator.selectOption({ label });
    },
  };
}

test("a school of 60: Home answers the head's questions in one click each, 60 pay decisions in under ten actions, and the governors' report and a statement print", async (t) => {
  const pat = await restoredSchoolYear(app, "headteacher-60", "2026-12-07T10:00:00Z");
  const page = pat.page;
  const toDo = page.getByRole("region", { name: "What needs you" });
  t.diagnostic(await measure(page, "/", () => toDo.getByRole("listitem").first()));
  assert.deepEqual(await toDo.getByRole("listitem").allInnerTexts(), [
    "Past its date: 1 appeal to decide, 1 past the school’s time limit (the first was due 01/12/2026)",
    "10 final statements reached you after the policy’s date",
    "60 pay decisions to make by the policy’s date, 31/12/2026",
    "1 reviewer stands out in moderation: Ana Cole",
  ]);
  await lookAt(page, "home-headteacher-60");

  // "Whose statements are late?": one click.
  await toDo.getByRole("link", { name: /final statements reached you after/ }).click();
  const table = page.getByRole("table");
  await table.getByText("10 reviews of the cycle").waitFor();
  assert.ok((await table.locator("tbody tr").allInnerTexts()).every((row) => row.includes("Kit Moss")));

  // "Which appeals are overdue?": one click.
  await page.goBack();
  await toDo.getByRole("link", { name: /1 appeal to decide/ }).click();
  await page.getByRole("row", { name: /Sam Patel/ }).getByText("01/12/2026 (overdue)").waitFor();

  // "How many pay decisions are left?": one click; then all 60 in under ten actions: the
  // appellant's deferred on its own first, the rest accepted as recommended in one go.
  await page.goBack();
  const head = counted(page);
  await head.click(toDo.getByRole("link", { name: /60 pay decisions to make/ }));
  await page.getByTestId("still-to-decide").getByText("60 pay decisions are still to make.").waitFor();
  // A long list comes in parts; two members of staff are called Sam Patel, and their rows say
  // which is which.
  const pay = page.getByRole("table");
  await pay.getByText("the first 30 of 60").waitFor();
  assert.equal(await pay.locator("tbody tr").count(), 30);
  await page.getByRole("button", { name: "Show the other 30 reviews" }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), "pay-row-30");
  await page.getByRole("rowheader", { name: "Sam Patel, Learning support assistant" }).waitFor();
  await page.getByRole("rowheader", { name: "Sam Patel, Site officer" }).waitFor();
  await head.select(page.getByLabel("Decision to record"), "Sam Patel (reviewed by Ana Cole)");
  await head.check(page.getByLabel("Defer the decision"));
  await head.fill(page.getByLabel("Reason for the decision"), "Deferred until the appeal is heard.");
  await head.fill(page.getByLabel("Date of the decision"), "07/12/2026");
  await head.click(page.getByRole("button", { name: "Record the decision" }));
  await page.getByTestId("still-to-decide").getByText("59 pay decisions are still to make.").waitFor();
  await head.fill(page.getByLabel("Date to record with each decision"), "07/12/2026");
  await head.click(page.getByRole("button", { name: "Accept the recommendations for 59 members of staff" }));
  await page.getByRole("heading", { name: "59 pay decisions recorded" }).waitFor();
  await page.getByTestId("accepted").getByText("Sam Patel, Site officer (reviewed by Cy Marsh): Progress on the pay scale").waitFor();
  await page.getByTestId("still-to-decide").getByText("Every pay decision is recorded.").waitFor();
  t.diagnostic(`60 pay decisions recorded in ${head.actions} actions`);
  assert.ok(head.actions < 10, `${head.actions} actions`);
  await lookAt(page, "pay-decisions-60");

  // Moderation and the desk at this size.
  t.diagnostic(await measure(page, "/school/desk", () => page.getByRole("table").getByText("60 reviews of the cycle")));
  // A long desk comes in parts; the rows brought take the focus where the button was.
  const desk = page.getByRole("table");
  await desk.getByText("60 reviews of the cycle 01/09/2025 to 31/08/2026, the first 30 shown").waitFor();
  assert.equal(await desk.locator("tbody tr").count(), 30);
  await lookAt(page, "desk-60");
  await page.getByRole("button", { name: "Show the other 30 reviews" }).press("Enter");
  await desk.locator("tbody tr").nth(59).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), "desk-row-30");
  t.diagnostic(await measure(page, "/school/moderation", () => page.locator(".flagged").getByText("Ana Cole")));
  // A note about each Sam Patel: the files' names tell the two apart.
  const dir = await mkdtemp(join(tmpdir(), "appraise-larger-"));
  const names = [];
  for (const [statement, title] of [["Sam Patel (reviewed by Cy Marsh)", "site-officer"], ["Sam Patel (reviewed by Ana Cole)", "learning-support-assistant"]]) {
    await page.getByLabel("Statement the note is about").selectOption({ label: statement });
    await page.getByLabel(/^Your note to/).fill("Please check the objectives against the evidence.");
    const note = await downloadTo(dir, page, () => page.getByRole("button", { name: /^Send the note to/ }).click());
    assert.match(note.name, new RegExp(`^appraise-moderation-note-sp-${title}-2025-26-`));
    names.push(note.name);
  }
  assert.notEqual(names[0], names[1]);

  // The governors' report prints with the school, the cycle and the day made.
  t.diagnostic(await measure(page, "/school/governors-report", () => page.getByRole("heading", { name: /^Hill Academy: appraisal, / })));
  const counts = page.getByRole("table", { name: "Reviews" });
  assert.equal(await counts.getByRole("row", { name: /Reviews in the cycle/ }).getByRole("cell").innerText(), "60");
  await page.emulateMedia({ media: "print" });
  await page.pdf({ path: `${SHOTS}/governors-report-60.pdf`, format: "A4" });
  await page.screenshot({ path: `${SHOTS}/print-governors-report-60.png`, fullPage: true });

  // A statement, from the desk, prints with the school's policy and each sign-off's reference.
  await page.emulateMedia({ media: "screen" });
  await page.goto(`${app.url}/school/desk?show=late`);
  await page.getByRole("table").getByRole("link").first().click();
  await page.getByTestId("statement-document").waitFor();
  await page.emulateMedia({ media: "print" });
  await page.getByRole("definition").filter({ hasText: "Hill Academy" }).first().waitFor();
  await page.getByText("Secondary school: support staff (Hill Academy 2026)").waitFor();
  assert.equal(await page.locator(".sign-off__reference").filter({ visible: true }).count(), 2);
  assert.equal(await page.locator(".next-step").filter({ visible: true }).count(), 0);
  await page.pdf({ path: `${SHOTS}/statement-60.pdf`, format: "A4" });
  await page.screenshot({ path: `${SHOTS}/print-statement-60.png`, fullPage: true });
  await page.emulateMedia({ media: "screen" });
  assert.deepEqual(pat.person.consoleErrors, []);
  await pat.person.context.close();
});

test("a school of 150: Home, the desk, moderation, pay decisions and the governors' report open on one device", async (t) => {
  const pat = await restoredSchoolYear(app, "headteacher-150", "2026-12-07T10:00:00Z");
  const page = pat.page;
  const toDo = page.getByRole("region", { name: "What needs you" });
  t.diagnostic(await measure(page, "/", () => toDo.getByRole("listitem").first()));
  await toDo.getByText("150 pay decisions to make by the policy’s date, 31/12/2026").waitFor();
  await lookAt(page, "home-headteacher-150");
  t.diagnostic(await measure(page, "/school/desk", () => page.getByRole("table").getByText("150 reviews of the cycle")));
  t.diagnostic(await measure(page, "/school/moderation", () => page.locator(".flagged").getByText("Ana Cole")));
  t.diagnostic(await measure(page, "/school/pay", () => page.getByTestId("still-to-decide").getByText("150 pay decisions are still to make.")));
  t.diagnostic(await measure(page, "/school/governors-report", () => page.getByRole("heading", { name: /^Hill Academy: appraisal, / })));
  const counts = page.getByRole("table", { name: "Reviews" });
  assert.equal(await counts.getByRole("row", { name: /Reviews in the cycle/ }).getByRole("cell").innerText(), "150");
  assert.deepEqual(pat.person.consoleErrors, []);
  await pat.person.context.close();
});
