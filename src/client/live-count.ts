// Keeps "N signatures" and the progress bar current while a campaign page is open: Server-
// Sent Events where they work, polling the JSON count where they do not.

interface CountMessage {
  total_signatures: number;
  goal: number;
  label: string;
  goal_label: string;
}

const POLL_MS = 5000;
/** Screen readers hear the new count at most this often, so that it does not drown the page. */
const ANNOUNCE_EVERY_MS = 30_000;

export function mountLiveCount(root: HTMLElement) {
  const label = root.querySelector<HTMLElement>("[data-count-label]");
  const bar = root.querySelector<HTMLProgressElement>("[data-count-bar]");
  const goal = root.querySelector<HTMLElement>("[data-count-goal]");
  const announce = root.querySelector<HTMLElement>("[data-count-announce]");
  let shown = -1;
  let lastAnnounced = Date.now();

  function show(count: CountMessage) {
    if (count.total_signatures === shown) return;
    shown = count.total_signatures;
    if (label) label.textContent = count.label;
    if (goal) goal.textContent = count.goal_label;
    if (bar) {
      bar.max = count.goal;
      bar.value = Math.min(count.total_signatures, count.goal);
    }
    if (announce && Date.now() - lastAnnounced > ANNOUNCE_EVERY_MS) {
      announce.textContent = count.label;
      lastAnnounced = Date.now();
    }
    root.dataset.countTotal = String(count.total_signatures);
  }

  function poll(url: string) {
    const tick = async () => {
      try {
        const response = await fetch(url, { headers: { accept: "application/json" } });
        if (response.ok) show((await response.json()) as CountMessage);
      } catch {
        // Offline for a moment: the next tick tries again.
      }
    };
    setInterval(() => {
      if (!document.hidden) void tick();
    }, POLL_MS);
  }

  const eventsUrl = root.dataset.liveEvents;
  const jsonUrl = root.dataset.liveCount;
  if (eventsUrl && "EventSource" in window) {
    const events = new EventSource(eventsUrl);
    let opened = false;
    events.addEventListener("open", () => {
      opened = true;
    });
    events.addEventListener("count", (event) => show(JSON.parse((event as MessageEvent<string>).data) as CountMessage));
    events.addEventListener("error", () => {
      // Never connected (a proxy that buffers, say): poll instead. Once connected, the
      // browser reconnects by itself.
      if (!opened && jsonUrl) {
        events.close();
        poll(jsonUrl);
      }
    });
  } else if (jsonUrl) {
    poll(jsonUrl);
  }
}
