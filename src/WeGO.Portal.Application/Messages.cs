namespace WeGO.Portal.Application;

/// <summary>Marker for Resources/Messages*.resx: validation field names and business-rule messages, in every
/// language.</summary>
public sealed class Messages
{
    private Messages() { }
}
