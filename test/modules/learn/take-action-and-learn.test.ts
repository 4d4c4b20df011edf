import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, postForm, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { auditOf, type Cookies, get, makeStaff, post, STAFF_COOKIE, signIn } from "../admin/admin-helpers.ts";

const HOSTILE = `<img src=x onerror=alert(1)> "Tea" & talk`;

describeEachDatabase("the take-action hub and Learn", (db) => {
  let t: TestApp;
  let campaigner: Cookies;
  let moderator: Cookies;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    campaigner = { [STAFF_COOKIE]: await signIn(t, await makeStaff(t, "campaigner")) };
    moderator = { [STAFF_COOKIE]: await signIn(t, await makeStaff(t, "moderator")) };
  });
  afterAll(async () => t.app.close());

  describe("/take-action", () => {
    it("leads to every way to help, in the reader's language", async () => {
      const en = await t.app.inject("/take-action");
      expect(en.statusCode).toBe(200);
      for (const path of [
        "/campaigns",
        "/join",
        "/groups",
        "/groups/new",
        "/events",
        "/events/new",
        "/pages/community-sponsorship",
        "/stories/new",
        "/learn/asylum-basics",
      ])
        expect(en.body).toContain(`href="${path}"`);
      expect(en.body).toContain("Sponsor a family");
      const ar = await t.app.inject("/ar/take-action");
      expect(ar.body).toContain('href="/ar/stories/new"');
      expect(ar.body).toContain("اكفل عائلة");
      const sponsorship = await t.app.inject("/pages/community-sponsorship");
      expect(sponsorship.statusCode).toBe(200);
      expect(sponsorship.body).toContain("Where to start");
      expect((await t.app.inject("/ar/pages/community-sponsorship")).body).toContain("من أين تبدأ");
    });

    it("lets a campaigner add, change and delete an item, audited, and shows it escaped", async () => {
      const added = await post(
        t.app,
        "/admin/take-action?locale=nb",
        "/admin/take-action",
        {
          locale: "nb",
          position: "5",
          title: HOSTILE,
          text: "Kom og drikk te med oss.",
          link: "/events",
          linkLabel: "Se mer",
        },
        campaigner,
      );
      expect(added.statusCode).toBe(303);
      expect(added.headers.location).toBe("/admin/take-action?done=added&locale=nb");
      const item = await t.deps.db
        .selectFrom("take_action_items")
        .selectAll()
        .where("title", "=", HOSTILE)
        .executeTakeFirstOrThrow();
      expect(item).toMatchObject({ locale: "nb", position: 5, link: "/events" });
      expect(await auditOf(t, "take-action.add", item.id)).toHaveLength(1);

      const page = await t.app.inject("/nb/take-action");
      expect(page.body).toContain("&lt;img src=x onerror=alert(1)> &quot;Tea&quot; &amp; talk");
      expect(page.body).not.toContain("<img src=x");
      expect(page.body).toContain('href="/nb/events"');
      // Items come in their order: position 5 before the demo's 10.
      expect(page.body.indexOf("Kom og drikk te")).toBeLessThan(page.body.indexOf("Skriv under et opprop"));

      const changed = await post(
        t.app,
        `/admin/take-action/${item.id}`,
        `/admin/take-action/${item.id}`,
        {
          locale: "nb",
          position: "500",
          title: "Te og prat",
          text: "Kom og drikk te med oss.",
          link: "https://example.org/te",
          linkLabel: "Se mer",
        },
        campaigner,
      );
      expect(changed.statusCode).toBe(303);
      const [edit] = await auditOf(t, "take-action.edit", item.id);
      expect(JSON.parse(edit?.before ?? "{}")).toMatchObject({ title: HOSTILE, position: 5 });
      expect(JSON.parse(edit?.after ?? "{}")).toMatchObject({ title: "Te og prat", position: 500 });
      expect((await t.app.inject("/nb/take-action")).body).toContain('href="https://example.org/te"');

      const deleted = await post(
        t.app,
        `/admin/take-action/${item.id}`,
        `/admin/take-action/${item.id}/delete`,
        {},
        campaigner,
      );
      expect(deleted.statusCode).toBe(303);
      expect(await auditOf(t, "take-action.delete", item.id)).toHaveLength(1);
      expect((await t.app.inject("/nb/take-action")).body).not.toContain("Te og prat");
      expect((await get(t.app, `/admin/take-action/${item.id}`, campaigner)).statusCode).toBe(404);
    });

    it("refuses a link that could run script, or a missing title, and stores nothing", async () => {
      const before = (await t.deps.db.selectFrom("take_action_items").select("id").execute()).length;
      const res = await post(
        t.app,
        "/admin/take-action",
        "/admin/take-action",
        { locale: "en", position: "x", title: "", text: "Some text", link: "javascript:alert(1)", linkLabel: "Go" },
        campaigner,
      );
      expect(res.statusCode).toBe(400);
      for (const field of ["position", "title", "link"]) expect(res.body).toContain(`href="#field-${field}"`);
      expect(res.body).toContain("Enter a path on this site starting with / or an address starting with https://");
      expect((await t.deps.db.selectFrom("take_action_items").select("id").execute()).length).toBe(before);
    });

    it("keeps moderators out of the content area", async () => {
      expect((await get(t.app, "/admin/take-action", moderator)).statusCode).toBe(403);
      expect((await get(t.app, "/admin/learn", moderator)).statusCode).toBe(403);
    });
  });

  describe("/learn", () => {
    it("lists the lesson and the resources, those in the reader's language first", async () => {
      const en = await t.app.inject("/learn");
      expect(en.statusCode).toBe(200);
      expect(en.body).toContain('href="/learn/asylum-basics"');
      expect(en.body).toContain("The Universal Declaration of Human Rights");
      const ar = await t.app.inject("/ar/learn");
      expect(ar.body.indexOf("الإعلان العالمي لحقوق الإنسان")).toBeLessThan(
        ar.body.indexOf("The Universal Declaration of Human Rights"),
      );
    });

    it("lets a campaigner add, change and delete a resource, audited and escaped", async () => {
      const added = await post(
        t.app,
        "/admin/learn",
        "/admin/learn",
        {
          title: "Rights course",
          description: HOSTILE,
          url: "https://example.org/course",
          language: "fr",
          position: "1",
        },
        campaigner,
      );
      expect(added.statusCode).toBe(303);
      const resource = await t.deps.db
        .selectFrom("learn_resources")
        .selectAll()
        .where("title", "=", "Rights course")
        .executeTakeFirstOrThrow();
      expect(await auditOf(t, "learn-resource.add", resource.id)).toHaveLength(1);
      const page = await t.app.inject("/fr/learn");
      expect(page.body).toContain("&lt;img src=x onerror=alert(1)>");
      expect(page.body).not.toContain("<img src=x");
      expect(page.body.indexOf("Rights course")).toBeLessThan(page.body.indexOf("The Universal Declaration"));

      const bad = await post(
        t.app,
        `/admin/learn/${resource.id}`,
        `/admin/learn/${resource.id}`,
        { title: "Rights course", description: "ok", url: "http://plain.example", language: "french", position: "1" },
        campaigner,
      );
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('href="#field-url"');
      expect(bad.body).toContain('href="#field-language"');
      expect(await auditOf(t, "learn-resource.edit", resource.id)).toHaveLength(0);

      const changed = await post(
        t.app,
        `/admin/learn/${resource.id}`,
        `/admin/learn/${resource.id}`,
        {
          title: "Cours sur les droits",
          description: "Un cours.",
          url: "https://example.org/cours",
          language: "fr",
          position: "2",
        },
        campaigner,
      );
      expect(changed.statusCode).toBe(303);
      expect(await auditOf(t, "learn-resource.edit", resource.id)).toHaveLength(1);
      await post(t.app, `/admin/learn/${resource.id}`, `/admin/learn/${resource.id}/delete`, {}, campaigner);
      expect(await auditOf(t, "learn-resource.delete", resource.id)).toHaveLength(1);
      expect((await t.app.inject("/fr/learn")).body).not.toContain("Cours sur les droits");
    });

    it("serves a lesson page by page, then the quiz", async () => {
      const first = await t.app.inject("/learn/asylum-basics");
      expect(first.statusCode).toBe(200);
      expect(first.body).toContain("Who is a refugee?");
      expect(first.body).toContain('href="/learn/asylum-basics/2"');
      const last = await t.app.inject("/learn/asylum-basics/3");
      expect(last.body).toContain("No return to danger");
      expect(last.body).toContain('href="/learn/asylum-basics/quiz"');
      expect((await t.app.inject("/learn/asylum-basics/4")).statusCode).toBe(404);
      expect((await t.app.inject("/learn/no-such-lesson")).statusCode).toBe(404);
      const ar = await t.app.inject("/ar/learn/asylum-basics");
      expect(ar.body).toContain('href="/ar/learn/asylum-basics/2"');
      expect(ar.body).toContain("الحق في طلب اللجوء: الأساسيات");
      expect(ar.body).toContain("من هو اللاجئ؟");
    });

    it("marks the quiz on the server, without JavaScript, keeping nothing", async () => {
      const auditBefore = (await t.deps.db.selectFrom("audit_log").select("id").execute()).length;
      const res = await postForm(t.app, "/learn/asylum-basics/quiz", "/learn/asylum-basics/quiz", {
        q0: "0",
        q1: "1",
        q2: "0",
        q3: "0",
      });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain("You got 3 of 4 right");
      expect(res.body).toContain("Non-refoulement forbids returning a person to danger");
      expect(res.body).toContain('data-lesson-result="asylum-basics"');
      expect(res.headers["set-cookie"]).toBeUndefined();
      expect((await t.deps.db.selectFrom("audit_log").select("id").execute()).length).toBe(auditBefore);
    });

    it("asks again for an unanswered question, keeping the answers given", async () => {
      const res = await postForm(t.app, "/learn/asylum-basics/quiz", "/learn/asylum-basics/quiz", {
        q0: "0",
        q2: "9",
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('href="#field-q1"');
      expect(res.body).toContain('href="#field-q2"');
      expect(res.body).toContain("Choose an answer to question 2");
      expect(res.body).toMatch(/id="q0-0"[^>]*checked/);
    });
  });
});
