using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Infrastructure.Retention;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>The retention of declined and withdrawn applications, run by the portal's own background service against a
/// clock the test moves: <see cref="InquirySettings.RetentionDays"/> (730) days after the state changed, the
/// signatory's name and address, the documents (rows and files), the messages to or about them and the audit values
/// holding them are erased; state, category, organisation and dates stay; open and younger applications are
/// untouched.</summary>
public sealed class ApplicationRetentionTests : IDisposable
{
    private static readonly DateTimeOffset Withdrawn = new(2024, 11, 20, 3, 0, 0, TimeSpan.Zero);

    private readonly FaultyClockedPortal portal = new(new FixedClock(Withdrawn));

    public void Dispose() => portal.Dispose();

    private IDocumentStore Store => portal.Services.GetRequiredService<IDocumentStore>();

    private Task<int> RunRetentionAsync() =>
        portal.Services.GetServices<IHostedService>().OfType<ApplicationRetention>().Single().RunOnceAsync(default);

    /// <summary>A direct application from <paramref name="email"/> with its signed form, withdrawn now when
    /// <paramref name="withdraw"/>; its id and the form's stored name.</summary>
    private async Task<(int Id, string StoredName)> ApplicationAsync(string name, string email, bool withdraw)
    {
        var city = await portal.CityRecordAsync();
        var id = (
            await portal.SendAsync(
                new StartApplication.Command
                {
                    OrganizationId = city,
                    ContactName = name,
                    ContactEmail = email,
                    Language = "en",
                }
            )
        ).ApplicationId.Value;
        await portal.SendAsync(
            new AddApplicationDocument.Command
            {
                ApplicationId = id,
                Version = await portal.ApplicationVersionAsync(id),
                FileName = "form.pdf",
                File = TestData.SignedFormPdf,
            }
        );
        if (withdraw)
        {
            await portal.SendAsync(new WithdrawApplication.Command(id, await portal.ApplicationVersionAsync(id)));
        }

        var storedName = await portal.WithDbAsync(db =>
            db.MembershipApplications.Where(a => a.Id == id)
                .SelectMany(a => a.Documents)
                .Select(d => d.StoredName)
                .SingleAsync()
        );
        return (id, storedName);
    }

    /// <summary>A message about <paramref name="name"/> to <paramref name="email"/> and an audit value holding the
    /// address (as a record written before the field was marked personal would); their ids.</summary>
    private Task<(int Message, int Audit)> CopiesAsync(int applicationId, string name, string email) =>
        portal.WithDbAsync(async db =>
        {
            var message = new OutboxMessage(email, "Application", $"Dear {name},", "en", Withdrawn.UtcDateTime, "Note");
            message.MarkSent(Withdrawn.UtcDateTime);
            var audit = new AuditEntry(
                Withdrawn.UtcDateTime,
                null,
                "system",
                nameof(MembershipApplication),
                $"{applicationId}",
                "Imported",
                $$"""{"ContactEmail":"{{email}}","State":"Received"}"""
            );
            db.OutboxMessages.Add(message);
            db.AuditEntries.Add(audit);
            await db.SaveChangesAsync();
            return (message.Id, audit.Id);
        });

    private Task<MembershipApplication> StoredAsync(int id) =>
        portal.WithDbAsync(db =>
            db.MembershipApplications.AsNoTracking().Include(a => a.Documents).SingleAsync(a => a.Id == id)
        );

