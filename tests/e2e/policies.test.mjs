// Each policy as its seed says it, the way a reviewer meets it: under the academy procedure an
// autumn review of a teacher looks back on the year that ended in August, carries a pay
// recommendation, and lists the pay decision by 31 October of this year (seed 002, 4.1); the
// policy leaves out staff in probation (2.1), so no review starts for them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startApp, newPerson } from "./support.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** Jo Lee, a reviewer set up under `policy` with the clock at `now`. */
async function reviewerUnder(policy, now) {
  const person = await newPerson(app.browser, { acceptDownloads: true });
  await person.context.clock.setFixedTime(new Date(now));
  const page = await person.context.newPage();
  await page.goto(`${app.url}/welcome`);
  await page.getByLabel("Your name, as colleagues know you").fill("Jo Lee");
  await page.getByLabel("I appraise others (a reviewer)").check();
  await page.getByLabel(policy).check();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await page.getByTestId("welcome-fingerprint").waitFor();
  return { person, page };
}

test("an academy teacher's autumn review carries the pay recommendation and its 31 October deadline", async () => {
  const { person, page } = await reviewerUnder("Academy procedure: teachers and support staff", "2026-10-27T10:00:00Z");

  await page.goto(`${app.url}/reviews/new`);
  await page.getByLabel("Reviewee’s name").fill("Ana Cole");
  await page.getByLabel("Reviewee’s job title").fill("Year 4 teacher");
  await page.getByLabel("Your school’s appraisal policy").selectOption({ label: "Academy procedure: teachers and support staff" });
  await page.getByLabel("Staff group").selectOption({ label: "Teachers" });
  await page.getByLabel("Meeting date").fill("23/10/2026");
  assert.equal(await page.getByLabel("Eligible for pay progression this cycle").isChecked(), true);

  // Someone in their probationary period is left out by the policy, with the reason.
  await page.getByLabel("The reviewee is in their probationary period").check();
  await page.getByRole("button", { name: "Start the review and download the invitation" }).click();
  await page.getByRole("alert").filter({ hasText: "does not apply to staff in their probationary period" }).waitFor();
  await page.getByLabel("The reviewee is in their probationary period").uncheck();

  await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Start the review and download the invitation" }).click(),
  ]);
  await page.getByRole("link", { name: "Open Ana Cole’s review" }).click();
  await page.getByRole("heading", { name: "Review of Ana Cole", level: 1 }).waitFor();

  const overview = page.locator("dl.summary-list").first();
  await overview.getByText("01/09/2025 to 31/08/2026").waitFor();
  await overview.getByText("01/09/2026 to 31/08/2027").waitFor();
  await overview.getByText("Eligible: the statement recommends on pay").waitFor();
  const pay = page.locator("ul.deadlines li").filter({ hasText: "Make the pay decision" });
  assert.match(
    await pay.innerText(),
    // Due by a Saturday: the school day to decide by is the Friday before, never the Monday after.
    /Make the pay decision – 31\/10\/2026 \(Headteacher or moderator\).*Saturday 31\/10\/2026 is not a school day: the last school day before is Friday 30\/10\/2026/,
  );

  // With the meeting held, the statement is the next thing to write, so it starts open.
  assert.equal(await page.getByRole("button", { name: /^Planning and review statement/ }).getAttribute("aria-expanded"), "true");
  const statement = page.locator("#statement");
  await statement.getByRole("heading", { name: "Pay progression" }).waitFor();
  await statement.getByLabel("Pay recommendation").selectOption({ label: "Recommend pay progression" });

  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.locator("ul.deadlines").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `target/screenshots/pay-deadline-${width}.png` });
  }
  assert.deepEqual(person.consoleErrors, []);
});

test("a joiner's first cycle is their part of the year, checked against the cycle the meeting plans", async () => {
  const { person, page } = await reviewerUnder("Secondary school: support staff", "2027-01-12T10:00:00Z");

  await page.goto(`${app.url}/reviews/new`);
  await page.getByLabel("Reviewee’s name").fill("Kit Moss");
  await page.getByLabel("Your school’s appraisal policy").selectOption({ label: "Secondary school: support staff" });
  await page.getByLabel("Meeting date").fill("15/01/2027");
  await page.getByText("Joined part-way through the year, or on a fixed-term contract?").click();
  await page.getByLabel("First day of their cycle").fill("11/01/2027");
  await page.getByLabel("Last day of their cycle").fill("30/09/2027");
  await page.getByRole("button", { name: "Start the review and download the invitation" }).click();
  await page.getByRole("alert").filter({ hasText: "A part-year cycle falls within the cycle this meeting plans, 01/09/2026 to 31/08/2027" }).waitFor();
  await page.getByLabel("Last day of their cycle").fill("");
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByLabel("First day of their cycle").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `target/screenshots/part-year-${width}.png` });
  }
  await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Start the review and download the invitation" }).click(),
  ]);
  await page.getByRole("link", { name: "Open Kit Moss’s review" }).click();
  await page.locator("dl.summary-list").first().getByText("11/01/2027 to 31/08/2027").waitFor();
  assert.deepEqual(person.consoleErrors, []);
});

test("seed 004's limit of three objectives stops a fourth being signed; seed 001 leaves out agency staff", async () => {
  const { person, page } = await reviewerUnder("Secondary school: support staff", "2026-12-16T10:00:00Z");
  await page.goto(`${app.url}/reviews/new`);
  await page.getByLabel("Reviewee’s name").fill("Ana Cole");
  await page.getByLabel("Reviewee’s job title").fill("Teaching assistant");
  await page.getByLabel("Meeting date").fill("16/12/2026");
  await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Start the review and download the invitation" }).click(),
  ]);
  await page.getByRole("link", { name: "Open Ana Cole’s review" }).click();
  const statement = page.locator("#statement");
  for (const n of [1, 2, 3, 4]) {
    await statement.getByRole("button", { name: "Add a new objective" }).click();
    await statement.getByRole("group", { name: `New objective ${n}` }).getByLabel("The objective").fill(`Objective ${n} of the year`);
  }
  // While writing, the warning quotes the policy; signing is refused with the same words.
  const limit = "There are 4 new objectives and the policy says “In this school all staff will have no more than three objectives” (2.3): combine or remove 1 before the statement is signed.";
  await statement.getByText(limit).waitFor();
  await page.getByRole("button", { name: "Sign the statement" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "This cannot be signed yet" });
  await refusal.getByRole("link", { name: limit }).waitFor();
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await refusal.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `target/screenshots/objective-limit-${width}.png` });
  }
  assert.deepEqual(person.consoleErrors, []);

  // The local authority's model names agency staff among those it leaves out ("Background").
  await page.goto(`${app.url}/reviews/new`);
  await page.getByLabel("Reviewee’s name").fill("Kim Lowe");
  await page.getByLabel("Your school’s appraisal policy").selectOption({ label: "Local authority model for support staff" });
  await page.getByLabel("Meeting date").fill("13/01/2027");
  await page.getByLabel("The reviewee is employed by an agency").check();
  await page.getByRole("button", { name: "Start the review and download the invitation" }).click();
  await page.getByRole("alert").filter({ hasText: "does not apply to staff employed by an agency" }).waitFor();
  await page.getByLabel("The reviewee is subject to the capability or disciplinary procedure").waitFor();
  await person.context.close();
});
