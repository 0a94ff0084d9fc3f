namespace Contact.Server.Domain.Concerns;

// Same numbers as contact.v1.ConcernStatus.

public enum ConcernStatus { Unspecified = 0, Raised = 1, UnderReview = 2, NacccAlerted = 3, NacccResponded = 4, AccreditationEncouraged = 5, Resolved = 6, NoFurtherAction = 7 }
