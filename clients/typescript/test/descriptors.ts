import { execFileSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/** One RPC of contact.v1 as the contracts declare it (from `buf build`, not from the SDK). */
export interface Rpc {
  service: string;
  method: string;
  clientStreaming: boolean;
  serverStreaming: boolean;
  idempotency: string;
}

/** Every RPC of every contact.v1 service, read from the protos themselves. */
export function contractRpcs(): Rpc[] {
  const buf = join(here, "../node_modules/.bin/buf");
  const protos = resolve(here, "../../../protos");
  const set = JSON.parse(execFileSync(buf, ["build", protos, "--path", join(protos, "contact"), "-o", "-#format=json"], { maxBuffer: 64 << 20 }).toString()) as {
    file: { package?: string; service?: { name: string; method?: { name: string; clientStreaming?: boolean; serverStreaming?: boolean; options?: { idempotencyLevel?: string } }[] }[] }[];
  };
  return set.file.filter((f) => f.package === "contact.v1").flatMap((f) => (f.service ?? []).flatMap((s) => (s.method ?? []).map((m) => ({
    service: `${f.package}.${s.name}`,
    method: m.name,
    clientStreaming: !!m.clientStreaming,
    serverStreaming: !!m.serverStreaming,
    idempotency: m.options?.idempotencyLevel ?? "IDEMPOTENCY_UNKNOWN",
  }))));
}
