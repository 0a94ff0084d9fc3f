import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { DemoServer } from "./server.js";

const sdk = resolve(dirname(fileURLToPath(import.meta.url)), "..");

// As a partner would: the packed tarball in a new plain Node project outside the repository, and
// the example run with `node` (no TypeScript, no tsx).
describe("the npm package in a fresh Node project", () => {
  let server: DemoServer;
  let project: string;
  before(async () => {
    server = await DemoServer.start();
    project = mkdtempSync(join(tmpdir(), "contact-npm-"));
  });
  after(async () => {
    await server?.stop();
    rmSync(project, { recursive: true, force: true });
  });

  it("installs from `npm pack` and runs examples/referral.mjs: nearest centres, a referral, read back", () => {
    execFileSync("npm", ["pack", "--silent", "--pack-destination", project], { cwd: sdk, stdio: ["ignore", "pipe", "inherit"] });
    const tarball = readdirSync(project).find((f) => f.endsWith(".tgz"))!;
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "partner-app", version: "1.0.0", private: true }));
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", `./${tarball}`], { cwd: project, stdio: ["ignore", "pipe", "inherit"] });
    copyFileSync(join(sdk, "examples/referral.mjs"), join(project, "referral.mjs"));

    const output = execFileSync("node", ["referral.mjs", "NG1 5HJ"], {
      cwd: project,
      env: { ...process.env, CONTACT_URL: server.baseUrl, CONTACT_API_KEY: server.key("practitioner") },
    }).toString();
    assert.match(output, /^.+: \d+\.\d miles$/m);
    assert.match(output, /^referral referrals\/\S+: SUBMITTED$/m);
  });
});
