"""ContactClient: one channel to the Contact API with a client per contact.v1 service.

Retries, paging and resuming are read from the services' descriptors (idempotency_level,
page_token / next_page_token, after_sequence / sequence), so a new RPC needs no change here.
"""
import copy
import time
from typing import Any, Callable, Dict, Iterable, Iterator, Optional, Tuple

import grpc
from google.protobuf import descriptor_pb2
from google.protobuf.descriptor import FieldDescriptor, MethodDescriptor, ServiceDescriptor
from google.protobuf.message import Message

from contact.v1 import (access_pb2, access_pb2_grpc, audit_pb2, audit_pb2_grpc, cases_pb2, cases_pb2_grpc,
                        concerns_pb2, concerns_pb2_grpc, grants_pb2, grants_pb2_grpc, information_sharing_pb2,
                        information_sharing_pb2_grpc, postcodes_pb2, postcodes_pb2_grpc, referrals_pb2,
                        referrals_pb2_grpc, register_pb2, register_pb2_grpc, reports_pb2, reports_pb2_grpc,
                        store_pb2, store_pb2_grpc)

from .errors import ContactError

# Every service of contact.v1, by the name the client gives it (as in the C# and TypeScript SDKs).
SERVICES: Dict[str, Tuple[ServiceDescriptor, Callable[[grpc.Channel], Any]]] = {
    "register": (register_pb2.DESCRIPTOR.services_by_name["RegisterService"], register_pb2_grpc.RegisterServiceStub),
    "postcodes": (postcodes_pb2.DESCRIPTOR.services_by_name["PostcodeService"], postcodes_pb2_grpc.PostcodeServiceStub),
    "access": (access_pb2.DESCRIPTOR.services_by_name["AccessService"], access_pb2_grpc.AccessServiceStub),
    "audit": (audit_pb2.DESCRIPTOR.services_by_name["AuditService"], audit_pb2_grpc.AuditServiceStub),
    "concerns": (concerns_pb2.DESCRIPTOR.services_by_name["ConcernService"], concerns_pb2_grpc.ConcernServiceStub),
    "grants": (grants_pb2.DESCRIPTOR.services_by_name["GrantService"], grants_pb2_grpc.GrantServiceStub),
    "reports": (reports_pb2.DESCRIPTOR.services_by_name["ReportService"], reports_pb2_grpc.ReportServiceStub),
    "referrals": (referrals_pb2.DESCRIPTOR.services_by_name["ReferralService"], referrals_pb2_grpc.ReferralServiceStub),
    "store": (store_pb2.DESCRIPTOR.services_by_name["StoreService"], store_pb2_grpc.StoreServiceStub),
    "cases": (cases_pb2.DESCRIPTOR.services_by_name["CaseService"], cases_pb2_grpc.CaseServiceStub),
    "information_sharing": (information_sharing_pb2.DESCRIPTOR.services_by_name["InformationSharingService"],
                            information_sharing_pb2_grpc.InformationSharingServiceStub),
}

# A break in the connection, or the server going away, is resumed; a refusal is not.
_RESUMABLE = {grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.INTERNAL, grpc.StatusCode.UNKNOWN,
              grpc.StatusCode.ABORTED, grpc.StatusCode.DEADLINE_EXCEEDED, grpc.StatusCode.CANCELLED}


def is_idempotent(method: MethodDescriptor) -> bool:
    """True when the contract marks the RPC safe to repeat (idempotency_level)."""
    options = method.GetOptions()
    return options.idempotency_level != descriptor_pb2.MethodOptions.IDEMPOTENCY_UNKNOWN


def _streams(method: MethodDescriptor) -> Tuple[bool, bool]:
    proto = descriptor_pb2.MethodDescriptorProto()
    method.CopyToProto(proto)
    return proto.client_streaming, proto.server_streaming


class _Service:
    """The calls of one service: `client.register.FindNearestCentres(request)`, with the client's
    API key, deadline, retries and typed errors."""

    def __init__(self, client: "ContactClient", descriptor: ServiceDescriptor, stub: Any):
        self._calls: Dict[str, Callable[..., Any]] = {}
        for method in descriptor.methods:
            self._calls[method.name] = client._wrap(method, getattr(stub, method.name))
        self.descriptor = descriptor

    def __getattr__(self, name: str) -> Callable[..., Any]:
        try:
            return self._calls[name]
        except KeyError:
            raise AttributeError(f"{self.descriptor.full_name} has no RPC {name}") from None

    def __dir__(self):
        return list(self._calls)


