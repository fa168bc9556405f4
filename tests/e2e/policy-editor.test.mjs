// The policy editor (/settings/policy) as a school's appraisal lead uses it: starting from the
// local authority's model, counting its "5 days" as calendar days (seed 001 does not say which),
// an impossible support plan and a cycle of no months refused with sentences and nothing saved,
// then corrected, given a version and kept, with the changed figures marked. Screenshots at 1280
// and 360 px go to target/screenshots/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { startApp, newPerson } from "./support.mjs";

const SHOTS = "target/screenshots";

let app;
before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** The period the policy sets under `name`: its number box and its unit. */
const period = (page, name) => {
  const group = page.getByRole("group", { name, exact: true });
  return { group, amount: group.getByLabel("How many"), unit: group.getByLabel("Counted in") };
};
const chosenText = (select) => select.evaluate((s) => s.selectedOptions[0].textContent);

/** Full-page screenshots at both widths, each checked for anything wider than a phone. */
async function screenshots(page, name) {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    const wider = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wider <= width, `${name} at ${width} px is ${wider} px wide`);
    await page.screenshot({ path: `${SHOTS}/policy-editor-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a school edits its policy: impossible figures are refused and nothing is kept until they are right", async () => {
  const person = await newPerson(app.browser);
  const page = await person.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.goto(`${app.url}/welcome`);
  await page.getByLabel("Your name, as colleagues know you").fill("Alex Morgan");
  await page.getByLabel("I appraise others (a reviewer)").check();
  await page.getByLabel("Early years setting").check();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await page.getByTestId("welcome-fingerprint").waitFor();

  await page.goto(`${app.url}/settings/policy`);
  await page.getByRole("heading", { name: "Edit your school’s policy" }).waitFor();
  assert.equal(await page.title(), "Edit your school’s policy – Appraise");
  assert.equal(await page.getByLabel("Name of the policy").inputValue(), "Early years setting");

  await page.getByLabel("Start from").selectOption({ label: "Local authority model for support staff" });
  await page.getByRole("button", { name: "Use this preset as the starting point" }).click();
  await page.getByText("The form now shows “Local authority model for support staff” as Appraise ships it.").waitFor();
  assert.equal(await page.getByLabel("Name of the policy").inputValue(), "Local authority model for support staff");
  const statement = period(page, "Statement to the reviewee");
  assert.equal(await statement.amount.inputValue(), "5");
  assert.equal(await chosenText(statement.unit), "working days");
  assert.equal(await statement.group.getByText("Changed by your school").count(), 0);

  // Seed 001's "5 days" as calendar days, which the school may choose.
  await statement.unit.selectOption({ label: "days" });
  await statement.group.getByText("Changed by your school").waitFor();
  // Impossible figures: a shortest support plan longer than the longest, a cycle of no months.
  await page.getByLabel("The policy sets how long monitoring runs").check();
  await period(page, "Shortest monitoring period").amount.fill("8");
  await period(page, "Longest monitoring period").amount.fill("4");
  await period(page, "Longest extension").amount.fill("0");
  await page.getByRole("group", { name: "Cycle 1" }).getByLabel("Length in months").fill("0");
  await page.getByRole("button", { name: "Save the policy" }).click();

  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await summary.waitFor();
  const problems = await summary.getByRole("link").allTextContents();
  assert.deepEqual(problems, [
    "Enter a version, for example “2026, adopted 14/09/2026”, so staff can tell which policy a file was made under.",
    "The cycle for Support staff lasts 0 months: a cycle lasts from 1 to 24 months, usually 12.",
    "The shortest support plan monitoring period is longer than the longest: swap them or correct one.",
  ]);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "error-summary");
  assert.equal(await page.getByText("Saved. New reviews use this policy.").count(), 0);
  await screenshots(page, "problems");

  // Nothing was kept: the page opens again on the policy as it was.
  await page.reload();
  await page.getByRole("heading", { name: "Edit your school’s policy" }).waitFor();
  assert.equal(await page.getByLabel("Name of the policy").inputValue(), "Early years setting");
  await page.getByLabel("Start from").selectOption({ label: "Local authority model for support staff" });
  await page.getByRole("button", { name: "Use this preset as the starting point" }).click();

  await period(page, "Statement to the reviewee").unit.selectOption({ label: "days" });
  await page.getByLabel("The policy sets how long monitoring runs").check();
  await period(page, "Shortest monitoring period").amount.fill("4");
  await period(page, "Longest monitoring period").amount.fill("8");
  await period(page, "Longest extension").amount.fill("4");
  await page.getByLabel("Version").fill("2026, adopted 14/09/2026");
  await page.getByRole("button", { name: "Save the policy" }).click();
  await page.getByText("Saved. New reviews use this policy.").waitFor();
  assert.equal(await page.getByText("There is a problem").count(), 0);

  await page.reload();
  await page.getByRole("heading", { name: "Edit your school’s policy" }).waitFor();
  const kept = period(page, "Statement to the reviewee");
  assert.equal(await page.getByLabel("Name of the policy").inputValue(), "Local authority model for support staff");
  assert.equal(await page.getByLabel("Version").inputValue(), "2026, adopted 14/09/2026");
  assert.equal(await kept.amount.inputValue(), "5");
  assert.equal(await chosenText(kept.unit), "days");
  assert.equal(await page.getByLabel("The policy sets how long monitoring runs").isChecked(), true);
  assert.equal(await period(page, "Shortest monitoring period").amount.inputValue(), "4");
  assert.equal(await page.getByRole("group", { name: "Cycle 1" }).getByLabel("Length in months").inputValue(), "12");
  // The changed figures are marked, and only they.
  await kept.group.getByText("Changed by your school").waitFor();
  await page.getByRole("group", { name: "Support plans" }).getByText("Changed by your school").first().waitFor();
  assert.equal(await period(page, "Notice of the meeting").group.getByText("Changed by your school").count(), 0);
  assert.equal(await page.getByText("Changed by your school").count(), 2);
  await screenshots(page, "saved");

  await page.getByRole("link", { name: "Back to Settings" }).click();
  await page.getByRole("heading", { name: "Settings", exact: true }).waitFor();
  assert.deepEqual(person.consoleErrors, []);
});
