using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Membership;

/// <summary>A document chosen for an application, by staff or by the applicant on the status page; staff forms carry
/// the version of the application the file was chosen for.</summary>
public sealed class DocumentUploadForm
{
    public int Version { get; set; }

    public IFormFile? File { get; set; }

    public string FileName => File?.FileName ?? "";

    /// <summary>The bytes, at most one more than a document may have, so the use case can say the file is too large
    /// without the page reading a huge one.</summary>
    public async Task<byte[]> ReadAsync(CancellationToken cancellationToken) =>
        File is null ? [] : await File.ReadAtMostAsync((int)ApplicationDocument.MaxBytes + 1, cancellationToken);
}
