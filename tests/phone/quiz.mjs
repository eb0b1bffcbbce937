// Two participants answer a live quiz on their phones, in Debian's headless Chromium at phone
// size. The Rust test (tests/quiz.rs) runs the app headless with phones on and a quiz of one
// single-choice question started on the quiz screen; it tells this script which place is right
// (its first stdin line). One phone answers right, one wrong and then tries again; this prints
// "ANSWERED" and the test closes the question. The phones then show their result. The last line
// is a JSON summary.
//
// node quiz.mjs BASE_URL ROOM_CODE SHOTS_DIR
import { launch, phone, showFailure } from "./browser.mjs";
import readline from "node:readline";

const [base, code, shots] = process.argv.slice(2);
const answers = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const summary = {};
const browser = await launch();

async function player(teamIndex, lang) {
  const context = await browser.newContext(phone);
  if (lang) await context.addInitScript((l) => localStorage.setItem("service-camp-lang", l), lang);
  const page = await context.newPage();
  await page.goto(base + "/?code=" + code);
  await page.locator(".team-choice").nth(teamIndex).click();
  await page.click("button.member >> nth=0");
  await page.waitForSelector(".quiz-pad button.quiz-choice", { timeout: 5000 });
  return page;
}

try {
  const right = Number((await answers.next()).value);
  const wang = await player(0, "");
  const ann = await player(1, "en");
  summary.choices = await wang.locator(".quiz-pad button.quiz-choice").count();
  summary.clock = Number((await wang.textContent("#quiz-clock")).trim());
  summary.prompt = (await wang.textContent("#quiz-prompt")).trim();
  summary.promptEn = (await ann.textContent("#quiz-prompt")).trim();
  summary.answerShownBefore = await wang.evaluate(() => JSON.stringify(window.document.body.innerText).includes("✓"));
  await wang.screenshot({ path: shots + "/phone-quiz-zh.png" });
  await ann.screenshot({ path: shots + "/phone-quiz-en.png" });
  await wang.click(".quiz-pad button[data-place='" + right + "']");
  await wang.waitForSelector("#quiz-waiting", { timeout: 5000 });
  summary.waiting = (await wang.textContent("#quiz-waiting")).trim();
  const wrong = (right + 1) % summary.choices;
  await ann.click(".quiz-pad button[data-place='" + wrong + "']");
  await ann.waitForSelector("#quiz-waiting", { timeout: 5000 });
  // A second answer from the same phone is refused: the first counts.
  summary.second = await ann.evaluate(async ([quizRight]) => {
    const token = localStorage.getItem("service-camp-token");
    const reply = await fetch("/api/act", {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: "Bearer " + token, "X-Request-Id": "again" },
      body: JSON.stringify({ do: "answer", quiz: 1, question: 0, places: [quizRight] }),
    });
    return { status: reply.status, body: await reply.json() };
  }, [right]);
  console.log("ANSWERED");
  await answers.next();
  for (const page of [wang, ann]) await page.waitForSelector("#quiz-verdict", { timeout: 10000 });
  summary.wangVerdict = (await wang.textContent("#quiz-verdict")).trim();
  summary.annVerdict = (await ann.textContent("#quiz-verdict")).trim();
  summary.explanation = (await wang.textContent("#quiz-explanation")).trim();
  summary.wangTotal = (await wang.textContent("#quiz-total")).trim();
  await wang.screenshot({ path: shots + "/phone-quiz-result-zh.png" });
  await ann.screenshot({ path: shots + "/phone-quiz-result-en.png" });
} catch (error) {
  await showFailure(browser, shots, "failure-quiz-");
  throw error;
} finally {
  await browser.close();
}
console.log(JSON.stringify(summary));
process.exit(0);
