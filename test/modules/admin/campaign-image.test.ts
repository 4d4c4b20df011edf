import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { auditOf, type Cookies, get, makeStaff, post, STAFF_COOKIE, signIn } from "./admin-helpers.ts";

interface FilePart {
  name: string;
  filename: string;
  type: string;
  bytes: Buffer;
}

/** A multipart/form-data body as a browser sends it: the fields, then the file. */
function multipart(fields: Record<string, string>, file: FilePart | null) {
  const boundary = `----iwelcome${randomBytes(8).toString("hex")}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A landscape photo as a phone stores a portrait one (sideways, with an orientation tag), with GPS and an author. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 2000, height: 1000, channels: 3, background: "#c33" } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Artist: "Secret Photographer" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "59/1 54/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "10/1 45/1 0/1" },
    })
    .toBuffer();
}

describeEachDatabase("a campaign's picture", (db) => {
  let t: TestApp;
  let cookie: Cookies;
  let campaign: { id: number; slug: string };
  const dataDir = mkdtempSync(join(tmpdir(), "iwelcome-images-"));
  const uploaded = () => readdirSync(join(dataDir, "uploads"));

  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off", DATA_DIR: dataDir });
    cookie = { [STAFF_COOKIE]: await signIn(t, await makeStaff(t, "campaigner")) };
    campaign = await t.deps.db.selectFrom("campaigns").select(["id", "slug"]).executeTakeFirstOrThrow();
  });
  afterAll(async () => {
    await t.app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Posts the picture form from the picture page, with its CSRF cookie and token (or without the token). */
  async function upload(fields: Record<string, string>, file: FilePart | null, { csrf = true } = {}) {
    const path = `/admin/campaigns/${campaign.id}/image`;
    const page = await get(t.app, path, cookie);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
    const csrfCookie = page.cookies.find((c) => c.name === "csrf")?.value ?? "";
    const body = multipart(csrf ? { _csrf: token, ...fields } : fields, file);
    return t.app.inject({
      method: "POST",
      url: path,
      headers: {
        cookie: `${STAFF_COOKIE}=${cookie[STAFF_COOKIE]}; csrf=${csrfCookie}`,
        origin: "http://localhost:3000",
        "content-type": body.contentType,
      },
      payload: body.payload,
    });
  }
  const row = () =>
    t.deps.db.selectFrom("campaigns").selectAll().where("id", "=", campaign.id).executeTakeFirstOrThrow();
  const photo = async (): Promise<FilePart> => ({
    name: "image",
    filename: "IMG_0001.jpg",
    type: "image/jpeg",
    bytes: await phonePhoto(),
  });

  it("refuses a text file renamed to .jpg, and changes nothing", async () => {
    const before = await row();
    const res = await upload(
      { alt: "A sign", caption: "", credit: "" },
      { name: "image", filename: "photo.jpg", type: "image/jpeg", bytes: Buffer.from("this is not a picture\n") },
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("This file is not a JPEG, PNG, WebP, AVIF or GIF picture");
    expect(res.body).toContain('href="#field-image"');
    expect(await row()).toMatchObject({ image_url: before.image_url, image_alt: before.image_alt });
    expect(uploaded()).toEqual([]);
  });

  it("refuses an SVG drawing, which a browser could run script in, whatever its name", async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400"><script>alert(1)</script><rect width="600" height="400"/></svg>';
    const res = await upload(
      { alt: "A drawing" },
      { name: "image", filename: "drawing.png", type: "image/png", bytes: Buffer.from(svg) },
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("This file is not a JPEG, PNG, WebP, AVIF or GIF picture");
    expect(uploaded()).toEqual([]);
  });

  for (const format of ["png", "webp", "avif", "gif"] as const) {
    it(`takes a ${format.toUpperCase()} picture and serves it as AVIF, WebP and JPEG`, async () => {
      const bytes = await sharp({ create: { width: 600, height: 400, channels: 3, background: "#397" } })
        .toFormat(format)
        .toBuffer();
      const res = await upload(
        { alt: `A ${format} picture` },
        { name: "image", filename: `picture.${format}`, type: "application/octet-stream", bytes },
      );
      expect(res.statusCode).toBe(303);
      const saved = await row();
      expect(saved).toMatchObject({ image_widths: "480", image_width: 480, image_height: 320 });
      expect(
        uploaded()
          .filter((n) => n.startsWith(saved.image_key ?? "-"))
          .sort(),
      ).toEqual(["avif", "jpg", "webp"].map((ext) => `${saved.image_key}-480.${ext}`));
      // The next picture replaces it and its files go.
      const path = `/admin/campaigns/${campaign.id}/image`;
      await post(t.app, path, `${path}/remove`, {}, cookie);
      expect(uploaded()).toEqual([]);
    });
  }

  it("refuses a file over 8 MB with a clear message", async () => {
    const res = await upload(
      { alt: "Too big" },
      { name: "image", filename: "big.jpg", type: "image/jpeg", bytes: Buffer.alloc(9 * 1024 * 1024, 1) },
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("larger than 8 MB");
    expect(uploaded()).toEqual([]);
  });

  it("requires a description for people who cannot see the picture", async () => {
    const res = await upload({ alt: "", caption: "A caption" }, await photo());
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Describe the picture");
    expect(res.body).toContain('value="A caption"');
    expect(uploaded()).toEqual([]);
  });

  it("refuses an upload without the CSRF token", async () => {
    const res = await upload({ alt: "No token" }, await photo(), { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(uploaded()).toEqual([]);
  });

  it("stores the picture upright, in three widths and three formats, with no location or other metadata", async () => {
    const res = await upload(
      { alt: "Students holding a banner", caption: "Oslo, spring", credit: "A. Friend" },
      await photo(),
    );
    expect(res.statusCode).toBe(303);
    const saved = await row();
    expect(saved).toMatchObject({
      image_alt: "Students holding a banner",
      image_caption: "Oslo, spring",
      image_widths: "480,960",
    });
    expect(saved.image_key).toMatch(/^[0-9a-f]{24}$/);
    // Turned upright: the sideways 2000×1000 photo is 1000 wide, so no 1600 width is made.
    expect(saved).toMatchObject({
      image_url: `/uploads/${saved.image_key}-960.jpg`,
      image_width: 960,
      image_height: 1920,
    });
    const files = uploaded().sort();
    expect(files).toHaveLength(6);
    for (const name of files) {
      const bytes = readFileSync(join(dataDir, "uploads", name));
      const meta = await sharp(bytes).metadata();
      expect(meta.exif, name).toBeUndefined();
      expect(meta.orientation ?? 1, name).toBe(1);
      expect(meta.height, name).toBeGreaterThan(meta.width ?? 0);
      expect(bytes.includes("Secret Photographer"), name).toBe(false);
    }
    expect(files.filter((n) => n.endsWith(".avif"))).toHaveLength(2);
    expect(files.filter((n) => n.endsWith(".webp"))).toHaveLength(2);
    const audits = (await auditOf(t, "campaign.image", campaign.id)).map((a) => JSON.parse(a.after ?? "{}"));
    expect(audits).toContainEqual(
      expect.objectContaining({ image_alt: "Students holding a banner", image_key: saved.image_key }),
    );

    const page = await t.app.inject({ url: `/campaigns/${campaign.slug}` });
    expect(page.body).toContain("<picture>");
    expect(page.body).toContain(
      `<source type="image/avif" srcset="/uploads/${saved.image_key}-480.avif 480w, /uploads/${saved.image_key}-960.avif 960w"`,
    );
    expect(page.body).toContain('alt="Students holding a banner"');

    const file = await t.app.inject({ url: `/uploads/${saved.image_key}-480.avif` });
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("image/avif");
    expect(file.headers["x-content-type-options"]).toBe("nosniff");
    expect(file.headers["cache-control"]).toContain("max-age=31536000");
    expect(file.headers["cache-control"]).toContain("immutable");
    expect((await t.app.inject({ url: "/uploads/../uploads/x.jpg" })).statusCode).toBe(404);
    expect((await t.app.inject({ url: "/uploads/notes.txt" })).statusCode).toBe(404);
  });

  it("changes only the words when no file is chosen, then removes the picture and its files", async () => {
    const before = await row();
    const res = await upload({ alt: "Students with a banner outside school" }, null);
    expect(res.statusCode).toBe(303);
    expect(await row()).toMatchObject({
      image_key: before.image_key,
      image_alt: "Students with a banner outside school",
    });
    const path = `/admin/campaigns/${campaign.id}/image`;
    expect((await post(t.app, path, `${path}/remove`, {}, cookie)).statusCode).toBe(303);
    expect(await row()).toMatchObject({ image_url: null, image_key: null, image_alt: null });
    expect(uploaded()).toEqual([]);
    expect((await t.app.inject({ url: `/uploads/${before.image_key}-480.jpg` })).statusCode).toBe(404);
  });
});
