namespace Contact.Server.Domain.Register;

/// <summary>Which centre fields an update may change, and copying them under a field mask.</summary>
public static class CentreEditing
{
    /// <summary>The update mask paths UpdateCentre accepts (proto field names).</summary>
    public static readonly IReadOnlyList<string> UpdatablePaths =
    [
        "display_name", "organisation", "setting", "contact_types", "address", "location",
        "region", "opening_sessions", "contact_details", "commissioning",
    ];

    public static void ApplyMask(Centre from, Centre to, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            switch (path)
            {
                case "display_name": to.DisplayName = from.DisplayName; break;
                case "organisation": to.OrganisationName = from.OrganisationName; to.CharityNumber = from.CharityNumber; break;
                case "setting": to.Setting = from.Setting; break;
                case "contact_types": to.ContactTypes = [.. from.ContactTypes]; break;
                case "address": to.AddressLines = [.. from.AddressLines]; to.Town = from.Town; to.Postcode = from.Postcode; break;
                case "location": to.Latitude = from.Latitude; to.Longitude = from.Longitude; break;
                case "region": to.Region = from.Region; break;
                case "opening_sessions": to.OpeningSessions = [.. from.OpeningSessions]; break;
                case "contact_details": to.Phone = from.Phone; to.Email = from.Email; to.Website = from.Website; break;
                case "commissioning":
                    to.ContractReference = from.ContractReference;
                    to.CommissionStart = from.CommissionStart;
                    to.CommissionEnd = from.CommissionEnd;
                    break;
                default: throw new ArgumentException($"'{path}' is not an updatable path", nameof(paths));
            }
        }
    }

    /// <summary>Copies every updatable field (an import row replacing a centre's details).</summary>
    public static void CopyDetails(Centre from, Centre to) => ApplyMask(from, to, UpdatablePaths);
}
