import { describe, expect, it } from "vitest";
import { renderWorldMap } from "../../../src/modules/petitions/map/world-map.ts";

const labels = { title: "Where the groups are", description: "The list below says the same in words." };

function circles(svg: string) {
  return [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="5"><title>([^<]*)<\/title><\/circle>/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    label: m[3],
  }));
}

describe("the groups' map", () => {
  it("marks each chosen point with a named dot in the right place, over the shaded countries", () => {
    const svg = renderWorldMap({ NO: 2, FR: 1 }, labels, {
      markers: [
        { latitude: 59.91, longitude: 10.75, label: "Welcome Oslo, Oslo" },
        { latitude: 45.76, longitude: 4.84, label: "Accueil Lyon, Lyon" },
      ],
    });
    const [oslo, lyon] = circles(svg);
    expect(oslo?.label).toBe("Welcome Oslo, Oslo");
    expect(lyon?.label).toBe("Accueil Lyon, Lyon");
    // Oslo lies north and east of Lyon: higher on the drawing (smaller y) and to the right.
    expect(oslo && lyon && oslo.y < lyon.y && oslo.x > lyon.x).toBe(true);
    // The dots come after the countries, so they are drawn on top.
    expect(svg.indexOf("wm-markers")).toBeGreaterThan(svg.lastIndexOf('data-country="'));
    expect(svg.endsWith("</g></svg>")).toBe(true);
  });

  it("escapes a group's name in a dot's title, and draws no dots when no group chose a point", () => {
    const svg = renderWorldMap({}, labels, {
      markers: [{ latitude: 0, longitude: 0, label: '<script>alert("x")</script> & co' }],
    });
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co");
    expect(renderWorldMap({ NO: 1 }, labels)).not.toContain("<circle");
  });
});
