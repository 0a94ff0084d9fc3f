using Contact.Server.Hosting;
using Contact.Server.OpenApi;

// Contact server: the register of accredited child contact centres, referrals and safe
// information sharing between Cafcass and NACCC, over gRPC.
//
//   dotnet run --project server/Contact.Server -- [--demo]           serve (default 127.0.0.1:5080, h2c)
//   dotnet run --project server/Contact.Server -- bootstrap-key NAME issue the first NCT key of a new store
//   ... -- verify-audit                  check the audit chain of a stopped server's store
//   ... -- backup [SERVER-URL]            ask a running server for an online backup (NCT key in CONTACT_API_KEY)
//   ... -- restore FILE                   put a backup in place of a stopped server's store
//   ... -- openapi [SERVER-URL]           print the OpenAPI description of the HTTP routes (CI lints it)

var (command, operands, rest) = Commands.Split(args);
// Settings (appsettings.json) come from beside the program, wherever it is started from; relative
// paths such as the data directory are from the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = rest, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddContact(builder.Configuration);

if (command == "openapi")
    return OpenApiDescription.Print(builder, operands.FirstOrDefault());
if (command is not null)
    return await Commands.RunAsync(command, operands, builder);

if (ListenerGuard.Refusal(builder.Configuration) is { } refusal)
{
    Console.Error.WriteLine(refusal);
    return 1;
}

var app = builder.Build();
app.MapContact();
await app.RunAsync();
return 0;
