import { now } from "../../db/portable.ts";
import type { Deps } from "../../deps.ts";
import { recordAudit } from "../admin/audit.repo.ts";
import { CAMPAIGN_LIMITS, type FieldProblem } from "./campaign-input.ts";
import { changes, requireCampaign } from "./editor.service.ts";
import { IMAGE_MAX_BYTES, NotAnImageError, removeImageFiles, type StoredImage, storeImage } from "./image-files.ts";

/** The picture form: the file (if one was chosen) and the words that go with the picture. */
export interface ImageForm {
  file: { bytes: Buffer; truncated: boolean } | null;
  alt: string;
  caption: string;
  credit: string;
}

const CONTROL = /\p{Cc}/u;

function checkWords(form: ImageForm, problems: FieldProblem[]) {
  const L = CAMPAIGN_LIMITS.imageText;
  if (form.alt === "" || form.alt.length > L || CONTROL.test(form.alt))
    problems.push({ field: "alt", message: "admin.image.error.alt" });
  if (form.caption.length > L || CONTROL.test(form.caption))
    problems.push({ field: "caption", message: "admin.campaign.error.tooLong" });
  if (form.credit.length > L || CONTROL.test(form.credit))
    problems.push({ field: "credit", message: "admin.campaign.error.tooLong" });
}

/**
 * Sets a campaign's picture, or only its words when no file is sent. The file is checked
 * by decoding it; nothing changes unless the file and the words are all right. The old
 * picture's files are deleted once the new one is saved.
 */
export async function saveCampaignImage(
  deps: Pick<Deps, "db" | "config">,
  staffUserId: number,
  campaignId: number,
  form: ImageForm,
): Promise<{ ok: true } | { ok: false; problems: FieldProblem[] }> {
  const campaign = await requireCampaign(deps.db, campaignId);
  const problems: FieldProblem[] = [];
  if (form.file?.truncated || (form.file && form.file.bytes.length > IMAGE_MAX_BYTES))
    problems.push({ field: "image", message: "admin.image.error.tooLarge" });
  else if (!form.file && !campaign.image_url) problems.push({ field: "image", message: "admin.image.error.missing" });
  checkWords(form, problems);
  if (problems.length > 0) return { ok: false, problems };

  let stored: StoredImage | null = null;
  if (form.file) {
    try {
      stored = await storeImage(deps.config.dataDir, form.file.bytes);
    } catch (error) {
      if (error instanceof NotAnImageError)
        return { ok: false, problems: [{ field: "image", message: "admin.image.error.notImage" }] };
      throw error;
    }
  }
  const set = {
    image_alt: form.alt,
    image_caption: form.caption || null,
    image_credit: form.credit || null,
    ...(stored
      ? {
          image_url: stored.url,
          image_width: stored.width,
          image_height: stored.height,
          image_key: stored.key,
          image_widths: stored.widths.join(","),
        }
      : {}),
  };
  try {
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("campaigns")
        .set({ ...set, updated_at: now() })
        .where("id", "=", campaignId)
        .execute();
      const { before, after } = changes(campaign as Record<string, unknown>, set);
      await recordAudit(trx, {
        staffUserId,
        action: "campaign.image",
        entity: "campaign",
        entityId: campaignId,
        before,
        after,
      });
    });
  } catch (error) {
    if (stored) await removeImageFiles(deps.config.dataDir, stored.key);
    throw error;
  }
  if (stored && campaign.image_key) await removeImageFiles(deps.config.dataDir, campaign.image_key);
  return { ok: true };
}

/** Takes the picture off a campaign and deletes its files. */
export async function removeCampaignImage(deps: Pick<Deps, "db" | "config">, staffUserId: number, campaignId: number) {
  const campaign = await requireCampaign(deps.db, campaignId);
  const set = {
    image_url: null,
    image_alt: null,
    image_caption: null,
    image_credit: null,
    image_width: null,
    image_height: null,
    image_key: null,
    image_widths: null,
  };
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("campaigns")
      .set({ ...set, updated_at: now() })
      .where("id", "=", campaignId)
      .execute();
    const { before, after } = changes(campaign as Record<string, unknown>, set);
    await recordAudit(trx, {
      staffUserId,
      action: "campaign.image-remove",
      entity: "campaign",
      entityId: campaignId,
      before,
      after,
    });
  });
  if (campaign.image_key) await removeImageFiles(deps.config.dataDir, campaign.image_key);
}
