// Never lose a word or a key, tested as a school laptop fails: two tabs typing and then reloaded
// or closed together, a browser storage full to the brim, a saved answer damaged, the name and
// keys damaged, the lock's settings damaged, and the lock set while a second tab is open.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startApp, newPerson, lookAt, openForm, saved, setLock, unlock } from "./support.mjs";

const SUCCESSES = "Key successes and achievements over the last year";
const HELPED = "What helped you achieve them";
const CAREER = "Career goals and development opportunities";
const ROUNDS = 20;

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

const twoPlaces = (page) => page.getByRole("status").filter({ hasText: "Some answers were changed in two places" });

/** Every text the page holds for the answer `label`: in the form, and kept beside it. */
async function textsOf(page, label) {
  const texts = [await page.getByRole("textbox", { name: label, exact: true }).inputValue()];
  const kept = twoPlaces(page).getByRole("group", { name: label });
  if (await kept.count()) texts.push(...(await kept.locator("blockquote").allTextContents()));
  return texts;
}

/** Both pages reloaded at the same moment, as when a laptop restarts its browser. */
async function reloadTogether(pages) {
  await Promise.all(pages.map((page) => page.reload()));
  await Promise.all(pages.map((page) => page.getByRole("heading", { level: 1, name: "Your pre-review" }).waitFor()));
}

/** Both pages closed at the same moment (their "leave page" handlers run), then the form opened again. */
async function closeTogether(context, pages) {
  await Promise.all(pages.map((page) => Promise.all([page.waitForEvent("close"), page.close({ runBeforeUnload: true })])));
  return openForm(app, context);
}

/** Both pages reloaded or closed together: the pages to check, and the two to type in next. */
async function endTogether(ending, context, pages) {
  if (ending === "reloaded") {
    await reloadTogether(pages);
    return { check: pages, next: pages };
  }
  const reopened = await closeTogether(context, pages);
  return { check: [reopened], next: [reopened, await openForm(app, context)] };
}

test(`two tabs typing into different answers, reloaded or closed together, ${ROUNDS} times each: every word is kept`, async () => {
  const person = await newPerson(app.browser);
  let pages = [await openForm(app, person.context), await openForm(app, person.context)];
  for (const ending of ["reloaded", "closed"]) {
    for (let round = 1; round <= ROUNDS; round++) {
      const first = `First tab, ${ending} round ${round}: ran the eco council`;
      const second = `Second tab, ${ending} round ${round}: HLTA within two years`;
      await pages[0].getByRole("textbox", { name: SUCCESSES, exact: true }).fill(first);
      await pages[1].getByRole("textbox", { name: CAREER, exact: true }).fill(second);
      const { check, next } = await endTogether(ending, person.context, pages);
      pages = next;
      for (const page of check) {
        assert.deepEqual(await textsOf(page, SUCCESSES), [first], `${ending} ${round}: the first tab's words`);
        assert.deepEqual(await textsOf(page, CAREER), [second], `${ending} ${round}: the second tab's words`);
      }
    }
  }
  assert.deepEqual(person.consoleErrors, []);
  await person.context.close();
});

