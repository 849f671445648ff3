# Build: SDK 10. Run: ASP.NET 10 runtime, non-root, data in the /data volume, HTTP on 8080.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish DiscordAnalytics.Web -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /data && chown app:app /data
USER app
VOLUME /data
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Storage__ConnectionString="Data Source=/data/analytics.db"
EXPOSE 8080
# The image has no curl: the app asks its own /healthz (exit 0 on 200).
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["dotnet", "DiscordAnalytics.Web.dll", "healthcheck", "http://127.0.0.1:8080/healthz"]
ENTRYPOINT ["dotnet", "DiscordAnalytics.Web.dll"]
