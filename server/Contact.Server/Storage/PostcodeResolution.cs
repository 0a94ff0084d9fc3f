namespace Contact.Server.Storage;

/// <summary>How a postcode was resolved.</summary>
public enum PostcodeResolution { Postcode, DistrictCentroid }
