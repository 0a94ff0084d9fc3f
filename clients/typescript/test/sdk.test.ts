import assert from "node:assert/strict";
import { createServer, connect, type Server, type Socket } from "node:net";
import { after, before, describe, it } from "node:test";
import { Code, type Interceptor } from "@connectrpc/connect";
import { ContactError, ContactType, createContactClient, isIdempotent, services } from "../src/index.js";
import { createContactWebClient } from "../src/web.js";
import { contractRpcs } from "./descriptors.js";
import { DemoServer } from "./server.js";

const lowerFirst = (s: string) => s[0]!.toLowerCase() + s.slice(1);
const page = "https://case-system.example.org";

describe("the SDK covers the whole contract", () => {
  let server: DemoServer;
  before(async () => { server = await DemoServer.start(); });
  after(async () => { await server?.stop(); });

  it("has a client for every service of contact.v1, and every RPC reaches the server", async () => {
    const rpcs = contractRpcs();
    assert.ok(rpcs.length >= 60, `only ${rpcs.length} RPCs in the descriptors`);
    const client = createContactClient({ baseUrl: server.baseUrl, maxAttempts: 1 }) as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>;
    const keyOf = new Map(Object.entries(services).map(([key, s]) => [s.typeName, key]));
    const missing: string[] = [];
    for (const rpc of rpcs) {
      const call = client[keyOf.get(rpc.service) ?? ""]?.[lowerFirst(rpc.method)];
      if (!call) { missing.push(`${rpc.service}/${rpc.method}`); continue; }
      // Without a key every RPC the server knows answers UNAUTHENTICATED; one it does not know
      // would be UNIMPLEMENTED. Nothing is changed.
      let code: Code | undefined;
      try {
        if (rpc.clientStreaming) await call((async function* () {})());
        else if (rpc.serverStreaming) for await (const _ of call({}) as AsyncIterable<unknown>) break;
        else await call({});
      } catch (e) {
        code = ContactError.from(e).code;
      }
      assert.equal(code, Code.Unauthenticated, `${rpc.service}/${rpc.method}`);
    }
    assert.deepEqual(missing, []);
  });

  it("retries exactly the RPCs the contract marks idempotent", () => {
    const byName = new Map(Object.values(services).flatMap((s) => s.methods.map((m) => [`${s.typeName}/${m.name}`, m])));
    for (const rpc of contractRpcs()) {
      const method = byName.get(`${rpc.service}/${rpc.method}`)!;
      assert.equal(isIdempotent(method), rpc.idempotency !== "IDEMPOTENCY_UNKNOWN", `${rpc.service}/${rpc.method}`);
    }
  });

  it("retries an idempotent call on UNAVAILABLE and never a write that is not", async () => {
    let failures = 0;
    const flaky: Interceptor = (next) => async (req) => {
      if (failures++ === 0) throw new ContactError("connection reset", Code.Unavailable, undefined, undefined, []);
      return next(req);
    };
    const reader = createContactClient({ baseUrl: server.baseUrl, apiKey: server.key("naccc"), interceptors: [flaky] });
    assert.ok((await reader.access.getCallerIdentity({})).displayName);
    assert.equal(failures, 2);

    failures = 0;
    const writer = createContactClient({ baseUrl: server.baseUrl, apiKey: server.key("nct"), interceptors: [flaky] });
    const error = await writer.access.issueApiKey({ displayName: "never", roles: [] }).then(() => undefined, ContactError.from);
    assert.equal(error?.code, Code.Unavailable);
    assert.equal(failures, 1);
  });

  it("gives unary calls a default deadline and streams none", async () => {
    const seen = new Map<string, string | null>();
    const spy: Interceptor = (next) => (req) => { seen.set(req.method.name, req.header.get("grpc-timeout")); return next(req); };
    const client = createContactClient({ baseUrl: server.baseUrl, apiKey: server.key("nct"), timeoutMs: 5000, interceptors: [spy] });
    await client.access.getCallerIdentity({});
    for await (const _ of client.register.watchAccreditationChanges({})) break;
    assert.match(seen.get("GetCallerIdentity") ?? "", /^\d+m$/);
    assert.equal(seen.get("WatchAccreditationChanges"), null);
  });

  it("pages every List: each item once, in order, across pages", async () => {
    const client = createContactClient({ baseUrl: server.baseUrl, apiKey: server.key("nct") });
    const all: string[] = [];
    for await (const centre of client.each.register.listCentres({ pageSize: 25 })) all.push(centre.name);
    const first = await client.register.listCentres({ pageSize: 25 });
    assert.ok(first.nextPageToken, "the demo register has more than one page");
    assert.ok(all.length > 100, `${all.length} centres`);
    assert.equal(new Set(all).size, all.length);
    assert.deepEqual(all.slice(0, 25), first.centres.map((c) => c.name));
    // A List without paging in its contract (one answer) iterates too.
    for await (const round of client.each.grants.listGrantRounds()) assert.ok(round.name);
  });

  it("resumes a Watch stream after its last sequence when the connection breaks", async () => {
    // The first three connections are cut after 3 kB from the server: mid-stream, mostly mid-message.
    const proxy = await BreakableProxy.to(server.baseUrl, { cutAfterBytes: 3000, cuts: 3 });
    try {
      const key = server.key("nct");
      const reference: bigint[] = [];
      for await (const m of createContactClient({ baseUrl: server.baseUrl, apiKey: key }).register.watchAccreditationChanges({})) {
        reference.push(m.change!.sequence);
        if (reference.length === 60) break;
      }
      const client = createContactClient({ baseUrl: proxy.url, apiKey: key });
      const seen: bigint[] = [];
      const resumedAfter: bigint[] = [];
      const controller = new AbortController();
      for await (const m of client.follow.register.watchAccreditationChanges({}, {
        signal: controller.signal, backoffMs: 20, onReconnect: (after) => resumedAfter.push(after),
      })) {
        seen.push(m.change!.sequence);
        if (seen.length === 60) break;
      }
      assert.equal(resumedAfter.length, 3, `reconnected ${resumedAfter.length} times`);
      for (const after of resumedAfter) assert.ok(seen.includes(after) && after > 0n, `resumed after ${after}, a sequence seen`);
      assert.deepEqual(seen, reference, "nothing missed, nothing twice");
    } finally {
      await proxy.close();
    }
  });
});

