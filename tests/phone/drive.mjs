// Drives the phone page like a room of participants would, in Debian's headless Chromium at
// phone size. The Rust test (tests/phones.rs) starts the room server and runs this script; a
// line "STAGE <name>" on stdout asks it to switch what the projector shows, and it answers
// with a line on stdin once done. The last line printed is a JSON summary of what was seen.
//
// node drive.mjs BASE_URL ROOM_CODE SHOTS_DIR
import { launch, phone, showFailure } from "./browser.mjs";
import readline from "node:readline";

const [base, code, shots] = process.argv.slice(2);
const input = readline.createInterface({ input: process.stdin });
const answers = input[Symbol.asyncIterator]();
const summary = {};

async function stage(name) {
  console.log("STAGE " + name);
  await answers.next();
}

// Waits for `test` to hold, polling, and returns the milliseconds it took.
async function within(ms, what, test) {
  const start = Date.now();
  for (;;) {
    if (await test()) return Date.now() - start;
    if (Date.now() - start > ms) throw new Error(what + ": not within " + ms + " ms");
    await new Promise((done) => setTimeout(done, 20));
  }
}

const browser = await launch();

try {
  // Someone without the code gets nowhere.
  const stranger = await (await browser.newContext(phone)).newPage();
  await stranger.goto(base + "/");
  await stranger.fill("#code", "0000");
  await stranger.click("#code-next");
  await stranger.waitForSelector("#toast.bad:not([hidden])");
  summary.refusedWithoutCode = (await stranger.textContent("#toast")).trim();
  summary.strangerSawTeams = await stranger.locator(".team-choice").count();

  // 王磊 scans the QR code (the link carries the code), picks his team and his name.
  const wangContext = await browser.newContext(phone);
  const wang = await wangContext.newPage();
  await wang.goto(base + "/?code=" + code);
  await wang.waitForSelector(".team-choice");
  summary.teamsOffered = await wang.locator(".team-choice").count();
  await wang.screenshot({ path: shots + "/phone-join-zh.png" });
  await wang.locator(".team-choice").first().click();
  await wang.click("button.member >> nth=0");
  await wang.waitForSelector("[data-stage=lobby]");
  summary.wangHeader = (await wang.textContent("#who-text")).trim();
  await wang.screenshot({ path: shots + "/phone-lobby-zh.png" });

  // A participant of the second team joins in English, typing a new name.
  const annContext = await browser.newContext(phone);
  await annContext.addInitScript(() => localStorage.setItem("service-camp-lang", "en"));
  const ann = await annContext.newPage();
  await ann.goto(base + "/?code=" + code);
  await ann.locator(".team-choice").nth(1).click();
  await ann.fill("#name", "Ann <b>Lee</b>");
  await ann.click("#join");
  await ann.waitForSelector("[data-stage=lobby]");
  summary.annHeader = (await ann.textContent("#who-text")).trim();

  // Team design: the captain edits the slogan and the logo.
  await stage("team_design");
  await wang.waitForSelector("#team-slogan", { timeout: 2000 });
  await wang.fill("#team-slogan", "手机上改的口号");
  await wang.press("#team-slogan", "Enter");
  await wang.click(".logos button[aria-label='🚀']");
  await within(2000, "the slogan saved", async () =>
    (await wang.inputValue("#team-slogan")) === "手机上改的口号" &&
    (await wang.locator(".logos button.chosen").getAttribute("aria-label")) === "🚀");
  await wang.screenshot({ path: shots + "/phone-design-zh.png" });
  await ann.waitForSelector("[data-stage=team_design]");
  await ann.screenshot({ path: shots + "/phone-design-en.png" });

  // The vote: phones switch by themselves, 王磊 votes, Ann's phone sees the count move.
  await stage("vote");
  summary.voteShownMs = await within(1000, "the vote on 王磊's phone", () => wang.isVisible(".vote-choice"));
  summary.ownTeamOffered = await wang.locator(".vote-choice").evaluateAll((buttons) =>
    buttons.some((b) => b.dataset.team === "1"));
  const before = await ann.textContent("#vote-count");
  await wang.locator(".vote-choice[data-team='2']").click();
  summary.voteSeenByOthersMs = await within(1000, "Ann's phone sees the vote",
    async () => (await ann.textContent("#vote-count")) !== before);
  summary.annVoteCount = (await ann.textContent("#vote-count")).trim();
  await wang.waitForSelector(".vote-choice.chosen[data-team='2']");
  await wang.screenshot({ path: shots + "/phone-vote-zh.png" });
  await ann.locator(".vote-choice[data-team='3']").click();
  await ann.waitForSelector(".vote-choice.chosen[data-team='3']");
  await ann.screenshot({ path: shots + "/phone-vote-en.png" });

  // A reload (or a locked phone) brings the same person back, vote and all.
  await wang.reload();
  await wang.waitForSelector(".vote-choice.chosen[data-team='2']", { timeout: 3000 });
  summary.afterReloadHeader = (await wang.textContent("#who-text")).trim();

  // After a round: the other teams' members rate it, with a comment.
  await stage("round");
  await wang.waitForSelector("[data-stars='4']", { timeout: 2000 });
  await wang.click("[data-stars='4']");
  await wang.fill("#rate-comment", "道歉很真诚,方案还可以更具体");
  await wang.click("#rate-send");
  await wang.waitForSelector("#toast:not(.bad):not([hidden])");
  await wang.screenshot({ path: shots + "/phone-rating-zh.png" });
  await ann.click("[data-stars='5']");
  await ann.click("#rate-send");
  await ann.waitForSelector("#toast:not(.bad):not([hidden])");
  await ann.screenshot({ path: shots + "/phone-rating-en.png" });
  // Someone of the serving team is told it is theirs, with nothing to press.
  const zhouContext = await browser.newContext(phone);
  const zhou = await zhouContext.newPage();
  await zhou.goto(base + "/?code=" + code);
  await zhou.locator(".team-choice").nth(2).click();
  await zhou.click("button.member >> nth=0");
  await zhou.waitForSelector("[data-stage=round]");
  summary.ratingOwnTeamBlocked = (await zhou.locator("[data-stars]").count()) === 0;

  // Experience sharing: a story each, shown on the projector's wall.
  await stage("stories");
  await wang.waitForSelector("#story-place", { timeout: 2000 });
  await wang.fill("#story-place", "楼下的便利店");
  await wang.fill("#story-good", "店员记得我常买的咖啡");
  await wang.fill("#story-bad", "排队时没人招呼");
  await wang.click(".choice.come_back[data-yes='true']");
  await wang.click(".choice.recommend[data-yes='true']");
  await wang.click("#story-send");
  await wang.waitForSelector("#toast:not(.bad):not([hidden])");
  await wang.screenshot({ path: shots + "/phone-stories-zh.png" });
  await ann.waitForSelector("#story-place");
  await ann.screenshot({ path: shots + "/phone-stories-en.png" });

  // Their own 5-3-1.
  await stage("debrief");
  await wang.waitForSelector("#takeaway-0", { timeout: 2000 });
  await wang.fill("#takeaway-0", "先处理心情,再处理事情");
  await wang.press("#takeaway-0", "Enter");
  await wang.locator(".chip", { hasText: "7A" }).first().click();
  await within(2000, "the tool chip filled a line", async () => (await wang.inputValue("#tool-0")).startsWith("7A"));
  await wang.screenshot({ path: shots + "/phone-debrief-zh.png", fullPage: true });
  await ann.waitForSelector("#takeaway-0");
  await ann.screenshot({ path: shots + "/phone-debrief-en.png" });
  summary.annNameShownAsText = (await ann.textContent("#who-text")).includes("<b>");
} catch (error) {
  await showFailure(browser, shots, "failure-");
  throw error;
} finally {
  await browser.close();
}
console.log(JSON.stringify(summary));
process.exit(0);
