// The policy's review limit as a reviewer meets it: under the secondary school's policy a
// reviewer outside the senior team is warned on the home page when they hold a fifth review this
// cycle, and the warning goes once they say, in Settings, that they are on the senior team.
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

const WARNING = /Jo Lee has 5 reviews this cycle but the policy expects at most 4 for a reviewer outside the senior team/;

test("a fifth review warns a reviewer outside the senior team, and not a senior leader", async () => {
  const person = await newPerson(app.browser, { acceptDownloads: true });
  // The limit counts the reviews of the cycle that holds today, so today is fixed inside the
  // secondary policy's September 2026 to August 2027 cycle that the meetings below fall in.
  await person.context.clock.setFixedTime(new Date("2026-11-23T10:00:00Z"));
  const page = await person.context.newPage();

  await page.goto(`${app.url}/welcome`);
  await page.getByLabel("Your name, as colleagues know you").fill("Jo Lee");
  await page.getByLabel("I appraise others (a reviewer)").check();
  await page.getByLabel("Secondary school: support staff").check();
  assert.equal(await page.getByLabel("I am on the senior leadership team").isChecked(), false);
  await page.getByRole("button", { name: "Save and continue" }).click();
  await page.getByTestId("welcome-fingerprint").waitFor();

  for (let n = 1; n <= 5; n += 1) {
    await page.goto(`${app.url}/reviews/new`);
    await page.getByLabel("Reviewee’s name").fill(`Reviewee ${n}`);
    await page.getByLabel("Meeting date").fill("12/03/2027");
    await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Start the review and download the invitation" }).click(),
    ]);
    await page.goto(app.url);
    await page.getByRole("link", { name: `Reviewee ${n}` }).waitFor();
    const warned = await page.getByText(WARNING).count();
    assert.equal(warned, n === 5 ? 1 : 0, `warning shown with ${n} review(s)`);
  }

  await page.goto(`${app.url}/settings`);
  await page.getByLabel("I am on the senior leadership team").check();
  await page.getByRole("button", { name: "Save your details" }).click();
  await page.getByText("Your details are saved").waitFor();
  await page.reload();
  assert.equal(await page.getByLabel("I am on the senior leadership team").isChecked(), true);

  await page.goto(app.url);
  await page.getByRole("link", { name: "Reviewee 5" }).waitFor();
  assert.equal(await page.getByText(WARNING).count(), 0);
  assert.deepEqual(person.consoleErrors, []);
});
