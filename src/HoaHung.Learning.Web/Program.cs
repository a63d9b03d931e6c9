using HoaHung.Learning.Web.Commands;
using HoaHung.Learning.Web.Hosting;

// The program doubles as the admin command line (docs/architecture.md §5b): `migrate`, `import-content [DIR]`, `backup FILE`.
var command = AdminCommands.Parse(args);
var builder = WebApplication.CreateBuilder(command is null ? args : command.ConfigurationArgs);
builder.AddLearningSite();
var app = builder.Build();

if (command is not null)
    return await AdminCommands.RunAsync(app, command);

PublicAddress.Check(app); // in Production, no forgeable host in the site's links
await app.PrepareDatabaseAsync();
app.UseLearningSite();
await app.RunAsync();
return 0;

public partial class Program;
