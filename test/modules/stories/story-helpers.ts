// What the story tests share: sending the story form as a browser does (multipart, with
// the page's CSRF cookie and token), and a phone photo that carries a GPS position.
import { randomBytes } from "node:crypto";
import sharp from "sharp";
import type { TestApp } from "../../support/app.ts";

export interface Photo {
  filename: string;
  type: string;
  bytes: Buffer;
}

/** The form's fields and the file as one multipart/form-data body. */
function formData(fields: Record<string, string>, photo: Photo | null) {
  const boundary = `----story${randomBytes(8).toString("hex")}`;
  const chunks: Buffer[] = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  // A browser sends an empty file part when no file was chosen.
  const file = photo ?? { filename: "", type: "application/octet-stream", bytes: Buffer.alloc(0) };
  chunks.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

/** A story as a person fills it in; each test changes what it is about. */
export function storyFields(fields: Record<string, string> = {}): Record<string, string> {
  return {
    title: `A bench in the park ${Math.random().toString(36).slice(2, 8)}`,
    body: "We met on a bench in the park.\n\nNow we cook together every Sunday.",
    name: "Marit Olsen",
    email: `teller.${Math.random().toString(36).slice(2)}@example.org`,
    shown_as: "first",
    ...fields,
  };
}

/** Sends the story form from /stories/new (in `prefix`'s language), with or without a photo (and its CSRF token). */
export async function sendStory(
  t: TestApp,
  fields: Record<string, string>,
  photo: Photo | null,
  prefix = "",
  { csrf = true }: { csrf?: boolean } = {},
) {
  const page = await t.app.inject(`${prefix}/stories/new`);
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
  const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const body = formData(csrf ? { _csrf: token, ...fields } : fields, photo);
  return t.app.inject({
    method: "POST",
    url: `${prefix}/stories/new`,
    headers: { cookie, origin: "http://localhost:3000", "content-type": body.type },
    payload: body.payload,
  });
}

/** A JPEG as a phone writes it: with a GPS position and the photographer's name in its EXIF. */
export async function photoWithGps(): Promise<Photo> {
  const bytes = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#3a7" } })
    .jpeg()
    .withExif({
      IFD0: { Artist: "Hidden Photographer" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "60/1 23/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "5/1 19/1 0/1" },
    })
    .toBuffer();
  return { filename: "IMG_2044.jpg", type: "image/jpeg", bytes };
}

export const storyRow = (t: TestApp, title: string) =>
  t.deps.db.selectFrom("stories").selectAll().where("title", "=", title).executeTakeFirst();
