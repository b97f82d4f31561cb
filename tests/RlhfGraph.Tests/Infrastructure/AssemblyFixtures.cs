using RlhfGraph.Tests.Infrastructure;

// One instance of each engine for the whole run; test classes and fixtures take them in their constructors.
[assembly: AssemblyFixture(typeof(SqliteEngine))]
[assembly: AssemblyFixture(typeof(SqlServerEngine))]
