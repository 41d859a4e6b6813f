# Multi-stage build: restore (cached layer) → publish → ASP.NET runtime with Debian's scientific Python.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props GigaEvo.sln ./
COPY GigaEvo.Core/GigaEvo.Core.csproj GigaEvo.Core/
COPY GigaEvo.Web/GigaEvo.Web.csproj GigaEvo.Web/
RUN dotnet restore GigaEvo.Web/GigaEvo.Web.csproj
COPY . .
RUN dotnet publish GigaEvo.Web/GigaEvo.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 python3-numpy python3-scipy python3-pandas python3-sklearn \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 10001 gigaevo
WORKDIR /app
COPY --from=build /app .
USER gigaevo
ENV ASPNETCORE_URLS=http://+:7860 Python__Interpreter=/usr/bin/python3
EXPOSE 7860
ENTRYPOINT ["dotnet", "GigaEvo.Web.dll"]
