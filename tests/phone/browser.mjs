// What the phone scripts share: Debian's headless Chromium, a phone-sized page, and the
// screenshot and text of every page when a script fails.
import { chromium } from "playwright-core";

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
}

export const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

// Leaves what each phone showed, to see why a script failed.
export async function showFailure(browser, shots, prefix) {
  for (const [i, context] of browser.contexts().entries()) {
    for (const [j, page] of context.pages().entries()) {
      await page.screenshot({ path: shots + "/" + prefix + i + "-" + j + ".png" }).catch(() => {});
      console.error("phone " + i + "-" + j + ": " + (await page.textContent("body").catch(() => "?")));
    }
  }
}