class ContactClient:
    """One connection to the Contact API.

    target: "127.0.0.1:5080" (plaintext, loopback) or "https://contact.example.org" (TLS).
    api_key: sent as "authorization: Bearer <key>" on every call.
    timeout: deadline in seconds for unary calls that set none (streams get none).
    max_attempts: attempts in all for a unary call the contract marks idempotent that fails UNAVAILABLE.
    """

    def __init__(self, target: str, api_key: Optional[str] = None, *, timeout: float = 30.0, max_attempts: int = 4,
                 credentials: Optional[grpc.ChannelCredentials] = None, options: Iterable[Tuple[str, Any]] = ()):
        options = [("grpc.max_receive_message_length", 16 * 1024 * 1024), *options]
        if target.startswith("https://"):
            self._channel = grpc.secure_channel(target[len("https://"):], credentials or grpc.ssl_channel_credentials(), options)
        else:
            address = target[len("http://"):] if target.startswith("http://") else target
            self._channel = grpc.insecure_channel(address, options) if credentials is None else grpc.secure_channel(address, credentials, options)
        self._metadata = (("authorization", f"Bearer {api_key}"),) if api_key else ()
        self._timeout = timeout
        self._max_attempts = max(1, max_attempts)
        self._methods: Dict[str, Tuple[MethodDescriptor, Callable[..., Any]]] = {}
        for name, (descriptor, stub) in SERVICES.items():
            setattr(self, name, _Service(self, descriptor, stub(self._channel)))

    def close(self) -> None:
        self._channel.close()

    def __enter__(self) -> "ContactClient":
        return self

    def __exit__(self, *_: Any) -> None:
        self.close()

    # -- paging and resuming, from the descriptors ------------------------------------------------

    def each(self, request: Message, **kwargs: Any) -> Iterator[Message]:
        """Every item of a List RPC, page after page: `client.each(ListCentresRequest(page_size=50))`.
        The RPC is the one that takes this request type."""
        method, call = self._by_request(request)
        items = next(f for f in method.output_type.fields if f.label == FieldDescriptor.LABEL_REPEATED)
        paged = "page_token" in method.input_type.fields_by_name
        request = copy.deepcopy(request)
        while True:
            page = call(request, **kwargs)
            yield from getattr(page, items.name)
            if not paged or not page.next_page_token:
                return
            request.page_token = page.next_page_token

    def follow(self, request: Message, *, backoff: float = 0.2,
               on_reconnect: Optional[Callable[[int, Optional[ContactError]], None]] = None, **kwargs: Any) -> Iterator[Message]:
        """A Watch stream that reconnects by itself, after the last sequence it delivered:
        `for change in client.follow(WatchReferralsRequest()): ...`. Stop by leaving the loop."""
        method, call = self._by_request(request)
        if "after_sequence" not in method.input_type.fields_by_name:
            raise ValueError(f"{method.full_name} cannot be resumed: its request has no after_sequence")
        sequence_of = _sequence_reader(method.output_type)
        last, seen, delay = request.after_sequence, False, backoff
        while True:
            attempt = copy.deepcopy(request)
            if seen:   # after a break, what came after the last sequence (live_only would skip it)
                attempt.after_sequence = last
                if "live_only" in method.input_type.fields_by_name:
                    attempt.live_only = False
            failure: Optional[ContactError] = None
            try:
                for message in call(attempt, **kwargs):
                    sequence = sequence_of(message)
                    if sequence is not None:
                        last, seen = sequence, True
                    delay = backoff
                    yield message
            except ContactError as error:
                if error.code not in _RESUMABLE:
                    raise
                failure = error
            if on_reconnect:
                on_reconnect(last, failure)
            time.sleep(delay)
            delay = min(delay * 2, 5.0)

    def _by_request(self, request: Message) -> Tuple[MethodDescriptor, Callable[..., Any]]:
        name = request.DESCRIPTOR.full_name
        if name not in self._methods:
            raise ValueError(f"No contact.v1 RPC takes a {name}")
        return self._methods[name]

    # -- every call: key, deadline, retries, typed errors -----------------------------------------

    def _wrap(self, method: MethodDescriptor, stub_call: Callable[..., Any]) -> Callable[..., Any]:
        client_streaming, server_streaming = _streams(method)
        retry = is_idempotent(method) and not client_streaming and not server_streaming

        def metadata_of(kwargs: Dict[str, Any]) -> Dict[str, Any]:
            given = tuple(kwargs.pop("metadata", None) or ())
            if not any(k == "authorization" for k, _ in given):
                given = given + self._metadata
            kwargs["metadata"] = given
            return kwargs

        if server_streaming:
            def streaming(request: Any, **kwargs: Any) -> Iterator[Any]:
                responses = stub_call(request, **metadata_of(kwargs))
                try:
                    yield from responses
                except grpc.RpcError as error:
                    raise ContactError.from_rpc_error(error) from None
                finally:
                    responses.cancel()
            call = streaming
        else:
            def unary(request: Any, **kwargs: Any) -> Any:
                kwargs = metadata_of(kwargs)
                if not client_streaming:
                    kwargs.setdefault("timeout", self._timeout)
                attempts = self._max_attempts if retry else 1
                delay = 0.2
                for attempt in range(1, attempts + 1):
                    try:
                        return stub_call(request, **kwargs)
                    except grpc.RpcError as error:
                        if attempt == attempts or error.code() != grpc.StatusCode.UNAVAILABLE:
                            raise ContactError.from_rpc_error(error) from None
                    time.sleep(delay)
                    delay = min(delay * 2, 3.0)
            call = unary
        call.__name__ = method.name
        call.__doc__ = f"{method.full_name}({method.input_type.name}) -> {method.output_type.name}"
        self._methods[method.input_type.full_name] = (method, call)
        return call


def _sequence_reader(output) -> Callable[[Message], Optional[int]]:
    """A Watch response's sequence: a field of its own, or of its one message field."""
    if "sequence" in output.fields_by_name:
        return lambda m: m.sequence
    holder = next((f for f in output.fields if f.message_type is not None and "sequence" in f.message_type.fields_by_name), None)
    if holder is None:
        raise ValueError(f"{output.full_name} carries no sequence: it cannot be resumed")
    return lambda m: getattr(m, holder.name).sequence if m.HasField(holder.name) else None
