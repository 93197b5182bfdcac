using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Domain.Membership;

/// <summary>What a document's bytes say it is. Only these are accepted: a signed form is scanned or printed to PDF,
/// a letter photographed.</summary>
public enum DocumentType
{
    Pdf = 1,
    Png = 2,
    Jpeg = 3,
}

/// <summary>A file sent with a membership application (the signed form, a letter). The bytes are kept outside the
/// web root under <see cref="StoredName"/>, a name the portal chose; the sender's file name is only shown.</summary>
public sealed class ApplicationDocument : Entity
{
    public const int FileNameMaxLength = 200;
    public const int StoredNameMaxLength = 64;
    public const long MaxBytes = 10 * 1024 * 1024;

    private ApplicationDocument() { }

    internal ApplicationDocument(
        string fileName,
        DocumentType type,
        long sizeBytes,
        string storedName,
        bool sentByApplicant,
        DateTime uploadedAtUtc
    )
    {
        if (sizeBytes <= 0)
        {
            throw new DomainException("Document.Empty");
        }

        if (sizeBytes > MaxBytes)
        {
            throw new DomainException("Document.TooLarge", MaxBytes / (1024 * 1024));
        }

        FileName = ShownName(fileName);
        Type = type;
        SizeBytes = sizeBytes;
        StoredName = Require.Text(storedName, "Document.StoredNameRequired", StoredNameMaxLength);
        SentByApplicant = sentByApplicant;
        UploadedAtUtc = uploadedAtUtc;
    }

    /// <summary>The name the sender gave the file, without any folder, for staff to recognise it.</summary>
    public string FileName { get; private set; } = "";

    public DocumentType Type { get; private set; }

    public long SizeBytes { get; private set; }

    /// <summary>The file's name in the document store: random, never derived from what the sender typed.</summary>
    public string StoredName { get; private set; } = "";

    /// <summary>True when the applicant sent it through the status link, false when staff uploaded it.</summary>
    public bool SentByApplicant { get; private set; }

    public DateTime UploadedAtUtc { get; private set; }

    /// <summary>The media type the file is served with, from its checked content.</summary>
    public string ContentType =>
        Type switch
        {
            DocumentType.Pdf => "application/pdf",
            DocumentType.Png => "image/png",
            _ => "image/jpeg",
        };

    /// <summary>The type the first bytes of a file prove, or null when they prove none of the accepted ones: the
    /// name and the type the browser claims are not trusted.</summary>
    public static DocumentType? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return DocumentType.Pdf;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return DocumentType.Png;
        }

        return head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? DocumentType.Jpeg : null;
    }

    private static string ShownName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        if (name.Length == 0)
        {
            throw new DomainException("Document.NameRequired");
        }

        return name.Length <= FileNameMaxLength ? name : name[^FileNameMaxLength..];
    }
}
