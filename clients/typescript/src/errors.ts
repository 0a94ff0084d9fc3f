import { Code, ConnectError } from "@connectrpc/connect";
import { BadRequestSchema, ErrorInfoSchema } from "../gen/google/rpc/error_details_pb.js";

/** One invalid request field, from google.rpc.BadRequest. */
export interface FieldViolation {
  field: string;
  description: string;
}

/**
 * A refusal from the Contact API in typed form: the gRPC code, the machine-readable reason
 * (google.rpc.ErrorInfo.reason), the policy or MOU clause that refused it (ErrorInfo
 * metadata "clause") and the fields at fault (google.rpc.BadRequest). The details travel in the
 * grpc-status-details-bin trailer. Every call of a client from this SDK rejects with one; it is a
 * ConnectError too, so `ConnectError.from` and `findDetails` still work.
 */
export class ContactError extends ConnectError {
  // ConnectError's own instanceof accepts any ConnectError by shape (its name included, so that
  // is left as is); a ContactError is one made here.
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && Object.prototype.isPrototypeOf.call(ContactError.prototype, value);
  }

  constructor(
    message: string,
    code: Code,
    readonly reason: string | undefined,
    readonly clause: string | undefined,
    readonly fields: FieldViolation[],
    options?: { metadata?: Headers; cause?: unknown },
  ) {
    super(message, code, options?.metadata, undefined, options?.cause);
  }

  /** The gRPC code's name, e.g. "InvalidArgument". */
  get codeName(): string {
    return Code[this.code];
  }

  /** Reads the details of any error thrown by a call (non-Connect errors become Unknown). */
  static from(error: unknown): ContactError {
    if (error instanceof ContactError) return error;
    const e = ConnectError.from(error);
    const info = e.findDetails(ErrorInfoSchema)[0];
    const badRequest = e.findDetails(BadRequestSchema)[0];
    const typed = new ContactError(
      e.rawMessage,
      e.code,
      info?.reason || undefined,
      info?.metadata["clause"],
      badRequest?.fieldViolations.map((f) => ({ field: f.field, description: f.description })) ?? [],
      { metadata: e.metadata, cause: error },
    );
    typed.details = e.details;
    return typed;
  }
}
