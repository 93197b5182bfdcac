namespace WeGO.Portal.Application.Common;

/// <summary>How long the rolling log files are kept (<c>Portal:Logging</c>).</summary>
public sealed class LogSettings
{
    public const string Section = "Portal:Logging";

    /// <summary>Days after a log file was last written before it is deleted; 0 keeps them for ever.</summary>
    public int RetentionDays { get; set; } = 30;
}
