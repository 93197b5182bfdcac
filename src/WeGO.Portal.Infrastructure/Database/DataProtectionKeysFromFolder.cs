using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Infrastructure.Database;

/// <summary>Data-protection keys used to live in <c>{data folder}/keys</c>; they now live in the database. On the first
/// start after the change the old keys are copied in, so nobody is signed out and calendar-feed addresses keep
/// working.</summary>
public static class DataProtectionKeysFromFolder
{
    public static async Task ImportAsync(
        PortalDbContext db,
        PortalDataDirectory data,
        ILogger logger,
        CancellationToken cancellationToken
    )
    {
        var folder = new DirectoryInfo(data.Combine("keys"));
        if (!folder.Exists || await db.DataProtectionKeys.AnyAsync(cancellationToken))
        {
            return;
        }

        var files = folder.GetFiles("*.xml");
        foreach (var file in files)
        {
            var xml = XElement.Load(file.FullName);
            db.DataProtectionKeys.Add(
                new DataProtectionKey
                {
                    FriendlyName = Path.GetFileNameWithoutExtension(file.Name),
                    Xml = xml.ToString(SaveOptions.DisableFormatting),
                }
            );
        }

        if (files.Length > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation(
                "Copied {Count} data-protection key(s) from {Folder} into the database; the folder is no longer read",
                files.Length,
                folder.FullName
            );
        }
    }
}
