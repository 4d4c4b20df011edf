import multipart, { type MultipartFile } from "@fastify/multipart";
import type { FastifyError, FastifyInstance, FastifyRequest } from "fastify";
import { DomainError } from "../errors.ts";

/** An uploaded file as a handler receives it: its bytes, and whether it was cut short. */
export interface Upload {
  bytes: Buffer;
  truncated: boolean;
}

export interface UploadLimits {
  /** The largest file accepted; a longer one arrives marked as truncated. */
  fileSize: number;
  fields: number;
  fieldSize: number;
}

const bodyRead = new WeakSet<FastifyRequest>();

/**
 * Teaches one encapsulated plugin to read multipart forms with at most one file, read whole
 * into memory. A body the parser cannot make sense of (cut short, a broken part header) is the
 * sender's fault: it gets the site's 400 page, never a 500.
 */
export async function acceptUploads(app: FastifyInstance, limits: UploadLimits) {
  await app.register(multipart, {
    attachFieldsToBody: "keyValues",
    throwFileSizeLimit: false,
    limits: {
      fileSize: limits.fileSize,
      files: 1,
      fields: limits.fields,
      fieldSize: limits.fieldSize,
      parts: limits.fields + 2,
    },
    async onFile(part: MultipartFile) {
      const bytes = await part.toBuffer().catch(() => Buffer.alloc(0));
      (part as unknown as { value: Upload }).value = { bytes, truncated: part.file.truncated };
    },
  });
  app.addHook("preHandler", async (request) => {
    bodyRead.add(request);
  });
  // Thrown on to the site's own error handler, with a status when the parser gave none.
  app.setErrorHandler((error: FastifyError, request) => {
    if (error instanceof DomainError || typeof error.statusCode === "number" || bodyRead.has(request)) throw error;
    throw Object.assign(new Error("the multipart body could not be read"), { statusCode: 400, cause: error });
  });
}

/** The file a form sent, or null when none was chosen (a form sent without one carries an empty part). */
export function uploadOf(value: unknown): Upload | null {
  if (!value || typeof value !== "object") return null;
  const upload = value as Partial<Upload>;
  if (!Buffer.isBuffer(upload.bytes)) return null;
  return upload.bytes.length > 0 || upload.truncated
    ? { bytes: upload.bytes, truncated: upload.truncated === true }
    : null;
}
