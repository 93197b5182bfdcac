using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Application.VisitRequests;
using WeGO.Portal.Application.Visits;

namespace WeGO.Portal.Application.Privacy;

/// <summary>Every place the portal keeps a person's data, as the privacy notice and the public forms name them.
/// </summary>
public enum PersonalDataStore
{
    Inquiries = 1,
    Applications = 2,
    VisitRequests = 3,
    DelegationContacts = 4,
    Roster = 5,
    DelegateNeeds = 6,
    OrganizationContacts = 7,
    SentMail = 8,
    History = 9,
    Logs = 10,
    StaffAccounts = 11,
}

/// <summary>How long each store keeps a person's data, read from the settings the retention runs obey, so what the
/// notice and the forms promise is what the portal does.</summary>
public sealed class PersonalDataStores(
    IOptions<InquirySettings> inquiries,
    IOptions<VisitRequestSettings> visitRequests,
    IOptions<DelegationSettings> delegations,
    IOptions<MailSettings> mail,
    IOptions<LogSettings> logs
)
{
    /// <summary>The days after which the store erases a person's data on its own; null when it keeps it while its
    /// purpose lasts (a member's contacts, the roster's names, the history) or when the setting is 0 (kept until
    /// someone asks).</summary>
    public int? RetentionDays(PersonalDataStore store) =>
        store switch
        {
            PersonalDataStore.Inquiries or PersonalDataStore.Applications => Limit(inquiries.Value.RetentionDays),
            PersonalDataStore.VisitRequests => Limit(visitRequests.Value.RetentionDays),
            PersonalDataStore.DelegationContacts => Limit(delegations.Value.ContactRetentionDays),
            PersonalDataStore.DelegateNeeds => Limit(delegations.Value.NeedsRetentionDays),
            PersonalDataStore.SentMail => Limit(mail.Value.SentRetentionDays),
            PersonalDataStore.Logs => Limit(logs.Value.RetentionDays),
            _ => null,
        };

    /// <summary>Whether the store has a time limit at all (a store without one keeps the data while its purpose lasts).
    /// </summary>
    public static bool HasTimeLimit(PersonalDataStore store) =>
        store
            is not (
                PersonalDataStore.Roster
                or PersonalDataStore.OrganizationContacts
                or PersonalDataStore.History
                or PersonalDataStore.StaffAccounts
            );

    private static int? Limit(int days) => days > 0 ? days : null;
}
