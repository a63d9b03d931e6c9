namespace HoaHung.Learning.Media;

/// <summary>
/// Tells a full disk from other I/O failures (issue 26: a full media disk refuses uploads with a sentence, it is not
/// a 500 or "the connection dropped"). .NET on Linux gives an <see cref="IOException"/> whose HResult is the raw errno;
/// on Windows the HResult is the Win32 error as an HRESULT.
/// </summary>
public static class DiskFull
{
    private const int Enospc = 28;            // Linux: No space left on device
    private const int Edquot = 122;           // Linux: Disk quota exceeded
    private const int ErrorDiskFull = unchecked((int)0x80070070);
    private const int ErrorHandleDiskFull = unchecked((int)0x80070027);

    public static bool Is(Exception e) => e is IOException { HResult: Enospc or Edquot or ErrorDiskFull or ErrorHandleDiskFull };
}
