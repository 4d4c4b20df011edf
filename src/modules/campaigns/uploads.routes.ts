import { mkdirSync } from "node:fs";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps.ts";
import { uploadsDir } from "./image-files.ts";
import { UPLOAD_NAME } from "./image-names.ts";

/**
 * Campaign pictures and stories' photos as uploaded and resized: each file's name is random
 * and never reused, so it is cached for a year; nosniff keeps a browser from reading one as anything but a picture.
 */
export async function uploadRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const root = uploadsDir(deps.config.dataDir);
  mkdirSync(root, { recursive: true });
  await app.register(fastifyStatic, {
    root,
    prefix: "/uploads/",
    index: false,
    decorateReply: false,
    immutable: true,
    maxAge: "365d",
    list: false,
    dotfiles: "deny",
    allowedPath: (pathName) => UPLOAD_NAME.test(pathName.replace(/^\//, "")),
    setHeaders: (reply) => {
      reply.header("x-content-type-options", "nosniff");
      reply.header("cross-origin-resource-policy", "same-site");
    },
  });
}
