namespace WeGO.Portal.Web.Forms;

public static class Uploads
{
    /// <summary>Reads an uploaded file up to a limit, so a huge file costs no more than the limit; reading one byte
    /// more than a use case accepts lets its validator say the file was too large.</summary>
    public static async Task<byte[]> ReadAtMostAsync(
        this IFormFile file,
        int limit,
        CancellationToken cancellationToken
    )
    {
        await using var stream = file.OpenReadStream();
        var buffer = new byte[Math.Min(limit, Math.Max(0, (int)Math.Min(file.Length, int.MaxValue)))];
        var read = 0;
        while (
            read < buffer.Length && await stream.ReadAsync(buffer.AsMemory(read), cancellationToken) is var n and > 0
        )
        {
            read += n;
        }

        return read == buffer.Length ? buffer : buffer[..read];
    }
}
