// Placeholder entry point so the solution builds; the real host replaces this file.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.Run();
