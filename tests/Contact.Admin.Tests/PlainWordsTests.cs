using Contact.Client;
using Grpc.Core;

namespace Contact.Admin.Tests;

/// <summary>Refusals read as words: a clause printed once, no enum names.</summary>
public sealed class PlainWordsTests
{
    /// <summary>An enum value's name as a wire token (NOT_ACCREDITED, CENTRE_BASED): never on a screen.</summary>
    public const string EnumToken = @"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b";

    [Fact]
    public void A_clause_the_message_ends_with_is_named_once_in_front()
    {
        var words = Words.Refusal(new ContactError(StatusCode.FailedPrecondition,
            "Awarding £7,000.00 would exceed the 2026-27 budget (MOU 2.4.2)", null, "MOU 2.4.2", []));
        Assert.Equal("Refused under MOU 2.4.2: Awarding £7,000.00 would exceed the 2026-27 budget", words);
    }

    [Fact]
    public void A_clause_the_message_cites_within_is_not_put_in_front_again()
    {
        var words = Words.Refusal(new ContactError(StatusCode.InvalidArgument, "Under MOU 2.3.4 the case is not valid", null, "MOU 2.3.4",
            [new FieldViolation("case.allocated_fca", "is required for an open case")]));
        Assert.Equal(1, words.Split("MOU 2.3.4").Length - 1);
        Assert.StartsWith("Not accepted: Under MOU 2.3.4", words);
    }

    [Fact]
    public void A_clause_the_message_does_not_cite_is_named_once_in_front()
    {
        var words = Words.Refusal(new ContactError(StatusCode.FailedPrecondition, "The round closed on 2027-03-31", null, "MOU 2.4.2", []));
        Assert.Equal("Refused under MOU 2.4.2: The round closed on 2027-03-31", words);
    }

    [Fact]
    public void Enum_names_in_a_refusal_read_as_words()
    {
        var words = Words.Refusal(new ContactError(StatusCode.InvalidArgument, "The centre is not valid", null, null,
            [new FieldViolation("centre.setting", "must be CENTRE_BASED or COMMUNITY"), new FieldViolation("status", "is NOT_ACCREDITED")]));
        Assert.DoesNotMatch(EnumToken, words);
        Assert.Contains("must be centre based or COMMUNITY", words);
        Assert.Contains("not accredited", words);
    }
}
