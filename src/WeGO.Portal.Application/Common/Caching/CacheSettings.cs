namespace WeGO.Portal.Application.Common.Caching;

/// <summary>How long what pages read may be kept (<c>Portal:Cache</c>).</summary>
public sealed class CacheSettings
{
    public const string Section = "Portal:Cache";

    /// <summary>The longest a cached read or public page is kept. A write made by this instance replaces it at once;
    /// a write made by another instance on the same database shows here when this lifetime ends.</summary>
    public int Seconds { get; set; } = 60;
}
