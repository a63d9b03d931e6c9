using System.Runtime.InteropServices;

namespace HoaHung.Learning.ContentPacks;

/// <summary>
/// What a path is, without following a symbolic link and without opening it. .NET reports a FIFO or a device as a
/// normal file (opening a FIFO blocks until someone writes; /dev/zero never ends), so on Linux this asks the kernel
/// with <c>statx</c>, whose result layout is the same on every architecture. Elsewhere the managed view is used.
/// </summary>
internal static class FileKinds
{
    public enum FileKind { Missing, Regular, Directory, SymbolicLink, Other }

    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28; // struct statx: u32 mask, u32 blksize, u64 attributes, u32 nlink, u32 uid, u32 gid, u16 mode
    private const int TypeMask = 0xF000, Regular = 0x8000, Directory = 0x4000, Link = 0xA000;
    private const int ENOENT = 2, ENOTDIR = 20, ENOSYS = 38;
    private static bool statxMissing;

    public static FileKind Of(string path)
    {
        if (OperatingSystem.IsLinux() && !statxMissing)
        {
            try
            {
                var buffer = new byte[256];
                if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, buffer) == 0)
                {
                    var mode = BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask;
                    return mode switch { Regular => FileKind.Regular, Directory => FileKind.Directory, Link => FileKind.SymbolicLink, _ => FileKind.Other };
                }
                var errno = Marshal.GetLastPInvokeError();
                if (errno is ENOENT or ENOTDIR)
                    return FileKind.Missing;
                if (errno != ENOSYS)
                    return FileKind.Other;
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                // A C library without statx (older musl): fall back to what .NET can tell.
            }
            statxMissing = true;
        }
        return Managed(path);
    }

    private static FileKind Managed(string path)
    {
        FileSystemInfo info = System.IO.Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (info.LinkTarget is not null)
            return FileKind.SymbolicLink;
        if (!info.Exists)
            return FileKind.Missing;
        return info is DirectoryInfo ? FileKind.Directory : FileKind.Regular;
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}
