// Prevent Partnership Bot: everything one partnership's deployment needs, in one resource group.
// Deploy with `az deployment group create` (see README, Deploy) or the Agents Toolkit (m365agents.yml).

@minLength(3)
@maxLength(16)
@description('Lower-case letters and digits; every resource name starts with it (the storage account name is it plus "tables").')
param baseName string

param location string = resourceGroup().location

@description('Bot name shown in the Azure portal; Teams shows the name in manifest/manifest.json.')
param botDisplayName string = 'Prevent Partnership Bot'

@description('App Service plan size: B1 is enough for one partnership. Only plans that support Always On (Basic and above), which the schedulers need.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
param appServiceSku string = 'B1'

@description('Comma-separated tenant ids whose users may use the bot; empty means the tenant being deployed to.')
param allowedTenantIds string = ''

@description('Comma-separated tenant ids of partner organisations whose people join the partnership channel as external members of a shared channel; empty means none.')
param partnerTenantIds string = ''

param defaultPartnershipId string = 'warwickshire'
param tableNamePrefix string = 'ppb'
param agendaPostWorkingDays int = 5

@description('Working days before a deadline when the bot chases the leads who have not replied, e.g. 7,2.')
param chaserWorkingDays string = '7,2'
param logLevel string = 'info'

@secure()
@minLength(32)
@description('Signs the board report download links. Generated once by m365agents.yml (or openssl rand -base64 48) and kept in Key Vault: changing it cancels links not yet used.')
param reportLinkSecret string

@secure()
@minLength(32)
@description('Keys the audit log\'s value hashes (HMAC-SHA256), so a guessed value such as an erased name cannot be confirmed against the log. Generated once by m365agents.yml and kept in Key Vault; changing it only means later entries are hashed under the new key.')
param auditHashKey string

@description('Entra object id of the operator who loads data and takes backups from their own machine (az ad signed-in-user show --query id); empty for none. They get table and blob data roles on the storage account, since it accepts no account key.')
param operatorObjectId string = ''

@minValue(7)
@maxValue(3650)
@description('Days each nightly table backup is kept immutable: it cannot be deleted or overwritten before then.')
param backupRetentionDays int = 35

@minValue(365)
@maxValue(36500)
@description('Days each audit anchor blob (one per partnership and year) is kept immutable: appends are allowed, deletion and overwriting are not.')
param auditAnchorRetentionDays int = 2557

@minValue(1)
@maxValue(365)
@description('Days a deleted blob or container can be recovered.')
param softDeleteDays int = 14

var storageAccountName = '${baseName}tables'
var webAppName = '${baseName}-bot'
var tenantsAllowed = empty(allowedTenantIds) ? tenant().tenantId : allowedTenantIds

// The bot's identity: multi-tenant bot registrations can no longer be created, and a managed
// identity needs no client secret to store or rotate.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${baseName}-bot-identity'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_ZRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // No account key: the bot signs in with its managed identity (Storage Table Data Contributor below),
    // so a leaked app setting holds nothing that opens the tables.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    accessTier: 'Hot'
  }
}

// Table data has no soft delete or point-in-time restore, so the bot writes a backup of every table
// each night (src/storage/backup/scheduled-backup.ts) into a storage account of its own. Its container
// has a time-based retention policy: no one, the bot included, can delete or overwrite a backup until
// it has been kept backupRetentionDays. Lock the policy once it is right (README, Deploy).
resource backupStorage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: '${baseName}backups'
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_ZRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    accessTier: 'Cool'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: backupStorage
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
  }
}

resource backupContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: 'table-backups'
  properties: {
    publicAccess: 'None'
  }
}

resource backupRetention 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2023-05-01' = {
  parent: backupContainer
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: backupRetentionDays
    allowProtectedAppendWrites: false
  }
}

