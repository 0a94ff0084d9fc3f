namespace Contact.Server.Security;

public enum RetentionAction { Purge, Anonymise }
