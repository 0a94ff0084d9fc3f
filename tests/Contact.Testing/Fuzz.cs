using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text;
using Contact.Client;
using Contact.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;

namespace Contact.Testing;

/// <summary>What a fuzz run found.</summary>
public sealed record FuzzReport(int Methods, long Calls, IReadOnlyDictionary<StatusCode, long> ByCode, IReadOnlyList<string> Problems, int CentresBefore, int CentresAfter, TimeSpan Elapsed)
{
    public bool Passed => Problems.Count == 0;

    public override string ToString() =>
        $"fuzz: {Methods} methods, {Calls} hostile calls in {Elapsed.TotalSeconds:F0} s; codes: {string.Join(", ", ByCode.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"))}; " +
        $"centres {CentresBefore} -> {CentresAfter}; problems: {(Problems.Count == 0 ? "none" : Environment.NewLine + string.Join(Environment.NewLine, Problems.Take(20)))}";
}

/// <summary>
/// Feeds every RPC of contact.v1 malformed and hostile requests against the real server process:
/// random field values from the descriptors (oversize strings, invalid UTF-8 as raw bytes, huge
/// repeated fields, out-of-range numbers, nested junk), bytes that are not protobuf, a message over
/// its method's size limit, garbage gRPC frames over raw HTTP/2, deadlines already past, and a flood of
/// streams. The server must stay up, answer every call with a client-error status (never INTERNAL
/// or UNKNOWN, which mean an unhandled exception), and store nothing.
/// </summary>
public static class Fuzz
{
    // UNAVAILABLE is not in the list: a client sending past a size limit can see its stream reset; whether the
    // server stayed up is checked on its own (process alive, health SERVING, audit chain intact).
    private static readonly StatusCode[] Wrong = [StatusCode.Internal, StatusCode.Unknown, StatusCode.DataLoss];

    public static async Task<FuzzReport> RunAsync(int rounds = 20, int seed = 1, TextWriter? log = null)
    {
        log ??= TextWriter.Null;
        var clock = Stopwatch.StartNew();
        var data = Path.Combine(Path.GetTempPath(), "contact-fuzz", Guid.NewGuid().ToString("N"));
        await using var server = await ServerProcess.StartAsync(data, "--demo");
        var keys = server.DemoKeys();
        using var nct = new ContactClient(server.Address, keys["nct"]);
        using var auditor = new ContactClient(server.Address, keys["auditor"]);
        var random = new Random(seed);
        var byCode = new Dictionary<StatusCode, long>();
        var problems = new List<string>();
        long calls = 0;
        void Count(string what, StatusCode code, params StatusCode[] expected)
        {
            calls++;
            byCode[code] = byCode.GetValueOrDefault(code) + 1;
            if (Wrong.Contains(code) || (expected.Length > 0 && !expected.Contains(code)))
                problems.Add($"{what}: {code}{(expected.Length > 0 ? $" (expected {string.Join("/", expected)})" : "")}");
        }

        var before = await CentreCountAsync(nct);
        var unparsable = 0;
        var wireRefusals = new Dictionary<StatusCode, int>();
        var methods = Methods();
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { MaxSendMessageSize = null, MaxReceiveMessageSize = null });
        var invoker = channel.CreateCallInvoker();

