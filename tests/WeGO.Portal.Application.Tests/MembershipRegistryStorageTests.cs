using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>The membership path's records survive a round trip through the real database as the domain left them:
/// an application with its documents and checklist, the member with its history, the Committee's agenda and
/// decisions.</summary>
public sealed class MembershipRegistryStorageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly DateTime Received = new(2024, 11, 4, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly AcceptedOn = new(2024, 11, 18);
    private static readonly DateOnly CommitteeDay = new(2025, 6, 12);

    private Task<int> CityAsync() =>
        portal.WithDbAsync(async db =>
        {
            var city = new Organization(
                TestData.Unique("Seremban City Council"),
                "MY",
                Region.AsiaPacific,
                OrganizationKind.LocalGovernment
            );
            db.Organizations.Add(city);
            await db.SaveChangesAsync();
            return city.Id;
        });

    [Fact]
    public async Task A_city_accepted_and_approved_is_stored_with_its_application_history_and_the_Committees_decision()
    {
        var cityId = await CityAsync();

        var (applicationId, memberId, meetingId) = await portal.WithDbAsync(async db =>
        {
            var application = new MembershipApplication(
                "WGO-2024-7K3M9Q",
                cityId,
                OrganizationKind.LocalGovernment,
                null,
                new ApplicationContact("Lee Kai Yet", "official@example.org", "es"),
                TestData.Unique("hash"),
                Received
            );
            application.AddDocument(
                "Formulario firmado.pdf",
                DocumentType.Pdf,
                250_000,
                TestData.Unique("k"),
                true,
                Received
            );
            application.Check(true, true, true);
            application.Accept(AcceptedOn, Received.AddDays(14));
            db.MembershipApplications.Add(application);
            var member = Member.AssociateOf(cityId, OrganizationKind.LocalGovernment, null, AcceptedOn, "Accepted");
            db.Members.Add(member);
            await db.SaveChangesAsync();

            var meeting = new CommitteeMeeting(CommitteeDay, "Seoul", false, "Chair and eight members");
            meeting.Put(application);
            meeting.Decide(
                application,
                CommitteeDecision.Approved,
                "Approved as a Full member.",
                CommitteeDay,
                Received
            );
            member.BecomeFull(CommitteeDay, "Executive Committee 2025, item 1");
            db.CommitteeMeetings.Add(meeting);
            await db.SaveChangesAsync();
            return (application.Id, member.Id, meeting.Id);
        });

        await portal.WithDbAsync(async db =>
        {
            var application = await db
                .MembershipApplications.Include(a => a.Documents)
                .SingleAsync(a => a.Id == applicationId);
            Assert.Equal(ApplicationState.Approved, application.State);
            Assert.True(application.IsChecked);
            Assert.Equal(MembershipCategory.Full, application.Category);
            Assert.Equal((AcceptedOn, CommitteeDay), (application.AcceptedOn, application.DecidedOn));
            Assert.Equal(
                [("Formulario firmado.pdf", DocumentType.Pdf, 250_000L)],
                application.Documents.Select(d => (d.FileName, d.Type, d.SizeBytes))
            );

            var member = await db.Members.Include(m => m.Changes).SingleAsync(m => m.Id == memberId);
            Assert.Equal((MembershipCategory.Full, MemberStatus.Active), (member.Category, member.Status));
            Assert.Equal(
                [(AcceptedOn, MembershipCategory.Associate), (CommitteeDay, MembershipCategory.Full)],
                member.Changes.OrderBy(c => c.On).Select(c => (c.On, c.Category))
            );

            var meeting = await db.CommitteeMeetings.Include(m => m.Items).SingleAsync(m => m.Id == meetingId);
            var item = Assert.Single(meeting.Items);
            Assert.Equal(
                (applicationId, AgendaQuestion.AssociateToFull, CommitteeDecision.Approved),
                (item.ApplicationId, item.Question, item.Decision!.Value)
            );
            return true;
        });
    }

    [Fact]
    public async Task The_registry_holds_one_member_per_organisation()
    {
        var cityId = await CityAsync();
        await portal.WithDbAsync(async db =>
        {
            db.Members.Add(Member.AssociateOf(cityId, OrganizationKind.LocalGovernment, null, AcceptedOn, "Accepted"));
            await db.SaveChangesAsync();
            return true;
        });

        await Assert.ThrowsAsync<DbUpdateException>(() =>
            portal.WithDbAsync(async db =>
            {
                db.Members.Add(
                    Member.AssociateOf(cityId, OrganizationKind.LocalGovernment, null, CommitteeDay, "Again")
                );
                await db.SaveChangesAsync();
                return true;
            })
        );
        Assert.Equal(1, await portal.WithDbAsync(db => db.Members.CountAsync(m => m.OrganizationId == cityId)));
    }
}
