using Contact.Server.OpenReferral;
using Contact.Server.Storage;

namespace Contact.Server.Hosting;

/// <summary>The server's options, bound from the "Contact" configuration section.</summary>
public sealed class ContactOptions
{
    public StoreOptions Storage { get; set; } = new();
    public SecretsOptions Secrets { get; set; } = new();
    /// <summary>Load the synthetic demo register and issue demo keys on first start.</summary>
    public bool Demo { get; set; }
    /// <summary>How often the lapse job looks for accreditations past their renewal date.</summary>
    public int LapseCheckSeconds { get; set; } = 60;
    /// <summary>The open Open Referral UK feed of the accredited register.</summary>
    public OpenReferralOptions OpenReferral { get; set; } = new();
    /// <summary>Add a Server-Timing trailer with the handler's duration to unary calls (benchmarks).</summary>
    public bool ServerTiming { get; set; }
    /// <summary>How often the background health probe reads the store; health checks answer from its last result.</summary>
    public int HealthProbeSeconds { get; set; } = 5;
}
