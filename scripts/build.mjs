// Builds the server (one ESM file per entry point, dependencies left in node_modules) and
// the browser's bundle (fingerprinted script and stylesheet, with a manifest the server reads).
import { cp, mkdir, rm, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { build } from "esbuild";

const only = process.argv[2]; // "client" builds only the browser's bundle (the tests need no server build)

export async function buildClient() {
  await rm("dist/public", { recursive: true, force: true });
  await mkdir("dist/public", { recursive: true });
  const result = await build({
    entryPoints: { app: "src/client/main.ts", site: "src/client/styles/site.css", pow: "src/client/pow-worker.ts" },
    outdir: "dist/public",
    entryNames: "[name]-[hash]",
    bundle: true,
    minify: true,
    sourcemap: true,
    format: "esm",
    // Safari 14.1: altcha-lib (the sign form's proof of work) uses destructuring esbuild cannot lower for 14.0.
    target: ["es2020", "chrome90", "firefox90", "safari14.1"],
    metafile: true,
    logLevel: "warning",
  });
  const outputs = Object.keys(result.metafile.outputs).map((f) => basename(f));
  const manifest = {
    script: outputs.find((f) => f.startsWith("app-") && f.endsWith(".js")),
    style: outputs.find((f) => f.startsWith("site-") && f.endsWith(".css")),
    // The sign form's proof-of-work solver, started as a Web Worker (see src/client/proof-of-work.ts).
    powWorker: outputs.find((f) => f.startsWith("pow-") && f.endsWith(".js")),
  };
  await writeFile("dist/public/manifest.json", `${JSON.stringify(manifest, null, 2)}\n`);
  // The demo's illustrations keep their names: the database refers to them by name.
  await cp("src/client/illustrations", "dist/public/illustrations", { recursive: true });
}

async function buildServer() {
  await build({
    entryPoints: {
      server: "src/server.ts",
      migrate: "src/migrate-cli.ts",
      worker: "src/worker-cli.ts",
      admin: "src/admin-cli.ts",
      backup: "src/backup-cli.ts",
    },
    outdir: "dist",
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node24",
    packages: "external",
    sourcemap: true,
    jsx: "automatic",
    jsxImportSource: "preact",
    logLevel: "warning",
  });
}

await buildClient();
if (only !== "client") await buildServer();
