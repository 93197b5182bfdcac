namespace WeGO.Portal.Web;

/// <summary>Marker for Resources/UiText*.resx: every word the pages show, in English, Spanish and Korean.</summary>
public sealed class UiText
{
    private UiText() { }
}