test(`two tabs typing into the same answer, reloaded or closed together, ${ROUNDS} times each: both texts are kept and the person is told`, async () => {
  const person = await newPerson(app.browser, { bypassCSP: true });
  let pages = [await openForm(app, person.context), await openForm(app, person.context)];
  for (const ending of ["reloaded", "closed"]) {
    for (let round = 1; round <= ROUNDS; round++) {
      const texts = [`First tab's help, ${ending} ${round}`, `Second tab's help, ${ending} ${round}`];
      await pages[0].getByRole("textbox", { name: HELPED, exact: true }).fill(texts[0]);
      await pages[1].getByRole("textbox", { name: HELPED, exact: true }).fill(texts[1]);
      const { check, next } = await endTogether(ending, person.context, pages);
      pages = next;
      for (const page of check) {
        const held = await textsOf(page, HELPED);
        for (const text of texts) assert.ok(held.includes(text), `${ending} ${round}: "${text}" is kept (${JSON.stringify(held)})`);
        // Both tabs wrote their text before either saw the other's: unless one save reached the
        // other tab first, the person is asked to choose.
        if (held.length > 1) await twoPlaces(page).waitFor();
      }
    }
  }
  await lookAt(pages[0], "changed-in-two-places");
  // The person keeps one: the choice is saved and the notice goes.
  const [page] = pages;
  const kept = twoPlaces(page).getByRole("group", { name: HELPED });
  if (await kept.count()) {
    const other = (await kept.locator("blockquote").allTextContents())[1];
    await kept.getByRole("button", { name: "Keep this version", exact: true }).click();
    await twoPlaces(page).waitFor({ state: "detached" });
    assert.equal(await page.getByRole("textbox", { name: HELPED, exact: true }).inputValue(), other);
    await page.reload();
    assert.equal(await page.getByRole("textbox", { name: HELPED, exact: true }).inputValue(), other);
  }
  assert.deepEqual(person.consoleErrors, []);
  await person.context.close();
});

test("a crash of the page while typing on and on loses at most the last second or so", async () => {
  const person = await newPerson(app.browser);
  const page = await openForm(app, person.context);
  const box = page.getByRole("textbox", { name: SUCCESSES, exact: true });
  // Three seconds of typing with no pause long enough for the usual save after a pause.
  const typed = "Ran the eco council, the choir and the reading buddies scheme this year.";
  await box.pressSequentially(typed, { delay: 40 });
  const session = await person.context.newCDPSession(page);
  // The renderer dies before it can answer, so the crash is waited for, not the command.
  const crashed = page.waitForEvent("crash", { timeout: 10000 });
  session.send("Page.crash").catch(() => {});
  await crashed;
  const again = await openForm(app, person.context);
  const kept = await again.getByRole("textbox", { name: SUCCESSES, exact: true }).inputValue();
  assert.ok(typed.startsWith(kept), `what was kept is what was typed: ${JSON.stringify(kept)}`);
  assert.ok(typed.length - kept.length <= 40, `${typed.length - kept.length} characters lost: ${JSON.stringify(kept)}`);
  await person.context.close();
});

/** Fills this site's storage to the last character, as years of records or other apps might. */
async function fillStorage(page) {
  await page.evaluate(() => {
    let n = 0;
    for (let size = 512 * 1024; size >= 1; size = Math.floor(size / 2)) {
      for (;;) {
        try {
          localStorage.setItem(`filler-${n++}`, "x".repeat(size));
        } catch {
          break;
        }
      }
    }
  });
}

const freeStorage = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("filler")).forEach((k) => localStorage.removeItem(k)));