        // 1. Every method, every role key and none, random hostile messages.
        var roles = keys.Values.Append("not-a-key").ToArray();
        foreach (var (service, method) in methods)
        {
            for (var round = 0; round < rounds; round++)
            {
                var body = round switch
                {
                    0 => [],                                               // all defaults
                    1 => RandomBytes(random, random.Next(1, 64)),         // not protobuf at all
                    _ => Hostile(method.InputType, random, depth: 0),
                };
                var key = round % 3 == 2 ? roles[random.Next(roles.Length)] : keys["nct"];
                var (code, detail) = await CallAsync(invoker, service, method, body, key, TimeSpan.FromSeconds(10));
                if (detail.Contains("   at ", StringComparison.Ordinal) || detail.Contains(".cs:line", StringComparison.Ordinal))
                    problems.Add($"{method.FullName} round {round}: a stack trace in the status detail");
                if (code == StatusCode.OK && !method.Name.StartsWith("Get") && !method.Name.StartsWith("List") && !method.Name.StartsWith("Find") && !method.Name.StartsWith("Check") && !method.Name.StartsWith("Watch") && !method.Name.StartsWith("Lookup") && !method.Name.StartsWith("Verify"))
                    log.WriteLine($"  accepted: {method.Name} round {round}: {Describe(method.InputType, body)}");
                if (Parses(method.InputType, body)) Count($"{method.FullName} round {round}", code);
                else
                {
                    // Bytes that are not a valid message never reach our code: grpc-dotnet reads the request before
                    // any interceptor and answers UNKNOWN (unary) or INTERNAL (streams). Anything but OK is accepted.
                    unparsable++;
                    calls++;
                    byCode[code] = byCode.GetValueOrDefault(code) + 1;
                    if (code == StatusCode.OK) problems.Add($"{method.FullName} round {round}: an unparsable message was accepted");
                    wireRefusals[code] = wireRefusals.GetValueOrDefault(code) + 1;
                }
                if (server.HasExited) { problems.Add($"the server exited during {method.FullName}"); break; }
            }
            log.WriteLine($"  {method.FullName}: {rounds} rounds, {clock.Elapsed.TotalSeconds:F0} s");
        }
        log.WriteLine($"random messages: {calls} calls, {unparsable} of them not a valid message (answered {string.Join(", ", wireRefusals.Select(w => $"{w.Key} {w.Value}"))})");

        // 2. A message over the receive limit (1 MiB for CreateCentre, 16 MiB for the bulk methods): RESOURCE_EXHAUSTED, nothing read.
        var create = methods.First(m => m.Method.Name == "CreateCentre");
        var huge = new CreateCentreRequest { Centre = Synthetic.Centre("Huge", 1) };
        huge.Centre.DisplayName = new string('x', 17 * 1024 * 1024);
        Count("17 MiB CreateCentre", (await CallAsync(invoker, create.Service, create.Method, huge.ToByteArray(), keys["nct"], TimeSpan.FromSeconds(60))).Code, StatusCode.ResourceExhausted);

