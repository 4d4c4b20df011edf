import { renderAsync } from "@resvg/resvg-js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  chooseTitleSize,
  renderShareImage,
  renderShareSvg,
  SHARE_IMAGE_HEIGHT,
  SHARE_IMAGE_WIDTH,
  type ShareImageInput,
} from "../../../src/modules/petitions/share-image/render-share-image.ts";

const english: ShareImageInput = {
  title: "Stop sending Afghan asylum seekers back to danger",
  countText: "12,345 signatures",
  siteName: "iwelcome",
};
const arabic: ShareImageInput = {
  title: "أوقفوا ترحيل طالبي اللجوء الأفغان إلى الخطر",
  countText: "١٢٬٣٤٥ توقيعًا",
  siteName: "iwelcome",
  dir: "rtl",
  lang: "ar",
};

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The leftmost and rightmost columns with dark ink in the title's band (y 150–470). */
async function titleInk(input: ShareImageInput): Promise<{ left: number; right: number; dark: number }> {
  const image = await renderAsync(await renderShareSvg(input), { font: { loadSystemFonts: false } });
  const pixels = image.pixels;
  let left = SHARE_IMAGE_WIDTH;
  let right = -1;
  let dark = 0;
  for (let y = 150; y < 470; y++) {
    for (let x = 0; x < SHARE_IMAGE_WIDTH; x++) {
      const i = (y * SHARE_IMAGE_WIDTH + x) * 4;
      if ((pixels[i] ?? 255) < 100 && (pixels[i + 1] ?? 255) < 100) {
        dark++;
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
  }
  return { left, right, dark };
}

describe("renderShareImage", () => {
  it("draws a 1200×630 PNG", async () => {
    const png = await renderShareImage(english);
    expect(pngSize(png)).toEqual({ width: SHARE_IMAGE_WIDTH, height: SHARE_IMAGE_HEIGHT });
    expect(SHARE_IMAGE_WIDTH).toBe(1200);
    expect(SHARE_IMAGE_HEIGHT).toBe(630);
  });

  it("gives the same bytes for the same input", async () => {
    const first = await renderShareImage(arabic);
    const second = await renderShareImage(arabic);
    expect(first.equals(second)).toBe(true);
  });

  it("shrinks the title's font as the title grows", () => {
    const short = chooseTitleSize("Open the border");
    const medium = chooseTitleSize(english.title.repeat(2));
    const long = chooseTitleSize("Give every child who arrives alone a guardian, a school and a home. ".repeat(2));
    expect(short.fontSize).toBeGreaterThan(medium.fontSize);
    expect(medium.fontSize).toBeGreaterThan(long.fontSize);
  });

  it("still draws a title far longer than any real one", async () => {
    const png = await renderShareImage({
      ...english,
      title: `${"Welcome ".repeat(80)} ${"x".repeat(400)}`,
      siteName: "A site name that goes on and on ".repeat(5),
      countText: "1,234,567,890 signatures and counting and counting",
    });
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });

  it("draws an Arabic title with real glyphs, aligned to the right", async () => {
    expect(pngSize(await renderShareImage(arabic))).toEqual({ width: 1200, height: 630 });
    const rtl = await titleInk(arabic);
    expect(rtl.dark).toBeGreaterThan(20_000); // glyphs, not an empty band
    expect(rtl.right).toBeGreaterThan(1100); // flush with the right margin (72 px)
    expect(rtl.left).toBeGreaterThan(150); // ragged on the left

    const ltr = await titleInk(english);
    expect(ltr.left).toBeLessThan(100);
  });

  it("draws markup as plain text", async () => {
    const hostile: ShareImageInput = {
      title: '<script>alert(1)</script><img src=x onerror="alert(2)"> & </svg>',
      countText: "<b>12</b> &amp; signatures",
      siteName: "</div><style>*{display:none}</style>",
    };
    const svg = await renderShareSvg(hostile);
    // Text becomes glyph outlines: nothing of the input reaches the SVG as markup or text.
    expect(svg).not.toMatch(/script|onerror|<img|<style|alert/i);
    expect(pngSize(await renderShareImage(hostile))).toEqual({ width: 1200, height: 630 });
  });

  it("draws any text at all without failing", async () => {
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.string({ unit: "grapheme", maxLength: 200 }),
      fc.constantFrom("", " ", "\u200f\u202e", "\u0000\n\t", "ـــــ", "﷽".repeat(30), "👩‍👩‍👧‍👦".repeat(50)),
    );
    await fc.assert(
      fc.asyncProperty(
        text,
        text,
        text,
        fc.constantFrom("ltr", "rtl") as fc.Arbitrary<"ltr" | "rtl">,
        async (title, countText, siteName, dir) => {
          const png = await renderShareImage({ title, countText, siteName, dir });
          expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
        },
      ),
      { numRuns: 25 },
    );
  });
});
