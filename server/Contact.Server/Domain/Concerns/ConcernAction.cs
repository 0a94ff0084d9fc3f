namespace Contact.Server.Domain.Concerns;

// Same numbers as contact.v1.ConcernAction.

public enum ConcernAction { Unspecified = 0, StartReview = 1, AlertNaccc = 2, RecordNacccResponse = 3, EncourageAccreditation = 4, LinkCentre = 5, AddNote = 6, Resolve = 7, CloseNoFurtherAction = 8 }
