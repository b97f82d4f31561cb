using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace RlhfGraph.Persistence.Providers;

/// <summary>
/// Which file a SQLite connection string names, by identity rather than by path: device and inode on Linux (statx),
/// creation time elsewhere. An open SQLite handle keeps reading the file it opened, even after that file is deleted
/// or replaced at its path, and Microsoft.Data.Sqlite's pool hands such handles out again; so whoever is about to
/// read calls <see cref="Check"/> (a stat, a few microseconds), which clears the pools the moment the identity
/// changes, and every connection opened afterwards opens the file now at the path.
/// </summary>
public static class SqliteFileIdentity
{
    private static readonly ConcurrentDictionary<string, (string File, string? Identity)> Known = new(StringComparer.Ordinal);

    /// <summary>
    /// Compares the file with the one this process saw last for <paramref name="connectionString"/>; on a change
    /// clears every SQLite pool. Null for an in-memory database (no file to follow).
    /// </summary>
    public static SqliteFileState? Check(string connectionString)
    {
        if (!Known.TryGetValue(connectionString, out var known))
        {
            var options = new SqliteConnectionStringBuilder(connectionString);
            if (options.Mode == SqliteOpenMode.Memory || options.DataSource is "" or ":memory:") return null;
            known = (Path.GetFullPath(options.DataSource), null);
            Known[connectionString] = known = (known.File, Of(known.File));
            return known.Identity is null ? SqliteFileState.Missing : SqliteFileState.Same;
        }

        var now = Of(known.File);
        if (now == known.Identity) return now is null ? SqliteFileState.Missing : SqliteFileState.Same;
        Known[connectionString] = (known.File, now);
        SqliteConnection.ClearAllPools();
        return now is null ? SqliteFileState.Missing : SqliteFileState.Replaced;
    }

    /// <summary>The file's identity ("dev:inode" on Linux, its creation time elsewhere), or null when there is no file.</summary>
    public static string? Of(string file)
    {
        if (OperatingSystem.IsLinux())
        {
            // Called before every read: one buffer per thread, not one per call.
            var buffer = _statxBuffer ??= new byte[256];
            try
            {
                // struct statx is laid out alike on every architecture: stx_ino at 32, stx_dev_major/minor at 136/140.
                if (NativeMethods.statx(AtCurrentDirectory, file, 0, StatxIno, buffer) != 0) return null;
                return string.Create(CultureInfo.InvariantCulture,
                    $"{BitConverter.ToUInt32(buffer, 136)}:{BitConverter.ToUInt32(buffer, 140)}:{BitConverter.ToUInt64(buffer, 32)}");
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                // A libc without statx (glibc before 2.28, musl before 1.2.5): fall back to the creation time.
            }
        }

        return File.Exists(file) ? File.GetCreationTimeUtc(file).Ticks.ToString(CultureInfo.InvariantCulture) : null;
    }

    [ThreadStatic]
    private static byte[]? _statxBuffer;

    private const int AtCurrentDirectory = -100;
    private const uint StatxIno = 0x100;

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA2101", Justification = "Paths are passed as the bytes libc expects; UTF-8 marshalling below.")]
        public static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
    }
}

/// <summary>What <see cref="SqliteFileIdentity.Check"/> found.</summary>
public enum SqliteFileState
{
    /// <summary>The file this process read before.</summary>
    Same,

    /// <summary>Another file at the path (deleted and recreated, moved over, restored): the pools were cleared.</summary>
    Replaced,

    /// <summary>No file at the path.</summary>
    Missing,
}