// Backups are deleted the day after they stop being immutable, so a name erased from the tables has
// left every backup backupRetentionDays + 1 days after the erasure (and blob soft delete keeps a
// deleted backup softDeleteDays more). docs/privacy.md describes erasure and backups.
resource backupExpiry 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: backupStorage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'delete-expired-table-backups'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'table-backups/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterCreationGreaterThan: backupRetentionDays + 1
                }
              }
            }
          }
        }
      ]
    }
  }
}

// The audit chain's heads, anchored hourly by the bot (src/storage/audit/blob-anchor-store.ts) as
// append blobs: the policy lets lines be appended but no one, the bot included, delete or rewrite
// them, so a chain cut short or rehashed in the table no longer matches its anchors. The bot's
// Storage Blob Data Contributor role on this account (backupWriterRole) covers the container.
resource anchorContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: 'audit-anchors'
  properties: {
    publicAccess: 'None'
  }
}

resource anchorRetention 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2023-05-01' = {
  parent: anchorContainer
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: auditAnchorRetentionDays
    allowProtectedAppendWrites: true
  }
}

// Built-in role ids (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles).
var storageTableDataContributor = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
var keyVaultSecretsUser = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
var storageBlobDataContributor = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')

// The bot's identity may read and write table data in this account, and nothing else in it.
resource tableDataRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: storageTableDataContributor
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// The bot writes the nightly backups; the retention policy, not the role, is what stops deletion.
resource backupWriterRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(backupStorage.id, identity.id, storageBlobDataContributor)
  scope: backupStorage
  properties: {
    roleDefinitionId: storageBlobDataContributor
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// The data cannot go with its resource: deleting the tables' account, the backups' account or the
// vault needs these locks removed first, by someone allowed to manage locks.
resource tablesLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'do-not-delete-partnership-tables'
  scope: storage
  properties: {
    level: 'CanNotDelete'
    notes: 'The partnership governance record. Remove this lock only to decommission the deployment.'
  }
}

resource backupsLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'do-not-delete-table-backups'
  scope: backupStorage
  properties: {
    level: 'CanNotDelete'
    notes: 'Nightly table backups under a retention policy. Remove this lock only to decommission the deployment.'
  }
}

resource vaultLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'do-not-delete-secrets'
  scope: vault
  properties: {
    level: 'CanNotDelete'
    notes: 'Holds the report link secret and the audit hash key. Remove this lock only to decommission the deployment.'
  }
}

// The operator's own sign-in (az login) for imports, backups and restores from their machine.
resource operatorTableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorObjectId)) {
  name: guid(storage.id, operatorObjectId, storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: storageTableDataContributor
    principalId: operatorObjectId
    principalType: 'User'
  }
}

resource operatorBlobRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorObjectId)) {
  name: guid(backupStorage.id, operatorObjectId, storageBlobDataContributor)
  scope: backupStorage
  properties: {
    roleDefinitionId: storageBlobDataContributor
    principalId: operatorObjectId
    principalType: 'User'
  }
}

// Secrets live in Key Vault (RBAC mode, soft delete, purge protection); App Service reads them
// through the bot's identity, so no secret value is an app setting.
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${baseName}-vault'
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource reportLinkSecretInVault 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'report-link-secret'
  properties: {
    value: reportLinkSecret
  }
}

resource auditHashKeyInVault 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'audit-hash-key'
  properties: {
    value: auditHashKey
  }
}

resource vaultSecretsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: keyVaultSecretsUser
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${baseName}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${baseName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'Node.JS'
    WorkspaceResourceId: workspace.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${baseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: appServiceSku
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references in the app settings are resolved with the bot's identity.
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      appCommandLine: 'node dist/bundle/index.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
    }
  }
}

var publicHost = webApp.properties.defaultHostName

