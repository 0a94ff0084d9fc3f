using Contact.Server.Domain.Common;
using Contact.Server.Services;

namespace Contact.Tests.Services;

public class PageTokenTests
{
    private static readonly string[] ByKey = ["a", "c", "e", "g"];
    private static readonly string[] NewestFirst = ["g", "a", "e", "c"];

    private static string? After(string token) => PageToken.Decode(token, new Validation());

    [Fact]
    public void Pages_visit_every_item_once_and_the_last_page_has_no_token()
    {
        var (first, next) = PageToken.Page(NewestFirst, s => s, null, 3, orderedByKey: false);
        Assert.Equal(["g", "a", "e"], first);
        var (second, last) = PageToken.Page(NewestFirst, s => s, After(next), 3, orderedByKey: false);
        Assert.Equal(["c"], second);
        Assert.Equal("", last);
    }

    [Fact]
    public void A_token_naming_no_item_pages_on_from_its_key_when_the_list_is_in_key_order()
    {
        var (page, next) = PageToken.Page(ByKey, s => s, "d", 2, orderedByKey: true);
        Assert.Equal(["e", "g"], page);
        Assert.Equal("", next);
    }

    [Fact]
    public void A_token_naming_no_item_is_refused_when_the_list_is_in_another_order()
    {
        var ex = Assert.Throws<RuleViolation>(() => PageToken.Page(NewestFirst, s => s, "d", 2, orderedByKey: false));
        Assert.Equal(RefusalKind.Invalid, ex.Kind);
        Assert.Contains(ex.Fields, f => f.Field == "page_token" && f.Description == "unknown");
    }
}
