import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Code } from "@connectrpc/connect";
import {
  AccreditationAction, AccreditationLevel, AccreditationStatus, CentreView, ContactError, ContactType, Role,
  createContactClient,
} from "../src/index.js";
import { DemoServer } from "./server.js";

// The contract from a second language: the generated TypeScript stubs against the real server.
describe("the TypeScript SDK against the real demo server", () => {
  let server: DemoServer;
  before(async () => { server = await DemoServer.start(); });
  after(async () => { await server?.stop(); });

  it("finds the nearest accredited supervised centres to a postcode", async () => {
    const client = createContactClient({ baseUrl: server.baseUrl, apiKey: server.key("practitioner") });
    const found = await client.register.findNearestCentres({
      origin: { case: "postcode", value: "LS1 4AP" },
      contactType: ContactType.SUPERVISED,
      commissionedOnly: true,
      maxDistanceKm: 80,
      limit: 5,
    });
    assert.ok(found.results.length > 0);
    for (const r of found.results) {
      // SUMMARY is the default view: the brief in `summary`, no `centre`.
      assert.equal(r.centre, undefined);
      assert.ok(r.summary?.commissioned);
      assert.ok(r.summary.accreditedLevels.includes(AccreditationLevel.ENHANCED));
      assert.ok(r.distanceKm <= 80);
    }
    const basic = await client.register.findNearestCentres({
      origin: { case: "postcode", value: "LS1 4AP" }, contactType: ContactType.SUPERVISED,
      commissionedOnly: true, maxDistanceKm: 80, limit: 5, view: CentreView.BASIC,
    });
    for (const r of basic.results) {
      assert.ok(r.centre?.demo);
      const supervised = r.centre.accreditations.find((a) => a.level === AccreditationLevel.ENHANCED);
      assert.equal(supervised?.status, AccreditationStatus.ACCREDITED);
    }
    const distances = found.results.map((r) => r.distanceKm);
    assert.deepEqual(distances, [...distances].sort((a, b) => a - b));
  });

  it("carries the API key: the server knows who is calling", async () => {
    const client = createContactClient({ baseUrl: server.baseUrl, apiKey: server.key("naccc") });
    const me = await client.access.getCallerIdentity({});
    assert.deepEqual(me.roles, [Role.NACCC]);
  });

  it("reads field violations from BadRequest", async () => {
    const client = createContactClient({ baseUrl: server.baseUrl, apiKey: server.key("practitioner") });
    const error = await refusal(client.register.findNearestCentres({ limit: 500 }));
    assert.equal(error.code, Code.InvalidArgument);
    assert.equal(error.codeName, "InvalidArgument");
    const fields = error.fields.map((f) => f.field).sort();
    assert.deepEqual(fields, ["contact_type", "limit", "origin"]);
  });

  it("reads the clause from ErrorInfo, and the refused decision is not stored", async () => {
    const client = createContactClient({ baseUrl: server.baseUrl, apiKey: server.key("naccc") });
    const { results } = await client.register.findNearestCentres({
      origin: { case: "postcode", value: "LS1 4AP" }, contactType: ContactType.SUPERVISED, limit: 1,
    });
    const centre = results[0]!.summary!;
    const before = await client.register.getCentre({ name: centre.name });
    // Reinstating an accreditation that is not suspended is not a transition NACCC can make.
    const error = await refusal(client.register.recordAccreditationDecision({
      centre: centre.name, level: AccreditationLevel.ENHANCED,
      action: AccreditationAction.REINSTATE, reason: "test",
    }));
    assert.equal(error.code, Code.FailedPrecondition);
    assert.equal(error.clause, "MOU 2.1.1");
    assert.equal(error.reason, "ILLEGAL_ACCREDITATION_TRANSITION");
    assert.deepEqual(error.fields.map((f) => f.field), ["action"]);
    const again = await client.register.getCentre({ name: centre.name });
    assert.equal(again.etag, before.etag);
  });

  it("gives unary calls the default deadline and leaves streams open past it", async () => {
    const sent: { stream: boolean; timeout: string | null }[] = [];
    const client = createContactClient({
      baseUrl: server.baseUrl, apiKey: server.key("naccc"), timeoutMs: 500,
      interceptors: [(next) => (req) => { sent.push({ stream: req.stream, timeout: req.header.get("grpc-timeout") }); return next(req); }],
    });
    const { results } = await client.register.findNearestCentres({
      origin: { case: "postcode", value: "LS1 4AP" }, contactType: ContactType.SUPERVISED, limit: 1,
    });
    const centre = results[0]!.summary!;
    assert.deepEqual(sent[0], { stream: false, timeout: "500m" });

    const abort = new AbortController();
    const changes = client.register.watchAccreditationChanges({ liveOnly: true, centre: centre.name }, { signal: abort.signal })[Symbol.asyncIterator]();
    const next = changes.next();
    await new Promise((ok) => setTimeout(ok, 1500));   // three default deadlines
    await client.register.recordAccreditationDecision({
      centre: centre.name, level: AccreditationLevel.ENHANCED, action: AccreditationAction.SUSPEND, reason: "SDK stream test",
    });
    const change = await next;
    assert.equal(change.done, false);
    assert.equal(change.value?.change?.action, AccreditationAction.SUSPEND);
    assert.ok(sent.some((s) => s.stream && s.timeout === null), "a stream is sent without grpc-timeout");
    abort.abort();
    await client.register.recordAccreditationDecision({   // leave the demo register as it was
      centre: centre.name, level: AccreditationLevel.ENHANCED, action: AccreditationAction.REINSTATE, reason: "SDK stream test",
    });
  });

  it("is refused without a key", async () => {
    const client = createContactClient({ baseUrl: server.baseUrl });
    const error = await refusal(client.register.getCentre({ name: "centres/anything" }));
    assert.equal(error.code, Code.Unauthenticated);
  });
});

async function refusal(call: Promise<unknown>): Promise<ContactError> {
  try {
    await call;
  } catch (e) {
    return ContactError.from(e);
  }
  assert.fail("expected a refusal");
}
