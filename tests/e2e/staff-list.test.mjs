// The school's staff list, across six browsers: the headteacher builds it from five contact
// cards, makes Jo a reviewer and Sam's reviewer, and publishes; a new member sets up from the
// school's settings file and sends their card to the headteacher in one step; Jo starts Sam's
// review from the allocation, and it goes locked without Sam's card; Sam's copy imports with no
// fingerprint question; a statement forged in Jo's name is refused with its sentence; the desk shows
// the reviews that have not reached it; Sam asks in writing for another reviewer, and Pat keeps
// the request, gives Sam to Ana and marks it answered. Screenshots at 1280 and 360 px land in
// target/screenshots/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, mkdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp, newPerson, personNamed as named, nav, section, becomeHeadteacher, sendCard, downloadTo, lookAt } from "./support.mjs";

let app;
let dir;
before(async () => {
  app = await startApp();
  dir = await mkdtemp(join(tmpdir(), "appraise-staff-list-"));
  await mkdir("target/screenshots", { recursive: true });
});
after(async () => {
  await app?.close();
});

const NOW = "2026-10-01T10:00:00Z";
const personNamed = (name) => named(app, name, { now: NOW, bypassCSP: true });

/** The staff list's entry for the member whose heading is `heading`. */
const member = (page, heading) =>
  page.locator("li.staff-list__member", { has: page.getByRole("heading", { name: heading, exact: true, level: 3 }) });

/** Uses the school settings file at `path`, comparing the headteacher's words by phone when
 * asked. */
async function useSettings(page, path) {
  await nav(page, "Import a file");
  await page.getByLabel("Choose files").setInputFiles(path);
  const item = page.getByRole("region", { name: /school settings/ }).last();
  await item.getByRole("heading", { name: "School settings from Pat Head" }).waitFor();
  const byPhone = item.getByLabel("By phone");
  if (await byPhone.count()) await byPhone.check();
  await item.getByRole("button", { name: "Use these settings" }).click();
  await page.getByText("You now use version 1 of the school settings").waitFor();
}

