// Live viewers: opens N Server-Sent Events streams on one URL with raw http (each its own
// connection, as N browsers would), reads every `count` event, and tells its parent when
// every stream has seen a given total. Run by bench.mjs as a child process (IPC).
import http from "node:http";

const [url, countArg] = process.argv.slice(2);
const wanted = Number(countArg);
const BATCH = 250;
// Never outlives the bench: gone with its parent, and after ten minutes whatever happens.
process.on("disconnect", () => process.exit(0));
setTimeout(() => process.exit(0), 600_000).unref();

/** The last total each stream has seen. */
const seen = new Int32Array(wanted).fill(-1);
const sockets = [];
let waiting = null; // { total, startedAt }
let errors = 0;

function everyoneHas(total) {
  for (let i = 0; i < seen.length; i++) if (seen[i] < total) return false;
  return true;
}

function check() {
  if (waiting && everyoneHas(waiting.total)) {
    process.send({ kind: "reached", total: waiting.total, ms: Date.now() - waiting.startedAt });
    waiting = null;
  }
}

function open(i) {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false, headers: { accept: "text/event-stream" } }, (response) => {
      response.setEncoding("utf8");
      let buffer = "";
      response.on("data", (chunk) => {
        buffer += chunk;
        let end = buffer.indexOf("\n\n");
        while (end !== -1) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(event)?.[1];
          if (data && event.startsWith("event: count")) {
            const total = JSON.parse(data).total_signatures;
            if (total > seen[i]) seen[i] = total;
            if (seen[i] >= 0) resolve(true);
            if (waiting) check();
          }
          end = buffer.indexOf("\n\n");
        }
      });
      response.on("error", () => {});
    });
    request.on("error", () => {
      errors++;
      resolve(false);
    });
    request.on("socket", (socket) => sockets.push(socket));
  });
}

const started = Date.now();
for (let i = 0; i < wanted; i += BATCH) {
  const batch = [];
  for (let j = i; j < Math.min(i + BATCH, wanted); j++) batch.push(open(j));
  await Promise.all(batch);
}
process.send({ kind: "open", ms: Date.now() - started, errors });

process.on("message", (message) => {
  if (message.kind === "await") {
    waiting = { total: message.total, startedAt: message.startedAt };
    check();
  } else if (message.kind === "stats") {
    let min = Infinity;
    for (const s of seen) min = Math.min(min, s);
    process.send({ kind: "stats", min, errors });
  } else if (message.kind === "close") {
    for (const socket of sockets) socket.destroy();
    process.exit(0);
  }
});
