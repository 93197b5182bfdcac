using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>Seremban's application after its visit, through the real pipeline: opened from its inquiry, the signed
/// form sent by the status link, checked, returned or accepted; and every file the portal must refuse, refused with
/// its message and nothing stored.</summary>
public sealed class MembershipApplicationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private IDocumentStore Store => portal.Services.GetRequiredService<IDocumentStore>();

    private Task<GetApplication.Details> ApplicationAsync(int id) => portal.SendAsync(new GetApplication.Query(id))!;

    private Task<Mediator.Unit> SendFormAsync(
        string token,
        byte[]? file = null,
        string name = "Formulario firmado.pdf"
    ) =>
        portal.SendAsync(
            new SendApplicationDocument.Command
            {
                Token = token,
                FileName = name,
                File = file ?? TestData.SignedFormPdf,
            }
        );

    private async Task CheckAndAcceptAsync(int id)
    {
        var version = (await ApplicationAsync(id)).Version;
        await portal.SendAsync(
            new CheckApplication.Command
            {
                ApplicationId = id,
                Version = version,
                IsSigned = true,
                SignatoryIsAuthorised = true,
                ContactConfirmed = true,
            }
        );
        await portal.SendAsync(
            new AcceptApplication.Command
            {
                ApplicationId = id,
                Version = (await ApplicationAsync(id)).Version,
                AcceptedOn = new DateOnly(2024, 11, 18),
            }
        );
    }

    private Task<List<Domain.Common.OutboxMessage>> MailsToAsync(string reference) =>
        portal.WithDbAsync(db =>
            db.OutboxMessages.Where(m => m.Subject.Contains(reference)).OrderBy(m => m.Id).ToListAsync()
        );

    [Fact]
    public async Task An_application_opened_from_the_inquiry_keeps_its_reference_and_writes_in_the_cities_language()
    {
        var (id, token) = await portal.ApplicationFromInquiryAsync("es");

        var application = await ApplicationAsync(id);
        Assert.Equal(ApplicationState.Received, application.State);
        Assert.Equal(MembershipCategory.Full, application.Category);
        var inquiryReference = await portal.WithDbAsync(db =>
            db.MembershipInquiries.Where(i => i.Id == application.InquiryId).Select(i => i.Reference).SingleAsync()
        );
        Assert.Equal(inquiryReference, application.Reference);
        var opened = Assert.Single(await MailsToAsync(application.Reference), m =>
            m.Language == "es"
            && m.To == "official@example.org"
            && m.Subject.StartsWith("Su solicitud", StringComparison.Ordinal)
        );
        Assert.Contains(
            "el enlace privado de seguimiento que le enviamos con su consulta",
            opened.Body,
            StringComparison.Ordinal
        );
        Assert.Equal(
            "Application.AlreadyOpen",
            (
                await Assert.ThrowsAsync<DomainException>(() =>
                    portal.SendAsync(new StartApplication.Command { InquiryId = application.InquiryId })
                )
            ).Code
        );
        Assert.Equal(application.Reference, (await portal.SendAsync(new GetApplicationStatus.Query(token)))!.Reference);
    }

    [Fact]
    public async Task The_signed_form_sent_by_the_status_link_is_stored_outside_the_web_root_and_opened_only_as_itself()
    {
        var (id, token) = await portal.ApplicationFromInquiryAsync();

        await SendFormAsync(token, name: @"C:\Escaneos\Formulario firmado.pdf");

        var document = Assert.Single((await ApplicationAsync(id)).Documents);
        Assert.Equal(
            ("Formulario firmado.pdf", DocumentType.Pdf, true),
            (document.FileName, document.Type, document.SentByApplicant)
        );
        var opened = await portal.SendAsync(new OpenApplicationDocument.Query(id, document.Id));
        Assert.NotNull(opened);
        await using (opened.Content)
        {
            using var bytes = new MemoryStream();
            await opened.Content.CopyToAsync(bytes);
            Assert.Equal(TestData.SignedFormPdf, bytes.ToArray());
        }

        Assert.Equal("application/pdf", opened.ContentType);
        Assert.Null(await portal.SendAsync(new OpenApplicationDocument.Query(id + 1000, document.Id)));
        var reference = (await ApplicationAsync(id)).Reference;
        Assert.Contains(
            await portal.WithDbAsync(db => db.OutboxMessages.Select(m => m.Subject).ToListAsync()),
            subject => subject == $"A document arrived for membership application {reference}"
        );
    }

    public static TheoryData<string, byte[], string> RefusedFiles =>
        new()
        {
            // A Windows program renamed to look like the form.
            { "form.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00], "Send a PDF, PNG or JPEG file" },
            // A page that calls itself a PDF: its name and the browser's type say PDF, its content says HTML.
            { "form.pdf", "<html><script>alert(1)</script></html>"u8.ToArray(), "Send a PDF, PNG or JPEG file" },
            { "form.pdf", [], "The file is empty." },
            {
                "form.pdf",
                [.. TestData.SignedFormPdf, .. new byte[ApplicationDocument.MaxBytes]],
                "The file is larger than 10 MB."
            },
        };

    [Theory]
    [MemberData(nameof(RefusedFiles), DisableDiscoveryEnumeration = true)]
    public async Task A_file_that_is_not_an_accepted_document_is_refused_with_its_message_and_nothing_is_stored(
        string name,
        byte[] file,
        string message
    )
    {
        var (id, token) = await portal.ApplicationFromInquiryAsync("en");
        var filesBefore = Store.List().Count();

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => SendFormAsync(token, file, name));

        Assert.StartsWith(message, Assert.Single(refused.Errors).ErrorMessage, StringComparison.Ordinal);
        Assert.Empty((await ApplicationAsync(id)).Documents);
        Assert.Equal(filesBefore, Store.List().Count());
    }

    [Fact]
    public async Task A_returned_application_shows_why_on_the_status_link_and_is_received_again_with_a_new_form()
    {
        var (id, token) = await portal.ApplicationFromInquiryAsync("es");
        await SendFormAsync(token);

        await portal.SendAsync(
            new ReturnApplication.Command
            {
                ApplicationId = id,
                Version = (await ApplicationAsync(id)).Version,
                Reason = "El formulario no está firmado por el alcalde ni por un representante autorizado.",
            }
        );

        var status = (await portal.SendAsync(new GetApplicationStatus.Query(token)))!;
        Assert.Equal(ApplicationState.Returned, status.State);
        Assert.StartsWith("El formulario no está firmado", status.ReturnReason, StringComparison.Ordinal);
        var returned = (await MailsToAsync(status.Reference)).Single(m =>
            m.Subject.StartsWith("Su solicitud de adhesión a WeGO requiere", StringComparison.Ordinal)
        );
        Assert.Contains(status.ReturnReason!, returned.Body, StringComparison.Ordinal);

        await SendFormAsync(token, name: "firmado de nuevo.pdf");

        status = (await portal.SendAsync(new GetApplicationStatus.Query(token)))!;
        Assert.Equal(ApplicationState.Received, status.State);
        Assert.Null(status.ReturnReason);
        Assert.Equal(["Formulario firmado.pdf", "firmado de nuevo.pdf"], status.Documents.Select(d => d.FileName));
    }

    [Fact]
    public async Task An_accepted_city_is_an_Associate_member_from_that_day_and_its_status_link_says_so()
    {
        var (id, token) = await portal.ApplicationFromInquiryAsync("es");
        await SendFormAsync(token);

        await CheckAndAcceptAsync(id);

        var application = await ApplicationAsync(id);
        Assert.Equal(ApplicationState.Accepted, application.State);
        var member = await portal.WithDbAsync(db =>
            db.Members.Include(m => m.Changes).SingleAsync(m => m.OrganizationId == application.OrganizationId)
        );
        Assert.Equal((MembershipCategory.Associate, MemberStatus.Active), (member.Category, member.Status));
        Assert.Equal(new DateOnly(2024, 11, 18), member.MemberSince);
        Assert.Equal(application.Reference, Assert.Single(member.Changes).Cause);
        Assert.Equal(
            new DateOnly(2024, 11, 18),
            await portal.WithDbAsync(db =>
                db.Organizations.Where(o => o.Id == application.OrganizationId).Select(o => o.MemberSince).SingleAsync()
            )
        );
        var status = (await portal.SendAsync(new GetApplicationStatus.Query(token)))!;
        Assert.Equal(
            (MembershipCategory.Associate, new DateOnly(2024, 11, 18)),
            (status.MemberCategory!.Value, status.MemberSince!.Value)
        );
        var welcome = (await MailsToAsync(application.Reference)).Single(m =>
            m.Subject.Contains("miembro asociado", StringComparison.Ordinal)
        );
        Assert.Contains("18 de noviembre de 2024", welcome.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acceptance_needs_the_signed_form_and_the_whole_checklist_and_changes_nothing_when_refused()
    {
        var (id, token) = await portal.ApplicationFromInquiryAsync("en");
        await portal.SendAsync(
            new CheckApplication.Command
            {
                ApplicationId = id,
                Version = (await ApplicationAsync(id)).Version,
                IsSigned = true,
                SignatoryIsAuthorised = true,
                ContactConfirmed = true,
            }
        );

        var version = (await ApplicationAsync(id)).Version;
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            portal.SendAsync(new AcceptApplication.Command { ApplicationId = id, Version = version })
        );

        Assert.Equal("Application.NoDocument", refused.Code);
        var application = await ApplicationAsync(id);
        Assert.Equal(ApplicationState.Received, application.State);
        Assert.False(
            await portal.WithDbAsync(db => db.Members.AnyAsync(m => m.OrganizationId == application.OrganizationId))
        );
        await SendFormAsync(token);
        await portal.SendAsync(
            new CheckApplication.Command
            {
                ApplicationId = id,
                Version = (await ApplicationAsync(id)).Version,
                IsSigned = true,
                SignatoryIsAuthorised = false,
                ContactConfirmed = true,
            }
        );
        version = (await ApplicationAsync(id)).Version;
        Assert.Equal(
            "Application.ChecklistIncomplete",
            (
                await Assert.ThrowsAsync<DomainException>(() =>
                    portal.SendAsync(new AcceptApplication.Command { ApplicationId = id, Version = version })
                )
            ).Code
        );
    }

    [Fact]
    public async Task A_company_accepted_by_the_Secretariat_waits_for_the_Executive_Committee_and_is_not_yet_a_member()
    {
        var (id, token) = await portal.ApplicationFromInquiryAsync("ko", OrganizationKind.SolutionProvider);
        await SendFormAsync(token, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 1], "letter.png");

        await CheckAndAcceptAsync(id);

        var application = await ApplicationAsync(id);
        Assert.Equal(
            (MembershipCategory.Corporate, ApplicationState.Accepted),
            (application.Category, application.State)
        );
        Assert.False(
            await portal.WithDbAsync(db => db.Members.AnyAsync(m => m.OrganizationId == application.OrganizationId))
        );
        Assert.Contains(await MailsToAsync(application.Reference), m =>
            m.Language == "ko" && m.Subject.Contains("집행위원회", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task A_status_link_that_is_not_one_opens_nothing_and_takes_no_document()
    {
        Assert.Null(await portal.SendAsync(new GetApplicationStatus.Query("not-a-token")));
        Assert.Null(await portal.SendAsync(new GetApplicationStatus.Query(PrivateLinks.NewStatusToken())));
        Assert.Equal(
            "Application.NotFound",
            (await Assert.ThrowsAsync<DomainException>(() => SendFormAsync(PrivateLinks.NewStatusToken()))).Code
        );
    }

    [Fact]
    public async Task An_application_received_directly_sends_the_applicant_a_status_link_of_its_own()
    {
        var organizationId = await portal.CityRecordAsync(
            "Ciudad de Prueba",
            countryCode: "CL",
            region: Region.LatinAmerica
        );

        var started = await portal.SendAsync(
            new StartApplication.Command
            {
                OrganizationId = organizationId,
                ContactName = "María Pérez",
                ContactEmail = "maria.perez@example.org",
                Language = "es",
            }
        );

        Assert.NotNull(started.StatusToken);
        var application = await ApplicationAsync(started.ApplicationId.Value);
        Assert.Null(application.InquiryId);
        var mail = Assert.Single(await MailsToAsync(application.Reference));
        Assert.Contains($"/Membership/Status/{started.StatusToken}", mail.Body, StringComparison.Ordinal);
        await SendFormAsync(started.StatusToken);
        Assert.Single((await ApplicationAsync(application.Id)).Documents);
        await Assert.ThrowsAsync<RequestValidationException>(() =>
            portal.SendAsync(new StartApplication.Command { OrganizationId = organizationId, Language = "fr" })
        );
    }

    [Fact]
    public async Task A_city_accepted_without_an_inquiry_is_looked_after_by_its_regional_office()
    {
        var city = await portal.CityRecordAsync($"{TestData.DistinctWord()} City County", null, "KE", Region.Africa);
        var (id, token) = await portal.DirectApplicationAsync(city);
        await SendFormAsync(token);

        await portal.CheckAndAcceptAsync(id);

        var (office, abuja) = await portal.WithDbAsync(async db =>
            (
                await db.Members.Where(m => m.OrganizationId == city).Select(m => m.RegionalOfficeId).SingleAsync(),
                await db.RegionalOffices.Where(o => o.City == "Abuja").Select(o => (int?)o.Id).SingleAsync()
            )
        );
        Assert.Equal(abuja, office);
    }

    [Fact]
    public async Task An_organisation_with_an_application_on_its_way_is_refused_another_whichever_way_it_came()
    {
        var (fromInquiry, _) = await portal.ApplicationFromInquiryAsync("en");
        var inquiryCity = (await ApplicationAsync(fromInquiry)).OrganizationId;
        var directCity = await portal.CityRecordAsync();
        await portal.DirectApplicationAsync(directCity);
        var applications = await portal.WithDbAsync(db => db.MembershipApplications.CountAsync());
        var mails = await portal.WithDbAsync(db => db.OutboxMessages.CountAsync());

        foreach (var organizationId in new[] { inquiryCity, directCity })
        {
            Assert.Equal(
                "Application.AlreadyOpen",
                (await Assert.ThrowsAsync<DomainException>(() => portal.DirectApplicationAsync(organizationId))).Code
            );
        }

        Assert.Equal(applications, await portal.WithDbAsync(db => db.MembershipApplications.CountAsync()));
        Assert.Equal(mails, await portal.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }
}
