using FluentValidation;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

public sealed class TopicTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>A visit of its own with the five Seremban topics, "Membership process" first.</summary>
    private async Task<(int Id, int Version)> SerembanVisitAsync()
    {
        var id = await portal.ScheduleVisitAsync();
        await portal.RecordTopicsAsync(id);
        return await VisitAsync(id);
    }

    private Task<(int Id, int Version)> VisitAsync(int id) =>
        portal.WithDbAsync(db =>
            db.Visits.Where(v => v.Id == id).Select(v => new ValueTuple<int, int>(v.Id, v.Version)).SingleAsync()
        );

    private Task<List<string>> TopicsAsync(int visitId) =>
        portal.WithDbAsync(db =>
            db.Visits.Where(v => v.Id == visitId)
                .SelectMany(v => v.Topics)
                .OrderBy(t => t.Id)
                .Select(t => t.Title)
                .ToListAsync()
        );

    [Fact]
    public async Task Recording_a_topic_adds_it_to_the_visit_and_raises_the_visit_version()
    {
        var (visitId, version) = await SerembanVisitAsync();

        var id = await portal.SendAsync(
            new RecordTopic.Command
            {
                VisitId = visitId,
                Version = version,
                Topic = "  Digital twins  ",
            }
        );

        Assert.True(id.Value > 0);
        Assert.Equal("Digital twins", (await TopicsAsync(visitId))[^1]);
        Assert.Equal(version + 1, (await VisitAsync(visitId)).Version);
    }

    [Fact]
    public async Task A_topic_already_recorded_is_refused_whatever_its_case()
    {
        var (visitId, version) = await SerembanVisitAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(async () =>
            await portal.SendAsync(
                new RecordTopic.Command
                {
                    VisitId = visitId,
                    Version = version,
                    Topic = "membership PROCESS",
                }
            )
        );

        Assert.Equal("Visit.TopicAlreadyRecorded", refused.Code);
        Assert.Equal(5, (await TopicsAsync(visitId)).Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_topic_is_refused(string topic)
    {
        var (visitId, version) = await SerembanVisitAsync();

        var refused = await Assert.ThrowsAnyAsync<ValidationException>(async () =>
            await portal.SendAsync(
                new RecordTopic.Command
                {
                    VisitId = visitId,
                    Version = version,
                    Topic = topic,
                }
            )
        );

        Assert.Contains(refused.Errors, e => e.PropertyName == nameof(RecordTopic.Command.Topic));
    }

    [Fact]
    public async Task A_topic_longer_than_300_characters_is_refused()
    {
        var (visitId, version) = await SerembanVisitAsync();

        var refused = await Assert.ThrowsAnyAsync<ValidationException>(async () =>
            await portal.SendAsync(
                new RecordTopic.Command
                {
                    VisitId = visitId,
                    Version = version,
                    Topic = new string('x', 301),
                }
            )
        );

        Assert.Contains(refused.Errors, e => e.PropertyName == nameof(RecordTopic.Command.Topic));
        Assert.Equal(5, (await TopicsAsync(visitId)).Count);
    }

    [Fact]
    public async Task Removing_a_topic_takes_it_off_the_visit()
    {
        var (visitId, version) = await SerembanVisitAsync();
        var topic = await portal.SendAsync(new GetVisitTopics.Query(visitId));

        await portal.SendAsync(new RemoveTopic.Command(visitId, version, topic!.Topics[0].Id));

        var left = await TopicsAsync(visitId);
        Assert.Equal(4, left.Count);
        Assert.DoesNotContain("Membership process", left);
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_nothing_changes()
    {
        var (visitId, version) = await SerembanVisitAsync();
        await portal.SendAsync(
            new RecordTopic.Command
            {
                VisitId = visitId,
                Version = version,
                Topic = "Open data",
            }
        );
        var topicsBefore = await TopicsAsync(visitId);
        var firstTopic = (await portal.SendAsync(new GetVisitTopics.Query(visitId)))!.Topics[0].Id;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(async () =>
            await portal.SendAsync(
                new RecordTopic.Command
                {
                    VisitId = visitId,
                    Version = version,
                    Topic = "Smart mobility",
                }
            )
        );
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(async () =>
            await portal.SendAsync(new RemoveTopic.Command(visitId, version, firstTopic))
        );

        Assert.Equal(topicsBefore, await TopicsAsync(visitId));
        Assert.Equal(version + 1, (await VisitAsync(visitId)).Version);
    }

    [Fact]
    public async Task A_cancelled_visit_takes_no_topics_and_keeps_those_it_has()
    {
        var visitId = await portal.WithDbAsync(async db =>
        {
            var city = new Organization("Cancelled City", "KR", Region.EastAsia, OrganizationKind.LocalGovernment);
            var visit = Visit.Schedule(
                city,
                "Study visit",
                "Secretariat",
                new DateOnly(2030, 3, 4),
                new TimeOnly(10, 0),
                new TimeOnly(11, 0),
                VenueTime.Seoul,
                new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc)
            );
            visit.RecordTopic("Smart water");
            visit.Cancel("Travel cancelled");
            db.Visits.Add(visit);
            await db.SaveChangesAsync();
            return visit.Id;
        });
        var visitNow = await portal.SendAsync(new GetVisitTopics.Query(visitId));

        var adding = await Assert.ThrowsAsync<DomainException>(async () =>
            await portal.SendAsync(
                new RecordTopic.Command
                {
                    VisitId = visitId,
                    Version = visitNow!.Version,
                    Topic = "Open data",
                }
            )
        );
        var removing = await Assert.ThrowsAsync<DomainException>(async () =>
            await portal.SendAsync(new RemoveTopic.Command(visitId, visitNow!.Version, visitNow.Topics[0].Id))
        );

        Assert.Equal("Visit.Cancelled", adding.Code);
        Assert.Equal("Visit.Cancelled", removing.Code);
        Assert.Equal(["Smart water"], await TopicsAsync(visitId));
    }

    [Fact]
    public async Task Recording_a_topic_on_a_visit_that_does_not_exist_is_refused()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(async () =>
            await portal.SendAsync(
                new RecordTopic.Command
                {
                    VisitId = 999_999,
                    Version = 0,
                    Topic = "Open data",
                }
            )
        );

        Assert.Equal("Visit.NotFound", refused.Code);
    }
}
