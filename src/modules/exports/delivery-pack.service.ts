// The delivery pack: the PDF a campaign hands to its target. The petition (title, target,
// the ask and its text), the total and a table by country, then every confirmed signer's
// name and country (and comment, when chosen), page after page. Pages stream out as they
// are finished; the signers are read a batch at a time.
import { once } from "node:events";
import { PassThrough, type Readable } from "node:stream";
import type { Deps } from "../../deps.ts";
import { recordAudit } from "../admin/audit.repo.ts";
import { inLanguage } from "../campaigns/translations.repo.ts";
import { i18nFor } from "../i18n/i18n.ts";
import type { Locale } from "../i18n/locales.ts";
import { confirmedByCountry, type ExportCampaignRow, signatureBatches } from "./exports.repo.ts";
import { loadPdfFonts } from "./pdf/fonts.ts";
import { PageWriter } from "./pdf/page-writer.ts";
import { plainParagraphs } from "./pdf/plain-paragraphs.ts";

/** Bytes of drawn pages waiting for the reader before drawing pauses. */
const BUFFERED_AT_MOST = 256 * 1024;

export interface DeliveryPackInput {
  staffUserId: number;
  campaign: ExportCampaignRow;
  /** The language of the pack's own words (headings, total, country names) and its direction. */
  locale: Locale;
  /** Print each signer's comment under their name. */
  comments: boolean;
  batchSize?: number;
}

/**
 * Starts the pack and returns it as a stream. Everything that can fail before the first
 * byte (fonts, the campaign's words, the counts) is done before returning; the signers
 * follow as the reader takes the pages.
 */
export async function deliveryPack(deps: Pick<Deps, "db" | "dialect">, input: DeliveryPackInput): Promise<Readable> {
  const i18n = i18nFor(input.locale);
  const t = i18n.t;
  const [fonts, [campaign], countries] = await Promise.all([
    loadPdfFonts(),
    inLanguage(deps.db, [input.campaign], input.locale),
    confirmedByCountry(deps.db, input.campaign.id),
  ]);
  if (!campaign) throw new Error("no campaign");
  const total = countries.reduce((sum, c) => sum + c.total, 0);

  const writer = new PageWriter(fonts, {
    dir: i18n.dir,
    lang: i18n.locale,
    title: campaign.title,
    footer: (page) => t("delivery.pdf.page", { page: i18n.formatNumber(page) }),
  });
  const out = new PassThrough();
  writer.doc.pipe(out);

  writer.paragraph(campaign.title, { weight: "bold", size: 20, after: 10 });
  const to = campaign.target_office
    ? t("delivery.pdf.toWithOffice", { target: campaign.target_name, office: campaign.target_office })
    : t("delivery.pdf.to", { target: campaign.target_name });
  writer.paragraph(to, { weight: "bold", size: 12 });
  writer.paragraph(t("delivery.pdf.prepared", { date: i18n.formatDate(new Date(), { dateStyle: "long" }) }), {
    size: 10,
    after: 12,
  });
  writer.paragraph(t("delivery.pdf.total", { count: total }), { weight: "bold", size: 14, after: 12 });
  if (campaign.demand) writer.paragraph(campaign.demand, { weight: "bold", size: 12 });
  for (const text of plainParagraphs(campaign.body_md)) writer.paragraph(text);

  writer.gap(10);
  writer.paragraph(t("delivery.pdf.byCountry"), { weight: "bold", size: 14 });
  const countryColumns = [{ share: 0.7 }, { share: 0.3, align: "end" as const }];
  writer.row([t("delivery.pdf.country"), t("delivery.pdf.signatures")], countryColumns, { weight: "bold" });
  writer.rule();
  for (const c of countries) writer.row([i18n.countryName(c.country), i18n.formatNumber(c.total)], countryColumns);

  writer.gap(16);
  writer.paragraph(t("delivery.pdf.signers"), { weight: "bold", size: 14 });
  writer.rule();

  /**
   * Lets the pipe carry what has been drawn, then waits while the reader has not taken it:
   * PDFKit buffers without limit, so drawing goes on only once its buffer is small again.
   */
  async function readerCaughtUp() {
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (out.destroyed) return;
      if (out.writableNeedDrain) await Promise.race([once(out, "drain"), once(out, "close")]);
      else if (writer.doc.readableLength <= BUFFERED_AT_MOST) return;
    }
  }

  // Recorded before the file ends, so the record exists once the download has finished.
  const record = (signers: number, completed: boolean) =>
    recordAudit(deps.db, {
      staffUserId: input.staffUserId,
      action: "export.delivery-pack",
      entity: "campaign",
      entityId: campaign.id,
      after: { locale: input.locale, comments: input.comments, total, signers, completed },
    });

  void (async () => {
    let signers = 0;
    try {
      const batches = signatureBatches(
        deps,
        { campaignId: campaign.id, status: "confirmed", country: null, from: null, until: null },
        input.batchSize,
      );
      const signerColumns = [{ share: 0.6 }, { share: 0.4 }];
      for await (const batch of batches) {
        for (const s of batch) {
          const name = s.erased_at || !s.name ? t("delivery.pdf.erased") : s.name;
          writer.row([name, i18n.countryName(s.country)], signerColumns);
          if (input.comments && s.comment && !s.erased_at)
            writer.paragraph(s.comment, { size: 9, after: 4, underRow: true });
        }
        signers += batch.length;
        // Wait for the reader before drawing more pages: memory stays flat however many signed.
        await readerCaughtUp();
        if (out.destroyed) throw new Error("the reader went away");
      }
      await record(signers, true);
      writer.doc.end();
    } catch (error) {
      // Cut off (or failed): the record says how far it got; the reader gets no more.
      await record(signers, false).catch(() => {});
      out.destroy(error as Error);
    }
  })();
  return out;
}
