using Contact.Client;
using Contact.V1;
using Grpc.Core;

// Finds the nearest centres accredited now for supervised contact (and commissioned by NCT, as
// supervised referrals require: policy 1.4) to a postcode, and prints them.
//
//   dotnet run --project clients/Contact.Client.Sample -- [postcode] [address]
//   with the API key in CONTACT_API_KEY, e.g. the "practitioner" key of data/demo-keys.json.

var postcode = args.ElementAtOrDefault(0) ?? "NG1 5HJ";
var address = args.ElementAtOrDefault(1) ?? "http://127.0.0.1:5080";
var apiKey = Environment.GetEnvironmentVariable("CONTACT_API_KEY");
if (string.IsNullOrEmpty(apiKey))
{
    Console.Error.WriteLine("Set CONTACT_API_KEY to your API key.");
    return 2;
}

if (!Uri.TryCreate(address, UriKind.Absolute, out var server) || server.Scheme is not ("http" or "https"))
{
    Console.Error.WriteLine($"Not a server address: \"{address}\" (e.g. http://127.0.0.1:5080).");
    return 2;
}

using var client = new ContactClient(new ContactClientOptions { Address = server, ApiKey = apiKey });
try
{
    var found = await client.Register.FindNearestCentresAsync(new FindNearestCentresRequest
    {
        Postcode = postcode,
        ContactType = ContactType.Supervised,
        CommissionedOnly = true,
        Limit = 5,
    });
    if (found.OriginResolution == OriginResolution.DistrictCentroid)
        Console.WriteLine($"(measured from the centre of the {postcode.Split(' ')[0]} district)");
    if (found.Results.Count == 0) Console.WriteLine($"No supervised centre within reach of {postcode}.");
    foreach (var r in found.Results)
    {
        var wait = r.WaitingTime is { } w ? $"about {w.Weeks} weeks' wait" : "waiting time not known";
        Console.WriteLine($"{r.DistanceMiles,6:0.0} mi  {r.Summary.DisplayName} ({r.Summary.Town}), {wait}");
    }
    return 0;
}
catch (RpcException ex)
{
    // Refusals carry the reason, the clause of the policy or MOU and the fields at fault.
    var error = ex.ToContactError();
    Console.Error.WriteLine($"Refused: {error}");
    foreach (var field in error.Fields) Console.Error.WriteLine($"  {field.Field}: {field.Description}");
    return ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded ? 3 : 1;
}
