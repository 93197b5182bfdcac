using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>A signed form whose save fails after its bytes were written: the database refuses the row (a full disk,
/// a lost connection), and the file must not outlive it.</summary>
public sealed class DocumentFaultTests(DocumentFaultTests.FaultyPortal portal)
    : IClassFixture<DocumentFaultTests.FaultyPortal>
{
    /// <summary>A portal whose saves of a new document row fail while armed.</summary>
    public sealed class FaultyPortal : SaveFaultPortal<ApplicationDocument>;

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
