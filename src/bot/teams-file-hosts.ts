/**
 * Where Teams keeps a file a user sends a bot in a 1:1 chat, and so the only hosts the bot will
 * download a `file.download.info` attachment from.
 *
 * Microsoft's "Send and receive files using bot" (Teams platform docs, bots-filesv4) says the file is
 * first uploaded to the sender's OneDrive for Business, and the activity carries its SharePoint
 * `contentUrl` (https://contoso.sharepoint.com/personal/...) and a pre-authenticated `downloadUrl`.
 * OneDrive for Business is served from the tenant's `<tenant>-my.sharepoint.com`, team files from
 * `<tenant>.sharepoint.com`; bots cannot receive files in GCC High, DoD or 21Vianet clouds, so
 * their SharePoint domains are not listed. Consumer OneDrive never holds a Teams work file.
 *
 * The list is code, not configuration: nothing a message says can widen it.
 */
const TENANT_SHAREPOINT = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.sharepoint\.com$/;

/** True for an https URL on a tenant's SharePoint or OneDrive for Business host, default port, no credentials. */
export function isTeamsFileUrl(url: URL): boolean {
  return url.protocol === 'https:' && url.port === '' && url.username === '' && url.password === '' && TENANT_SHAREPOINT.test(url.hostname);
}
