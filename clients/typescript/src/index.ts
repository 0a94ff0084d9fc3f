import { Code, ConnectError, createClient, type Client, type Interceptor, type Transport } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { AccessService } from "../gen/contact/v1/access_pb.js";
import { AuditService } from "../gen/contact/v1/audit_pb.js";
import { PostcodeService } from "../gen/contact/v1/postcodes_pb.js";
import { RegisterService } from "../gen/contact/v1/register_pb.js";

export { ContactError, type FieldViolation } from "./errors.js";

/** How to reach the Contact API. */
export interface ContactClientOptions {
  /** The server's address, e.g. "http://127.0.0.1:5080" (h2c on loopback) or "https://contact.example.org". */
  baseUrl: string;
  /** The API key issued by NCT, sent as "authorization: Bearer <key>" on every call. */
  apiKey?: string;
  /**
   * Deadline for unary calls that set none, in milliseconds. Default 30 s. Streams (the Watch* calls)
   * get none unless the call sets its own `timeoutMs`: a watcher stays open until it is closed.
   */
  timeoutMs?: number;
  /** Attempts in all for idempotent reads that fail UNAVAILABLE. Default 4; 1 turns retries off. */
  maxAttempts?: number;
  /** Extra interceptors, run after the API key one. */
  interceptors?: Interceptor[];
}

/** One HTTP/2 connection to the Contact API with a typed client per service. */
export interface ContactClient {
  /** The register: centres, accreditation, nearest-centre lookups, the change stream. */
  register: Client<typeof RegisterService>;
  /** The postcode table. */
  postcodes: Client<typeof PostcodeService>;
  /** API keys and the caller's identity. */
  access: Client<typeof AccessService>;
  /** The audit trail. */
  audit: Client<typeof AuditService>;
}

/** Creates a client over Connect's gRPC transport for Node (HTTP/2; h2c for http:// addresses). */
export function createContactClient(options: ContactClientOptions): ContactClient {
  const transport = unaryDeadline(createGrpcTransport({
    baseUrl: options.baseUrl,
    interceptors: [
      ...(options.apiKey ? [bearer(options.apiKey)] : []),
      retryIdempotent(options.maxAttempts ?? 4),
      ...(options.interceptors ?? []),
    ],
  }), options.timeoutMs ?? 30_000);
  return {
    register: createClient(RegisterService, transport),
    postcodes: createClient(PostcodeService, transport),
    access: createClient(AccessService, transport),
    audit: createClient(AuditService, transport),
  };
}

/**
 * Gives unary calls without a timeout the default one, and leaves streams without. The transport's own
 * defaultTimeoutMs applies to streams too, and an interceptor comes too late: the deadline is armed
 * (signal and grpc-timeout header) before interceptors run.
 */
function unaryDeadline(transport: Transport, defaultTimeoutMs: number): Transport {
  return {
    unary: (method, signal, timeoutMs, header, input, contextValues) =>
      transport.unary(method, signal, timeoutMs ?? defaultTimeoutMs, header, input, contextValues),
    stream: (method, signal, timeoutMs, header, input, contextValues) =>
      transport.stream(method, signal, timeoutMs, header, input, contextValues),
  };
}

/** Adds "authorization: Bearer <key>" unless the call sets its own. */
function bearer(apiKey: string): Interceptor {
  return (next) => (req) => {
    if (!req.header.has("authorization")) req.header.set("authorization", `Bearer ${apiKey}`);
    return next(req);
  };
}

// Reads and lookups are safe to repeat; writes are never retried (as in the C# SDK).
const idempotent = new Set([
  "contact.v1.RegisterService/GetCentre",
  "contact.v1.RegisterService/ListCentres",
  "contact.v1.RegisterService/FindNearestCentres",
  "contact.v1.RegisterService/CheckAccreditation",
  "contact.v1.PostcodeService/LookupPostcode",
  "contact.v1.AccessService/ListApiKeys",
  "contact.v1.AccessService/GetCallerIdentity",
  "contact.v1.AuditService/ListAuditEntries",
  "contact.v1.AuditService/VerifyAuditChain",
]);

/** Retries idempotent unary calls on UNAVAILABLE with exponential backoff (200 ms, x2, max 3 s). */
function retryIdempotent(maxAttempts: number): Interceptor {
  return (next) => async (req) => {
    if (req.stream || !idempotent.has(`${req.service.typeName}/${req.method.name}`)) return next(req);
    for (let attempt = 1, backoff = 200; ; attempt++, backoff = Math.min(backoff * 2, 3000)) {
      try {
        return await next(req);
      } catch (e) {
        if (attempt >= maxAttempts || ConnectError.from(e).code !== Code.Unavailable || req.signal.aborted) throw e;
        await new Promise((resolve) => setTimeout(resolve, backoff));
      }
    }
  };
}

export * from "../gen/contact/v1/common_pb.js";
export * from "../gen/contact/v1/register_pb.js";
export * from "../gen/contact/v1/postcodes_pb.js";
export * from "../gen/contact/v1/access_pb.js";
export * from "../gen/contact/v1/audit_pb.js";
