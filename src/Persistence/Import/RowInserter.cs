using System.Diagnostics;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace RlhfGraph.Persistence.Import;

/// <summary>
/// Inserts new rows of one table through a single prepared statement, reading columns, conversions and the
/// generated key from the EF model. On SQLite (no statement batching) SaveChanges spends most of a large
/// import on change tracking and per-entity command building; this does the same INSERTs a few times faster.
/// </summary>
/// <remarks>
/// The statement is driven through SQLitePCL.raw on the connection's own handle (so it runs in the current
/// transaction) rather than through a SqliteCommand: a command's ExecuteNonQuery costs far more than SQLite's insert
/// itself (a data reader, parameters bound by name, each value boxed by EF's getter and again by its converter). Each
/// column is bound by index through a delegate compiled once per table, storing every value as Microsoft.Data.Sqlite
/// would (see <see cref="Statement"/>), so the database is byte for byte the same.
/// </remarks>
internal sealed class RowInserter(RlhfGraphDbContext db)
{
    // What to bind per entity type, with and without explicit keys; compiled once per model rather than per call.
    private static readonly ConditionalWeakTable<IEntityType, object?[]> Plans = [];

    /// <summary>
    /// True where this path is used: SQLite with no command interceptor registered, since interceptors (auditing,
    /// fault injection, statement counting) must see every write and this path bypasses them. Elsewhere (SQL Server
    /// batches well) the writer lets SaveChanges insert.
    /// </summary>
    public bool IsAvailable { get; } = db.Database.IsSqlite()
        && db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.Any(i => i is IDbCommandInterceptor) != true;

    /// <summary>
    /// Inserts <paramref name="rows"/> in the current transaction and writes generated ids back onto them, or, with
    /// <paramref name="explicitKeys"/>, inserts the ids the rows already carry (SQLite takes them as they are).
    /// </summary>
    public void Insert<T>(IReadOnlyList<T> rows, bool explicitKeys = false)
        where T : class
    {
        if (rows.Count > 0) Insert((IEnumerable<T>)rows, explicitKeys);
    }

    /// <summary>Inserts rows as <paramref name="rows"/> yields them, so a caller can stream rows it never holds all at once; returns how many.</summary>
    public int Insert<T>(IEnumerable<T> rows, bool explicitKeys = false)
        where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var plans = Plans.GetValue(entityType, _ => new object?[2]);
        var plan = (Plan<T>)(plans[explicitKeys ? 1 : 0] ??= new Plan<T>(entityType, explicitKeys, db.GetService<ISqlGenerationHelper>()));

        var count = 0;
        db.Database.OpenConnection();
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            using var statement = new Statement(connection, plan.Sql);
            if (plan.SetKey is { } setKey)
            {
                foreach (var row in rows)
                {
                    plan.Bind(statement, row, 0);
                    statement.Run();
                    count++;
                    // The generated key is the row's rowid (an INTEGER PRIMARY KEY), which SQLite keeps per connection:
                    // reading it costs a function call, where RETURNING made every insert a data reader.
                    setKey(row, statement.LastRowId);
                }

                return count;
            }

            // Rows with no key to read back go Plan.BatchRows to a statement, the last few one by one: a statement run per row
            // cost as much again as SQLite's insert itself (8 million three-column rows: 5.5 s one by one, 2.8 s 64 at a time).
            using var batch = new Statement(connection, plan.BatchSql);
            var pending = new T[Plan<T>.BatchRows];
            var filled = 0;
            foreach (var row in rows)
            {
                pending[filled++] = row;
                count++;
                if (filled < pending.Length) continue;
                for (var i = 0; i < filled; i++) plan.Bind(batch, pending[i], i * plan.Columns);
                batch.Run();
                filled = 0;
            }