// Exactly the variables src/config.ts reads (test/unit/deploy/infra-config.test.ts holds them together),
// plus App Service's own WEBSITE_ and SCM_ settings.
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  // The identity must hold its roles before the bot starts and reads the tables and the secret.
  dependsOn: [
    tableDataRole
    vaultSecretsRole
    backupWriterRole
  ]
  properties: {
    BOT_MODE: 'production'
    PORT: '8080'
    STORAGE_CONNECTION_STRING: ''
    STORAGE_TABLE_ENDPOINT: storage.properties.primaryEndpoints.table
    BACKUP_BLOB_ENDPOINT: backupStorage.properties.primaryEndpoints.blob
    BACKUP_CONTAINER: backupContainer.name
    AUDIT_ANCHOR_CONTAINER: anchorContainer.name
    AUDIT_HASH_KEY: '@Microsoft.KeyVault(SecretUri=${auditHashKeyInVault.properties.secretUri})'
    AZURE_CLIENT_ID: identity.properties.clientId
    TABLE_NAME_PREFIX: tableNamePrefix
    DEFAULT_PARTNERSHIP_ID: defaultPartnershipId
    MicrosoftAppId: identity.properties.clientId
    MicrosoftAppPassword: ''
    MicrosoftAppTenantId: identity.properties.tenantId
    MicrosoftAppType: 'UserAssignedMSI'
    ALLOWED_TENANT_IDS: tenantsAllowed
    PARTNER_TENANT_IDS: partnerTenantIds
    FRAMEWORKS_DIRECTORY: ''
    AGENDA_POST_WORKING_DAYS: string(agendaPostWorkingDays)
    CHASER_WORKING_DAYS: chaserWorkingDays
    MAX_REQUEST_BODY_KB: '256'
    HEALTH_CACHE_SECONDS: '10'
    PUBLIC_BASE_URL: 'https://${publicHost}'
    REPORT_LINK_SECRET: '@Microsoft.KeyVault(SecretUri=${reportLinkSecretInVault.properties.secretUri})'
    LOG_FORMAT: 'json'
    LOG_LEVEL: logLevel
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
    WEBSITE_RUN_FROM_PACKAGE: '1'
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
  }
}

// App Service's console (the bot's JSON log lines, with their trace ids), HTTP and platform logs go
// to the Log Analytics workspace, where Application Insights' requests are too.
resource webAppLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'logs-to-workspace'
  scope: webApp
  properties: {
    workspaceId: workspace.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

// Application Insights asks /healthz every 5 minutes from three UK and European locations; the
// health check answers 200 only when Table storage is reachable.
resource healthTest 'Microsoft.Insights/webtests@2022-06-15' = {
  name: '${baseName}-healthz'
  location: location
  kind: 'standard'
  tags: {
    'hidden-link:${appInsights.id}': 'Resource'
  }
  properties: {
    SyntheticMonitorId: '${baseName}-healthz'
    Name: 'Bot health (/healthz)'
    Kind: 'standard'
    Enabled: true
    Frequency: 300
    Timeout: 30
    RetryEnabled: true
    Locations: [
      {
        Id: 'emea-gb-db3-azr'
      }
      {
        Id: 'emea-nl-ams-azr'
      }
      {
        Id: 'emea-fr-pra-edge'
      }
    ]
    Request: {
      RequestUrl: 'https://${publicHost}/healthz'
      HttpVerb: 'GET'
      ParseDependentRequests: false
    }
    ValidationRules: {
      ExpectedHttpStatusCode: 200
      SSLCheck: true
      SSLCertRemainingLifetimeCheck: 14
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${baseName}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${publicHost}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      deploymentEnvironment: 'CommercialDeployment'
    }
  }
}

// Upper-case names: the Agents Toolkit writes each output into infra/env/.env.<environment> under its name,
// and `npm run package` reads BOT_ID and BOT_DOMAIN from the environment.
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output BOT_DOMAIN string = publicHost
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output APP_SERVICE_NAME string = webApp.name
output STORAGE_ACCOUNT_NAME string = storage.name
output BACKUP_STORAGE_ACCOUNT_NAME string = backupStorage.name
output BACKUP_CONTAINER_NAME string = backupContainer.name
output AUDIT_ANCHOR_CONTAINER_NAME string = anchorContainer.name
output STORAGE_TABLE_ENDPOINT string = storage.properties.primaryEndpoints.table
output KEY_VAULT_NAME string = vault.name