test("a full storage is said as full, and typing on, moving between pages and reloading lose nothing", async () => {
  const person = await newPerson(app.browser, { bypassCSP: true });
  const page = await openForm(app, person.context);
  await page.getByRole("textbox", { name: SUCCESSES, exact: true }).fill("Saved before the storage filled up");
  await saved(page);
  await fillStorage(page);

  // A reload into a full store shows what was saved, and says the storage is full.
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Your pre-review" }).waitFor();
  assert.equal(await page.getByRole("textbox", { name: SUCCESSES, exact: true }).inputValue(), "Saved before the storage filled up");
  const full = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Your browser’s storage is full" }) });
  await full.waitFor();
  assert.doesNotMatch(await page.locator("main").textContent(), /private browsing/);
  await lookAt(page, "storage-full");

  // Typing on: the words stay, and nothing claims they are saved.
  const typed = "Typed while full: ran the breakfast club every Tuesday and Thursday";
  await page.getByRole("textbox", { name: CAREER, exact: true }).fill(typed);
  await page.getByTestId("save-indicator").filter({ hasText: "Not saved" }).waitFor();

  // Moving to another page and back keeps them.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "How it works" }).click();
  await page.getByRole("heading", { level: 1, name: "How an appraisal cycle works" }).waitFor();
  await full.waitFor();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your pre-review" }).click();
  assert.equal(await page.getByRole("textbox", { name: CAREER, exact: true }).inputValue(), typed);
  assert.match(await page.getByTestId("save-indicator").textContent(), /Not saved/);

  // Reloading asks first ("leave page?"); going ahead keeps them all the same.
  const asked = new Promise((done) => page.once("dialog", (dialog) => dialog.accept().then(() => done(dialog.type()))));
  await page.reload();
  assert.equal(await asked, "beforeunload");
  await page.getByRole("heading", { level: 1, name: "Your pre-review" }).waitFor();
  assert.equal(await page.getByRole("textbox", { name: CAREER, exact: true }).inputValue(), typed);
  assert.equal(await page.getByRole("textbox", { name: SUCCESSES, exact: true }).inputValue(), "Saved before the storage filled up");
  await page.getByTestId("save-indicator").filter({ hasText: "Not saved" }).waitFor();

  // Words typed after reloading into the full store are kept too.
  await page.getByRole("textbox", { name: HELPED, exact: true }).fill("Typed after the reload, still full");

  // Room is made outside Appraise: everything is saved without a click.
  await freeStorage(page);
  await saved(page);
  await full.waitFor({ state: "detached" });
  await page.reload();
  assert.equal(await page.getByRole("textbox", { name: CAREER, exact: true }).inputValue(), typed);
  assert.equal(await page.getByRole("textbox", { name: HELPED, exact: true }).inputValue(), "Typed after the reload, still full");
  assert.deepEqual(person.consoleErrors, []);
  await person.context.close();
});

/** The stored entry `key` with one character changed at `fraction` of its length, or cut short there. */
function damage(page, key, fraction, cut) {
  return page.evaluate(
    ({ key, fraction, cut }) => {
      const raw = localStorage.getItem(key);
      const chars = [...raw];
      const at = Math.floor(chars.length * fraction);
      if (cut) chars.length = at;
      else chars[at] = chars[at] === "_" ? "a" : "_";
      localStorage.setItem(key, chars.join(""));
    },
    { key, fraction, cut },
  );
}

for (const [fraction, cut] of [
  [0.25, false],
  [0.5, false],
  [0.75, false],
  [0.8, true],
]) {
  test(`a pre-review ${cut ? "cut short" : "changed by one character"} at ${fraction * 100}% is noticed, said and its answers recovered`, async () => {
    const person = await newPerson(app.browser, { bypassCSP: true });
    const page = await openForm(app, person.context);
    await page.getByRole("textbox", { name: SUCCESSES, exact: true }).fill("Led the eco council");
    await saved(page);
    await page.getByRole("textbox", { name: CAREER, exact: true }).fill("HLTA within two years");
    await saved(page);
    await damage(page, "appraise:record:pre-review", fraction, cut);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Your pre-review" }).waitFor();
    const notice = page.getByRole("status").filter({ hasText: "Some saved work was damaged and has been put back to an earlier save" });
    await notice.getByRole("listitem").filter({ hasText: /^Your pre-review: as saved at \d\d:\d\d on \d\d\/\d\d\/\d{4}$/ }).waitFor();
    // Never the damaged text as if it were the person's: the answers as saved.
    assert.equal(await page.getByRole("textbox", { name: SUCCESSES, exact: true }).inputValue(), "Led the eco council");
    assert.equal(await page.getByRole("textbox", { name: CAREER, exact: true }).inputValue(), "HLTA within two years");
    if (fraction === 0.5) await lookAt(page, "damaged-pre-review");
    await person.context.close();
  });
}

