// The transport-independent part of the SDK: one typed client per contact.v1 service over any
// Connect transport (gRPC for Node in index.ts, gRPC-Web for browsers in web.ts), with the API key,
// default deadlines, retries, typed errors, paging and resumable watches. Retries, paging and
// resuming are read from the services' descriptors, so a new RPC needs no change here.
import type { DescMessage, DescMethod, DescService } from "@bufbuild/protobuf";
import { create } from "@bufbuild/protobuf";
import { MethodOptions_IdempotencyLevel } from "@bufbuild/protobuf/wkt";
import { Code, ConnectError, createClient, type CallOptions, type Client, type Interceptor, type Transport } from "@connectrpc/connect";
import { AccessService } from "../gen/contact/v1/access_pb.js";
import { AuditService } from "../gen/contact/v1/audit_pb.js";
import { CaseService } from "../gen/contact/v1/cases_pb.js";
import { ConcernService } from "../gen/contact/v1/concerns_pb.js";
import { GrantService } from "../gen/contact/v1/grants_pb.js";
import { InformationSharingService } from "../gen/contact/v1/information_sharing_pb.js";
import { PostcodeService } from "../gen/contact/v1/postcodes_pb.js";
import { ReferralService } from "../gen/contact/v1/referrals_pb.js";
import { RegisterService } from "../gen/contact/v1/register_pb.js";
import { ReportService } from "../gen/contact/v1/reports_pb.js";
import { StoreService } from "../gen/contact/v1/store_pb.js";
import { ContactError } from "./errors.js";

/** Every service of contact.v1, by the name the client gives it. */
export const services = {
  register: RegisterService,
  postcodes: PostcodeService,
  access: AccessService,
  audit: AuditService,
  concerns: ConcernService,
  grants: GrantService,
  reports: ReportService,
  referrals: ReferralService,
  store: StoreService,
  cases: CaseService,
  informationSharing: InformationSharingService,
} as const;
type Services = typeof services;

/** Settings shared by both transports. */
export interface ContactClientOptions {
  /** The server's address: "http://127.0.0.1:5080" (gRPC, h2c on loopback), the HTTP listener for gRPC-Web, or an https:// address. */
  baseUrl: string;
  /** The API key issued by NCT, sent as "authorization: Bearer <key>" on every call. */
  apiKey?: string;
  /**
   * Deadline for unary calls that set none, in milliseconds. Default 30 s. Streams (the Watch* calls)
   * get none unless the call sets its own `timeoutMs`: a watcher stays open until it is closed.
   */
  timeoutMs?: number;
  /**
   * Attempts in all for a unary call that fails UNAVAILABLE, when its RPC is marked idempotent in
   * the contract (idempotency_level NO_SIDE_EFFECTS or IDEMPOTENT). Default 4; 1 turns retries off.
   */
  maxAttempts?: number;
  /** Extra interceptors, run after the SDK's own. */
  interceptors?: Interceptor[];
}

/** Items of a List response: the elements of its one repeated field. */
type Fields<T> = { [K in keyof T as K extends `$${string}` ? never : K]: T[K] };
type Items<T> = { [K in keyof Fields<T>]: Fields<T>[K] extends readonly (infer E)[] ? E : never }[keyof Fields<T>];
type Unary = (request: never, options?: CallOptions) => Promise<unknown>;

/** For each List RPC of a service: an async iterator over every item, page after page. */
export type Pagers<S extends DescService> = {
  [K in keyof Client<S> as K extends `list${string}` ? K : never]: Client<S>[K] extends (request: infer I, options?: CallOptions) => Promise<infer O>
    ? (request?: I, options?: CallOptions) => AsyncIterable<Items<O>>
    : never;
};

/** For each Watch RPC of a service: a stream that reconnects by itself after its last sequence. */
export type Followers<S extends DescService> = {
  [K in keyof Client<S> as K extends `watch${string}` ? K : never]: Client<S>[K] extends (request: infer I, options?: CallOptions) => AsyncIterable<infer O>
    ? (request?: I, options?: FollowOptions) => AsyncIterable<O>
    : never;
};

/** How a followed Watch stream reconnects. */
export interface FollowOptions extends CallOptions {
  /** First wait before reconnecting, in ms (doubles up to 5 s; back to this after a message). Default 200. */
  backoffMs?: number;
  /** Called before each reconnection with the error (or undefined when the server ended the stream). */
  onReconnect?: (afterSequence: bigint, error: unknown) => void;
}

/** A typed client per service, plus `each` (paging) and `follow` (resuming watches). */
export type ContactClient = { [K in keyof Services]: Client<Services[K]> } & {
  /** `client.each.register.listCentres({ ... })`: every centre, fetching pages as it goes. */
  each: { [K in keyof Services]: Pagers<Services[K]> };
  /** `client.follow.referrals.watchReferrals({ ... })`: every change, reconnecting after the last sequence seen. */
  follow: { [K in keyof Services]: Followers<Services[K]> };
};

/** Builds the client over a transport (see createContactClient and createContactWebClient). */
export function clientOver(transport: Transport, options: ContactClientOptions): ContactClient {
  const withDefaults = unaryDeadline(transport, options.timeoutMs ?? 30_000);
  const client = { each: {}, follow: {} } as Record<string, unknown> & { each: Record<string, unknown>; follow: Record<string, unknown> };
  for (const [key, service] of Object.entries(services) as [string, DescService][]) {
    const typed = createClient(service, withDefaults) as unknown as Record<string, (...args: unknown[]) => unknown>;
    client[key] = typed;
    client.each[key] = pagers(service, typed);
    client.follow[key] = followers(service, typed);
  }
  return client as unknown as ContactClient;
}

