namespace Contact.Tests.Load;

public class FuzzTests
{
    [Fact]
    public async Task Every_RPC_fed_hostile_input_answers_a_client_error_stays_up_and_stores_nothing()
    {
        // Bounded form of `dotnet run --project benchmarks/Contact.Load -c Release -- fuzz --rounds 200`.
        var report = await Fuzz.RunAsync(rounds: 4, seed: 7);
        Assert.True(report.Methods >= 15, report.ToString());
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public async Task Every_field_of_every_request_with_each_hostile_value_as_every_allowed_role_never_answers_INTERNAL_or_UNKNOWN()
    {
        // Same as `dotnet run --project benchmarks/Contact.Load -c Release -- fuzz-fields`.
        var log = new StringWriter();
        var report = await Fuzz.FieldsAsync(log);
        Console.WriteLine(log);
        Console.WriteLine(report);
        Assert.True(report.Calls > 1_000, report.ToString());
        Assert.True(report.Passed, report.ToString());
    }
}
