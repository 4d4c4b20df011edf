// The device's own share sheet and a copy button, where the browser has them; the plain
// links beside them work everywhere.

export function mountShare(root: HTMLElement) {
  const url = root.dataset.shareUrl ?? location.href;
  const native = root.querySelector<HTMLButtonElement>("[data-share-native]");
  if (native && typeof navigator.share === "function") {
    native.hidden = false;
    native.addEventListener("click", () => {
      navigator.share({ url, text: root.dataset.shareText ?? "", title: root.dataset.shareTitle ?? "" }).catch(() => {
        // Cancelled by the person: nothing to do.
      });
    });
  }
  const copy = root.querySelector<HTMLButtonElement>("[data-share-copy]");
  const status = root.querySelector<HTMLElement>("[data-share-status]");
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(url);
        if (status) status.textContent = copy.dataset.copied ?? "";
      } catch {
        root.querySelector<HTMLInputElement>("#share-url")?.select();
      }
    });
  }
}
