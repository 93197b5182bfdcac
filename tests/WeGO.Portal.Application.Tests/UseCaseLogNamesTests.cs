using WeGO.Portal.Application.Common.Behaviors;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Application.Visits;

namespace WeGO.Portal.Application.Tests;

/// <summary>The log names a use case by its file's name; a second message of the same use case (retention's search
/// before its batch, a form's choices) is told apart from the first.</summary>
public sealed class UseCaseLogNamesTests
{
    [Fact]
    public void A_use_case_s_query_or_command_goes_by_the_use_case_and_any_other_message_by_both_names()
    {
        Assert.Equal("ListVisits", LoggingBehavior.UseCaseOf(typeof(ListVisits.Query)));
        Assert.Equal("ForgetDelegationContacts", LoggingBehavior.UseCaseOf(typeof(ForgetDelegationContacts.Command)));
        Assert.Equal(
            "ForgetDelegationContacts.SearchCopies",
            LoggingBehavior.UseCaseOf(typeof(ForgetDelegationContacts.SearchCopies))
        );
        Assert.Equal("StartApplication.ChoicesQuery", LoggingBehavior.UseCaseOf(typeof(StartApplication.ChoicesQuery)));
    }
}
