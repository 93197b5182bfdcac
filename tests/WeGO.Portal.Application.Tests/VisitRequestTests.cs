using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Application.VisitRequests;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>Visit requests through the real pipeline, on one portal for the class: each test writes for a city of its
/// own and looks at its own request, visit and mails.</summary>
public sealed class VisitRequestTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly Colleague Director = new("director-id", "Zoe Director", Roles: [Roles.ProgramDirector]);

    private Task<List<OutboxMessage>> MailsAboutAsync(string reference) =>
        portal.WithDbAsync(db =>
            db.OutboxMessages.Where(m => m.Subject.Contains(reference) || m.Body.Contains(reference))
                .OrderBy(m => m.Id)
                .ToListAsync()
        );

    private async Task<AcceptVisitRequest.Command> AcceptFormAsync(int requestId) =>
        AcceptVisitRequest.Command.PrefilledFrom(await portal.StoredVisitRequestAsync(requestId));

    [Fact]
    public async Task A_request_stores_one_request_and_two_mails_the_confirmation_in_the_citys_language()
    {
        var requests = await portal.WithDbAsync(db => db.VisitRequests.CountAsync());

        var sent = await portal.VisitRequestAsync(c => c with { PreferredLanguage = "es" });

        Assert.Equal(requests + 1, await portal.WithDbAsync(db => db.VisitRequests.CountAsync()));
        Assert.Matches(@"^WGV-\d{4}-[23456789ABCDEFGHJKMNPQRSTWXYZ]{6}$", sent.Reference);
        var request = await portal.StoredVisitRequestAsync(sent.Id);
        Assert.Equal(VisitRequestStatus.Received, request.Status);
        Assert.Equal(PrivateLinks.HashStatusToken(sent.Token), request.StatusTokenHash);
        Assert.Null(request.VisitId);

        var mails = await MailsAboutAsync(sent.Reference);
        Assert.Equal(2, mails.Count);
        Assert.Equal("lee.kaiyet@mbs.gov.my", mails[0].To);
        Assert.Equal("es", mails[0].Language);
        Assert.Contains("Hemos recibido su solicitud de visita", mails[0].Subject, StringComparison.Ordinal);
        Assert.Contains($"/VisitRequests/Status/{sent.Token}", mails[0].Body, StringComparison.Ordinal);
        Assert.Equal("secretariat@wego-portal.local", mails[1].To);
        Assert.Equal("en", mails[1].Language);
        Assert.Contains($"/VisitRequests/Details/{sent.Reference}", mails[1].Body, StringComparison.Ordinal);
        Assert.Contains(
            "Capacity-building projects; Feasibility studies; Urban planning",
            mails[1].Body,
            StringComparison.Ordinal
        );
        // The Secretariat's copy never carries the city's private link.
        Assert.DoesNotContain(sent.Token, mails[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepting_creates_one_requested_visit_for_a_new_city_record_and_refuses_a_second_accept()
    {
        var sent = await portal.VisitRequestAsync();
        var visits = await portal.WithDbAsync(db => db.Visits.CountAsync());
        var form = await AcceptFormAsync(sent.Id);

        var visitId = (await portal.SendAsync(form)).Value;

        var request = await portal.StoredVisitRequestAsync(sent.Id);
        var visit = await portal.WithDbAsync(db =>
            db.Visits.Include(v => v.Delegation).Include(v => v.Topics).AsNoTracking().SingleAsync(v => v.Id == visitId)
        );
        var city = await portal.WithDbAsync(db => db.Organizations.SingleAsync(o => o.Id == request.OrganizationId));
        Assert.Equal(visits + 1, await portal.WithDbAsync(db => db.Visits.CountAsync()));
        Assert.Equal(VisitRequestStatus.Accepted, request.Status);
        Assert.Equal(visitId, request.VisitId);
        Assert.Equal(city.Id, visit.OrganizationId);
        Assert.Equal(sent.OrganizationName, city.Name);
        Assert.Equal("MY", city.CountryCode);
        Assert.Equal(VisitStatus.Requested, visit.Status);
        Assert.Equal(AcceptVisitRequest.DefaultVenue, visit.Venue);
        Assert.Equal(VenueTime.Seoul, visit.TimeZoneId);
        Assert.Equal(36, visit.Delegation.ExpectedHeadcount);
        Assert.Equal("Lee Kai Yet", visit.Delegation.ContactName);
        Assert.Equal("lee.kaiyet@mbs.gov.my", visit.Delegation.ContactEmail);
        Assert.Equal(
            ["Capacity-building projects", "Feasibility studies", "Urban planning"],
            visit.Topics.Select(t => t.Title).Order(StringComparer.Ordinal)
        );
        var accepted = (await MailsAboutAsync(sent.Reference))[^1];
        Assert.Equal("lee.kaiyet@mbs.gov.my", accepted.To);
        Assert.Contains("Your visit to WeGO is planned", accepted.Subject, StringComparison.Ordinal);

        var again = await Assert.ThrowsAsync<DomainException>(async () =>
            await portal.SendAsync(form with { Version = request.Version })
        );
        Assert.Equal("VisitRequest.CannotAccept", again.Code);
        Assert.Equal(visits + 1, await portal.WithDbAsync(db => db.Visits.CountAsync()));
    }

    [Fact]
    public async Task Accepting_a_known_citys_request_links_its_existing_record()
    {
        var sent = await portal.VisitRequestAsync();
        var known = await portal.WithDbAsync(async db =>
        {
            var city = new Organization(
                sent.OrganizationName,
                "MY",
                Region.AsiaPacific,
                OrganizationKind.LocalGovernment
            );
            db.Organizations.Add(city);
            await db.SaveChangesAsync();
            return city.Id;
        });
        var organizations = await portal.WithDbAsync(db => db.Organizations.CountAsync());

        var visitId = (await portal.SendAsync(await AcceptFormAsync(sent.Id))).Value;

        Assert.Equal(organizations, await portal.WithDbAsync(db => db.Organizations.CountAsync()));
        Assert.Equal(known, (await portal.StoredVisitRequestAsync(sent.Id)).OrganizationId);
        Assert.Equal(
            known,
            await portal.WithDbAsync(db =>
                db.Visits.Where(v => v.Id == visitId).Select(v => v.OrganizationId).SingleAsync()
            )
        );
    }

    [Fact]
    public async Task Proposed_dates_accepted_by_the_city_become_the_requests_dates_and_both_sides_are_mailed()
    {
        var sent = await portal.VisitRequestAsync(c => c with { PreferredLanguage = "ko" });
        var proposed = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(90));

        await portal.SendAsync(
            new ProposeVisitDates.Command
            {
                RequestId = sent.Id,
                Version = 0,
                EarliestDate = proposed,
                LatestDate = proposed.AddDays(1),
                Message = "We are free that week.",
            }
        );
        var proposal = (await MailsAboutAsync(sent.Reference))[^1];
        Assert.Equal("ko", proposal.Language);
        Assert.Contains("WeGO가 방문 날짜를 새로 제안합니다", proposal.Subject, StringComparison.Ordinal);
        Assert.Contains("We are free that week.", proposal.Body, StringComparison.Ordinal);
        var status = await portal.SendAsync(new GetVisitRequestStatus.Query(sent.Token));
        Assert.True(status!.AwaitsCity);

        await portal.SendAsync(new AcceptProposedDates.Command(sent.Token));

        var request = await portal.StoredVisitRequestAsync(sent.Id);
        Assert.Equal(VisitRequestStatus.Received, request.Status);
        Assert.Equal(proposed, request.EarliestDate);
        Assert.Equal(proposed.AddDays(1), request.LatestDate);
        var toSecretariat = (await MailsAboutAsync(sent.Reference))[^1];
        Assert.Equal("secretariat@wego-portal.local", toSecretariat.To);
        Assert.Contains("accepted the proposed dates", toSecretariat.Subject, StringComparison.Ordinal);
        Assert.Equal(proposed, (await AcceptFormAsync(sent.Id)).Date);
    }

    [Fact]
    public async Task The_citys_answer_reaches_the_Secretariat_and_returns_the_request_to_its_queue()
    {
        var sent = await portal.VisitRequestAsync();
        var proposed = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(90));
        await portal.SendAsync(
            new ProposeVisitDates.Command
            {
                RequestId = sent.Id,
                Version = 0,
                EarliestDate = proposed,
                LatestDate = proposed,
            }
        );

        await portal.SendAsync(
            new AnswerProposedDates.Command { Token = sent.Token, Answer = "Could we come a week later?" }
        );

        var request = await portal.StoredVisitRequestAsync(sent.Id);
        Assert.Equal(VisitRequestStatus.Received, request.Status);
        Assert.Equal("Could we come a week later?", request.CityAnswer);
        var answer = (await MailsAboutAsync(sent.Reference))[^1];
        Assert.Equal("secretariat@wego-portal.local", answer.To);
        Assert.Contains("Could we come a week later?", answer.Body, StringComparison.Ordinal);
        var queue = await portal.SendAsync(new ListVisitRequests.Query());
        Assert.Contains(queue.ForTheSecretariat, r => r.Id == sent.Id && r.CityAnswered);
        Assert.DoesNotContain(queue.ForTheCity, r => r.Id == sent.Id);
    }

    [Fact]
    public async Task A_decline_mails_the_reason_in_the_requesters_language()
    {
        var sent = await portal.VisitRequestAsync(c => c with { PreferredLanguage = "es" });

        await portal.SendAsync(
            new DeclineVisitRequest.Command
            {
                RequestId = sent.Id,
                Version = 0,
                Reason = "La Secretaría está cerrada esa semana.",
            }
        );

        var request = await portal.StoredVisitRequestAsync(sent.Id);
        Assert.Equal(VisitRequestStatus.Declined, request.Status);
        var declined = (await MailsAboutAsync(sent.Reference))[^1];
        Assert.Equal("lee.kaiyet@mbs.gov.my", declined.To);
        Assert.Equal("es", declined.Language);
        Assert.Contains("Lamentamos no poder recibir", declined.Body, StringComparison.Ordinal);
        Assert.Contains("La Secretaría está cerrada esa semana.", declined.Body, StringComparison.Ordinal);
        var history = (await portal.SendAsync(new GetVisitRequest.Query(sent.Reference))).History;
        Assert.Contains(history, h => h.Action == "Status Declined");
    }

    [Fact]
    public async Task A_wrong_token_finds_nothing_and_answers_nothing()
    {
        var sent = await portal.VisitRequestAsync();
        var wrong = PrivateLinks.NewStatusToken();

        Assert.Null(await portal.SendAsync(new GetVisitRequestStatus.Query(wrong)));
        Assert.Null(await portal.SendAsync(new GetVisitRequestStatus.Query("not-a-token")));
        var refusal = await Assert.ThrowsAsync<DomainException>(async () =>
            await portal.SendAsync(new AcceptProposedDates.Command(wrong))
        );
        Assert.Equal("VisitRequest.NotFound", refusal.Code);
        Assert.Equal(VisitRequestStatus.Received, (await portal.StoredVisitRequestAsync(sent.Id)).Status);
    }

    [Fact]
    public async Task A_program_director_reads_the_queue_and_a_request_but_may_not_act_on_it()
    {
        var sent = await portal.VisitRequestAsync();

        var queue = await portal.SendAsAsync(Director, new ListVisitRequests.Query());
        var details = await portal.SendAsAsync(Director, new GetVisitRequest.Query(sent.Reference));
        Assert.Contains(queue.ForTheSecretariat, r => r.Id == sent.Id);
        Assert.Equal(sent.Reference, details.Request.Reference);

        await Assert.ThrowsAsync<UseCaseRefusedException>(async () =>
            await portal.SendAsAsync(Director, await AcceptFormAsync(sent.Id))
        );
        await Assert.ThrowsAsync<UseCaseRefusedException>(async () =>
            await portal.SendAsAsync(Director, new DeclineVisitRequest.Command { RequestId = sent.Id, Reason = "No" })
        );
        Assert.Equal(VisitRequestStatus.Received, (await portal.StoredVisitRequestAsync(sent.Id)).Status);
    }

    [Fact]
    public async Task The_queue_puts_the_oldest_request_waiting_for_the_Secretariat_first()
    {
        var first = await portal.VisitRequestAsync();
        var second = await portal.VisitRequestAsync();

        var waiting = (await portal.SendAsync(new ListVisitRequests.Query()))
            .ForTheSecretariat.Select(r => r.Id)
            .ToList();

        Assert.True(waiting.IndexOf(first.Id) < waiting.IndexOf(second.Id));
    }
}
