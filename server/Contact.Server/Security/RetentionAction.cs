using Contact.Server.Storage;
using LiteDB;

namespace Contact.Server.Security;

public enum RetentionAction { Purge, Anonymise }
