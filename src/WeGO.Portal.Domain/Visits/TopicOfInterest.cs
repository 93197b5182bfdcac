using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Domain.Visits;

/// <summary>Something the delegation asked about or wants to learn more of.</summary>
public sealed class TopicOfInterest : Entity
{
    public const int TitleMaxLength = 300;

    private TopicOfInterest() { }

    internal TopicOfInterest(string title)
    {
        Title = Require.Text(title, "Visit.TopicRequired", TitleMaxLength);
    }

    public string Title { get; private set; } = "";
}
