namespace WeGO.Portal.Application.News;

/// <summary>Who the press calls about a release (configuration section <c>Portal:News</c>), printed at the end of every
/// draft.</summary>
public sealed class NewsSettings
{
    public const string Section = "Portal:News";

    public string PressContactName { get; set; } = "WeGO Secretariat";

    public string PressContactEmail { get; set; } = "secretariat@wego-portal.local";

    /// <summary>Left out of the release when empty.</summary>
    public string PressContactPhone { get; set; } = "";
}