test("damaged name and keys stop the app until the person chooses; the kept copy brings the same keys back", async () => {
  const person = await newPerson(app.browser, { acceptDownloads: true, bypassCSP: true });
  const page = await person.context.newPage();
  await page.goto(`${app.url}/contacts`);
  const name = page.getByLabel("Your name, as colleagues know you");
  await name.fill("Sam Patel");
  await name.press("Tab");
  await page.getByText("Name saved").waitFor();
  const fingerprint = await page.getByTestId("my-fingerprint").textContent();
  await name.fill("Sam Patel-Jones");
  await name.press("Tab");
  await page.getByText("Name saved").waitFor();
  await damage(page, "appraise:record:identity", 0.5, false);

  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Your name and keys need you" }).waitFor();
  assert.equal(await page.getByText("Some saved items could not be read").count(), 0, "no notice sends the person to a page they cannot reach");
  const keysBefore = await page.evaluate(() => localStorage.getItem("appraise:record:identity"));
  assert.equal(keysBefore, null, "no new keys are made in their place");
  assert.equal(await page.getByTestId("kept-fingerprint").textContent(), fingerprint);
  await lookAt(page, "identity-damaged");

  // Starting again is refused until the person says they understand.
  await page.getByRole("button", { name: "Start again with new keys" }).click();
  await page.getByRole("alert").filter({ hasText: "Tick the box" }).waitFor();

  await page.getByRole("button", { name: "Use this copy" }).click();
  await page.getByRole("heading", { level: 1, name: "Your name and keys need you" }).waitFor({ state: "detached" });
  await page.goto(`${app.url}/contacts`);
  assert.equal(await page.getByTestId("my-fingerprint").textContent(), fingerprint);
  assert.equal(await page.getByLabel("Your name, as colleagues know you").inputValue(), "Sam Patel");
  await person.context.close();
});

test("damaged lock settings never skip the passphrase: the kept copy, then the passphrase, opens the data", async () => {
  const person = await newPerson(app.browser, { bypassCSP: true });
  const page = await openForm(app, person.context);
  await page.getByRole("textbox", { name: SUCCESSES, exact: true }).fill("Confidential: supported a pupil through a difficult term");
  await saved(page);
  await setLock(page, "staffroom kettle orange");
  await damage(page, "appraise:meta", 0.5, false);

  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Your passphrase lock needs you" }).waitFor();
  assert.equal(await page.getByText("Some saved items could not be read").count(), 0);
  await lookAt(page, "lock-damaged");
  await page.getByRole("button", { name: "Use the second copy" }).click();
  await page.getByRole("heading", { level: 1, name: "Unlock your data" }).waitFor();
  await unlock(page, "staffroom kettle orange");
  await page.getByRole("heading", { level: 1, name: "Your data on this device" }).waitFor({ timeout: 30000 });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your pre-review" }).click();
  assert.equal(await page.getByRole("textbox", { name: SUCCESSES, exact: true }).inputValue(), "Confidential: supported a pupil through a difficult term");
  await person.context.close();
});

test("a second tab open while the lock is set writes nothing in the clear, and keeps its words until unlocked", async () => {
  const person = await newPerson(app.browser);
  const first = await openForm(app, person.context);
  const second = await openForm(app, person.context);
  await setLock(first, "staffroom kettle orange");

  // The second tab was open all along: it now asks for the passphrase.
  await second.getByRole("heading", { level: 1, name: "Unlock your data" }).waitFor();
  const inTheClear = () => first.evaluate(() => Object.entries(localStorage).filter(([, v]) => v.includes("Confidential")).map(([k]) => k));
  assert.deepEqual(await inTheClear(), []);

  await unlock(second, "staffroom kettle orange");
  await second.getByRole("heading", { level: 1, name: "Your pre-review" }).waitFor({ timeout: 30000 });
  await second.getByRole("textbox", { name: SUCCESSES, exact: true }).fill("Confidential: typed in the second tab");
  await saved(second);
  assert.deepEqual(await inTheClear(), [], "what the second tab saves is sealed");
  const unsealed = await first.evaluate(() =>
    Object.entries(localStorage)
      .filter(([k]) => k.startsWith("appraise:record:"))
      .filter(([, v]) => !v.includes('"sealed"'))
      .map(([k]) => k),
  );
  assert.deepEqual(unsealed, []);
  await person.context.close();
});
