using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.FollowUps;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.News;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Reports;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Data;

public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<StaffUser>(options),
        IDataProtectionKeyContext
{
    /// <summary>The audit trail and the session invalidation of the scope that holds this context, which
    /// <see cref="ScopeInterceptors"/> calls on every save. Contexts are pooled and serve one scope after another
    /// (docs/decisions/0050), so the scope sets them when it takes the context (<see cref="UseScope"/>) and they are
    /// cleared when it gives the context back.</summary>
    internal (AuditTrail AuditTrail, SessionInvalidation SessionInvalidation)? Scope { get; private set; }

    /// <summary>Lends this context to a scope: its saves go through the scope's audit trail and session
    /// invalidation until the scope disposes the context.</summary>
    public void UseScope(AuditTrail auditTrail, SessionInvalidation sessionInvalidation) =>
        Scope = (auditTrail, sessionInvalidation);

    public override void Dispose()
    {
        Scope = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        Scope = null;
        return base.DisposeAsync();
    }

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<RegionalOffice> RegionalOffices => Set<RegionalOffice>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<Visit> Visits => Set<Visit>();

    public DbSet<VisitRequest> VisitRequests => Set<VisitRequest>();

    public DbSet<FollowUp> FollowUps => Set<FollowUp>();

    public DbSet<MembershipInquiry> MembershipInquiries => Set<MembershipInquiry>();

    public DbSet<MembershipApplication> MembershipApplications => Set<MembershipApplication>();

    /// <summary>WeGO's member registry.</summary>
    public DbSet<Member> Members => Set<Member>();

    public DbSet<CommitteeMeeting> CommitteeMeetings => Set<CommitteeMeeting>();

    public DbSet<VisitReport> VisitReports => Set<VisitReport>();

    public DbSet<NewsRelease> NewsReleases => Set<NewsRelease>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>People's requests to see or erase their data, recorded without the data.</summary>
    public DbSet<Domain.Privacy.PrivacyRequest> PrivacyRequests => Set<Domain.Privacy.PrivacyRequest>();

    /// <summary>Staff sign-ins: what a sign-in cookie refers to (<see cref="StaffSession"/>).</summary>
    public DbSet<StaffSession> StaffSessions => Set<StaffSession>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    /// <summary>The keys that protect cookies, antiforgery tokens and calendar-feed addresses, shared by every
    /// instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);

        foreach (
            var entity in builder.Model.GetEntityTypes().Where(t => typeof(AggregateRoot).IsAssignableFrom(t.ClrType))
        )
        {
            builder.Entity(entity.ClrType).Property(nameof(AggregateRoot.Version)).IsConcurrencyToken();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in the database and safe against reordering.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);

        // Every DateTime in the model is UTC; say so when reading it back.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter()
        : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
            value =>
                value.Kind == DateTimeKind.Local
                    ? value.ToUniversalTime()
                    : DateTime.SpecifyKind(value, DateTimeKind.Utc),
            value => DateTime.SpecifyKind(value, DateTimeKind.Utc)
        );
}
