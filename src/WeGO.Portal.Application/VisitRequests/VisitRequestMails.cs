using WeGO.Portal.Application.Common;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.VisitRequests;

/// <summary>The mails a visit request's steps write to the outbox. Every template to the city starts with the same
/// four values ({0} contact, {1} organisation, {2} reference, {3} signature) and every one to the Secretariat with its
/// three ({0} reference, {1} organisation, {2} the request's page); a step adds its own after them.</summary>
public static class VisitRequestMails
{
    /// <summary>To the city's contact, in the language they chose on the form.</summary>
    public static OutboxMessage ToCity(VisitRequest request, string template, DateTime nowUtc, params object?[] more) =>
        Emails.Compose(
            request.Email,
            template,
            request.PreferredLanguage,
            nowUtc,
            [
                request.ContactName,
                request.OrganizationName,
                request.Reference,
                Emails.Text("Signature", request.PreferredLanguage),
                .. more,
            ]
        );

    /// <summary>To the Secretariat's inbox, in English, with the link to the request's page.</summary>
    public static OutboxMessage ToSecretariat(
        MailSettings mail,
        VisitRequest request,
        string template,
        DateTime nowUtc,
        params object?[] more
    ) =>
        Emails.Compose(
            mail.SecretariatAddress,
            template,
            "en",
            nowUtc,
            [request.Reference, request.OrganizationName, StaffPage(mail, request.Reference), .. more]
        );

    /// <summary>The request's page for staff, by reference (the id is not known before the first save).</summary>
    public static string StaffPage(MailSettings mail, string reference) =>
        $"{mail.PublicUrl.ToString().TrimEnd('/')}/VisitRequests/Details/{Uri.EscapeDataString(reference)}";

    /// <summary>The city's private status page.</summary>
    public static string StatusPage(MailSettings mail, string token) =>
        $"{mail.PublicUrl.ToString().TrimEnd('/')}/VisitRequests/Status/{token}";
}
