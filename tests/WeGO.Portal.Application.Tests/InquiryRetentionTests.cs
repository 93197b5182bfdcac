using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Infrastructure.Retention;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>The retention of closed inquiries, run by the portal's own background service against a clock the test
/// moves: <see cref="InquirySettings.RetentionDays"/> (730) days after an inquiry was declined, the inquirer's data,
/// the notes, the mails the public form wrote to and about them and the audit values holding them are erased; stage,
/// country, kind, organisation and dates stay; an inquiry declined a day later is untouched.</summary>
public sealed class InquiryRetentionTests : IDisposable
{
    private static readonly DateTimeOffset Declined = new(2024, 11, 20, 3, 0, 0, TimeSpan.Zero);

    private readonly ClockedPortal portal = new(new FixedClock(Declined)) { SeedDemo = false };

    public void Dispose() => portal.Dispose();

    private Task<int> RunRetentionAsync() =>
        portal.Services.GetServices<IHostedService>().OfType<InquiryRetention>().Single().RunOnceAsync(default);

    private async Task<int> DeclinedInquiryAsync(string name, string email)
    {
        var inquiry = await portal.MembershipInquiryAsync(InquiryStage.Declined, c =>
            c with
            {
                ContactName = name,
                Email = email,
                Phone = null,
            }
        );
        await portal.WriteInquiryNoteAsync(inquiry.Id, $"{name} will write again next year");
        return inquiry.Id;
    }

    private Task<MembershipInquiry> StoredAsync(int id) =>
        portal.WithDbAsync(db =>
            db.MembershipInquiries.AsNoTracking().Include(i => i.Notes).SingleAsync(i => i.Id == id)
        );

    private Task<string> MessagesAsync() =>
        portal.WithDbAsync(async db =>
            string.Join("\n", await db.OutboxMessages.Select(m => m.To + " " + m.Body).ToListAsync())
        );

    private static object Statistics(MembershipInquiry i) =>
        new
        {
            i.Stage,
            i.StageChangedAtUtc,
            i.SubmittedAtUtc,
            i.CountryCode,
            i.Kind,
            i.OrganizationName,
            i.OrganizationId,
            i.Interests,
        };

    [Fact]
    public async Task Declined_inquiries_and_their_mails_are_erased_after_the_retention_period_and_nothing_else()
    {
        var expired = await DeclinedInquiryAsync("Lee Kai Yet", "lee.kaiyet@mbs.gov.my");
        portal.Clock.Now = Declined.AddDays(1);
        var younger = await DeclinedInquiryAsync("Dana Sarsen", "dana@almaty.kz");
        var statistics = Statistics(await StoredAsync(expired));
        Assert.Contains("lee.kaiyet@mbs.gov.my", await MessagesAsync(), StringComparison.Ordinal);

        portal.Clock.Now = Declined.AddDays(730).AddMinutes(-1);
        Assert.Equal(0, await RunRetentionAsync());
        Assert.Equal("Lee Kai Yet", (await StoredAsync(expired)).ContactName);
        Assert.Contains("lee.kaiyet@mbs.gov.my", await MessagesAsync(), StringComparison.Ordinal);

        portal.Clock.Now = Declined.AddDays(730).AddMinutes(1);
        Assert.Equal(1, await RunRetentionAsync());
        Assert.Equal(0, await RunRetentionAsync());

        var erased = await StoredAsync(expired);
        Assert.Equal((Erased.Mark, Erased.Mark), (erased.ContactName, erased.Email));
        Assert.DoesNotContain(erased.Notes, n => n.Text.Contains("Lee Kai Yet", StringComparison.Ordinal));
        Assert.Equivalent(statistics, Statistics(erased));
        var messages = await MessagesAsync();
        Assert.DoesNotContain("lee.kaiyet@mbs.gov.my", messages, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Lee Kai Yet", messages, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("dana@almaty.kz", messages, StringComparison.Ordinal);
        Assert.Equal("Dana Sarsen", (await StoredAsync(younger)).ContactName);
    }
}
