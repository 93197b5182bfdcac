using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>The programme over HTTP: staff fill it in and send it from the visit's page, and the delegation's contact
/// opens the delegation page at the link in the mail, without signing in, in the contact's language. Each test has a
/// confirmed Seremban visit of its own on 7 October 2030.</summary>
public sealed partial class DelegationPageTests : IClassFixture<PortalFactory>
{
    private const string Address = "Seoul Global Center, 38 Jong-ro, Jongno-gu, Seoul";

    private readonly PortalFactory portal;

    public DelegationPageTests(PortalFactory portal)
    {
        this.portal = portal.Start();
    }

    [Fact]
    public async Task Staff_fill_in_and_send_the_programme_and_the_visit_page_says_what_changed_since()
    {
        var id = await ConfirmedVisitAsync();
        var staff = await PortalClient.NewStaffSignedInAsync(portal, Roles.SecretariatStaff);
        var contact = NewContactEmail();

        using var saved = await staff.PostFormAsync($"/Visits/Programme/{id}", ProgrammeFields(contact, "es"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var details = await staff.GetPageAsync($"/Visits/Details/{id}");
        Assert.Contains(WebUtility.HtmlEncode(Address), details, StringComparison.Ordinal);
        Assert.Contains("Send the programme to the delegation", details, StringComparison.Ordinal);

        using var sent = await SendFromVisitPageAsync(staff, id);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var mail = Assert.Single(await MailsToAsync(contact));
        Assert.Equal($"visit-{id}.ics", mail.AttachmentName);
        Assert.DoesNotContain("The programme changed since", await staff.GetPageAsync($"/Visits/Details/{id}"));

        await AddAgendaItemAsync(id, new TimeOnly(11, 0), "Questions and answers");
        details = await staff.GetPageAsync($"/Visits/Details/{id}");
        Assert.Contains("The programme changed since it was sent on", details, StringComparison.Ordinal);
        Assert.Contains("<li>The agenda</li>", details, StringComparison.Ordinal);
        Assert.Contains("Send the updated programme", details, StringComparison.Ordinal);

        using var update = await SendFromVisitPageAsync(staff, id);
        Assert.Equal(HttpStatusCode.Redirect, update.StatusCode);
        var updated = (await MailsToAsync(contact)).OrderBy(m => m.Id).Last();
        Assert.StartsWith("Programa actualizado", updated.Subject, StringComparison.Ordinal);
        Assert.Contains("El programa ha cambiado desde que lo enviamos", updated.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_link_shows_the_programme_in_the_contacts_language_and_a_wrong_one_shows_nothing()
    {
        var (_, token) = await SentProgrammeAsync("es");
        var visitor = PortalClient.For(portal, "en");

        using var response = await visitor.GetAsync($"/delegation/{token}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Visita de Seremban City Council", page, StringComparison.Ordinal);
        Assert.Contains("7 de octubre de 2030, 10:00–12:00 (Asia/Seoul, UTC+09:00)", page, StringComparison.Ordinal);
        Assert.Contains(
            "https://www.openstreetmap.org/search?query=Seoul%20Global%20Center%2C%2038%20Jong-ro",
            page,
            StringComparison.Ordinal
        );
        Assert.Contains("Palabras de bienvenida", page, StringComparison.Ordinal);
        Assert.Contains("Delegación (0)", page, StringComparison.Ordinal);

        // The roster form says, in the contact's language, what is kept and for how long (the default settings).
        Assert.Contains("Sus datos en este formulario", page, StringComparison.Ordinal);
        Assert.Contains("Se eliminan 30 días después de la visita.", page, StringComparison.Ordinal);
        Assert.Contains("Se borran 365 días después de la visita.", page, StringComparison.Ordinal);

        using var wrong = await visitor.GetAsync($"/delegation/{PrivateLinkLike(token)}");
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        using var malformed = await visitor.GetAsync("/delegation/not-a-token");
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
    }

    [Fact]
    public async Task Before_the_deadline_the_contacts_delegate_joins_the_roster()
    {
        var (id, token) = await SentProgrammeAsync("en");
        var visitor = PortalClient.For(portal);

        using var added = await visitor.PostFormAsync(
            $"/delegation/{token}",
            DelegateFields("Lee Kai Yet", "Dato'"),
            $"/delegation/{token}?handler=Save"
        );

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = WebUtility.HtmlDecode(await visitor.GetPageAsync($"/delegation/{token}"));
        Assert.Contains("Dato' Lee Kai Yet", page, StringComparison.Ordinal);
        var roster = await portal.SendAsync(new GetRoster.Query(id));
        Assert.Equal(["Lee Kai Yet"], roster!.Members.Select(m => m.FullName));
    }

    [Fact]
    public async Task After_the_deadline_the_roster_is_read_only_and_a_post_is_refused_with_the_message()
    {
        var (id, token) = await SentProgrammeAsync("es");
        var visitor = PortalClient.For(portal);
        var form = await visitor.GetPageAsync($"/delegation/{token}");
        await portal.SendAsync(
            new EditProgramme.Command
            {
                VisitId = id,
                Version = await VersionAsync(id),
                VenueAddress = Address,
                ContactName = "Aminah Yusof",
                ContactEmail = NewContactEmail(),
                ContactLanguage = "es",
                RosterDeadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)),
            }
        );

        // The form was opened before the deadline passed; its post arrives after.
        var antiforgery = PortalClient.AntiforgeryToken(form)!;
        using var content = new FormUrlEncodedContent(
            DelegateFields("Late Delegate", null).Append(new("__RequestVerificationToken", antiforgery))
        );
        using var refused = await visitor.Http.PostAsync(
            new Uri($"/delegation/{token}?handler=Save", UriKind.Relative),
            content
        );

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("La lista ya no se puede modificar aquí", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"save-delegate\"", page, StringComparison.Ordinal);
        Assert.Empty((await portal.SendAsync(new GetRoster.Query(id)))!.Members);
        var readOnly = WebUtility.HtmlDecode(await visitor.GetPageAsync($"/delegation/{token}"));
        Assert.Contains("La lista ya no se puede modificar aquí", readOnly, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posts_beyond_the_delegation_pages_own_limit_get_429_and_store_nothing()
    {
        using var limited = new PortalFactory();
        limited.Settings["Portal:Delegations:RateLimit:PermitLimit"] = "1";
        limited.Start();
        var (id, token) = await new DelegationPageTests(limited).SentProgrammeAsync("en");
        var visitor = PortalClient.For(limited);

        using var first = await visitor.PostFormAsync(
            $"/delegation/{token}",
            DelegateFields("Lee Kai Yet", null),
            $"/delegation/{token}?handler=Save"
        );
        using var second = await visitor.PostFormAsync(
            $"/delegation/{token}",
            DelegateFields("Aminah Yusof", null),
            $"/delegation/{token}?handler=Save"
        );

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        var roster = await limited.SendAsync(new GetRoster.Query(id));
        Assert.Equal(["Lee Kai Yet"], roster!.Members.Select(m => m.FullName));
        using var reading = await visitor.GetAsync($"/delegation/{token}");
        Assert.Equal(HttpStatusCode.OK, reading.StatusCode);
    }

    private async Task<int> ConfirmedVisitAsync()
    {
        var id = await portal.ScheduleVisitAsync(c => c with { Date = new DateOnly(2030, 10, 7) });
        await portal.SendAsync(new ConfirmVisit.Command(id, 0));
        return id;
    }

    /// <summary>A confirmed visit with an agenda item whose programme went to a contact writing in
    /// <paramref name="language"/>, and the token of the delegation page's link in that mail.</summary>
    private async Task<(int Id, string Token)> SentProgrammeAsync(string language)
    {
        var id = await ConfirmedVisitAsync();
        await AddAgendaItemAsync(id, new TimeOnly(10, 0), "Palabras de bienvenida");
        var contact = NewContactEmail();
        await portal.SendAsync(
            new EditProgramme.Command
            {
                VisitId = id,
                Version = await VersionAsync(id),
                VenueAddress = Address,
                ContactName = "Aminah Yusof",
                ContactEmail = contact,
                ContactLanguage = language,
            }
        );
        await portal.SendAsync(new SendProgramme.Command(id, await VersionAsync(id)));
        var mail = Assert.Single(await MailsToAsync(contact));
        return (id, DelegationLink().Match(mail.Body).Groups[1].Value);
    }

    private async Task AddAgendaItemAsync(int id, TimeOnly start, string title) =>
        await portal.SendAsync(
            new AddAgendaItem.Command
            {
                VisitId = id,
                Version = await VersionAsync(id),
                StartsAt = start,
                Title = title,
            }
        );

    private async Task<int> VersionAsync(int id) => (await portal.SendAsync(new GetProgramme.Query(id)))!.Version;

    private async Task<HttpResponseMessage> SendFromVisitPageAsync(PortalClient staff, int id) =>
        await staff.PostFormAsync(
            $"/Visits/Details/{id}",
            [new("version", (await VersionAsync(id)).ToString(System.Globalization.CultureInfo.InvariantCulture))],
            $"/Visits/Programme/{id}?handler=Send"
        );

    private static KeyValuePair<string, string>[] ProgrammeFields(string contact, string language) =>
        [
            new("Input.Version", "1"),
            new("Input.VenueAddress", Address),
            new("Input.DayContacts", "Ms Aminah, +60 12 345 6789"),
            new("Input.ContactName", "Aminah Yusof"),
            new("Input.ContactEmail", contact),
            new("Input.ContactLanguage", language),
            new("Input.RosterDeadline", "2030-10-03"),
        ];

    private static KeyValuePair<string, string>[] DelegateFields(string name, string? honorific) =>
        [
            new("Input.Honorific", honorific ?? ""),
            new("Input.FullName", name),
            new("Input.Role", nameof(DelegationRole.HeadOfDelegation)),
            new("Input.Organization", "Seremban City Council"),
            new("Input.InterpretationNeeds", "Malay to English"),
            new("Input.DietaryNeeds", "Halal"),
        ];

    private static string NewContactEmail() => $"{TestData.Unique("contact").Replace(' ', '-')}@mbs.gov.my";

    /// <summary>A well-formed token that is not <paramref name="token"/>.</summary>
    private static string PrivateLinkLike(string token) => (token[0] == 'A' ? "B" : "A") + token[1..];

    private Task<List<Domain.Common.OutboxMessage>> MailsToAsync(string email) =>
        portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == email).ToListAsync());

    [GeneratedRegex("/delegation/([A-Za-z0-9_-]{43})")]
    private static partial Regex DelegationLink();
}
