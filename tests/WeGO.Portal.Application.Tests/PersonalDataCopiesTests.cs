using WeGO.Portal.Application.Privacy;

namespace WeGO.Portal.Application.Tests;

/// <summary>Which texts count as holding an erased value: the whole value, never a longer name or address that
/// happens to contain it; a Korean name with its particles still counts.</summary>
public sealed class PersonalDataCopiesTests
{
    [Theory]
    [InlineData("Dear Ana García, thank you.", "Ana García", true)]
    [InlineData("Contact: <ana.garcia@example.org>", "ana.garcia@example.org", true)]
    [InlineData("Contact: hana.garcia@example.org", "ana.garcia@example.org", false)]
    [InlineData("Contact: ANA.GARCIA@EXAMPLE.ORG.", "ana.garcia@example.org", true)]
    [InlineData("Person 10 and Person 11", "Person 1", false)]
    [InlineData("Person 10 and Person 1.", "Person 1", true)]
    [InlineData("김민지님께 안내드립니다.", "김민지", true)]
    [InlineData("+60 6 761 3111", "+60 6 761 31", false)]
    public void A_value_counts_only_as_a_whole(string text, string value, bool mentioned)
    {
        Assert.Equal(mentioned, PersonalDataCopies.Mentions(text, value));
    }

    [Fact]
    public void Scrubbing_replaces_only_the_values_that_mention_the_person()
    {
        var changes = """{"FullName":"Person 1","Organization":"Person 10 Council","Title":["Mayor","Person 1"]}""";

        var scrubbed = PersonalDataCopies.Scrub(changes, ["Person 1"]);

        Assert.Equal(
            """{"FullName":"(erased)","Organization":"Person 10 Council","Title":["Mayor","(erased)"]}""",
            scrubbed
        );
        Assert.Null(PersonalDataCopies.Scrub(changes, ["Someone Else"]));
    }
}
