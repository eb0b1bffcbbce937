// Three observers score one live round on their phones, in Debian's headless Chromium at phone
// size. The Rust test (tests/observers.rs) runs the app headless with phones on and a round
// started; once the phones have tapped, this prints "TAPPED" and the test ends the round. The
// phones then finish within the grace and wait for the reveal. The last line is a JSON summary.
//
// node observe.mjs BASE_URL ROOM_CODE SHOTS_DIR
import { launch, phone, showFailure } from "./browser.mjs";
import readline from "node:readline";

const [base, code, shots] = process.argv.slice(2);
const answers = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const summary = {};

const browser = await launch();

// A participant of the team at `teamIndex` on the join list, joining as its first member.
async function observer(teamIndex, lang) {
  const context = await browser.newContext(phone);
  if (lang) await context.addInitScript((l) => localStorage.setItem("service-camp-lang", l), lang);
  const page = await context.newPage();
  await page.goto(base + "/?code=" + code);
  await page.locator(".team-choice").nth(teamIndex).click();
  await page.click("button.member >> nth=0");
  await page.waitForSelector(".pad button[data-tag='7a.acknowledge']", { timeout: 5000 });
  return page;
}

const tapsShown = async (page, count) => page.waitForFunction((n) => {
  const taps = document.getElementById("observe-taps");
  return taps && taps.textContent.includes(String(n));
}, count, { timeout: 3000 });

async function tap(page, tag, count) {
  await page.click(".pad button[data-tag='" + tag + "']");
  await tapsShown(page, count);
}

// The page as someone who just looked at it: at the top, no message left over.
async function top(page) {
  await page.evaluate(() => scrollTo(0, 0));
  await page.waitForSelector("#toast", { state: "hidden", timeout: 6000 });
}

try {
  const chen = await observer(1, "");
  const zhou = await observer(2, "");
  const ma = await observer(3, "en");
  summary.clockShown = (await chen.textContent("#observe-clock")).trim();
  summary.padButtons = await chen.locator(".pad button").count();
  // The serving team has no pad.
  const lei = await (await browser.newContext(phone)).newPage();
  await lei.goto(base + "/?code=" + code);
  await lei.locator(".team-choice").nth(0).click();
  await lei.click("button.member >> nth=0");
  await lei.waitForSelector("#observe-own");
  summary.servingTeamHasPad = (await lei.locator(".pad").count()) > 0;
  summary.servingTeamTold = (await lei.textContent("#observe-own")).trim();

  await tap(chen, "7a.accept", 1);
  await tap(chen, "7a.acknowledge", 2);
  await tap(zhou, "7a.accept", 1);
  await tap(zhou, "7a.acknowledge", 2);
  await tap(ma, "7a.acknowledge", 1);
  await tap(ma, "penalty.taboo", 2);
  // A double tap counts once.
  await chen.click(".pad button[data-tag='7a.analyze']");
  await chen.click(".pad button[data-tag='7a.analyze']");
  await chen.waitForSelector("#toast.bad:not([hidden])", { timeout: 3000 });
  summary.doubleTap = (await chen.textContent("#toast")).trim();
  await tapsShown(chen, 3);
  // A mis-tap is taken back.
  await ma.click("#observe-undo");
  await tapsShown(ma, 1);
  await top(chen);
  await top(ma);
  await chen.screenshot({ path: shots + "/phone-observe-zh.png" });
  await ma.screenshot({ path: shots + "/phone-observe-en.png" });
  await ma.screenshot({ path: shots + "/phone-observe-full-en.png", fullPage: true });
  // Zhou's phone drops and comes back: his taps are still his.
  await zhou.reload();
  await zhou.waitForSelector(".pad button.tapped[data-tag='7a.acknowledge']", { timeout: 5000 });
  summary.zhouTapsAfterReload = (await zhou.textContent("#observe-taps")).trim();

  console.log("TAPPED");
  await answers.next();
  // The round is over: a few seconds to finish.
  await chen.waitForSelector("#observe-grace", { timeout: 5000 });
  summary.grace = (await chen.textContent("#observe-grace")).trim();
  await tap(chen, "7a.agreement", 4);
  await ma.waitForSelector("#observe-grace");
  await top(ma);
  await ma.screenshot({ path: shots + "/phone-observe-grace-en.png" });
  for (const page of [chen, zhou, ma]) await page.waitForSelector("#observe-points", { timeout: 20000 });
  summary.chenPoints = (await chen.textContent("#observe-points")).trim();
  summary.maPoints = (await ma.textContent("#observe-points")).trim();
  await top(chen);
  await top(ma);
  await chen.screenshot({ path: shots + "/phone-observe-result-zh.png" });
  await ma.screenshot({ path: shots + "/phone-observe-result-en.png" });
} catch (error) {
  await showFailure(browser, shots, "failure-observe-");
  throw error;
} finally {
  await browser.close();
}
console.log(JSON.stringify(summary));
process.exit(0);
