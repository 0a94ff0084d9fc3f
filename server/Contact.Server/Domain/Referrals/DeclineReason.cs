namespace Contact.Server.Domain.Referrals;

// Same numbers as its contact.v1 counterpart (mapped by value).

public enum DeclineReason { Unspecified = 0, NoCapacity = 1, ServiceNotSuitable = 2, OutsideArea = 3, RiskTooHigh = 4, FamilyDidNotEngage = 5, Other = 6 }
