namespace Contact.Admin;

/// <summary>A configuration problem, told to the operator in words.</summary>
public sealed class SettingsException(string message) : Exception(message);
