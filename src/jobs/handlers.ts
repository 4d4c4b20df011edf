import { PETITION_JOBS } from "../modules/petitions/petition-mail.ts";
import type { JobHandler } from "./worker.ts";

/** Every job the platform knows, by name. */
export const JOB_HANDLERS: Record<string, JobHandler> = {
  ...PETITION_JOBS,
};
