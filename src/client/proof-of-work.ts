// The sign form's proof-of-work challenge (on only while a petition is under a flood): worked
// out in the background as soon as the page is read, in a Web Worker where the page's policy
// allows one, else on the page itself in short turns. The solution goes into the hidden field;
// a polite live region says "Checking your browser…" and then "Ready". The button stays usable:
// a form sent before the work is done waits for it a few seconds, then goes anyway.
import { type Challenge, type Solution, solveChallenge, solveChallengeWorkers } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/pbkdf2";

/** How long a form sent early waits for the solution before it is sent without one. */
const WAIT_ON_SUBMIT_MS = 15_000;

async function solve(challenge: Challenge, workerUrl: string): Promise<Solution | null> {
  if (workerUrl && typeof Worker === "function") {
    try {
      const concurrency = Math.min(4, Math.max(1, navigator.hardwareConcurrency || 2));
      return await solveChallengeWorkers({ challenge, concurrency, createWorker: () => new Worker(workerUrl) });
    } catch {
      // No worker (a policy or browser that refuses it): on the page instead.
    }
  }
  return solveChallenge({ challenge, deriveKey });
}

function encode(payload: { challenge: Challenge; solution: Solution }): string {
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function mountProofOfWork(root: HTMLElement) {
  const field = root.querySelector<HTMLInputElement>("input[data-pow-challenge]");
  const status = root.querySelector<HTMLElement>("[data-pow-status]");
  const form = root.closest("form");
  if (!field || !form) return;
  let challenge: Challenge;
  try {
    challenge = JSON.parse(field.dataset.powChallenge ?? "") as Challenge;
  } catch {
    return;
  }
  const say = (text: string | undefined) => {
    if (status && text) status.textContent = text;
  };
  say(root.dataset.powChecking);
  const done = solve(challenge, root.dataset.powWorker ?? "")
    .then((solution) => {
      if (!solution) return false;
      field.value = encode({ challenge, solution });
      say(root.dataset.powReady);
      return true;
    })
    .catch(() => false);

  let waiting = false;
  form.addEventListener("submit", (event) => {
    if (field.value) return;
    // Sent before the work is done: held until it is (a second press changes nothing).
    event.preventDefault();
    if (waiting) return;
    waiting = true;
    say(root.dataset.powChecking);
    const timeout = new Promise((resolve) => setTimeout(resolve, WAIT_ON_SUBMIT_MS));
    Promise.race([done, timeout]).then(() => form.submit());
  });
}
