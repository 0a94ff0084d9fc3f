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
 * grpc-status-details-bin trailer; Connect decodes them into ConnectError.details.
 */
export class ContactError extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly reason: string | undefined,
    readonly clause: string | undefined,
    readonly fields: FieldViolation[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ContactError";
  }

  /** The gRPC code's name, e.g. "InvalidArgument". */
  get codeName(): string {
    return Code[this.code];
  }

  /** Reads the details of any error thrown by a call (non-Connect errors become Unknown). */
  static from(error: unknown): ContactError {
    const e = ConnectError.from(error);
    const info = e.findDetails(ErrorInfoSchema)[0];
    const badRequest = e.findDetails(BadRequestSchema)[0];
    return new ContactError(
      e.code,
      e.rawMessage,
      info?.reason || undefined,
      info?.metadata["clause"],
      badRequest?.fieldViolations.map((f) => ({ field: f.field, description: f.description })) ?? [],
      { cause: error },
    );
  }
}
