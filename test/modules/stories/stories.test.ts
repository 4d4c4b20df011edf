import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyRetention, retentionJob } from "../../../src/modules/community/retention.ts";
import { eraseSupporter, exportSupporterData } from "../../../src/modules/community/your-data.service.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { type Cookies, makeStaff, STAFF_COOKIE, signIn } from "../admin/admin-helpers.ts";
import { decide, queuePage } from "../moderation/moderation-helpers.ts";
import { mailTo, runJobs } from "../petitions/petition-helpers.ts";
import { photoWithGps, sendStory, storyFields, storyRow } from "./story-helpers.ts";

describeEachDatabase("stories of welcome", (db) => {
  let t: TestApp;
  let moderator: Cookies;
  const dataDir = mkdtempSync(join(tmpdir(), "iwelcome-stories-"));
  const files = () => {
    try {
      return readdirSync(join(dataDir, "uploads"));
    } catch {
      return [];
    }
  };

  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off", DATA_DIR: dataDir });
    moderator = { [STAFF_COOKIE]: await signIn(t, await makeStaff(t, "moderator")) };
  });
  afterAll(async () => {
    await t.app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const itemOf = async (storyId: number) =>
    t.deps.db
      .selectFrom("moderation_items")
      .selectAll()
      .where("kind", "=", "story")
      .where("subject_id", "=", storyId)
      .executeTakeFirstOrThrow();

  describe("sending a story", () => {
    it("keeps a story with a photo waiting, its photo resized and without GPS or any metadata", async () => {
      const fields = storyFields({ alt: "Two women laughing on a park bench", photo_consent: "yes" });
      const res = await sendStory(t, fields, await photoWithGps());
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe("/stories/new/thanks");
      const story = await storyRow(t, fields.title ?? "");
      expect(story).toMatchObject({ status: "waiting", author_name: "Marit", shown_as: "first", published_at: null });
      expect(story?.image_widths).toBe("480,960");
      const mine = files().filter((f) => f.startsWith(`${story?.image_key}-`));
      expect(mine).toHaveLength(6);
      for (const name of mine) {
        const meta = await sharp(readFileSync(join(dataDir, "uploads", name))).metadata();
        expect(meta.exif).toBeUndefined();
        expect(meta.xmp).toBeUndefined();
      }
      const largest = readFileSync(join(dataDir, "uploads", `${story?.image_key}-960.jpg`));
      expect(largest.includes(Buffer.from("Hidden Photographer"))).toBe(false);
      expect((await t.app.inject(`/stories/${story?.slug}`)).statusCode).toBe(404);
      expect((await t.app.inject("/stories")).body).not.toContain(fields.title);
      const queue = await queuePage(t.app, moderator, "?kind=story");
      expect(queue.body).toContain(fields.title);
      expect(queue.body).toContain(`/uploads/${story?.image_key}-480.jpg`);
      expect(queue.body).not.toContain(fields.email);
    });

    it("refuses a text file renamed to .jpg, and keeps nothing, in the database or on disk", async () => {
      const before = files();
      const fields = storyFields({ alt: "A photo", photo_consent: "yes" });
      const res = await sendStory(t, fields, {
        filename: "holiday.jpg",
        type: "image/jpeg",
        bytes: Buffer.from("just some words, not a picture\n"),
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain("The file is not a photo we can read");
      expect(res.body).toContain('href="#field-photo"');
      // What was typed is kept for the second try.
      expect(res.body).toContain(fields.title);
      expect(await storyRow(t, fields.title ?? "")).toBeUndefined();
      expect(files()).toEqual(before);
    });

    it("refuses a photo over 8 MB with a clear message, and keeps nothing", async () => {
      const before = files();
      const fields = storyFields({ alt: "A very large photo", photo_consent: "yes" });
      const huge = Buffer.alloc(8 * 1024 * 1024 + 100, 0xff);
      const res = await sendStory(t, fields, { filename: "huge.jpg", type: "image/jpeg", bytes: huge });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain("Choose a photo of 8 MB or less");
      expect(await storyRow(t, fields.title ?? "")).toBeUndefined();
      expect(files()).toEqual(before);
    });

    it("asks for the consent of the people pictured and a description, before writing any file", async () => {
      const before = files();
      const fields = storyFields();
      const res = await sendStory(t, fields, await photoWithGps());
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('href="#field-consent"');
      expect(res.body).toContain('href="#field-alt"');
      expect(res.body).toContain("Confirm that everyone in the photo agreed");
      expect(await storyRow(t, fields.title ?? "")).toBeUndefined();
      expect(files()).toEqual(before);
    });

    it("refuses HTML and scripts in the story with a clear message, and every missing field at once", async () => {
      const fields = storyFields({ body: "Hello <script>alert(1)</script>", name: "", shown_as: "everyone" });
      const res = await sendStory(t, fields, null);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain("Write plain text, without HTML tags or code");
      for (const field of ["body", "name", "shownAs"]) expect(res.body).toContain(`href="#field-${field}"`);
      expect(res.body).not.toContain("<script>alert(1)</script>");
      expect(await storyRow(t, fields.title ?? "")).toBeUndefined();
      const empty = await sendStory(t, storyFields({ title: "", body: "" }), null);
      expect(empty.body).toContain("Give your story a title");
      expect(empty.body).toContain("Write your story");
    });

    it("refuses a story sent without the form's CSRF token, before any file is written", async () => {
      const before = files();
      const fields = storyFields({ alt: "A photo", photo_consent: "yes" });
      const res = await sendStory(t, fields, await photoWithGps(), "", { csrf: false });
      expect(res.statusCode).toBe(403);
      expect(await storyRow(t, fields.title ?? "")).toBeUndefined();
      expect(files()).toEqual(before);
    });

    it("takes a story without a photo, in the language of the form", async () => {
      const fields = storyFields({ shown_as: "anonymous" });
      const res = await sendStory(t, fields, null, "/ar");
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe("/ar/stories/new/thanks");
      expect(await storyRow(t, fields.title ?? "")).toMatchObject({ locale: "ar", author_name: "", image_key: null });
    });
  });

  describe("moderating and publishing", () => {
    it("publishes an approved story on /stories, its own page and the home page, and tells its teller", async () => {
      const title = `Tea & "biscuits" <3 ${Math.random().toString(36).slice(2, 7)}`;
      const fields = storyFields({ title, alt: "A teapot & two cups", photo_consent: "yes", shown_as: "full" });
      expect((await sendStory(t, fields, await photoWithGps())).statusCode).toBe(303);
      const story = await storyRow(t, title);
      if (!story) throw new Error("no story");
      const decided = await decide(t.app, moderator, (await itemOf(story.id)).id, "approve");
      expect(decided.statusCode).toBe(303);
      expect(await storyRow(t, title)).toMatchObject({ status: "published" });

      const page = await t.app.inject(`/stories/${story.slug}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("Tea &amp; &quot;biscuits&quot; &lt;3");
      expect(page.body).not.toContain('"biscuits" <3');
      expect(page.body).toContain("Told by Marit Olsen");
      expect(page.body).toContain(`/uploads/${story.image_key}-960.jpg`);
      expect(page.body).toContain('alt="A teapot &amp; two cups"');
      expect(page.body).not.toContain(fields.email);
      expect(page.body).toContain("Now we cook together every Sunday.");

      const list = await t.app.inject("/stories");
      expect(list.body).toContain(`href="/stories/${story.slug}"`);
      const home = await t.app.inject("/");
      expect(home.body).toContain(`href="/stories/${story.slug}"`);
      expect(home.body).not.toContain(fields.email);

      await runJobs(t.deps);
      const mail = (await mailTo(t.deps.db, fields.email ?? "")).at(-1);
      expect(mail?.subject).toContain("is published");
      expect(mail?.text).toContain(`/stories/${story.slug}`);
    });

    it("keeps a rejected story off every page and tells its teller why", async () => {
      const fields = storyFields();
      await sendStory(t, fields, null);
      const story = await storyRow(t, fields.title ?? "");
      if (!story) throw new Error("no story");
      const res = await decide(t.app, moderator, (await itemOf(story.id)).id, "reject", { reason: "off-topic" });
      expect(res.statusCode).toBe(303);
      expect(await storyRow(t, fields.title ?? "")).toMatchObject({ status: "rejected", published_at: null });
      expect((await t.app.inject(`/stories/${story.slug}`)).statusCode).toBe(404);
      expect((await t.app.inject("/stories")).body).not.toContain(fields.title);
      await runJobs(t.deps);
      const mail = (await mailTo(t.deps.db, fields.email ?? "")).at(-1);
      expect(mail?.subject).toContain("was not published");
    });

    it("shows an anonymous story without any name, and takes it down again when the decision is undone", async () => {
      const fields = storyFields({ shown_as: "anonymous", name: "Rahim Karimi" });
      await sendStory(t, fields, null);
      const story = await storyRow(t, fields.title ?? "");
      if (!story) throw new Error("no story");
      const itemId = (await itemOf(story.id)).id;
      await decide(t.app, moderator, itemId, "approve");
      const page = await t.app.inject(`/stories/${story.slug}`);
      expect(page.body).toContain("Told anonymously");
      expect(page.body).not.toContain("Rahim");
      await decide(t.app, moderator, itemId, "undo");
      expect((await t.app.inject(`/stories/${story.slug}`)).statusCode).toBe(404);
    });

    it("pages the list newest first, and refuses a page that does not exist", async () => {
      expect((await t.app.inject("/stories?page=999")).statusCode).toBe(404);
      expect((await t.app.inject("/stories?page=abc")).statusCode).toBe(200);
    });
  });

  describe("the teller's data", () => {
    it("lists stories in the export, and erasure deletes them, published or not, with their photos", async () => {
      const fields = storyFields({ alt: "Hands holding a key", photo_consent: "yes" });
      await sendStory(t, fields, await photoWithGps());
      const story = await storyRow(t, fields.title ?? "");
      if (!story?.supporter_id || !story.image_key) throw new Error("no story");
      await decide(t.app, moderator, (await itemOf(story.id)).id, "approve");
      const waiting = storyFields({ email: fields.email ?? "" });
      await sendStory(t, waiting, null);

      const data = await exportSupporterData(t.deps, story.supporter_id);
      expect(data?.stories.map((s) => s.title)).toEqual([fields.title, waiting.title]);
      expect(data?.stories[0]).toMatchObject({ status: "published", photo: `/uploads/${story.image_key}-960.jpg` });

      expect(await eraseSupporter(t.deps, story.supporter_id)).toBe(true);
      expect(await storyRow(t, fields.title ?? "")).toBeUndefined();
      expect(await storyRow(t, waiting.title ?? "")).toBeUndefined();
      expect(files().filter((f) => f.startsWith(story.image_key ?? "-"))).toEqual([]);
      expect((await t.app.inject(`/stories/${story.slug}`)).statusCode).toBe(404);
      const items = await t.deps.db
        .selectFrom("moderation_items")
        .select("id")
        .where("kind", "=", "story")
        .where("subject_id", "=", story.id)
        .execute();
      expect(items).toEqual([]);
    });

    it("deletes a rejected story and its photo once the retention period has passed, and keeps its teller until then", async () => {
      const fields = storyFields({ alt: "A train platform", photo_consent: "yes" });
      await sendStory(t, fields, await photoWithGps());
      const story = await storyRow(t, fields.title ?? "");
      if (!story?.image_key) throw new Error("no story");
      await decide(t.app, moderator, (await itemOf(story.id)).id, "reject", { reason: "personal" });
      // The teller has nothing else, but is not deleted as empty while the story exists.
      await applyRetention(t.deps, new Date(Date.now() + 40 * 864e5));
      expect(await storyRow(t, fields.title ?? "")).toBeDefined();
      await t.deps.db
        .updateTable("stories")
        .set({ updated_at: new Date(Date.now() - 31 * 864e5).toISOString() })
        .where("id", "=", story.id)
        .execute();
      await retentionJob(t.deps, null, undefined as never);
      expect(await storyRow(t, fields.title ?? "")).toBeUndefined();
      expect(files().filter((f) => f.startsWith(story.image_key ?? "-"))).toEqual([]);
    });
  });
});
