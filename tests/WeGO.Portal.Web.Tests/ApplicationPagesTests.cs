using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>The application's pages over HTTP as a browser uses them: the applicant sends the signed form on the
/// status page; staff open, check and accept; documents reach staff only, as downloads that cannot run.</summary>
public sealed class ApplicationPagesTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public ApplicationPagesTests(PortalFactory portal)
    {
        this.portal = portal.Start();
    }

    private async Task<PortalClient> StaffAsync()
    {
        var client = PortalClient.For(portal, "en");
        await client.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        return client;
    }

    /// <summary>Posts a file from the status page's form, as a browser does: multipart, with its antiforgery
    /// token.</summary>
    private static async Task<HttpResponseMessage> SendAsync(PortalClient city, string token, string name, byte[] file)
    {
        var page = await city.GetPageAsync($"/Membership/Status/{token}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(PortalClient.AntiforgeryToken(page)!), "__RequestVerificationToken" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(content, "Upload.File", name);
        return await city.Http.PostAsync(
            new Uri($"/Membership/Status/{token}?handler=Document", UriKind.Relative),
            form
        );
    }

    [Fact]
    public async Task The_applicant_sends_the_signed_form_on_the_status_page_in_Spanish_and_sees_it_arrive()
    {
        var (id, token) = await portal.ApplicationFromInquiryAsync("es");
        var city = PortalClient.For(portal, "es");

        using var sent = await SendAsync(city, token, "Formulario firmado.pdf", TestData.SignedFormPdf);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var page = await city.GetPageAsync(sent.Headers.Location!.OriginalString);
        Assert.Contains("Gracias: la Secretaría ha recibido su documento.", page, StringComparison.Ordinal);
        Assert.Contains("Formulario firmado.pdf", page, StringComparison.Ordinal);
        Assert.Equal(
            1,
            await portal.WithDbAsync(db =>
                db.MembershipApplications.Where(a => a.Id == id).SelectMany(a => a.Documents).CountAsync()
            )
        );
    }

    [Fact]
    public async Task A_renamed_program_is_refused_on_the_status_page_with_a_message_in_the_applicants_language()
    {
        var (id, token) = await portal.ApplicationFromInquiryAsync("ko");
        var city = PortalClient.For(portal, "ko");

        using var refused = await SendAsync(city, token, "form.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00]);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("PDF, PNG 또는 JPEG 파일을 보내 주세요", page, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", page, StringComparison.Ordinal);
        Assert.Equal(
            0,
            await portal.WithDbAsync(db =>
                db.MembershipApplications.Where(a => a.Id == id).SelectMany(a => a.Documents).CountAsync()
            )
        );
    }

    [Fact]
    public async Task A_document_reaches_staff_only_as_a_download_that_cannot_run_in_the_page()
    {
        var (id, token) = await portal.ApplicationFromInquiryAsync("en");
        using (await SendAsync(PortalClient.For(portal, "en"), token, "form.pdf", TestData.SignedFormPdf)) { }
        var documentId = await portal.WithDbAsync(db =>
            db.MembershipApplications.Where(a => a.Id == id)
                .SelectMany(a => a.Documents)
                .Select(d => d.Id)
                .SingleAsync()
        );
        var address = $"/Membership/Applications/Details/{id}?handler=Document&documentId={documentId}";

        using var anonymous = await PortalClient.For(portal, "en").GetAsync(address);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/Account/SignIn", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var staff = await StaffAsync();
        using var download = await staff.GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("form.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains(
            "sandbox",
            download.Headers.GetValues("Content-Security-Policy").Single(),
            StringComparison.Ordinal
        );
        Assert.Equal(TestData.SignedFormPdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Staff_open_the_application_from_the_inquiry_check_it_and_accept_the_city_as_an_Associate_member()
    {
        var (_, token) = await portal.ApplicationFromInquiryAsync("en");
        using (await SendAsync(PortalClient.For(portal, "en"), token, "form.pdf", TestData.SignedFormPdf)) { }
        var id = await portal.WithDbAsync(db =>
            db.MembershipApplications.OrderByDescending(a => a.Id).Select(a => a.Id).FirstAsync()
        );
        var staff = await StaffAsync();
        var details = $"/Membership/Applications/Details/{id}";
        string Version(string page) =>
            System
                .Text.RegularExpressions.Regex.Match(page, "name=\"Accept.Version\" value=\"(\\d+)\"")
                .Groups[1]
                .Value;

        var page = await staff.GetPageAsync(details);
        using (
            await staff.PostFormAsync(
                details,
                [
                    new(
                        "Checklist.Version",
                        System
                            .Text.RegularExpressions.Regex.Match(page, "name=\"Checklist.Version\" value=\"(\\d+)\"")
                            .Groups[1]
                            .Value
                    ),
                    new("Checklist.IsSigned", "true"),
                    new("Checklist.SignatoryIsAuthorised", "true"),
                    new("Checklist.ContactConfirmed", "true"),
                ],
                $"/Membership/Applications/Change/{id}?handler=Checklist"
            )
        ) { }
        page = await staff.GetPageAsync(details);
        using var accepted = await staff.PostFormAsync(
            details,
            [new("Accept.Version", Version(page)), new("Accept.AcceptedOn", "2024-11-18")],
            $"/Membership/Applications/Change/{id}?handler=Accept"
        );

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        page = await staff.GetPageAsync(details);
        Assert.Contains("Application accepted; the applicant has been written to.", page, StringComparison.Ordinal);
        Assert.Contains("Accepted, awaiting the Executive Committee", page, StringComparison.Ordinal);
        var cityPage = await PortalClient.For(portal, "en").GetPageAsync($"/Membership/Status/{token}");
        Assert.Contains("Associate member since", cityPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_program_director_reads_an_application_but_cannot_accept_it()
    {
        var (id, _) = await portal.ApplicationFromInquiryAsync("en");
        var director = await PortalClient.NewStaffSignedInAsync(portal, Roles.ProgramDirector, "en");
        var details = $"/Membership/Applications/Details/{id}";

        var page = await director.GetPageAsync(details);
        Assert.DoesNotContain("id=\"accept-form\"", page, StringComparison.Ordinal);
        using var refused = await director.PostFormAsync(
            details,
            [new("Accept.Version", "0")],
            $"/Membership/Applications/Change/{id}?handler=Accept"
        );

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.False(
            await portal.WithDbAsync(db =>
                db.Members.AnyAsync(m =>
                    m.Id > 0 && db.MembershipApplications.Any(a => a.Id == id && a.OrganizationId == m.OrganizationId)
                )
            )
        );
    }
}
