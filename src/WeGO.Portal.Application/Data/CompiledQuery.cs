using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace WeGO.Portal.Application.Data;

/// <summary>A query compiled once per model (docs/decisions/0047): <c>EF.CompileAsyncQuery</c> skips building the
/// query's expression tree and looking it up in EF Core's cache on every run, but ties what it compiled to the first
/// model it runs on and refuses any other. One process can hold several (the tests run SQLite and PostgreSQL side by
/// side), so each model gets its own compilation, kept as long as the model lives.</summary>
public sealed class CompiledQuery<TQuery>
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> byModel = new();
    private readonly ConditionalWeakTable<IModel, TQuery>.CreateValueCallback compile;

    /// <param name="compile">Calls <c>EF.CompileAsyncQuery</c> with the query.</param>
    public CompiledQuery(Func<TQuery> compile) => this.compile = _ => compile();

    /// <summary>The query compiled for <paramref name="db"/>'s model.</summary>
    public TQuery For(DbContext db) => byModel.GetValue(db.Model, compile);
}