/** The interceptors every transport gets, outermost first. */
export function sdkInterceptors(options: ContactClientOptions): Interceptor[] {
  return [
    typedErrors,
    ...(options.apiKey ? [bearer(options.apiKey)] : []),
    retryIdempotent(options.maxAttempts ?? 4),
    ...(options.interceptors ?? []),
  ];
}

/** True when the contract marks the RPC safe to repeat (idempotency_level). */
export function isIdempotent(method: DescMethod): boolean {
  return method.idempotency !== MethodOptions_IdempotencyLevel.IDEMPOTENCY_UNKNOWN;
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

/** Every failure, of a unary call or during a stream, rejects with a ContactError. */
const typedErrors: Interceptor = (next) => async (req) => {
  try {
    const res = await next(req);
    if (!res.stream) return res;
    const messages = res.message;
    return {
      ...res,
      message: (async function* () {
        try { yield* messages; } catch (e) { throw ContactError.from(e); }
      })(),
    };
  } catch (e) {
    throw ContactError.from(e);
  }
};

/** Retries unary calls the contract marks idempotent on UNAVAILABLE (200 ms, x2, at most 3 s apart). */
function retryIdempotent(maxAttempts: number): Interceptor {
  return (next) => async (req) => {
    if (req.stream || !isIdempotent(req.method)) return next(req);
    for (let attempt = 1, backoff = 200; ; attempt++, backoff = Math.min(backoff * 2, 3000)) {
      try {
        return await next(req);
      } catch (e) {
        if (attempt >= maxAttempts || ConnectError.from(e).code !== Code.Unavailable || req.signal.aborted) throw e;
        await sleep(backoff, req.signal);
      }
    }
  };
}

// Paging: a List RPC's request has page_token, its response next_page_token and one repeated field.
function pagers(service: DescService, typed: Record<string, (...args: unknown[]) => unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const method of service.methods) {
    if (method.methodKind !== "unary" || !method.localName.startsWith("list")) continue;
    const items = method.output.fields.find((f) => f.fieldKind === "list");
    if (!items) continue;
    const paged = method.input.fields.some((f) => f.localName === "pageToken");
    const call = typed[method.localName] as Unary;
    out[method.localName] = async function* (request: Record<string, unknown> = {}, options?: CallOptions) {
      let pageToken = (request["pageToken"] as string | undefined) ?? "";
      do {
        const page = (await call({ ...request, ...(paged ? { pageToken } : {}) } as never, options)) as Record<string, unknown>;
        yield* page[items.localName] as unknown[];
        pageToken = paged ? (page["nextPageToken"] as string) : "";
      } while (pageToken);
    };
  }
  return out;
}

// Resuming: a Watch RPC's request has after_sequence; each response carries a sequence, at its top
// level or in its one message field (the referral, the change, the notification...).
function followers(service: DescService, typed: Record<string, (...args: unknown[]) => unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const method of service.methods) {
    if (method.methodKind !== "server_streaming" || !method.input.fields.some((f) => f.localName === "afterSequence")) continue;
    const sequenceOf = sequenceReader(method.output);
    const call = typed[method.localName] as (request: unknown, options?: CallOptions) => AsyncIterable<unknown>;
    out[method.localName] = async function* (request: Record<string, unknown> = {}, options: FollowOptions = {}) {
      const { backoffMs = 200, onReconnect, ...callOptions } = options;
      let last = BigInt((request["afterSequence"] as bigint | number | undefined) ?? 0n);
      let seen = false;
      for (let backoff = backoffMs; ;) {
        let failure: unknown;
        try {
          // After a break, ask for what came after the last sequence seen (live_only would skip it).
          const resumed = seen ? { ...request, afterSequence: last, liveOnly: false } : request;
          for await (const message of call(create(method.input, resumed as never), callOptions)) {
            const sequence = sequenceOf(message);
            if (sequence !== undefined) { last = sequence; seen = true; }
            backoff = backoffMs;
            yield message;
          }
        } catch (e) {
          if (!resumable(e) || callOptions.signal?.aborted) throw e;
          failure = e;
        }
        if (callOptions.signal?.aborted) return;
        onReconnect?.(last, failure);
        await sleep(backoff, callOptions.signal);
        backoff = Math.min(backoff * 2, 5000);
      }
    };
  }
  return out;
}

function sequenceReader(output: DescMessage): (message: unknown) => bigint | undefined {
  const top = output.fields.find((f) => f.localName === "sequence");
  if (top) return (m) => BigInt((m as Record<string, bigint>)[top.localName]!);
  const holder = output.fields.find((f) => f.fieldKind === "message" && f.message.fields.some((g) => g.localName === "sequence"));
  if (!holder) throw new Error(`${output.typeName} carries no sequence: it cannot be resumed`);
  return (m) => {
    const inner = (m as Record<string, Record<string, bigint> | undefined>)[holder.localName];
    return inner ? BigInt(inner["sequence"]!) : undefined;
  };
}

// A break in the connection, or the server going away, is resumed; a refusal is not. A connection
// cut under an HTTP/2 stream surfaces as CANCELED (RST_STREAM CANCEL): the caller's own cancelling
// is told apart by its signal, checked first.
function resumable(e: unknown): boolean {
  return [Code.Unavailable, Code.Internal, Code.Unknown, Code.Aborted, Code.DeadlineExceeded, Code.Canceled].includes(ConnectError.from(e).code);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}
