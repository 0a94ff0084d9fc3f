// The real server process and Debian's chromium, shared by the browser test and the screenshot command.
import { spawn, execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import puppeteer from "puppeteer-core";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "../..");
const run = promisify(execFile);

/** The browser is Debian's; puppeteer-core never downloads one. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const chromiumFlags = [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run",
];

export function launchBrowser() {
  return puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumFlags });
}

/** The built server (dotnet build -c Release) with the demo register, on free loopback ports. */
export class DemoServer {
  constructor(child, grpcUrl, httpUrl, data, output) {
    Object.assign(this, { child, grpcUrl, httpUrl, data, output });
  }

  static async start() {
    const dll = process.env.CONTACT_SERVER_DLL ?? join(repo, "server/Contact.Server/bin/Release/net10.0/Contact.Server.dll");
    const data = mkdtempSync(join(tmpdir(), "contact-browser-"));
    const child = spawn("dotnet", [
      dll, "--demo",
      "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0", "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:0",
      `--Contact:Storage:DataDirectory=${data}`,
      // Information, so that the test can read the finder's own log lines (postcode district only).
      "--Logging:LogLevel:Default=Information", "--Logging:Console:FormatterName=simple",
    ], { cwd: dirname(dll), stdio: ["ignore", "pipe", "pipe"] });
    const output = { text: "" };
    const [grpcUrl, httpUrl] = await new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`The server did not start in 60 s:\n${output.text}`)), 60_000);
      child.stdout.on("data", (chunk) => {
        output.text += chunk;
        // Kestrel binds the endpoints in key order: Grpc, then Http.
        const bound = [...output.text.matchAll(/Now listening on: (http:\/\/127\.0\.0\.1:\d+)/g)];
        if (bound.length === 2) { clearTimeout(timer); ok([bound[0][1], bound[1][1]]); }
      });
      child.stderr.on("data", (chunk) => { output.text += chunk; });
      child.on("exit", (code) => { clearTimeout(timer); fail(new Error(`The server exited with ${code}:\n${output.text}`)); });
    });
    return new DemoServer(child, grpcUrl, httpUrl, data, output);
  }

  key(role) {
    return JSON.parse(readFileSync(join(this.data, "demo-keys.json"), "utf8"))[role];
  }

  /** FindNearestCentres through the JSON face of the API: the centre names, in order. */
  async findNearest(params) {
    const query = new URLSearchParams({ limit: "10", ...params });
    const response = await fetch(`${this.httpUrl}/v1/centres:findNearest?${query}`, {
      headers: { authorization: `Bearer ${this.key("practitioner")}` },
    });
    if (!response.ok) throw new Error(`findNearest: ${response.status} ${await response.text()}`);
    return (await response.json()).results?.map((r) => (r.summary ?? r.centre).name) ?? [];
  }

  /** A gRPC call (buf curl over h2c, server reflection), as a partner system makes it. */
  async grpc(method, body, role) {
    const buf = join(here, "node_modules/.bin/buf");
    const { stdout } = await run(buf, [
      "curl", "--protocol", "grpc", "--http2-prior-knowledge",
      "-H", `authorization: Bearer ${this.key(role)}`, "-d", JSON.stringify(body),
      `${this.grpcUrl}/${method}`,
    ]);
    return JSON.parse(stdout);
  }

  async stop() {
    if (this.child.exitCode === null) {
      const exited = new Promise((ok) => this.child.once("exit", ok));
      this.child.kill("SIGTERM");
      await exited;
    }
    rmSync(this.data, { recursive: true, force: true });
  }
}
