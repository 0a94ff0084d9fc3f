namespace Contact.Server.Domain.Register;

public sealed record OpeningSession(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);
