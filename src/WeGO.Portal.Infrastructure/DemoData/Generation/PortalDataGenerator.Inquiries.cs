using System.Globalization;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Infrastructure.DemoData.Generation;

public sealed partial class PortalDataGenerator
{
    private static readonly InquiryStage[] FreshStages =
    [
        InquiryStage.New,
        InquiryStage.Contacted,
        InquiryStage.ApplicationSent,
        InquiryStage.Declined,
        InquiryStage.Withdrawn,
    ];
    private static readonly float[] FreshWeights = [0.50f, 0.30f, 0.10f, 0.05f, 0.05f];
    private static readonly InquiryStage[] AllStages = Enum.GetValues<InquiryStage>();
    private static readonly float[] OlderWeights = [0.05f, 0.12f, 0.10f, 0.10f, 0.30f, 0.18f, 0.15f];

    private sealed record InquiryPlan(
        OrganizationRow Organization,
        DateTime SubmittedAtUtc,
        InquiryStage Stage,
        DateTime StageChangedAtUtc
    );

    /// <summary>Membership inquiries from 2015 to "today" in every stage: recent ones still new, older ones decided,
    /// some closed ones anonymized; with staff notes, and follow-ups for those in progress.</summary>
    private void WriteInquiries(BulkInsert bulk, BulkInsert.Table followUps)
    {
        var inquiries = bulk.Into(
            "MembershipInquiries",
            "Id",
            "Reference",
            "StatusToken",
            "OrganizationName",
            "CountryCode",
            "Kind",
            "Population",
            "ContactName",
            "ContactPosition",
            "Email",
            "Phone",
            "PreferredLanguage",
            "Interests",
            "OtherInterest",
            "HeardFrom",
            "VisitId",
            "Message",
            "ConsentGivenAtUtc",
            "SubmittedAtUtc",
            "Stage",
            "StageChangedAtUtc",
            "OrganizationId",
            "RegionalOfficeId",
            "OwnerUserId",
            "AnonymizedAtUtc",
            "Version"
        );
        var notes = bulk.Into("InquiryNote", "Id", "Text", "Author", "WrittenAtUtc", "InquiryId");

        var plans = Enumerable.Range(0, options.Inquiries).Select(PlanInquiry).OrderBy(p => p.SubmittedAtUtc).ToList();
        var numberInYear = new Dictionary<int, int>();
        for (var i = 0; i < plans.Count; i++)
        {
            var plan = plans[i];
            var id = i + 1;
            var organization = plan.Organization;
            var local = Local(organization.Locale);
            var year = plan.SubmittedAtUtc.Year;
            numberInYear[year] = numberInYear.GetValueOrDefault(year) + 1;
            var reference = string.Create(CultureInfo.InvariantCulture, $"WGO-{year}-{numberInYear[year]:D5}");
            var token = random.Hash(24) + id.ToString("x8", CultureInfo.InvariantCulture);

            var closed = plan.Stage is InquiryStage.Declined or InquiryStage.Withdrawn;
            DateTime? anonymizedAtUtc =
                closed && plan.StageChangedAtUtc < asOfUtc.AddYears(-2) && random.Bool()
                    ? Clamp(plan.StageChangedAtUtc.AddDays(random.Number(365, 800)))
                    : null;
            var erased = anonymizedAtUtc is not null;
            var interests = (MembershipInterest)random.Number(0, 15);
            int? matched = plan.Stage == InquiryStage.Approved || random.Bool(0.2f) ? organization.Id : null;
            int? visitId = options.Visits > 0 && random.Bool(0.1f) ? random.Number(1, options.Visits) : null;
            int? officeId =
                plan.Stage == InquiryStage.New && random.Bool(0.5f) ? null : officeByRegion[organization.Region];

            inquiries.Add(
                id,
                reference,
                token,
                organization.Name,
                organization.CountryCode,
                organization.Kind,
                organization.Kind == OrganizationKind.LocalGovernment ? random.Number(20_000, 12_000_000) : null,
                erased ? "—" : local.Name.FullName(),
                erased ? null : random.ArrayElement(Vocabulary.ContactPositions),
                erased ? "—" : english.Internet.Email(provider: Vocabulary.MailDomain),
                erased || random.Bool(0.3f) ? null : local.Phone.PhoneNumber(),
                Vocabulary.PreferredLanguage(organization.Locale),
                (int)interests,
                erased || !random.Bool(0.1f) ? null : "Digital twin of the city centre",
                erased || random.Bool(0.2f) ? null : random.ArrayElement(Vocabulary.HeardFrom),
                visitId,
                erased || random.Bool(0.3f) ? null : english.Random.ArrayElement(Vocabulary.InquiryMessages),
                plan.SubmittedAtUtc,
                plan.SubmittedAtUtc,
                plan.Stage,
                plan.StageChangedAtUtc,
                matched,
                officeId,
                null,
                anonymizedAtUtc,
                0
            );

            var noteCount = plan.Stage == InquiryStage.New ? 0 : random.Number(0, 2);
            for (var n = 0; n < noteCount; n++)
            {
                var writtenAt = Minutes(
                    plan.SubmittedAtUtc + ((plan.StageChangedAtUtc - plan.SubmittedAtUtc) * random.Double())
                );
                notes.Add(
                    notes.Rows + 1,
                    erased ? "—" : english.Random.ArrayElement(Vocabulary.InquiryNotes),
                    Staff(random).Name,
                    writtenAt,
                    id
                );
            }

            if (
                plan.Stage is (InquiryStage.Contacted or InquiryStage.ApplicationSent or InquiryStage.UnderReview)
                && random.Bool()
            )
            {
                WriteFollowUp(
                    followUps,
                    random.ArrayElement(Vocabulary.InquiryFollowUps),
                    DateOnly.FromDateTime(plan.StageChangedAtUtc).AddDays(14),
                    plan.StageChangedAtUtc,
                    visitId: null,
                    inquiryId: id
                );
            }

            if (id % RowsPerTransaction == 0)
            {
                bulk.Commit();
            }
        }
    }

    /// <summary>Who asks and how far it came. The first seven cover every stage whatever the volume.</summary>
    private InquiryPlan PlanInquiry(int index)
    {
        var organization = random.ArrayElement(organizations);
        var first = options.InquiriesFrom.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var submittedAtUtc = Minutes(first + ((asOfUtc - first) * random.Double()));
        var age = asOfUtc - submittedAtUtc;
        var stage =
            index < AllStages.Length ? AllStages[index]
            : age < TimeSpan.FromDays(30) ? random.WeightedRandom(FreshStages, FreshWeights)
            : random.WeightedRandom(AllStages, OlderWeights);
        var stageChangedAtUtc =
            stage == InquiryStage.New
                ? submittedAtUtc
                : Minutes(
                    submittedAtUtc + TimeSpan.FromDays(Math.Min(age.TotalDays, random.Number(2, 120)) * random.Double())
                );
        return new InquiryPlan(organization, submittedAtUtc, stage, stageChangedAtUtc);
    }
}
