// The floor: the least a signing request can cost on this machine. A bare Fastify route
// that parses a form and does one prepared INSERT into SQLite (better-sqlite3, WAL and the
// same pragmas as src/db), with nothing else around it. Every scenario is read against it.

import formbody from "@fastify/formbody";
import Database from "better-sqlite3";
import Fastify from "fastify";

const [file, port] = process.argv.slice(2);
const db = new Database(file);
db.pragma("journal_mode = WAL");
db.pragma("busy_timeout = 5000");
db.pragma("synchronous = NORMAL");
db.pragma("foreign_keys = ON");
db.exec(
  "create table if not exists floor (id integer primary key, email text not null unique, name text not null, created_at text not null)",
);
const insert = db.prepare("insert into floor (email, name, created_at) values (?, ?, ?)");

const app = Fastify({ logger: false });
await app.register(formbody);
app.post("/sign", async (request, reply) => {
  const { email, name } = request.body;
  insert.run(String(email), String(name), new Date().toISOString());
  return reply.code(303).header("location", "/thanks").send();
});
await app.listen({ port: Number(port), host: "127.0.0.1" });
process.send?.("ready");
// Gone with the bench that started it.
process.on("disconnect", () => process.exit(0));
process.on("SIGTERM", () => {
  void app.close().then(() => {
    db.close();
    process.exit(0);
  });
});
