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
}
