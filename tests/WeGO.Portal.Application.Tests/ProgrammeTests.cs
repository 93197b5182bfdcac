using System.Text.RegularExpressions;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Infrastructure.Mail;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>The programme to the delegation and the delegation page, through the real pipeline: each test has a
/// Seremban visit of its own (7 October 2024, 10:00-12:00 in Seoul), a week before it.</summary>
public sealed partial class ProgrammeTests : IClassFixture<ProgrammeTests.Portal>
{
    private static readonly DateTimeOffset WeekBefore = new(2024, 9, 30, 0, 0, 0, TimeSpan.Zero);

    private const string Address = "Seoul Global Center, 38 Jong-ro, Jongno-gu, Seoul";

    private readonly ClockedPortal portal;

    public ProgrammeTests(Portal fixture)
    {
        portal = fixture.Host;
        portal.Clock.Now = WeekBefore;
    }

    /// <summary>One portal for the class. Its tests never run in parallel, so each sets the clock at its start.
    /// </summary>
    public sealed class Portal : IDisposable
    {
        internal ClockedPortal Host { get; } = (ClockedPortal)new ClockedPortal(new FixedClock(WeekBefore)).Start();

        public void Dispose() => Host.Dispose();
    }

    [Fact]
    public async Task Sending_writes_one_mail_in_the_contacts_language_with_venue_time_map_agenda_and_the_ics()
    {
        var (id, contact) = await ConfirmedVisitWithContactAsync("es");
        await AddAgendaItemAsync(id, new TimeOnly(10, 0), "Palabras de bienvenida", "Jeong-kee Kim");
        await AddAgendaItemAsync(id, new TimeOnly(10, 30), "Presentación de WeGO", "Lii Inn Tan");

        var sent = await SendAsync(id);

        Assert.Equal(contact, sent.To);
        Assert.Empty(sent.Changes);
        var mail = Assert.Single(await MailsToAsync(contact));
        Assert.Equal("es", mail.Language);
        Assert.StartsWith("Programa de la visita de Seremban", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("10:00–12:00 (Asia/Seoul, UTC+09:00)", mail.Body, StringComparison.Ordinal);
        Assert.Contains("7 de octubre de 2024", mail.Body, StringComparison.Ordinal);
        Assert.Contains(
            "https://www.openstreetmap.org/search?query=Seoul%20Global%20Center%2C%2038%20Jong-ro%2C%20Jongno-gu",
            mail.Body,
            StringComparison.Ordinal
        );
        var welcome = mail.Body.IndexOf("- 10:00  Palabras de bienvenida (Jeong-kee Kim)", StringComparison.Ordinal);
        var talk = mail.Body.IndexOf("- 10:30  Presentación de WeGO (Lii Inn Tan)", StringComparison.Ordinal);
        Assert.True(welcome > 0 && talk > welcome, mail.Body);
        Assert.Contains("Ms Aminah, +60 12 345 6789", mail.Body, StringComparison.Ordinal);
        Assert.Matches(DelegationLink(), mail.Body);
        Assert.DoesNotContain("ya no funciona", mail.Body, StringComparison.Ordinal);

        Assert.Equal($"visit-{id}.ics", mail.AttachmentName);
        var calendar = Calendar.Load(mail.AttachmentContent!)!;
        var visit = Assert.Single(calendar.Events);
        Assert.Equal(new DateTime(2024, 10, 7, 1, 0, 0, DateTimeKind.Utc), visit.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2024, 10, 7, 3, 0, 0, DateTimeKind.Utc), visit.DtEnd!.AsUtc);
        Assert.Equal(VenueTime.Seoul, visit.DtStart.TzId);
        Assert.Contains("Presentación de WeGO", visit.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_mail_as_sent_carries_the_ics_as_an_attachment()
    {
        var (id, contact) = await ConfirmedVisitWithContactAsync("ko");
        await SendAsync(id);
        var outbox = Assert.Single(await MailsToAsync(contact));

        var message = OutboxMail.Compose(outbox, new MailSettings());

        var attachment = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal($"visit-{id}.ics", attachment.FileName);
        Assert.Equal("text/calendar", attachment.ContentType.MimeType);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        var calendar = Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!;
        Assert.Single(calendar.Events);
        Assert.Contains("방문 일정", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visit_not_yet_confirmed_or_without_a_contact_sends_nothing()
    {
        var requested = await portal.ScheduleVisitAsync();
        var contact = await NameContactAsync(requested, "en");
        var notConfirmed = await Assert.ThrowsAsync<DomainException>(() => SendAsync(requested));
        Assert.Equal("Visit.ProgrammeNeedsConfirmedVisit", notConfirmed.Code);
        Assert.Empty(await MailsToAsync(contact));

        var noContact = await portal.ScheduleVisitAsync();
        await portal.SendAsync(new ConfirmVisit.Command(noContact, 0));
        var refused = await Assert.ThrowsAsync<DomainException>(() => SendAsync(noContact));
        Assert.Equal("Delegation.ContactRequired", refused.Code);
        var programme = await ProgrammeAsync(noContact);
        Assert.Null(programme.ProgrammeSentAtUtc);
        Assert.False(programme.HasDelegationLink);
    }

    [Fact]
    public async Task An_agenda_edit_and_a_time_change_are_listed_and_the_updated_programme_says_so()
    {
        var (id, contact) = await ConfirmedVisitWithContactAsync("en");
        await AddAgendaItemAsync(id, new TimeOnly(10, 0), "Welcome address", "Jeong-kee Kim");
        var first = await SendAsync(id);
        Assert.Empty((await ProgrammeAsync(id)).ChangesSinceSent);

        await AddAgendaItemAsync(id, new TimeOnly(11, 0), "Questions and answers", null);
        Assert.Equal([ProgrammeChange.Agenda], (await ProgrammeAsync(id)).ChangesSinceSent);

        await MoveAsync(id, new TimeOnly(14, 0), new TimeOnly(16, 0));
        Assert.Equal([ProgrammeChange.Time, ProgrammeChange.Agenda], (await ProgrammeAsync(id)).ChangesSinceSent);

        var update = await SendAsync(id);

        Assert.Equal([ProgrammeChange.Time, ProgrammeChange.Agenda], update.Changes);
        Assert.Empty((await ProgrammeAsync(id)).ChangesSinceSent);
        var mails = await MailsToAsync(contact);
        Assert.Equal(2, mails.Count);
        var updated = mails.OrderBy(m => m.Id).Last();
        Assert.StartsWith("Updated programme", updated.Subject, StringComparison.Ordinal);
        Assert.Contains(
            "The programme has changed since we sent it on 30 September 2024: the date or times, the agenda.",
            updated.Body,
            StringComparison.Ordinal
        );
        Assert.Contains("14:00–16:00 (Asia/Seoul, UTC+09:00)", updated.Body, StringComparison.Ordinal);
        Assert.Contains("which no longer works", updated.Body, StringComparison.Ordinal);
        Assert.NotNull(first);
    }

    /// <summary>The visit page builds its programme from the visit it already read (<see cref="VisitProgramme.Of"/>);
    /// it must show what the programme page reads on its own, field for field, before and after sending and after
    /// a change.</summary>
    [Fact]
    public async Task The_visit_pages_programme_is_the_one_the_programme_page_reads()
    {
        var (id, _) = await ConfirmedVisitWithContactAsync("es", rosterDeadline: new DateOnly(2024, 10, 4));
        await AddAgendaItemAsync(id, new TimeOnly(10, 0), "Palabras de bienvenida", "Jeong-kee Kim");
        await AssertSameAsync();

        await SendAsync(id);
        await AddAgendaItemAsync(id, new TimeOnly(11, 0), "Preguntas", null);
        await AssertSameAsync();

        async Task AssertSameAsync()
        {
            var fromVisit = VisitProgramme.Of((await portal.SendAsync(new GetVisit.Query(id)))!);
            var read = await ProgrammeAsync(id);
            Assert.Equal(
                System.Text.Json.JsonSerializer.Serialize(read),
                System.Text.Json.JsonSerializer.Serialize(fromVisit)
            );
            Assert.NotEmpty(read.Agenda);
        }
    }

    [Fact]
    public async Task The_delegation_link_opens_the_programme_and_a_wrong_replaced_or_expired_link_opens_nothing()
    {
        var (id, contact) = await ConfirmedVisitWithContactAsync("es");
        await SendAsync(id);
        var firstToken = TokenIn(Assert.Single(await MailsToAsync(contact)));

        var page = await PageAsync(firstToken);
        Assert.NotNull(page);
        Assert.Equal(id, page.Programme.VisitId);
        Assert.Equal("es", page.Programme.ContactLanguage);
        Assert.Equal(Address, page.Programme.VenueAddress);
        Assert.True(page.RosterOpen);
        Assert.Null(await PageAsync(PrivateLinks.NewStatusToken()));
        Assert.Null(await PageAsync("not-a-token"));

        await SendAsync(id);
        var secondToken = TokenIn((await MailsToAsync(contact)).OrderBy(m => m.Id).Last());
        Assert.Null(await PageAsync(firstToken));
        Assert.NotNull(await PageAsync(secondToken));

        // DelegationSettings.LinkDaysAfterVisit: 30 days after the visit ends (12:00 Seoul, 03:00 UTC).
        portal.Clock.Now = new DateTimeOffset(2024, 11, 6, 2, 59, 0, TimeSpan.Zero);
        Assert.NotNull(await PageAsync(secondToken));
        portal.Clock.Now = new DateTimeOffset(2024, 11, 6, 3, 0, 0, TimeSpan.Zero);
        Assert.Null(await PageAsync(secondToken));
    }

    [Fact]
    public async Task A_cancelled_visits_link_opens_nothing()
    {
        var (id, contact) = await ConfirmedVisitWithContactAsync("en");
        await SendAsync(id);
        var token = TokenIn(Assert.Single(await MailsToAsync(contact)));
        await portal.SendAsync(
            new CancelVisit.Command
            {
                VisitId = id,
                Version = (await ProgrammeAsync(id)).Version,
                Reason = "Typhoon",
            }
        );

        Assert.Null(await PageAsync(token));
        var refused = await Assert.ThrowsAsync<DomainException>(() => AddOnPageAsync(token, "Aminah Yusof"));
        Assert.Equal("Visit.NotFound", refused.Code);
    }

    [Fact]
    public async Task Before_the_deadline_the_contacts_delegate_is_on_the_roster_and_in_the_history()
    {
        var (id, contact) = await ConfirmedVisitWithContactAsync("en", new DateOnly(2024, 10, 3));
        await SendAsync(id);
        var token = TokenIn(Assert.Single(await MailsToAsync(contact)));

        await AddOnPageAsync(token, "Lee Kai Yet", "Dato'", DelegationRole.HeadOfDelegation, "Malay to English");

        var member = Assert.Single((await PageAsync(token))!.Roster);
        Assert.Equal(
            ("Dato'", "Lee Kai Yet", "Malay to English"),
            (member.Honorific, member.FullName, member.InterpretationNeeds)
        );
        var roster = await portal.SendAsync(new GetRoster.Query(id));
        Assert.Equal(["Lee Kai Yet"], roster!.Members.Select(m => m.FullName));
        var history = (await portal.SendAsync(new GetVisit.Query(id)))!.History;
        Assert.Contains(history, h => h.ActorName == "anonymous" && h.Action == "DelegationMember Added");

        await portal.RunAsAsync(null, null, m => m.Send(new RemoveDelegateOnDelegationPage.Command(token, member.Id)));
        Assert.Empty((await PageAsync(token))!.Roster);
    }

    [Fact]
    public async Task After_the_deadline_a_roster_change_is_refused_and_nothing_is_stored()
    {
        var (id, contact) = await ConfirmedVisitWithContactAsync("en", new DateOnly(2024, 10, 3));
        await SendAsync(id);
        var token = TokenIn(Assert.Single(await MailsToAsync(contact)));
        await AddOnPageAsync(token, "Aminah Yusof");
        var member = Assert.Single((await PageAsync(token))!.Roster);

        // The deadline's day ends at midnight in Seoul: 3 October 15:00 UTC.
        portal.Clock.Now = new DateTimeOffset(2024, 10, 3, 15, 0, 0, TimeSpan.Zero);
        var page = await PageAsync(token);
        Assert.False(page!.RosterOpen);

        var refused = await Assert.ThrowsAsync<DomainException>(() => AddOnPageAsync(token, "Late Delegate"));
        Assert.Equal("Delegation.RosterClosed", refused.Code);
        var removal = await Assert.ThrowsAsync<DomainException>(() =>
            portal.RunAsAsync(null, null, m => m.Send(new RemoveDelegateOnDelegationPage.Command(token, member.Id)))
        );
        Assert.Equal("Delegation.RosterClosed", removal.Code);
        var roster = await portal.SendAsync(new GetRoster.Query(id));
        Assert.Equal(["Aminah Yusof"], roster!.Members.Select(m => m.FullName));
    }

    private async Task<(int Id, string Contact)> ConfirmedVisitWithContactAsync(
        string language,
        DateOnly? rosterDeadline = null
    )
    {
        var id = await portal.ScheduleVisitAsync();
        await portal.SendAsync(new ConfirmVisit.Command(id, 0));
        return (id, await NameContactAsync(id, language, rosterDeadline));
    }

    private async Task<string> NameContactAsync(int id, string language, DateOnly? rosterDeadline = null)
    {
        var email = $"{TestData.Unique("contact").Replace(' ', '-')}@mbs.gov.my";
        await portal.SendAsync(
            new EditProgramme.Command
            {
                VisitId = id,
                Version = (await ProgrammeAsync(id)).Version,
                VenueAddress = Address,
                DayContacts = "Ms Aminah, +60 12 345 6789",
                ContactName = "Aminah Yusof",
                ContactEmail = email,
                ContactLanguage = language,
                RosterDeadline = rosterDeadline,
            }
        );
        return email;
    }

    private async Task<VisitProgramme.Programme> ProgrammeAsync(int id) =>
        (await portal.SendAsync(new GetProgramme.Query(id)))!;

    private async Task<SendProgramme.Result> SendAsync(int id) =>
        await portal.SendAsync(new SendProgramme.Command(id, (await ProgrammeAsync(id)).Version));

    private async Task AddAgendaItemAsync(int id, TimeOnly start, string title, string? speaker) =>
        await portal.SendAsync(
            new AddAgendaItem.Command
            {
                VisitId = id,
                Version = (await ProgrammeAsync(id)).Version,
                StartsAt = start,
                Title = title,
                Speaker = speaker,
            }
        );

    private async Task MoveAsync(int id, TimeOnly start, TimeOnly end)
    {
        var visit = (await portal.SendAsync(new GetVisit.Query(id)))!;
        var date = DateOnly.FromDateTime(VenueTime.ToLocal(visit.Plan.StartsAtUtc, visit.Plan.TimeZoneId));
        var saved = await portal.SendAsync(
            new EditVisit.Command
            {
                VisitId = id,
                Version = visit.Version,
                Purpose = visit.Plan.Purpose,
                Date = date,
                StartTime = start,
                EndTime = end,
                TimeZoneId = visit.Plan.TimeZoneId,
                Venue = visit.Plan.Venue,
                OtherHostName = "Jeong-kee Kim",
                ScheduleDespiteConflicts = true,
            }
        );
        Assert.True(saved.Saved);
    }

    private Task<GetDelegationPage.Page?> PageAsync(string token) =>
        portal.RunAsAsync(null, null, m => m.Send(new GetDelegationPage.Query(token)));

    private Task<Mediator.Unit> AddOnPageAsync(
        string token,
        string name,
        string? honorific = null,
        DelegationRole role = DelegationRole.Delegate,
        string? interpretation = null
    ) => portal.RunAsAsync(null, null, m => m.Send(
                new SaveDelegateOnDelegationPage.Command
                {
                    Token = token,
                    Honorific = honorific,
                    FullName = name,
                    Role = role,
                    Organization = "Seremban City Council",
                    InterpretationNeeds = interpretation,
                    DietaryNeeds = "Halal",
                }
            ));

    private Task<List<OutboxMessage>> MailsToAsync(string email) =>
        portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == email).ToListAsync());

    private static string TokenIn(OutboxMessage mail) => DelegationLink().Match(mail.Body).Groups[1].Value;

    [GeneratedRegex("/delegation/([A-Za-z0-9_-]{43})")]
    private static partial Regex DelegationLink();
}
