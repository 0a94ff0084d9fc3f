// The Contact API's TypeScript SDK for Node: gRPC over HTTP/2 (h2c for http:// addresses).
// Browsers import "@contact/client/web" instead (gRPC-Web over fetch).
import { createGrpcTransport } from "@connectrpc/connect-node";
import { clientOver, sdkInterceptors, type ContactClient, type ContactClientOptions } from "./client.js";

export { clientOver, isIdempotent, services, type ContactClient, type ContactClientOptions, type Followers, type FollowOptions, type Pagers } from "./client.js";
export { ContactError, type FieldViolation } from "./errors.js";
export * from "./messages.js";

/** Creates a client over Connect's gRPC transport for Node (HTTP/2; h2c for http:// addresses). */
export function createContactClient(options: ContactClientOptions): ContactClient {
  return clientOver(createGrpcTransport({ baseUrl: options.baseUrl, interceptors: sdkInterceptors(options) }), options);
}
