import { COLLECTION_QUERY } from "./paging.ts";

/** The JSON Schemas of the API's routes: Fastify validates with them, and the OpenAPI document is made of them. */

export const ID_PARAMS = {
  type: "object",
  required: ["id"],
  additionalProperties: false,
  properties: { id: { type: "integer", minimum: 1, maximum: 2_147_483_647 } },
} as const;

export const SLUG_PARAMS = {
  type: "object",
  required: ["slug"],
  additionalProperties: false,
  // Any text: a slug that cannot exist is simply not found (404), like any other unknown one.
  properties: { slug: { type: "string", maxLength: 200 } },
} as const;

export const NO_QUERY = { type: "object", additionalProperties: false, properties: {} } as const;

export { COLLECTION_QUERY };

const LINK = { type: "object", required: ["href"], properties: { href: { type: "string", format: "uri" } } } as const;

const RESOURCE_BASE = {
  identifiers: { type: "array", items: { type: "string" } },
  origin_system: { type: "string" },
  created_date: { type: "string", format: "date-time" },
  modified_date: { type: "string", format: "date-time" },
  _links: { type: "object", additionalProperties: true, properties: { self: LINK } },
} as const;

function resource(description: string, properties: Record<string, unknown>) {
  return { type: "object", description, additionalProperties: true, properties: { ...RESOURCE_BASE, ...properties } };
}

const nullableString = { type: ["string", "null"] } as const;

export const PERSON = resource("A supporter (never an erased one).", {
  given_name: { type: "string" },
  family_name: { type: "string" },
  email_addresses: {
    type: "array",
    items: {
      type: "object",
      properties: {
        address: { type: "string", format: "email" },
        primary: { type: "boolean" },
        status: { type: "string", enum: ["subscribed", "unsubscribed"] },
      },
    },
  },
  postal_addresses: {
    type: "array",
    items: { type: "object", properties: { country: nullableString, postal_code: nullableString } },
  },
  languages_spoken: { type: "array", items: { type: "string" } },
});

export const SIGNATURE = resource("A signature of a petition.", {
  status: { type: "string", enum: ["pending", "confirmed", "invalidated"] },
  comments: nullableString,
  referrer_data: {
    type: "object",
    properties: { source: nullableString, referrer: nullableString, website: nullableString },
  },
});

export const PETITION = resource("A public petition (a campaign).", {
  slug: { type: "string" },
  title: { type: "string" },
  summary: { type: "string" },
  petition_text: { type: "string" },
  target: { type: "array", items: { type: "object", properties: { name: { type: "string" } } } },
  status: { type: "string", enum: ["open", "won", "delivered", "closed"] },
  deadline: nullableString,
  total_signatures: { type: "integer" },
  goal: { type: "integer" },
  browser_url: { type: "string", format: "uri" },
  updated_at: nullableString,
  signatures_by_country: {
    type: "array",
    items: {
      type: "object",
      properties: { code: { type: "string" }, name: { type: "string" }, count: { type: "integer" } },
    },
  },
});

export const EVENT = resource("A published or cancelled event; only its town and country, never the exact place.", {
  title: { type: "string" },
  description: { type: "string" },
  start_date: { type: "string", format: "date-time" },
  end_date: { type: "string", format: "date-time" },
  time_zone: { type: "string" },
  status: { type: "string", enum: ["confirmed", "cancelled"] },
  capacity: { type: ["integer", "null"] },
  online: { type: "boolean" },
  location: { type: ["object", "null"], properties: { locality: nullableString, country: nullableString } },
  browser_url: { type: "string", format: "uri" },
});

export const ATTENDANCE = resource("A person's RSVP to an event.", {
  status: { type: "string", enum: ["accepted", "tentative", "declined", "needs action"] },
  waitlisted: { type: "boolean" },
});

export const TAG = {
  type: "object",
  description: "A topic supporters choose as an interest.",
  additionalProperties: true,
  properties: {
    identifiers: { type: "array", items: { type: "string" } },
    origin_system: { type: "string" },
    name: { type: "string" },
    slug: { type: "string" },
    _links: { type: "object", additionalProperties: true },
  },
} as const;

/** A page of a collection (OSDI paging with HAL links). */
export function collection(name: string, item: object) {
  return {
    type: "object",
    additionalProperties: true,
    required: ["total_pages", "per_page", "page", "total_records", "_links", "_embedded"],
    properties: {
      total_pages: { type: "integer" },
      per_page: { type: "integer" },
      page: { type: "integer" },
      total_records: { type: "integer" },
      _links: {
        type: "object",
        additionalProperties: true,
        properties: { self: LINK, next: LINK, prev: LINK },
      },
      _embedded: {
        type: "object",
        properties: { [`osdi:${name}`]: { type: "array", items: item } },
      },
    },
  };
}

export const PROBLEM = {
  type: "object",
  description: "A problem document (RFC 9457), sent as application/problem+json.",
  required: ["type", "title", "status", "detail"],
  properties: {
    type: { type: "string", format: "uri" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    instance: { type: "string" },
    request_id: { type: "string" },
    errors: {
      type: "array",
      items: { type: "object", properties: { pointer: { type: "string" }, detail: { type: "string" } } },
    },
  },
} as const;

const text = (max: number) => ({ type: "string", maxLength: max }) as const;

/** OSDI's record signature helper, with the form's three choices as extensions. */
export const RECORD_SIGNATURE = {
  type: "object",
  additionalProperties: false,
  required: ["person"],
  properties: {
    person: {
      type: "object",
      additionalProperties: false,
      required: ["email_addresses"],
      properties: {
        given_name: text(200),
        family_name: text(200),
        email_addresses: {
          type: "array",
          minItems: 1,
          maxItems: 5,
          items: {
            type: "object",
            additionalProperties: false,
            required: ["address"],
            properties: { address: text(320), primary: { type: "boolean" } },
          },
        },
        postal_addresses: {
          type: "array",
          maxItems: 5,
          items: {
            type: "object",
            additionalProperties: false,
            properties: { country: text(2), postal_code: text(40), primary: { type: "boolean" } },
          },
        },
      },
    },
    comments: text(2000),
    referrer_data: {
      type: "object",
      additionalProperties: false,
      properties: { source: text(200), referrer: text(200), website: text(200) },
    },
    updates: { type: "boolean", description: "The signer ticked the site's own box to be kept updated." },
    public: { type: "boolean", description: "Show the signer's first name and country among recent signers." },
    comment_public: { type: "boolean", description: "The signer agreed to show their comment once moderated." },
  },
} as const;
