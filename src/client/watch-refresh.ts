// Keeps a petition's admin dashboard filling while a campaigner watches it: every few seconds
// the page is fetched again and its figures swapped in. Someone who asked for reduced motion
// gets no updates by themselves, only the button to start them (and the "refresh" link that
// works without JavaScript). The button stops them again at any time (WCAG 2.2.2).

export function mountWatchRefresh(region: HTMLElement) {
  const seconds = Number(region.dataset.watchRefresh) || 10;
  const toggle = document.querySelector<HTMLButtonElement>("[data-watch-toggle]");
  const status = document.querySelector<HTMLElement>("[data-watch-status]");
  let timer: ReturnType<typeof setInterval> | undefined;
  let busy = false;

  async function refresh() {
    if (busy || document.hidden) return;
    busy = true;
    try {
      const response = await fetch(window.location.href, {
        headers: { accept: "text/html" },
        credentials: "same-origin",
        cache: "no-store",
      });
      if (!response.ok) return;
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const fresh = page.getElementById(region.id);
      // Signed out meanwhile (the login page came back): stop rather than keep asking.
      if (!fresh) return stop();
      const open = new Set(
        [...region.querySelectorAll<HTMLDetailsElement>("details[open]")].map((d) => d.id).filter(Boolean),
      );
      for (const details of fresh.querySelectorAll<HTMLDetailsElement>("details")) {
        if (open.has(details.id)) details.setAttribute("open", "");
      }
      const active = document.activeElement;
      const focusedId = active instanceof HTMLElement && region.contains(active) ? active.id : "";
      region.replaceChildren(...[...fresh.childNodes].map((node) => document.importNode(node, true)));
      if (focusedId) document.getElementById(focusedId)?.focus();
      const freshStatus = page.querySelector("[data-watch-status]");
      if (status && freshStatus) status.textContent = freshStatus.textContent;
    } catch {
      // Offline for a moment: the next tick tries again.
    } finally {
      busy = false;
    }
  }

  function label() {
    if (!toggle) return;
    toggle.textContent = (timer ? toggle.dataset.stop : toggle.dataset.start) ?? "";
  }

  function start() {
    if (!timer) timer = setInterval(() => void refresh(), seconds * 1000);
    label();
  }

  function stop() {
    if (timer) clearInterval(timer);
    timer = undefined;
    label();
  }

  const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  if (toggle) {
    toggle.hidden = false;
    toggle.addEventListener("click", () => (timer ? stop() : start()));
  }
  if (reduced) stop();
  else start();
}
