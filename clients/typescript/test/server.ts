import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** The real server process (built by `dotnet build -c Release`), on a free loopback port with --demo. */
export class DemoServer {
  private constructor(
    private readonly process: ChildProcess,
    readonly baseUrl: string,
    /** The HTTP/1.1 listener: JSON, the feed, gRPC-Web. */
    readonly httpUrl: string,
    readonly dataDirectory: string,
  ) {}

  /** `settings` are extra command-line settings, e.g. "--Contact:GrpcWeb:AllowedOrigins:0=https://a.example". */
  static async start(...settings: string[]): Promise<DemoServer> {
    const dll = process.env.CONTACT_SERVER_DLL ?? join(repo, "server/Contact.Server/bin/Release/net10.0/Contact.Server.dll");
    const data = mkdtempSync(join(tmpdir(), "contact-ts-"));
    const child = spawn("dotnet", [
      dll, "--demo",
      // Both endpoints on free ports; Kestrel binds them in key order: Grpc, then Http.
      "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0",
      "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:0",
      `--Contact:Storage:DataDirectory=${data}`,
      ...settings,
    // In the build folder, so that the server's appsettings.json (the endpoints' protocols) applies.
    ], { cwd: dirname(dll), stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const [baseUrl, httpUrl] = await new Promise<[string, string]>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`The server did not start in 60 s:\n${output}`)), 60_000);
      child.stdout!.on("data", (chunk: Buffer) => {
        output += chunk;
        const bound = [...output.matchAll(/Now listening on: (http:\/\/127\.0\.0\.1:\d+)/g)];
        if (bound.length === 2) { clearTimeout(timer); ok([bound[0]![1]!, bound[1]![1]!]); }
      });
      child.stderr!.on("data", (chunk: Buffer) => { output += chunk; });
      child.on("exit", (code) => { clearTimeout(timer); fail(new Error(`The server exited with ${code}:\n${output}`)); });
      child.on("error", (e) => { clearTimeout(timer); fail(e); });
    });
    child.stdout!.resume();
    return new DemoServer(child, baseUrl, httpUrl, data);
  }

  /** The demo API key of a role: "nct", "naccc", "practitioner", ... */
  key(role: string): string {
    const keys = JSON.parse(readFileSync(join(this.dataDirectory, "demo-keys.json"), "utf8")) as Record<string, string>;
    return keys[role] ?? assertNever(role);
  }

  async stop(): Promise<void> {
    if (this.process.exitCode === null) {
      const exited = new Promise((ok) => this.process.once("exit", ok));
      this.process.kill("SIGTERM");
      await exited;
    }
    rmSync(this.dataDirectory, { recursive: true, force: true });
  }
}

function assertNever(role: string): never {
  throw new Error(`No demo key for ${role}`);
}