test("the headteacher's staff list confirms keys, allocates reviewers and refuses forgeries", async () => {
  const pat = await personNamed("Pat Head");
  await becomeHeadteacher(pat.page);
  const staff = {};
  for (const name of ["Jo Lee", "Ana Cole", "Sam Patel", "Kim Ray", "Lee Fox"]) {
    staff[name] = await personNamed(name);
    await sendCard(dir, staff[name], pat, name);
  }

  // Pat builds the list from the five cards.
  await nav(pat.page, "Settings");
  const publishing = section(pat.page, "Publish your school’s settings");
  await publishing.getByText("Nobody is on the staff list yet.").waitFor();
  await publishing.getByRole("link", { name: "Add staff and choose their reviewers" }).click();
  await pat.page.getByRole("heading", { name: "The staff list", level: 1 }).waitFor();
  await pat.page.getByRole("button", { name: "Add yourself to the staff list" }).click();
  await pat.page.getByRole("status").filter({ hasText: "You are on the staff list." }).waitFor();
  for (const name of Object.keys(staff)) {
    await pat.page.getByRole("button", { name: `Add ${name} to the staff list` }).click();
    await pat.page.getByRole("status").filter({ hasText: `${name} is on the staff list.` }).waitFor();
  }
  await pat.page.getByText("Every contact you hold is on the list.").waitFor();
  await pat.page.getByRole("heading", { name: "On the list (6)" }).waitFor();

  const jo = member(pat.page, "Jo Lee");
  await jo.getByText("Change Jo Lee’s details").click();
  await jo.getByLabel("Reviews others").check();
  await jo.getByRole("status").filter({ hasText: "Jo Lee’s details are saved." }).waitFor();
  // Her form stays open, with the box ticked, when the list is read again.
  assert.ok(await jo.getByLabel("Reviews others").isChecked());

  const sam = member(pat.page, "Sam Patel");
  await sam.getByText("Change Sam Patel’s details").click();
  await sam.getByLabel("Their reviewer").selectOption({ label: "Jo Lee (0 reviews)" });
  // What became of the change is said beside it.
  await sam.getByRole("status").filter({ hasText: "Sam Patel’s reviewer is saved." }).waitFor();
  await sam.getByText("Reviewed by Jo Lee").waitFor();
  await member(pat.page, "Pat Head, Headteacher").getByText("Reviewed by the governing body").waitFor();
  // Nobody reviews themselves: Sam is no reviewer.
  const kim = member(pat.page, "Kim Ray");
  await kim.getByText("Change Kim Ray’s details").click();
  assert.equal(await kim.getByLabel("Their reviewer").getByRole("option", { name: /Sam Patel/ }).count(), 0);
  await lookAt(pat.page, "staff-list");

  // Pat publishes the settings with the list.
  await nav(pat.page, "Settings");
  await section(pat.page, "Publish your school’s settings").getByText("6 people are on the staff list.").waitFor();
  const settings = await downloadTo(dir, pat.page, () =>
    section(pat.page, "Publish your school’s settings").getByRole("button", { name: "Publish version 1 and download it" }).click());
  assert.equal(settings.name, "appraise-school-settings-hill-primary-v1.json");

  // A new member sets up from the school's file and sends their card in one step.
  const mo = await newPerson(app.browser, { acceptDownloads: true, bypassCSP: true });
  await mo.context.clock.setFixedTime(new Date(NOW));
  const moPage = await mo.context.newPage();
  await moPage.goto(`${app.url}/welcome`);
  await moPage.getByRole("link", { name: "Open your school’s settings file" }).click();
  await useSettings(moPage, settings.path);
  await moPage.getByRole("link", { name: "Next: tell Appraise who you are" }).click();
  await moPage.getByTestId("welcome-school").filter({ hasText: "You use the settings of Hill Primary, version 1, published by Pat Head." }).waitFor();
  assert.equal(await moPage.getByLabel("Your school").inputValue(), "Hill Primary");
  await moPage.getByText("Your school’s appraisal policy: Local authority model for support staff, from the settings Pat Head publishes.").waitFor();
  await moPage.getByLabel("Your name, as colleagues know you").fill("Mo Khan");
  await moPage.getByLabel("Your job title").fill("Teaching assistant");
  await moPage.getByLabel("I am appraised (a reviewee)").check();
  await moPage.getByRole("button", { name: "Save and continue" }).click();
  await moPage.getByRole("heading", { name: "You are ready" }).waitFor();
  await lookAt(moPage, "welcome-from-school-file");
  const card = await downloadTo(dir, moPage, () => moPage.getByRole("button", { name: "Send your contact card to Pat Head" }).click());
  assert.equal(card.name, "appraise-contact-card-mo-khan.json");
  await moPage.getByTestId("sent-file").filter({ hasText: "for Pat Head" }).waitFor();

  // Jo uses the settings and starts Sam's review from her allocation.
  const joBrowser = staff["Jo Lee"];
  await useSettings(joBrowser.page, settings.path);
  await nav(joBrowser.page, "Start a review");
  const allocation = joBrowser.page.getByRole("group", { name: "Whom the staff list gives you to review" });
  await allocation.getByLabel("Sam Patel").check();
  assert.equal(await joBrowser.page.getByLabel("Reviewee’s name").inputValue(), "Sam Patel");
  await joBrowser.page.getByLabel("Meeting date").fill("15/10/2026");
  await lookAt(joBrowser.page, "start-from-allocation");
  const invitation = await downloadTo(dir, joBrowser.page, () =>
    joBrowser.page.getByRole("button", { name: "Start the review and download the invitation" }).click());
  // Locked to the keys the list gives Sam, though Jo never had Sam's card.
  await joBrowser.page.getByText("The invitation is locked so only the reviewee can read it").waitFor();
  assert.equal(JSON.parse(await readFile(invitation.path, "utf8")).format, "appraise-sealed-bundle");

  // Ana may not start Sam's review: the list gives it to Jo.
  const ana = staff["Ana Cole"];
  await useSettings(ana.page, settings.path);
  await nav(ana.page, "Start a review");
  await ana.page.getByLabel("Reviewee’s name").fill("Sam Patel");
  await ana.page.getByLabel("Meeting date").fill("15/10/2026");
  await ana.page.getByRole("button", { name: "Start the review and download the invitation" }).click();
  await ana.page.getByRole("link", { name: /The school’s staff list gives Sam Patel’s review to Jo Lee/ }).waitFor();

  // Sam imports the invitation with no fingerprint question: Jo is on the list.
  const samBrowser = staff["Sam Patel"];
  await useSettings(samBrowser.page, settings.path);
  await nav(samBrowser.page, "Import a file");
  await samBrowser.page.getByLabel("Choose files").setInputFiles(invitation.path);
  const item = samBrowser.page.getByRole("region", { name: /ready to import/ }).last();
  await item.waitFor();
  assert.equal(await item.getByLabel("By phone").count(), 0, "no fingerprint question for someone on the list");
  await item.getByRole("button", { name: "Import", exact: true }).click();
  await samBrowser.page.getByRole("status").filter({ hasText: /answers? updated|Nothing new/ }).last().waitFor();

  // Someone else, calling themselves Jo Lee, starts a review of Sam and sends a statement for
  // comment: refused.
  const forger = await personNamed("Jo Lee");
  await nav(forger.page, "Start a review");
  await forger.page.getByLabel("Reviewee’s name").fill("Sam Patel");
  await forger.page.getByLabel("Meeting date").fill("15/10/2026");
  await downloadTo(dir, forger.page, () =>
    forger.page.getByRole("button", { name: "Start the review and download the invitation" }).click());
  await forger.page.getByRole("link", { name: "Open Sam Patel’s review" }).click();
  await forger.page.locator("#statement").getByLabel("Assessment against the job role").fill("Sam has not met the requirements of the role.");
  await forger.page.getByLabel("Encrypt the file so only the person you send it to").uncheck();
  const forged = await downloadTo(dir, forger.page, async () => {
    await forger.page.getByRole("button", { name: "Send the statement to Sam Patel for comment" }).click();
    const anyway = forger.page.getByRole("button", { name: "Send it anyway" });
    await anyway.waitFor({ timeout: 5000 }).then(() => anyway.click(), () => {});
  });
  assert.match(forged.name, /^appraise-statement-for-comment-/);
  await nav(samBrowser.page, "Import a file");
  await samBrowser.page.getByLabel("Choose files").setInputFiles(forged.path);
  await samBrowser.page.getByText("This file says it is from Jo Lee, but it is not signed with Jo Lee’s keys on the school’s staff list, so it was not imported").waitFor();
  await lookAt(samBrowser.page, "forged-file-refused");

  // Pat's desk shows the reviews that have not reached it, with their reviewers.
  await pat.page.goto(`${app.url}/school/desk`);
  const awaited = section(pat.page, "Not on your desk yet (5)");
  await awaited.waitFor();
  await awaited.getByText("Sam Patel: reviewer Jo Lee").waitFor();
  await awaited.getByText("Kim Ray: no reviewer chosen yet").waitFor();
  await lookAt(pat.page, "desk-not-started");

  // Sam asks in writing for another reviewer (seed 004, 6.4); Pat keeps the request, gives Sam
  // to Ana, and marks it answered.
  await nav(samBrowser.page, "Settings");
  await samBrowser.page.getByRole("link", { name: "See the staff list" }).click();
  const ask = section(samBrowser.page, "Ask for another reviewer");
  await ask.getByText("The staff list gives you Jo Lee as your reviewer.").waitFor();
  await ask.getByLabel("Your reasons").fill("Jo and I job-share the same class, so Jo cannot observe my teaching fairly.");
  await lookAt(samBrowser.page, "ask-for-another-reviewer");
  const request = await downloadTo(dir, samBrowser.page, () => ask.getByRole("button", { name: "Send the request to Pat Head" }).click());
  assert.equal(request.name, "appraise-reviewer-request-sam-patel.json");
  await ask.getByTestId("sent-file").filter({ hasText: "for Pat Head, encrypted" }).waitFor();
  await nav(pat.page, "Import a file");
  await pat.page.getByLabel("Choose files").setInputFiles(request.path);
  const requestItem = pat.page.getByRole("region", { name: "Request from Sam Patel for another reviewer" });
  await requestItem.getByText("Jo and I job-share the same class, so Jo cannot observe my teaching fairly.").waitFor();
  await lookAt(pat.page, "request-to-keep");
  await requestItem.getByRole("button", { name: "Keep it with the staff list" }).click();
  await pat.page.getByRole("link", { name: "Answer it on the staff list" }).click();
  const requests = section(pat.page, "Requests for another reviewer (1 waiting)");
  await requests.getByText("Sam Patel asks you to replace their reviewer, Jo Lee.", { exact: false }).waitFor();
  const anaOnList = member(pat.page, "Ana Cole");
  await anaOnList.getByText("Change Ana Cole’s details").click();
  await anaOnList.getByLabel("Reviews others").check();
  await anaOnList.getByRole("status").filter({ hasText: "Ana Cole’s details are saved." }).waitFor();
  const samOnList = member(pat.page, "Sam Patel");
  await samOnList.getByText("Change Sam Patel’s details").click();
  await samOnList.getByLabel("Their reviewer").selectOption({ label: "Ana Cole (0 reviews)" });
  await samOnList.getByText("Reviewed by Ana Cole").waitFor();
  await requests.getByRole("button", { name: "Mark Sam Patel’s request answered" }).click();
  await section(pat.page, "Requests for another reviewer (0 waiting)").getByText("Answered on 01/10/2026.").waitFor();
  await lookAt(pat.page, "request-answered");
});
