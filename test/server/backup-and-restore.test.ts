// `npm run backup` while the site is in use, then `npm run restore`: what was there at the
// backup comes back, and what changed after it is undone, on both engines.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { describeEachDatabase } from "../support/databases.ts";
import { databaseUrlFor, runScript } from "../support/process.ts";

const SLUG = "stop-returns-to-afghanistan";

describeEachDatabase("backing up and restoring", (db) => {
  it("brings back the database and the uploaded pictures as they were at the backup", async () => {
    const { handle } = db();
    const dataDir = mkdtempSync(join(tmpdir(), "iwelcome-backup-"));
    mkdirSync(join(dataDir, "uploads"));
    writeFileSync(join(dataDir, "uploads", "picture.webp"), "the picture at backup time");
    const env = { DATABASE_URL: databaseUrlFor(db()), DATA_DIR: dataDir };
    const titleOf = async () =>
      (await handle.db.selectFrom("campaigns").select("title").where("slug", "=", SLUG).executeTakeFirstOrThrow())
        .title;
    const before = await titleOf();
    const staffBefore = (await handle.db.selectFrom("staff_users").select("id").execute()).length;

    const backup = await runScript("dist/backup.js", env, ["backup"]);
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    const dir = /Backed up the database and uploads to (\S+)/.exec(backup.stdout)?.[1];
    expect(dir).toBeDefined();

    // After the backup: a change, a new row and a changed picture, all to be undone.
    await handle.db
      .updateTable("campaigns")
      .set({ title: "Changed after the backup" })
      .where("slug", "=", SLUG)
      .execute();
    await handle.db
      .insertInto("staff_users")
      .values({
        email: "after.backup@example.org",
        name: "After",
        role: "moderator",
        locale: "en",
        password_hash: null,
        totp_secret: null,
        locked_until: null,
        disabled_at: null,
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      })
      .execute();
    writeFileSync(join(dataDir, "uploads", "picture.webp"), "changed later");
    writeFileSync(join(dataDir, "uploads", "added-later.webp"), "added later");
    expect(await titleOf()).toBe("Changed after the backup");

    const restore = await runScript("dist/backup.js", env, ["restore", dir as string]);
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    expect(await titleOf()).toBe(before);
    expect((await handle.db.selectFrom("staff_users").select("id").execute()).length).toBe(staffBefore);
    expect(readFileSync(join(dataDir, "uploads", "picture.webp"), "utf8")).toBe("the picture at backup time");
    expect(() => readFileSync(join(dataDir, "uploads", "added-later.webp"))).toThrow();
  }, 60_000);

  it("refuses a folder that holds no backup with one line and exit code 1, changing nothing", async () => {
    const { handle } = db();
    const empty = mkdtempSync(join(tmpdir(), "iwelcome-no-backup-"));
    const env = { DATABASE_URL: databaseUrlFor(db()), DATA_DIR: empty };
    const campaigns = (await handle.db.selectFrom("campaigns").select("id").execute()).length;
    const res = await runScript("dist/backup.js", env, ["restore", empty]);
    expect(res.code).toBe(1);
    expect(res.stderr.trim().split("\n")).toHaveLength(1);
    expect(res.stderr).toContain("no backup at");
    expect((await handle.db.selectFrom("campaigns").select("id").execute()).length).toBe(campaigns);
  });
});
