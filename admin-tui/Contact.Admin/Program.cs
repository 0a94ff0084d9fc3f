using Contact.Admin;
using Contact.Client;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

// The NCT console. It reaches the register only through the API (the C# SDK) with an NCT key.
AdminSettings settings;
try
{
    settings = AdminSettings.Resolve(args, Environment.GetEnvironmentVariable,
        [Path.Combine(Environment.CurrentDirectory, "appsettings.json"), Path.Combine(AppContext.BaseDirectory, "appsettings.json")]);
}
catch (Exception ex) when (ex is SettingsException or IOException or System.Text.Json.JsonException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(AdminSettings.Usage);
    return 2;
}

using var client = new ContactClient(new ContactClientOptions { Address = settings.Address, ApiKey = settings.ApiKey });
using IApplication app = Application.Create().Init();
using var main = new MainWindow(app, client, settings.Address);
main.Start();
app.Run(main);
main.StopLive();
return 0;
