using WeGO.Portal.Application.Privacy;

namespace WeGO.Portal.Web.Pages.Privacy.Requests;

/// <summary>What the portal holds about a person as _PersonalData shows it: on the search, the records; on the export,
/// every value (messages' bodies, notes' texts).</summary>
public sealed record PersonalDataView(PersonalData Data, bool EveryValue);
