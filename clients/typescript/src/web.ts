// The Contact API's TypeScript SDK for browsers: gRPC-Web over fetch, to the server's HTTP listener.
// The page's origin must be in the server's Contact:GrpcWeb:AllowedOrigins (none by default).
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { clientOver, sdkInterceptors, type ContactClient, type ContactClientOptions } from "./client.js";

export { clientOver, isIdempotent, services, type ContactClient, type ContactClientOptions, type Followers, type FollowOptions, type Pagers } from "./client.js";
export { ContactError, type FieldViolation } from "./errors.js";
export * from "./messages.js";

/** Creates a client over gRPC-Web (fetch): for browsers, and for Node where only HTTP/1.1 is open. */
export function createContactWebClient(options: ContactClientOptions & { fetch?: typeof globalThis.fetch }): ContactClient {
  return clientOver(createGrpcWebTransport({
    baseUrl: options.baseUrl,
    interceptors: sdkInterceptors(options),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  }), options);
}