            for (var i = 0; i < filled; i++)
            {
                plan.Bind(statement, pending[i], 0);
                statement.Run();
            }
        }
        finally
        {
            db.Database.CloseConnection();
        }

        return count;
    }

    /// <summary>One table's INSERT and the compiled delegates that bind a row to it and write its generated key back.</summary>
    private sealed class Plan<T>
    {
        public Plan(IEntityType entityType, bool explicitKeys, ISqlGenerationHelper sql)
        {
            var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
            var generated = !explicitKeys && entityType.FindPrimaryKey()!.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } identity] ? identity : null;
            var columns = entityType.GetProperties().Where(p => p != generated).ToList();
            Columns = columns.Count;
            var insert = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) VALUES ";
            string Values(int row) => $"({string.Join(", ", columns.Select((_, i) => $"?{(row * columns.Count) + i + 1}"))})";
            Sql = insert + Values(0);
            BatchSql = insert + string.Join(", ", Enumerable.Range(0, BatchRows).Select(Values));

            var statement = Expression.Parameter(typeof(Statement), "statement");
            var row = Expression.Parameter(typeof(T), "row");
            var offset = Expression.Parameter(typeof(int), "offset");
            Bind = Expression.Lambda<Action<Statement, T, int>>(
                Expression.Block(columns.Select((c, i) => BindColumn(statement, Expression.Add(offset, Expression.Constant(i + 1)), row, c))), statement, row, offset).Compile();

            if (generated is not null)
            {
                var id = Expression.Parameter(typeof(long), "id");
                var key = Expression.Property(row, generated.PropertyInfo!);
                // Checked, as the Convert.ChangeType it replaces: an id past the key's type fails rather than wraps.
                SetKey = Expression.Lambda<Action<T, long>>(Expression.Assign(key, Expression.ConvertChecked(id, key.Type)), row, id).Compile();
            }
        }

        /// <summary>Rows per statement where no generated key is read back (well below SQLite's 32 766 parameters for any table here).</summary>
        public const int BatchRows = 64;

        /// <summary>The INSERT of one row.</summary>
        public string Sql { get; }

        /// <summary>The INSERT of <see cref="BatchRows"/> rows.</summary>
        public string BatchSql { get; }

        /// <summary>Parameters per row.</summary>
        public int Columns { get; }

        /// <summary>Binds a row's columns at 1-based indexes after the given offset (0 for a statement's first row).</summary>
        public Action<Statement, T, int> Bind { get; }

        public Action<T, long>? SetKey { get; }

        // row.Column, through the column's value converter when it has one, bound at 1-based index; null binds NULL
        // (converters never see null, as in EF).
        private static BlockExpression BindColumn(ParameterExpression statement, Expression index, ParameterExpression row, IProperty property)
        {
            var member = property.PropertyInfo ?? (System.Reflection.MemberInfo?)property.FieldInfo
                ?? throw new NotSupportedException($"{property.DeclaringType.DisplayName()}.{property.Name} has no CLR member to read.");
            var value = Expression.Variable(property.ClrType, "value");
            Expression present = Nullable.GetUnderlyingType(value.Type) is null ? value : Expression.Property(value, "Value");
            if ((property.GetValueConverter() ?? property.GetTypeMapping().Converter) is { } converter)
            {
                var convert = converter.ConvertToProviderExpression;
                present = ParameterReplacer.Replace(convert.Body, convert.Parameters[0], Expression.Convert(present, convert.Parameters[0].Type));
            }

            var bind = Statement.BindExpression(statement, index, present, property);
            return Expression.Block(
                [value],
                Expression.Assign(value, Expression.MakeMemberAccess(row, member)),
                value.Type.IsValueType && Nullable.GetUnderlyingType(value.Type) is null
                    ? bind
                    : Expression.IfThenElse(Expression.Equal(value, Expression.Constant(null, value.Type)), Statement.BindNullExpression(statement, index), bind));
        }
    }

    private sealed class ParameterReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        public static Expression Replace(Expression body, ParameterExpression parameter, Expression replacement) =>
            new ParameterReplacer(parameter, replacement).Visit(body);

        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : base.VisitParameter(node);
    }

    /// <summary>
    /// A prepared statement on the connection's handle. Values are bound as Microsoft.Data.Sqlite's parameter binder
    /// binds them (bool as INTEGER 0/1, integers and enums as INTEGER, strings as UTF-8 TEXT up to a first NUL); failures
    /// throw the <see cref="SqliteException"/> a command would.
    /// </summary>
    private sealed class Statement : IDisposable
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _stmt;
        private readonly int _timeoutMs;
        // Strings are encoded here, NUL-terminated, instead of into a new array each (what raw's string overload does).
        private byte[] _text = new byte[256];

        public Statement(SqliteConnection connection, string sql)
        {
            _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
            _timeoutMs = connection.DefaultTimeout * 1000;
            Check(raw.sqlite3_prepare_v2(_db, sql, out _stmt));
        }

        public long LastRowId => raw.sqlite3_last_insert_rowid(_db);

        /// <summary>The call that binds <paramref name="value"/> (the column's provider value) at <paramref name="index"/>, chosen by its type.</summary>
        public static Expression BindExpression(ParameterExpression statement, Expression index, Expression value, IProperty property)
        {
            var type = value.Type;
            var (method, argument) = type switch
            {
                _ when type == typeof(bool) => (nameof(BindInt64), Expression.Condition(value, Expression.Constant(1L), Expression.Constant(0L))),
                _ when type.IsEnum || type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
                    || type == typeof(sbyte) || type == typeof(ushort) || type == typeof(uint) || type == typeof(ulong)
                    => (nameof(BindInt64), type == typeof(long) ? value : Expression.Convert(type.IsEnum ? Expression.Convert(value, Enum.GetUnderlyingType(type)) : value, typeof(long))),
                _ when type == typeof(string) => (nameof(BindText), value),
                // The model maps no other provider type today. Microsoft.Data.Sqlite stores each of the others its own
                // way (REAL with a NaN check, BLOB, text formats for dates, times, decimals, GUIDs and chars); a column
                // of one fails here until its binding is written to match, rather than being stored differently.
                _ => throw new NotSupportedException($"{property.DeclaringType.DisplayName()}.{property.Name}: {type.Name} columns are not supported by the row inserter."),
            };
            return Expression.Call(statement, typeof(Statement).GetMethod(method)!, index, argument);
        }

        public static Expression BindNullExpression(ParameterExpression statement, Expression index) =>
            Expression.Call(statement, typeof(Statement).GetMethod(nameof(BindNull))!, index);

        public void BindInt64(int index, long value) => Check(raw.sqlite3_bind_int64(_stmt, index, value));

        public void BindText(int index, string? value)
        {
            if (value is null)
            {
                BindNull(index);
                return;
            }

            var length = Encoding.UTF8.GetMaxByteCount(value.Length) + 1;
            if (_text.Length < length) _text = new byte[Math.Max(length, _text.Length * 2)];
            var written = Encoding.UTF8.GetBytes(value, _text);
            _text[written] = 0;
            // The NUL-terminated form, as raw.sqlite3_bind_text(string) passes it: SQLite copies it up to the first NUL.
            Check(raw.sqlite3_bind_text(_stmt, index, utf8z.FromSpan(_text.AsSpan(0, written + 1))));
        }

        public void BindNull(int index) => Check(raw.sqlite3_bind_null(_stmt, index));

        /// <summary>Runs the insert with the values bound, waiting out another connection's lock as a command would.</summary>
        public void Run()
        {
            int rc;
            Stopwatch? waited = null;
            while ((rc = raw.sqlite3_step(_stmt)) is raw.SQLITE_BUSY or raw.SQLITE_LOCKED or raw.SQLITE_LOCKED_SHAREDCACHE)
            {
                waited ??= Stopwatch.StartNew();
                if (_timeoutMs != 0 && waited.ElapsedMilliseconds >= _timeoutMs) break;
                raw.sqlite3_reset(_stmt);
                Thread.Sleep(150);
            }

            try
            {
                if (rc != raw.SQLITE_DONE) Check(rc);
            }
            finally
            {
                // After the error is read: reset rewinds the statement for the next row and keeps the bindings.
                raw.sqlite3_reset(_stmt);
            }
        }

        public void Dispose() => _stmt.Dispose();

        private void Check(int rc)
        {
            if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