describe("gRPC-Web through the HTTP listener", () => {
  it("is refused to a page whose origin is not configured (none by default)", async () => {
    const server = await DemoServer.start();
    try {
      const client = createContactWebClient({ baseUrl: server.httpUrl, apiKey: server.key("practitioner"), interceptors: [origin(page)] });
      const error = await client.register.findNearestCentres(nottingham()).then(() => undefined, ContactError.from);
      assert.equal(error?.code, Code.PermissionDenied);
      const preflight = await fetch(`${server.httpUrl}/contact.v1.RegisterService/FindNearestCentres`, {
        method: "OPTIONS", headers: { origin: page, "access-control-request-method": "POST" },
      });
      assert.equal(preflight.headers.get("access-control-allow-origin"), null);
    } finally {
      await server.stop();
    }
  });

  it("answers FindNearestCentres, and reads refusals, for a configured origin", async () => {
    const server = await DemoServer.start(`--Contact:GrpcWeb:AllowedOrigins:0=${page}`);
    try {
      const client = createContactWebClient({ baseUrl: server.httpUrl, apiKey: server.key("practitioner"), interceptors: [origin(page)] });
      const found = await client.register.findNearestCentres(nottingham());
      assert.ok(found.results.length > 0);
      const invalid = await client.register.findNearestCentres({ limit: 500 }).then(() => undefined, ContactError.from);
      assert.equal(invalid?.code, Code.InvalidArgument);
      assert.ok(invalid!.fields.some((f) => f.field === "limit"));
      const preflight = await fetch(`${server.httpUrl}/contact.v1.RegisterService/FindNearestCentres`, {
        method: "OPTIONS", headers: { origin: page, "access-control-request-method": "POST" },
      });
      assert.equal(preflight.headers.get("access-control-allow-origin"), page);
    } finally {
      await server.stop();
    }
  });
});

// What a browser adds to every request from a page (Node's fetch sends no Origin by itself).
function origin(value: string): Interceptor {
  return (next) => (req) => { req.header.set("origin", value); return next(req); };
}

function nottingham() {
  return { origin: { case: "postcode" as const, value: "NG1 5HJ" }, contactType: ContactType.SUPPORTED, limit: 3 };
}

/** A TCP proxy to the server that cuts its first `cuts` connections after `cutAfterBytes` from the server. */
class BreakableProxy {
  private constructor(private readonly server: Server, private readonly sockets: Set<Socket>, readonly url: string) {}

  static async to(target: string, { cutAfterBytes, cuts }: { cutAfterBytes: number; cuts: number }): Promise<BreakableProxy> {
    const { hostname, port } = new URL(target);
    let connections = 0;
    const sockets = new Set<Socket>();
    const server = createServer((inbound) => {
      const cut = connections++ < cuts;
      const outbound = connect(Number(port), hostname);
      sockets.add(inbound).add(outbound);
      let forwarded = 0;
      inbound.pipe(outbound);
      outbound.on("data", (chunk: Buffer) => {
        if (!cut) { inbound.write(chunk); return; }
        const room = cutAfterBytes - forwarded;
        inbound.write(chunk.subarray(0, Math.max(0, room)));
        forwarded += chunk.length;
        if (forwarded >= cutAfterBytes) { inbound.destroy(); outbound.destroy(); }
      });
      for (const [a, b] of [[inbound, outbound], [outbound, inbound]] as const) {
        a.on("error", () => b.destroy());
        a.on("close", () => { b.destroy(); sockets.delete(a); });
      }
    });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    return new BreakableProxy(server, sockets, `http://127.0.0.1:${(server.address() as { port: number }).port}`);
  }

  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((ok) => this.server.close(() => ok()));
  }
}
