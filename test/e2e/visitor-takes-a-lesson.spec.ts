import { axeWhereScripted, expect, expectNoAxeViolations, test } from "./support/fixtures.ts";

// A quiz sent with a question left unanswered answers 400: the browser logs it.
test.use({ expectedConsoleErrors: [/status of 400/] });

const LESSON = "The right to seek asylum: the basics";

test.describe("a visitor learning about refugees' rights", () => {
  test("reads a lesson page by page, takes the quiz and sees each answer explained", async ({
    page,
    javaScriptEnabled,
  }) => {
    const axe = axeWhereScripted(javaScriptEnabled);
    await page.goto("/learn");
    await axe(page);
    await expect(page.getByRole("link", { name: "The Universal Declaration of Human Rights" })).toBeVisible();
    const progress = page.locator("[data-lesson-progress]");
    await expect(progress).toBeHidden();
    await page.getByRole("link", { name: LESSON }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(LESSON);
    await expect(page.getByRole("heading", { level: 2 })).toHaveText("Who is a refugee?");
    await expect(page.getByText("Page 1 of 3")).toBeVisible();
    await axe(page);
    await page.getByRole("link", { name: "Next page" }).click();
    await expect(page.getByRole("heading", { level: 2 })).toHaveText("The right to seek asylum");
    await page.getByRole("link", { name: "Next page" }).click();
    await expect(page.getByRole("heading", { level: 2 })).toHaveText("No return to danger");
    await page.getByRole("link", { name: "Take the quiz" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Quiz");
    await axe(page);

    // Sent with one answer missing: the summary names it, the answers given stay chosen.
    const question = (text: RegExp) => page.getByRole("group", { name: text });
    await question(/first said that everyone has the right/)
      .getByLabel("The Universal Declaration")
      .check();
    await question(/asked for protection and is waiting/)
      .getByLabel("An asylum seeker")
      .check();
    await question(/non-refoulement/)
      .getByLabel("A country must accept everyone who arrives")
      .check();
    await page.getByRole("button", { name: "See my result" }).click();
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.getByRole("alert")).toContainText("Choose an answer to question 4");
    await expect(question(/asked for protection and is waiting/).getByLabel("An asylum seeker")).toBeChecked();
    await axe(page);

    await question(/safe and legal route/)
      .getByLabel("Community sponsorship")
      .check();
    await page.getByRole("button", { name: "See my result" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You got 3 of 4 right");
    await expect(page.getByRole("main")).toContainText("Non-refoulement forbids returning a person to danger");
    await axe(page);

    // With JavaScript the progress is kept on this device, and only there; without, nothing shows.
    await page.goto("/learn");
    if (javaScriptEnabled) {
      await expect(progress).toHaveText("On this device: 3 of 3 pages read. Last quiz: 3 of 4 right.");
      const stored = await page.evaluate(() => localStorage.getItem("iwelcome.lesson.asylum-basics"));
      expect(JSON.parse(stored ?? "{}")).toEqual({ pages: [1, 2, 3], score: 3 });
    } else {
      await expect(progress).toBeHidden();
    }
  });

  test("reads the lesson and the Learn page in Arabic, right to left", async ({ page, javaScriptEnabled }) => {
    for (const path of ["/ar/learn", "/ar/learn/asylum-basics", "/ar/learn/asylum-basics/quiz"]) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      if (javaScriptEnabled) await expectNoAxeViolations(page);
    }
  });

  test("finds every way to help on the take-action page, and starts the course from it", async ({
    page,
    javaScriptEnabled,
  }) => {
    for (const path of ["/ar/take-action", "/take-action"]) {
      await page.goto(path);
      if (javaScriptEnabled) await expectNoAxeViolations(page);
    }
    const main = page.getByRole("main");
    for (const [name, href] of [
      ["See the campaigns", "/campaigns"],
      ["Join", "/join"],
      ["Find a group", "/groups"],
      ["Start a group", "/groups/new"],
      ["See the events", "/events"],
      ["Host an event", "/events/new"],
      ["What it involves", "/pages/community-sponsorship"],
      ["Share a story", "/stories/new"],
    ] as const)
      await expect(main.getByRole("link", { name, exact: true })).toHaveAttribute("href", href);
    await main.getByRole("link", { name: "Start the lesson" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(LESSON);
  });
});
