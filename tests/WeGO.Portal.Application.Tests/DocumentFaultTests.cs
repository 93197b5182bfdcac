using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>A signed form whose save fails after its bytes were written: the database refuses the row (a full disk,
/// a lost connection), and the file must not outlive it.</summary>
public sealed class DocumentFaultTests(DocumentFaultTests.FaultyPortal portal)
    : IClassFixture<DocumentFaultTests.FaultyPortal>
{
    /// <summary>A portal whose saves of a new document row fail while <see cref="DocumentFault.Armed"/>.</summary>
    public sealed class FaultyPortal : PortalFactory
    {
        public DocumentFault Fault { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.ConfigureDbContext<PortalDbContext>(options => options.AddInterceptors(Fault))
            );
        }
    }

    public sealed class DocumentFault : SaveChangesInterceptor
    {
        public bool Armed { get; set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData,
            InterceptionResult<int> result,
            CancellationToken cancellationToken = default
        )
        {
            if (
                Armed
                && eventData
                    .Context!.ChangeTracker.Entries<ApplicationDocument>()
                    .Any(e => e.State == EntityState.Added)
            )
            {
                throw new IOException("the database's disk filled up while the document's row was being saved");
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }

    private IDocumentStore Store => portal.Services.GetRequiredService<IDocumentStore>();

    private Task<Mediator.Unit> SendFormAsync(string token) =>
        portal.SendAsync(
            new SendApplicationDocument.Command
            {
                Token = token,
                FileName = "form.pdf",
                File = TestData.SignedFormPdf,
            }
        );

    [Fact]
    public async Task A_document_whose_row_cannot_be_saved_leaves_no_file_and_can_be_sent_again()
    {
        var (id, token) = await portal.ApplicationFromInquiryAsync("en");
        var filesBefore = Store.List().Select(f => f.StoredName).ToHashSet();

        portal.Fault.Armed = true;
        try
        {
            await Assert.ThrowsAsync<IOException>(() => SendFormAsync(token));
        }
        finally
        {
            portal.Fault.Armed = false;
        }

        Assert.Equal(filesBefore, Store.List().Select(f => f.StoredName).ToHashSet());
        Assert.Empty(
            await portal.WithDbAsync(db =>
                db.MembershipApplications.Where(a => a.Id == id).SelectMany(a => a.Documents).ToListAsync()
            )
        );

        await SendFormAsync(token);

        var stored = await portal.WithDbAsync(db =>
            db.MembershipApplications.Where(a => a.Id == id).SelectMany(a => a.Documents).SingleAsync()
        );
        Assert.Equal(filesBefore.Count + 1, Store.List().Count());
        Assert.Contains(Store.List(), f => f.StoredName == stored.StoredName);
    }
}
