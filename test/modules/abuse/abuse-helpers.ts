import type { Deps } from "../../../src/deps.ts";
import { i18nFor } from "../../../src/modules/i18n/i18n.ts";
import { signPetition } from "../../../src/modules/petitions/signing.service.ts";
import { sourceFromForm } from "../../../src/modules/petitions/source.ts";
import type { TestApp } from "../../support/app.ts";

/**
 * A signature sent straight to the signing service from a network (its keyed hash), as the
 * API sends one: no form check and no challenge field, no updates, no public comment.
 */
export function signStraight(deps: Deps, slug: string, email: string, networkHash: string, country = "NO") {
  return signPetition(deps, {
    slug,
    form: {
      name: "Test Signer",
      email,
      country,
      postcode: "",
      comment: "",
      updates: false,
      public: false,
      commentPublic: false,
    },
    i18n: i18nFor("en"),
    source: sourceFromForm({}),
    networkHash,
  });
}

/** Posts the sign form of a petition from one address, as a browser there would. */
export async function signFrom(app: TestApp["app"], slug: string, address: string, fields: Record<string, string>) {
  const page = await app.inject({ url: `/campaigns/${slug}`, remoteAddress: address });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
  return app.inject({
    method: "POST",
    url: `/campaigns/${slug}/signatures`,
    remoteAddress: address,
    headers: {
      cookie: page.cookies.map((c) => `${c.name}=${c.value}`).join("; "),
      origin: "http://localhost:3000",
      "content-type": "application/x-www-form-urlencoded",
    },
    payload: new URLSearchParams({ _csrf: token, ...fields }).toString(),
  });
}