    private Task<(OutboxMessage Message, AuditEntry Audit)> StoredCopiesAsync((int Message, int Audit) ids) =>
        portal.WithDbAsync(async db =>
            (
                await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == ids.Message),
                await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Id == ids.Audit)
            )
        );

    private static object Statistics(MembershipApplication a) =>
        new
        {
            a.State,
            a.Category,
            a.OrganizationId,
            a.InquiryId,
            a.ReceivedAtUtc,
            a.StateChangedAtUtc,
            a.Reference,
        };

    [Fact]
    public async Task Withdrawn_applications_lose_the_person_and_files_after_the_retention_period_and_nothing_else()
    {
        var expired = await ApplicationAsync("Lee Kai Yet", "lee.kaiyet@mbs.gov.my", withdraw: true);
        var expiredCopies = await CopiesAsync(expired.Id, "Lee Kai Yet", "lee.kaiyet@mbs.gov.my");
        var open = await ApplicationAsync("Ana Mora", "ana.mora@cuenca.gob.ec", withdraw: false);
        portal.Clock.Now = Withdrawn.AddDays(1);
        var younger = await ApplicationAsync("Dana Sarsen", "dana@almaty.kz", withdraw: true);
        var youngerCopies = await CopiesAsync(younger.Id, "Dana Sarsen", "dana@almaty.kz");
        var statistics = Statistics(await StoredAsync(expired.Id));

        portal.Clock.Now = Withdrawn.AddDays(730).AddMinutes(-1);
        Assert.Equal(0, await RunRetentionAsync());
        var kept = await StoredAsync(expired.Id);
        Assert.Equal(("lee.kaiyet@mbs.gov.my", 1), (kept.ContactEmail, kept.Documents.Count));
        Assert.NotNull(Store.OpenRead(expired.StoredName));
        Assert.Equal("lee.kaiyet@mbs.gov.my", (await StoredCopiesAsync(expiredCopies)).Message.To);

        portal.Clock.Now = Withdrawn.AddDays(730).AddMinutes(1);
        Assert.Equal(1, await RunRetentionAsync());
        Assert.Equal(0, await RunRetentionAsync());

        var erased = await StoredAsync(expired.Id);
        Assert.Equal((Erased.Mark, Erased.Mark, 0), (erased.ContactName, erased.ContactEmail, erased.Documents.Count));
        Assert.Equivalent(statistics, Statistics(erased));
        Assert.Null(Store.OpenRead(expired.StoredName));
        var (message, audit) = await StoredCopiesAsync(expiredCopies);
        Assert.Equal((OutboxMessage.ErasedRecipient, ""), (message.To, message.Body));
        Assert.Equal("""{"ContactEmail":"(erased)","State":"Received"}""", audit.Changes);

        // Open, or withdrawn a day later: whole, with their files and copies.
        foreach (var (application, email) in new[] { (open, "ana.mora@cuenca.gob.ec"), (younger, "dana@almaty.kz") })
        {
            var whole = await StoredAsync(application.Id);
            Assert.Equal((email, 1), (whole.ContactEmail, whole.Documents.Count));
            Assert.NotNull(Store.OpenRead(application.StoredName));
        }

        var (youngerMessage, youngerAudit) = await StoredCopiesAsync(youngerCopies);
        Assert.Equal(("dana@almaty.kz", "Dear Dana Sarsen,"), (youngerMessage.To, youngerMessage.Body));
        Assert.Contains("dana@almaty.kz", youngerAudit.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zero_days_keeps_closed_applications()
    {
        portal.Settings["Portal:Inquiries:RetentionDays"] = "0";
        var application = await ApplicationAsync("Lee Kai Yet", "lee.kaiyet@mbs.gov.my", withdraw: true);
        portal.Clock.Now = Withdrawn.AddYears(10);

        Assert.Equal(0, await RunRetentionAsync());

        Assert.Single((await StoredAsync(application.Id)).Documents);
        Assert.NotNull(Store.OpenRead(application.StoredName));
    }

    [Fact]
    public async Task A_failed_batch_keeps_the_rows_files_and_copies_and_the_next_run_erases_them()
    {
        var application = await ApplicationAsync("Lee Kai Yet", "lee.kaiyet@mbs.gov.my", withdraw: true);
        var copies = await CopiesAsync(application.Id, "Lee Kai Yet", "lee.kaiyet@mbs.gov.my");
        portal.Clock.Now = Withdrawn.AddDays(731);

        portal.Fault.Armed = true;
        Assert.Equal(0, await RunRetentionAsync());

        var kept = await StoredAsync(application.Id);
        Assert.Equal(("lee.kaiyet@mbs.gov.my", 1), (kept.ContactEmail, kept.Documents.Count));
        Assert.NotNull(Store.OpenRead(application.StoredName));
        Assert.Equal("Dear Lee Kai Yet,", (await StoredCopiesAsync(copies)).Message.Body);

        portal.Fault.Armed = false;
        Assert.Equal(1, await RunRetentionAsync());

        Assert.Empty((await StoredAsync(application.Id)).Documents);
        Assert.Null(Store.OpenRead(application.StoredName));
        Assert.Equal("", (await StoredCopiesAsync(copies)).Message.Body);
    }

    /// <summary>A clocked portal whose saves fail, while armed, when they would change an application (a full disk
    /// in the middle of a retention batch).</summary>
    private sealed class FaultyClockedPortal(FixedClock clock) : PortalFactory
    {
        public FixedClock Clock { get; } = clock;

        public SaveFault Fault { get; } = new(ChangesAnApplication);

        private static bool ChangesAnApplication(ChangeTracker tracker) =>
            tracker.Entries<MembershipApplication>().Any(e => e.State == EntityState.Modified);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.ConfigureDbContext<PortalDbContext>(options => options.AddInterceptors(Fault));
            });
        }
    }
}
