using System.Text;

namespace WeGO.Portal.Testing;

/// <summary>A file the running portal may still be writing, renaming or deleting (a log, the database's -wal and -shm
/// files), read without locking it.</summary>
public static class LiveFile
{
    /// <summary>The whole file as text, read while the portal keeps it open: as UTF-8 (or what its byte-order mark
    /// says) unless <paramref name="encoding"/> is given, which is then used for every byte.</summary>
    public static string Read(string path, Encoding? encoding = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(
            stream,
            encoding ?? Encoding.UTF8,
            detectEncodingFromByteOrderMarks: encoding is null
        );
        return reader.ReadToEnd();
    }

    /// <summary>As <see cref="Read"/>, or empty when the file went away between a listing and the read (SQLite
    /// deletes its -shm and -wal files when the last connection closes): a file that is gone holds nothing.</summary>
    public static string ReadUnlessGone(string path, Encoding? encoding = null)
    {
        try
        {
            return Read(path, encoding);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return "";
        }
    }
}
