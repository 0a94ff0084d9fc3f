"""Typed refusals: the gRPC code, the reason, the clause and the fields at fault."""
from dataclasses import dataclass, field
from typing import List, Optional

import grpc

from google.rpc import error_details_pb2, status_pb2

_DETAILS = "grpc-status-details-bin"


@dataclass(frozen=True)
class FieldViolation:
    """One invalid request field (google.rpc.BadRequest)."""

    field: str
    description: str


@dataclass
class ContactError(Exception):
    """A refusal from the Contact API. Every call of a ContactClient raises this, never a bare
    grpc.RpcError: `code` (grpc.StatusCode), `message`, `reason` (google.rpc.ErrorInfo.reason),
    `clause` (the policy or MOU clause that refused it, from ErrorInfo metadata "clause") and
    `fields` (google.rpc.BadRequest's field violations). The details travel in the
    grpc-status-details-bin trailer."""

    code: grpc.StatusCode
    message: str
    reason: Optional[str] = None
    clause: Optional[str] = None
    fields: List[FieldViolation] = field(default_factory=list)

    def __str__(self) -> str:
        clause = f" ({self.clause})" if self.clause else ""
        return f"{self.code.name}{clause}: {self.message}"

    @classmethod
    def from_rpc_error(cls, error: grpc.RpcError) -> "ContactError":
        code = error.code() if hasattr(error, "code") else grpc.StatusCode.UNKNOWN
        message = error.details() if hasattr(error, "details") else str(error)
        trailers = error.trailing_metadata() if hasattr(error, "trailing_metadata") else None
        reason = clause = None
        fields: List[FieldViolation] = []
        for key, value in trailers or ():
            if key != _DETAILS:
                continue
            status = status_pb2.Status.FromString(value)
            message = status.message or message
            for detail in status.details:
                if detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
                    info = error_details_pb2.ErrorInfo()
                    detail.Unpack(info)
                    reason = info.reason or None
                    clause = info.metadata.get("clause")
                elif detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
                    bad = error_details_pb2.BadRequest()
                    detail.Unpack(bad)
                    fields.extend(FieldViolation(v.field, v.description) for v in bad.field_violations)
        return cls(code or grpc.StatusCode.UNKNOWN, message or "", reason, clause, fields)
