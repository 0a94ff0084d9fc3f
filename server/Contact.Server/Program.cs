using Contact.Server.Hosting;

// Contact server: the register of accredited child contact centres, referrals and safe
// information sharing between Cafcass and NACCC, over gRPC.
//
//   dotnet run --project server/Contact.Server -- [--demo]           serve (default 127.0.0.1:5080, h2c)
//   dotnet run --project server/Contact.Server -- bootstrap-key NAME issue the first NCT key of a new store

var (command, rest) = Commands.Split(args);
var builder = WebApplication.CreateBuilder(rest);
builder.Services.AddContact(builder.Configuration);

if (command is not null)
    return await Commands.RunAsync(command, builder, rest);

var app = builder.Build();
app.MapContact();
await app.RunAsync();
return 0;
