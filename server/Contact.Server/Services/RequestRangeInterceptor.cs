using Contact.Server.Domain.Common;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Contact.Server.Services;

/// <summary>
/// The one range check every request passes before a service reads it, driven by the message
/// descriptors so that no field is forgotten: timestamps and durations inside protobuf's ranges,
/// dates that are real calendar dates (google.type.Date), enum numbers the contract defines, and
/// finite floating-point numbers. A value out of range is INVALID_ARGUMENT naming its field, never
/// an INTERNAL from a conversion deep in a service. Rules that depend on meaning (a page size, a
/// date in the future) stay with the services.
/// </summary>
public sealed class RequestRangeInterceptor : CallCheckInterceptor
{
    // Requests that arrive as a stream (ImportPostcodes) are not checked here: the service reads each one itself.
    protected override void Check(object? request, ServerCallContext context)
    {
        if (request is not IMessage message) return;
        var v = new Validation();
        Walk(message, "", v, 0);
        if (v.ToViolation() is { } violation) throw ErrorMapper.ToRpcException(violation);
    }

    // Timestamp: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z; Duration: about ±10,000 years (protobuf's own bounds).
    private const long MinTimestampSeconds = -62_135_596_800, MaxTimestampSeconds = 253_402_300_799;
    private const long MaxDurationSeconds = 315_576_000_000;
    private const int MaxDepth = 32;

    /// <summary>Checks every set field of <paramref name="message"/>; public for the service tests of the rule.</summary>
    public static void Walk(IMessage message, string path, Validation v, int depth)
    {
        if (depth > MaxDepth) return;
        switch (message.Descriptor.FullName)
        {
            case "google.protobuf.Timestamp":
                var ts = (Google.Protobuf.WellKnownTypes.Timestamp)message;
                v.Require(ts.Seconds is >= MinTimestampSeconds and <= MaxTimestampSeconds && ts.Nanos is >= 0 and <= 999_999_999,
                    Name(path), "is not a valid time (seconds from 0001-01-01 to 9999-12-31 UTC, nanos 0 to 999,999,999)");
                return;
            case "google.protobuf.Duration":
                var d = (Google.Protobuf.WellKnownTypes.Duration)message;
                v.Require(d.Seconds is >= -MaxDurationSeconds and <= MaxDurationSeconds && d.Nanos is > -1_000_000_000 and < 1_000_000_000
                    && (d.Seconds == 0 || d.Nanos == 0 || (d.Seconds > 0) == (d.Nanos > 0)), Name(path), "is not a valid duration");
                return;
            case "google.type.Date":
                var date = (Google.Type.Date)message;
                v.Require(date.Year is >= 1 and <= 9999 && date.Month is >= 1 and <= 12 && date.Day >= 1 && date.Day <= DateTime.DaysInMonth(Math.Clamp(date.Year, 1, 9999), Math.Clamp(date.Month, 1, 12)),
                    Name(path), "is not a date: give a real year (1-9999), month and day, or leave it unset");
                return;
        }
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var name = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                if (value is System.Collections.IDictionary map && field.MessageType.FindFieldByNumber(2) is { } valueField)
                    foreach (System.Collections.DictionaryEntry entry in map) Value(valueField, entry.Value, $"{name}[{entry.Key}]", v, depth);
            }
            else if (field.IsRepeated)
            {
                var i = 0;
                foreach (var item in (System.Collections.IList)value) Value(field, item, $"{name}[{i++}]", v, depth);
            }
            else if (value is not null)
            {
                Value(field, value, name, v, depth);
            }
        }
    }

    private static void Value(FieldDescriptor field, object? value, string name, Validation v, int depth)
    {
        switch (field.FieldType)
        {
            case FieldType.Enum:
                var number = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
                v.Require(field.EnumType.FindValueByNumber(number) is not null, name, $"{number} is not one of the values of {field.EnumType.Name}");
                break;
            case FieldType.Double:
                v.Require(double.IsFinite((double)value!), name, "must be a finite number");
                break;
            case FieldType.Float:
                v.Require(float.IsFinite((float)value!), name, "must be a finite number");
                break;
            case FieldType.Message or FieldType.Group when value is IMessage nested:
                Walk(nested, name, v, depth + 1);
                break;
        }
    }

    private static string Name(string path) => path.Length == 0 ? "request" : path;
}
