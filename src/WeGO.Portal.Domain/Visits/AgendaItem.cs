using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Domain.Visits;

/// <summary>One item of a visit's programme; times are wall-clock times at the venue.</summary>
public sealed class AgendaItem : Entity
{
    public const int TitleMaxLength = 300;
    public const int NotesMaxLength = 4000;

    private AgendaItem() { }

    internal AgendaItem(int order, TimeOnly? startsAt, TimeOnly? endsAt, string title, string? speaker, string? notes)
    {
        Order = order;
        Edit(startsAt, endsAt, title, speaker, notes);
    }

    public int Order { get; private set; }

    public TimeOnly? StartsAt { get; private set; }

    public TimeOnly? EndsAt { get; private set; }

    public string Title { get; private set; } = "";

    public string? Speaker { get; private set; }

    public string? Notes { get; private set; }

    internal void Edit(TimeOnly? startsAt, TimeOnly? endsAt, string title, string? speaker, string? notes)
    {
        if (startsAt is { } start && endsAt is { } end && end <= start)
        {
            throw new DomainException("Agenda.EndBeforeStart");
        }

        StartsAt = startsAt;
        EndsAt = endsAt;
        Title = Require.Text(title, "Agenda.TitleRequired", TitleMaxLength);
        Speaker = Require.OptionalText(speaker, PersonName.MaxLength);
        Notes = Require.OptionalText(notes, NotesMaxLength);
    }

    internal void MoveTo(int order) => Order = order;
}
