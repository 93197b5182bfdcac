using FluentValidation;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Domain.Membership;

namespace WeGO.Portal.Application.Membership;

/// <summary>A file sent with an application: the name the sender gave it and its bytes.</summary>
public interface IDocumentUpload
{
    string FileName { get; }

    byte[] File { get; }
}

/// <summary>What a file must be before anything is stored: not empty, at most 10 MB, and a PDF, PNG or JPEG by its
/// content, whatever its name or the browser claim.</summary>
public sealed class DocumentUploadValidator : AbstractValidator<IDocumentUpload>
{
    public const long MaxMegabytes = ApplicationDocument.MaxBytes / (1024 * 1024);

    public DocumentUploadValidator(IStringLocalizer<Messages> messages)
    {
        RuleFor(u => u.File)
            .Cascade(CascadeMode.Stop)
            .Must(file => file is { Length: > 0 })
            .WithMessage(_ => messages["Document.Empty"])
            .Must(file => file.Length <= ApplicationDocument.MaxBytes)
            .WithMessage(_ => messages["Document.TooLarge", MaxMegabytes])
            .Must(file => ApplicationDocument.Detect(file) is not null)
            .WithMessage(_ => messages["Document.NotAccepted"]);
        RuleFor(u => u.FileName).NotEmpty().WithMessage(_ => messages["Document.NameRequired"]);
    }
}

public static class ApplicationDocuments
{
    /// <summary>Adds the checked file to the application, then writes its bytes. The row is refused before any byte
    /// is written (an application closed to documents, one too many); a failed write fails the command, so its row
    /// is not saved either; a failed save deletes the file (<see cref="CommandDocuments"/>).</summary>
    public static async Task AddAsync(
        this CommandDocuments store,
        MembershipApplication application,
        IDocumentUpload upload,
        bool sentByApplicant,
        DateTime nowUtc,
        CancellationToken cancellationToken
    )
    {
        var type = ApplicationDocument.Detect(upload.File)
            ?? throw new InvalidOperationException("The validator lets only accepted documents through.");
        var storedName = StoredNames.New();
        application.AddDocument(upload.FileName, type, upload.File.Length, storedName, sentByApplicant, nowUtc);
        await store.SaveAsync(storedName, upload.File, cancellationToken);
    }
}