        // 3. Garbage gRPC frames over raw HTTP/2, and a deadline already past.
        using var http = new HttpClient(new SocketsHttpHandler()) { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        var path = $"/{create.Service.FullName}/CreateCentre";
        var valid = new CreateCentreRequest { Centre = Synthetic.Centre("Fuzz past deadline", 2) }.ToByteArray();
        var frames = new (string What, byte[] Body, string? Timeout, StatusCode[] Expected)[]
        {
            ("frame length longer than the body", [0, 0, 0, 1, 0, 1, 2, 3], null, []),
            ("compressed flag without grpc-encoding", Frame(valid, compressed: 1), null, []),
            ("unknown compressed flag 7", Frame(valid, compressed: 7), null, []),
            ("truncated 3-byte frame header", [0, 0, 0], null, []),
            ("two messages for a unary call", [.. Frame(valid), .. Frame(valid)], null, []),
            ("random bytes", RandomBytes(random, 512), null, []),
            // grpc-dotnet rounds 1n down to zero ticks and then treats it as no deadline at all, so 1u is the shortest real one.
            ("deadline already past (grpc-timeout 1u)", Frame(valid), "1u", [StatusCode.DeadlineExceeded]),
        };
        // Broken framing is a protocol error that grpc-dotnet answers itself (INTERNAL, or UNKNOWN for an
        // unknown compression flag) before our code runs: any refusal is right, OK is not.
        foreach (var (what, body, timeout, expected) in frames)
        {
            var code = await RawAsync(http, server.Address + path, body, keys["nct"], timeout);
            log.WriteLine($"raw HTTP/2: {what}: {code}");
            if (expected.Length == 0) { calls++; byCode[code] = byCode.GetValueOrDefault(code) + 1; if (code == StatusCode.OK) problems.Add($"raw HTTP/2: {what}: OK"); }
            else Count($"raw HTTP/2: {what}", code, expected);
        }
        // The client library refuses to send a call whose deadline has passed; the server must refuse it too (above).
        try { await nct.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Synthetic.Centre("Fuzz client past deadline", 3) }, deadline: DateTime.UtcNow.AddSeconds(-1)); Count("SDK call past deadline", StatusCode.OK, StatusCode.DeadlineExceeded); }
        catch (RpcException ex) { Count("SDK call past deadline", ex.StatusCode, StatusCode.DeadlineExceeded); }

        // 4. A flood of streams: many WatchAccreditationChanges at once over a few connections, then cancelled.
        var flood = await FloodAsync(server.Address, keys["naccc"], streams: 400, connections: 4);
        // UNAVAILABLE is a right answer too: a stream over Kestrel's per-connection limit (100) opened
        // before the client has the server's SETTINGS is refused (REFUSED_STREAM), telling it to retry.
        Count($"stream flood ({flood.Opened} streams opened)", flood.Worst, StatusCode.Cancelled, StatusCode.DeadlineExceeded, StatusCode.OK, StatusCode.ResourceExhausted, StatusCode.Unavailable);

        // 5. Still up, answering, and nothing stored.
        if (server.HasExited) problems.Add("the server is down at the end");
        else
        {
            var health = await new Grpc.Health.V1.Health.HealthClient(channel).CheckAsync(new Grpc.Health.V1.HealthCheckRequest());
            if (health.Status != Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving) problems.Add($"health: {health.Status}");
            var chain = await auditor.Audit.VerifyAuditChainAsync(new VerifyAuditChainRequest());
            if (!chain.Intact) problems.Add("the audit chain does not verify");
        }
        var after = server.HasExited ? -1 : await CentreCountAsync(nct);
        if (after != before)
        {
            var stored = await nct.Register.ListCentresAsync(new ListCentresRequest { Text = "Fuzz", PageSize = 10 });
            problems.Add($"centres changed: {before} -> {after} ({string.Join(", ", stored.Centres.Select(c => c.DisplayName))})");
        }
        await server.DisposeAsync();
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        return new FuzzReport(methods.Count, calls, byCode, problems, before, after, clock.Elapsed);
    }

    /// <summary>
    /// The systematic sweep: every field of every request message of every RPC (and the
    /// fields of its message fields), set in turn to each hostile value of its type (out-of-range
    /// seconds and nanos, dates 0-0-0 and 9999-13-40, NaN and infinities, negative and huge
    /// numbers, invalid UTF-8, 100 KB strings, unknown enum numbers, 1,000 empty elements), sent as
    /// every role allowed to call the method. Any INTERNAL, UNKNOWN or DATA_LOSS is a problem.
    /// </summary>
    public static async Task<FuzzReport> FieldsAsync(TextWriter? log = null, int parallel = 4)
    {
        log ??= TextWriter.Null;
        var clock = Stopwatch.StartNew();
        var data = Path.Combine(Path.GetTempPath(), "contact-fuzz", Guid.NewGuid().ToString("N"));
        await using var server = await ServerProcess.StartAsync(data, "--demo");
        var keys = server.DemoKeys();
        using var nct = new ContactClient(server.Address, keys["nct"]);
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { MaxSendMessageSize = null, MaxReceiveMessageSize = null });
        var invoker = channel.CreateCallInvoker();
        var before = await CentreCountAsync(nct);
        var methods = Methods();
        var byCode = new Dictionary<StatusCode, long>();
        var problems = new List<string>();
        long calls = 0;
        using var gate = new SemaphoreSlim(parallel);
        foreach (var (service, method) in methods)
        {
            // The roles allowed to call it: those an empty request does not refuse for who they are.
            var allowed = new List<string>();
            foreach (var (role, key) in keys)
            {
                var (code, _) = await CallAsync(invoker, service, method, [], key, TimeSpan.FromSeconds(20));
                if (code is not (StatusCode.PermissionDenied or StatusCode.Unauthenticated)) allowed.Add(role);
            }
            var cases = HostileCases(method.InputType).ToList();
            await Task.WhenAll(cases.SelectMany(c => allowed.Select(role => (c, role))).Select(async x =>
            {
                await gate.WaitAsync();
                try
                {
                    var (code, detail) = await CallAsync(invoker, service, method, x.c.Body, keys[x.role], TimeSpan.FromSeconds(20));
                    lock (problems)
                    {
                        calls++;
                        byCode[code] = byCode.GetValueOrDefault(code) + 1;
                        if (Wrong.Contains(code)) problems.Add($"{method.FullName} {x.c.What} as {x.role}: {code} {detail}");
                        else if (detail.Contains("   at ", StringComparison.Ordinal)) problems.Add($"{method.FullName} {x.c.What}: a stack trace in the detail");
                    }
                }
                finally { gate.Release(); }
            }));
            log.WriteLine($"  {method.FullName}: {cases.Count} hostile requests x {allowed.Count} roles ({string.Join(",", allowed)}), {clock.Elapsed.TotalSeconds:F0} s");
            if (server.HasExited) { problems.Add($"the server exited during {method.FullName}"); break; }
        }
        var after = server.HasExited ? -1 : await CentreCountAsync(nct);
        if (after != before) problems.Add($"centres changed: {before} -> {after}");
        await server.DisposeAsync();
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        return new FuzzReport(methods.Count, calls, byCode, problems, before, after, clock.Elapsed);
    }

    /// <summary>One request per field path (top-level fields and those of message fields) and hostile value.</summary>
    public static IEnumerable<(string What, byte[] Body)> HostileCases(MessageDescriptor type)
    {
        foreach (var field in type.Fields.InFieldNumberOrder())
        {
            foreach (var (what, value) in HostileValues(field))
                yield return ($"{field.Name}={what}", value);
            if (field.FieldType == FieldType.Message && !WellKnown(field.MessageType))
            {
                foreach (var inner in field.MessageType.Fields.InFieldNumberOrder())
                {
                    foreach (var (what, value) in HostileValues(inner))
                    {
                        // The inner field's bytes wrapped as the outer field's message.
                        using var buffer = new MemoryStream();
                        var output = new CodedOutputStream(buffer);
                        output.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited);
                        output.WriteBytes(ByteString.CopyFrom(value));
                        output.Flush();
                        yield return ($"{field.Name}.{inner.Name}={what}", buffer.ToArray());
                    }
                }
            }
            if (field.IsRepeated && field.FieldType == FieldType.Message)
            {
                using var buffer = new MemoryStream();
                var output = new CodedOutputStream(buffer);
                for (var i = 0; i < 1_000; i++) { output.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited); output.WriteBytes(ByteString.Empty); }
                output.Flush();
                yield return ($"{field.Name}=1000 empty", buffer.ToArray());
            }
        }
    }

    private static bool WellKnown(MessageDescriptor type) =>
        type.FullName is "google.protobuf.Timestamp" or "google.protobuf.Duration" or "google.type.Date" or "google.protobuf.FieldMask";

    /// <summary>The wire bytes of <paramref name="field"/> set to each hostile value of its type.</summary>
    private static IEnumerable<(string What, byte[] Bytes)> HostileValues(FieldDescriptor field)
    {
        byte[] Encode(Action<CodedOutputStream> write)
        {
            using var buffer = new MemoryStream();
            var output = new CodedOutputStream(buffer);
            write(output);
            output.Flush();
            return buffer.ToArray();
        }
        byte[] Varint(ulong v) => Encode(o => { o.WriteTag(field.FieldNumber, WireFormat.WireType.Varint); o.WriteUInt64(v); });
        byte[] Delimited(byte[] b) => Encode(o => { o.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited); o.WriteBytes(ByteString.CopyFrom(b)); });
        byte[] Message(IMessage m) => Delimited(m.ToByteArray());
        switch (field.FieldType)
        {
            case FieldType.String:
                yield return ("invalid UTF-8", Delimited([0x41, 0xC3, 0x28, 0xFF]));
                yield return ("100 KB", Delimited(Encoding.UTF8.GetBytes(new string('x', 100 * 1024))));
                yield return ("control characters", Delimited([0, 1, 0x1B]));
                break;
            case FieldType.Bytes:
                yield return ("100 KB", Delimited(new byte[100 * 1024]));
                break;
            case FieldType.Int32 or FieldType.Int64 or FieldType.SInt32 or FieldType.SInt64 or FieldType.Enum:
                yield return ("-1", field.FieldType is FieldType.SInt32 or FieldType.SInt64 ? Varint(1) : Varint(ulong.MaxValue));
                yield return ("huge", Varint(field.FieldType is FieldType.Int64 or FieldType.SInt64 ? (ulong)long.MaxValue : int.MaxValue));
                if (field.FieldType == FieldType.Enum) yield return ("9999", Varint(9999));
                break;
            case FieldType.UInt32 or FieldType.UInt64:
                yield return ("huge", Varint(field.FieldType == FieldType.UInt64 ? ulong.MaxValue : uint.MaxValue));
                break;
            case FieldType.Double:
                foreach (var d in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, -1e308 })
                    yield return (d.ToString(System.Globalization.CultureInfo.InvariantCulture), Encode(o => { o.WriteTag(field.FieldNumber, WireFormat.WireType.Fixed64); o.WriteDouble(d); }));
                break;
            case FieldType.Float:
                foreach (var f in new[] { float.NaN, float.NegativeInfinity })
                    yield return (f.ToString(System.Globalization.CultureInfo.InvariantCulture), Encode(o => { o.WriteTag(field.FieldNumber, WireFormat.WireType.Fixed32); o.WriteFloat(f); }));
                break;
            case FieldType.Bool:
                yield return ("true", Varint(1));
                break;
            case FieldType.Message when field.MessageType.FullName == "google.protobuf.Timestamp":
                yield return ("seconds max", Message(new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = long.MaxValue }));
                yield return ("seconds -1e13", Message(new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = -10_000_000_000_000 }));
                yield return ("nanos -1", Message(new Google.Protobuf.WellKnownTypes.Timestamp { Nanos = -1 }));
                yield return ("nanos 2e9", Message(new Google.Protobuf.WellKnownTypes.Timestamp { Nanos = 2_000_000_000 }));
                break;
            case FieldType.Message when field.MessageType.FullName == "google.protobuf.Duration":
                yield return ("seconds max", Message(new Google.Protobuf.WellKnownTypes.Duration { Seconds = long.MaxValue }));
                yield return ("nanos 2e9", Message(new Google.Protobuf.WellKnownTypes.Duration { Nanos = 2_000_000_000 }));
                yield return ("negative", Message(new Google.Protobuf.WellKnownTypes.Duration { Seconds = -5 }));
                break;
            case FieldType.Message when field.MessageType.FullName == "google.type.Date":
                yield return ("0-0-0", Delimited([]));
                yield return ("9999-13-40", Message(new Google.Type.Date { Year = 9999, Month = 13, Day = 40 }));
                yield return ("10000-01-01", Message(new Google.Type.Date { Year = 10000, Month = 1, Day = 1 }));
                yield return ("2026-02-30", Message(new Google.Type.Date { Year = 2026, Month = 2, Day = 30 }));
                break;
            case FieldType.Message:
                yield return ("empty message", Delimited([]));
                break;
            default:
                yield return ("max", field.FieldType is FieldType.Fixed64 or FieldType.SFixed64
                    ? Encode(o => { o.WriteTag(field.FieldNumber, WireFormat.WireType.Fixed64); o.WriteFixed64(ulong.MaxValue); })
                    : Encode(o => { o.WriteTag(field.FieldNumber, WireFormat.WireType.Fixed32); o.WriteFixed32(uint.MaxValue); }));
                break;
        }
    }

    private static async Task<int> CentreCountAsync(ContactClient client) =>
        (await client.Register.ListCentresAsync(new ListCentresRequest { PageSize = 1 })).TotalSize;

    /// <summary>Every method of every contact.v1 service in the contracts assembly.</summary>
    public static List<(ServiceDescriptor Service, MethodDescriptor Method)> Methods() =>
        typeof(RegisterService).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<FileDescriptor>()
            .Where(f => f.Package == "contact.v1")
            .SelectMany(f => f.Services).SelectMany(s => s.Methods.Select(m => (s, m)))
            .DistinctBy(x => x.m.FullName).ToList();

    private static string Describe(MessageDescriptor type, byte[] body)
    {
        var text = type.Parser.ParseFrom(body).ToString() ?? "";
        return text.Length > 300 ? text[..300] + "..." : text;
    }

    private static bool Parses(MessageDescriptor type, byte[] body)
    {
        try { type.Parser.ParseFrom(body); return true; }
        catch (InvalidProtocolBufferException) { return false; }
    }

    private static async Task<(StatusCode Code, string Detail)> CallAsync(CallInvoker invoker, ServiceDescriptor service, MethodDescriptor method, byte[] body, string key, TimeSpan deadline)
    {
        var type = (method.IsClientStreaming, method.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary, (false, true) => MethodType.ServerStreaming,
            (true, false) => MethodType.ClientStreaming, _ => MethodType.DuplexStreaming,
        };
        var raw = new Method<byte[], byte[]>(type, service.FullName, method.Name, Bytes, Bytes);
        var options = new CallOptions(new Metadata { { "authorization", $"Bearer {key}" } }, DateTime.UtcNow + deadline);
        try
        {
            switch (type)
            {
                case MethodType.Unary:
                    await invoker.AsyncUnaryCall(raw, null, options, body);
                    break;
                case MethodType.ServerStreaming:
                    // A watch stays open: give it a moment, then hang up.
                    using (var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
                    using (var call = invoker.AsyncServerStreamingCall(raw, null, options.WithCancellationToken(stop.Token), body))
                        while (await call.ResponseStream.MoveNext(stop.Token)) { }
                    break;
                default:
                    using (var call = invoker.AsyncClientStreamingCall(raw, null, options))
                    {
                        for (var i = 0; i < 3; i++) await call.RequestStream.WriteAsync(body);
                        await call.RequestStream.CompleteAsync();
                        await call.ResponseAsync;
                    }
                    break;
            }
            return (StatusCode.OK, "");
        }
        catch (RpcException ex)
        {
            return (ex.StatusCode, ex.Status.Detail ?? "");
        }
    }

    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    /// <summary>A length-prefixed gRPC message (the 5-byte header, then the message).</summary>
    public static byte[] Frame(byte[] message, byte compressed = 0)
    {
        var frame = new byte[5 + message.Length];
        frame[0] = compressed;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)message.Length);
        message.CopyTo(frame, 5);
        return frame;
    }

    private static async Task<StatusCode> RawAsync(HttpClient http, string url, byte[] body, string key, string? timeout)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ByteArrayContent(body), Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.TryAddWithoutValidation("content-type", "application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.TryAddWithoutValidation("authorization", $"Bearer {key}");
        if (timeout is not null) request.Headers.TryAddWithoutValidation("grpc-timeout", timeout);
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var status = response.TrailingHeaders.TryGetValues("grpc-status", out var t) ? t.First()
            : response.Headers.TryGetValues("grpc-status", out var h) ? h.First() : null;
        if (response.StatusCode != HttpStatusCode.OK || status is null)
            throw new InvalidOperationException($"raw HTTP/2 call answered HTTP {(int)response.StatusCode} without grpc-status");
        return (StatusCode)int.Parse(status);
    }

    private static async Task<(int Opened, StatusCode Worst)> FloodAsync(string address, string key, int streams, int connections)
    {
        var channels = Enumerable.Range(0, connections).Select(_ => new ContactClient(address, key)).ToList();
        var opened = 0;
        var codes = new List<StatusCode>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        await Task.WhenAll(Enumerable.Range(0, streams).Select(async i =>
        {
            try
            {
                using var call = channels[i % connections].Register.WatchAccreditationChanges(new WatchAccreditationChangesRequest(), cancellationToken: stop.Token);
                Interlocked.Increment(ref opened);
                while (await call.ResponseStream.MoveNext(stop.Token)) { }
                lock (codes) codes.Add(StatusCode.OK);
            }
            catch (RpcException ex) { lock (codes) codes.Add(ex.StatusCode); }
            catch (OperationCanceledException) { lock (codes) codes.Add(StatusCode.Cancelled); }
        }));
        foreach (var c in channels) c.Dispose();
        return (opened, codes.FirstOrDefault(c => Wrong.Contains(c), codes.FirstOrDefault(c => c != StatusCode.Cancelled, StatusCode.Cancelled)));
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Wire bytes for <paramref name="type"/> with random, mostly hostile, field values.</summary>
    public static byte[] Hostile(MessageDescriptor type, Random random, int depth)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        foreach (var field in type.Fields.InFieldNumberOrder())
        {
            if (random.Next(3) == 0) continue;
            // Huge repeated fields only at the top level (nested ones would multiply).
            var repeats = field.IsRepeated ? random.Next(4) switch { 0 => 0, 1 => 1, 2 => random.Next(2, 20), _ => depth == 0 ? random.Next(1_000, 20_000) : 3 } : 1;
            for (var i = 0; i < repeats; i++) WriteValue(output, field, random, depth);
        }
        output.Flush();
        return buffer.ToArray();
    }

    private static void WriteValue(CodedOutputStream output, FieldDescriptor field, Random random, int depth)
    {
        switch (field.FieldType)
        {
            case FieldType.String:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(ByteString.CopyFrom(HostileString(random)));
                break;
            case FieldType.Bytes:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(ByteString.CopyFrom(RandomBytes(random, random.Next(0, 4096))));
                break;
            case FieldType.Message or FieldType.Group:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(ByteString.CopyFrom(depth < 2 ? Hostile(field.MessageType, random, depth + 1) : RandomBytes(random, 8)));
                break;
            case FieldType.Double:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.Fixed64);
                output.WriteDouble(new[] { double.NaN, double.PositiveInfinity, -1e308, 91, -181, 0, 51.5, random.NextDouble() * 400 - 200 }[random.Next(8)]);
                break;
            case FieldType.Float:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.Fixed32);
                output.WriteFloat(new[] { float.NaN, float.NegativeInfinity, -1f, 1e30f }[random.Next(4)]);
                break;
            case FieldType.Bool:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.Varint);
                output.WriteUInt64((ulong)random.NextInt64()); // any varint is "true"
                break;
            case FieldType.Fixed32 or FieldType.SFixed32:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.Fixed32);
                output.WriteFixed32((uint)random.Next());
                break;
            case FieldType.Fixed64 or FieldType.SFixed64:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.Fixed64);
                output.WriteFixed64((ulong)random.NextInt64());
                break;
            default: // varints: enums, ints - unknown enum numbers, negatives, extremes
                output.WriteTag(field.FieldNumber, WireFormat.WireType.Varint);
                output.WriteInt64(new[] { -1L, int.MinValue, int.MaxValue, long.MaxValue, 0, 1, 2, 99, random.Next(-1000, 1000) }[random.Next(9)]);
                break;
        }
    }

    /// <summary>Strings that validation must stop: huge, invalid UTF-8, control and bidi characters, injection-looking text.</summary>
    private static byte[] HostileString(Random random) => random.Next(9) switch
    {
        0 => Encoding.UTF8.GetBytes(new string('A', random.Next(10_000, 300_000))),
        1 => [0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC, 0xFF, 0xFE],   // invalid UTF-8
        2 => [.. Encoding.UTF8.GetBytes("centres/"), 0xED, 0xA0, 0x80],                           // a lone surrogate, UTF-8 encoded
        3 => Encoding.UTF8.GetBytes("centres/../../etc/passwd\0\u202E"),
        4 => Encoding.UTF8.GetBytes("'; DROP TABLE centres; -- {\"$where\": \"1\"} $.Name"),
        5 => Encoding.UTF8.GetBytes("centres/" + new string('9', 5000)),
        6 => Encoding.UTF8.GetBytes("\u0000\u0001\u0007\u001b[2J\r\n"),
        7 => Encoding.UTF8.GetBytes("SW1A 1AA"),
        _ => RandomBytes(random, random.Next(0, 300)),
    };
}
