// Contract checks on RPC idempotency levels, the one source of every SDK's retry policy
// (docs/api-versioning.md). Run by tests/run's contracts suite.
//
//   node idempotency.mjs levels NEW.json [OLD.json]
//     A level may be added to an RPC (UNKNOWN -> IDEMPOTENT / NO_SIDE_EFFECTS) but never removed or
//     changed: an SDK already released retries by the level it was built with. buf breaking's
//     RPC_SAME_IDEMPOTENCY_LEVEL refuses additions too, so buf.yaml leaves that rule to this check.
//   node idempotency.mjs no-hand-lists NEW.json FILE...
//     No SDK source keeps its own list of retryable RPCs: no quoted name of an RPC that has a level
//     ("GetCentre", 'contact.v1.RegisterService/GetCentre', ...) in the hand-written sources.
// NEW.json and OLD.json are `buf build -o -#format=json` descriptor sets.
import { readFileSync } from "node:fs";

const [mode, newSet, ...rest] = process.argv.slice(2);
const levels = (file) => {
  const out = new Map();
  for (const f of JSON.parse(readFileSync(file, "utf8")).file)
    if (f.package?.startsWith("contact."))
      for (const s of f.service ?? [])
        for (const m of s.method ?? [])
          out.set(`${f.package}.${s.name}/${m.name}`, m.options?.idempotencyLevel ?? "IDEMPOTENCY_UNKNOWN");
  return out;
};

const current = levels(newSet);
const problems = [];
if (mode === "levels") {
  if (rest[0])
    for (const [rpc, was] of levels(rest[0]))
      if (was !== "IDEMPOTENCY_UNKNOWN" && current.has(rpc) && current.get(rpc) !== was)
        problems.push(`${rpc}: idempotency_level ${was} changed to ${current.get(rpc)} (only additions are allowed)`);
  const marked = [...current.values()].filter((l) => l !== "IDEMPOTENCY_UNKNOWN").length;
  if (marked === 0) problems.push("no RPC has an idempotency_level: the SDKs would retry nothing");
  if (!problems.length) console.log(`idempotency levels: ${marked} of ${current.size} RPCs marked, none removed or changed`);
} else if (mode === "no-hand-lists") {
  const names = [...current].filter(([, l]) => l !== "IDEMPOTENCY_UNKNOWN").map(([rpc]) => rpc.split("/")[1]);
  const quoted = new RegExp(`["'\`/](${names.join("|")})["'\`]`, "g");
  for (const file of rest)
    for (const [i, line] of readFileSync(file, "utf8").split("\n").entries())
      for (const hit of line.matchAll(quoted)) problems.push(`${file}:${i + 1}: names ${hit[1]} (retry policy comes from the descriptors)`);
  if (!problems.length) console.log(`no hand-kept RPC lists in ${rest.length} SDK source files`);
} else {
  problems.push(`usage: idempotency.mjs levels|no-hand-lists NEW.json ...`);
}
for (const p of problems) console.error(p);
process.exit(problems.length ? 1 : 0);
