using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace HoaHung.Learning.Data;

/// <summary>
/// An EF compiled query (no expression tree to walk per call, for the queries a signed-in page runs on every view),
/// compiled once per model: EF refuses to run a compiled query against another model than its first, and one
/// process can hold both providers' models (the test suite does).
/// </summary>
public sealed class PerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> compiled = [];

    public TQuery For(DbContext db) => compiled.GetValue(db.Model, _ => compile());
}
