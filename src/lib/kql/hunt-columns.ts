// Which columns of each catalog table hold which kind of indicator, for the generated hunts.
// Only columns documented in the Microsoft Sentinel / Defender XDR table references are listed:
// a wrong column name would make a whole generated query fail, so a table whose columns are free
// text or unsure (Syslog, AzureDiagnostics, custom _CL tables) is left out rather than guessed.

/** An address column, with the port column that belongs to it when there is one. */
export interface AddressColumn {
  /** Column holding an IP address. */
  address: string;
  /** Column holding that side's port. */
  port?: string;
}

/** Indicator columns of one table. */
export interface HuntColumns {
  /** Address columns, most useful first (remote or destination before local or source). */
  addresses?: readonly AddressColumn[];
  /** Columns holding a host name or a URL, searched with `has_any`. */
  hosts?: readonly string[];
  /** Columns holding a full URL. */
  urls?: readonly string[];
  /** Columns holding an e-mail address. */
  emails?: readonly string[];
  /** Hash columns by algorithm. */
  md5?: readonly string[];
  sha1?: readonly string[];
  sha256?: readonly string[];
}

const DEFENDER_PROCESS_HASHES = {
  md5: ['MD5', 'InitiatingProcessMD5'],
  sha1: ['SHA1', 'InitiatingProcessSHA1'],
  sha256: ['SHA256', 'InitiatingProcessSHA256'],
} as const;
const SIGN_IN: HuntColumns = { addresses: [{ address: 'IPAddress' }] };
const IDENTITY: HuntColumns = {
  addresses: [
    { address: 'DestinationIPAddress', port: 'DestinationPort' },
    { address: 'IPAddress', port: 'Port' },
  ],
};
const FIREWALL: HuntColumns = {
  addresses: [
    { address: 'DestinationIp', port: 'DestinationPort' },
    { address: 'SourceIp', port: 'SourcePort' },
  ],
};

/** Indicator columns per table name. */
export const HUNT_COLUMNS: Readonly<Record<string, HuntColumns>> = {
  DeviceNetworkEvents: {
    addresses: [{ address: 'RemoteIP', port: 'RemotePort' }],
    hosts: ['RemoteUrl'],
    urls: ['RemoteUrl'],
  },
  DeviceFileEvents: {
    ...DEFENDER_PROCESS_HASHES,
    addresses: [{ address: 'FileOriginIP' }, { address: 'RequestSourceIP' }],
    hosts: ['FileOriginUrl', 'FileOriginReferrerUrl'],
    urls: ['FileOriginUrl', 'FileOriginReferrerUrl'],
  },
  DeviceEvents: {
    ...DEFENDER_PROCESS_HASHES,
    addresses: [{ address: 'RemoteIP', port: 'RemotePort' }],
    hosts: ['RemoteUrl', 'FileOriginUrl'],
    urls: ['RemoteUrl', 'FileOriginUrl'],
  },
  DeviceProcessEvents: DEFENDER_PROCESS_HASHES,
  DeviceImageLoadEvents: DEFENDER_PROCESS_HASHES,
  DeviceRegistryEvents: {
    md5: ['InitiatingProcessMD5'],
    sha1: ['InitiatingProcessSHA1'],
    sha256: ['InitiatingProcessSHA256'],
  },
  DeviceLogonEvents: { addresses: [{ address: 'RemoteIP', port: 'RemotePort' }] },
  DeviceInfo: { addresses: [{ address: 'PublicIP' }] },
  DeviceFileCertificateInfo: { sha1: ['SHA1'] },
  EmailEvents: {
    addresses: [{ address: 'SenderIPv4' }, { address: 'SenderIPv6' }],
    hosts: ['SenderFromDomain', 'SenderMailFromDomain'],
    emails: ['SenderFromAddress', 'SenderMailFromAddress', 'RecipientEmailAddress'],
  },
  EmailUrlInfo: { hosts: ['UrlDomain'], urls: ['Url'] },
  EmailAttachmentInfo: { sha256: ['SHA256'], emails: ['SenderFromAddress', 'RecipientEmailAddress'] },
  EmailPostDeliveryEvents: { emails: ['RecipientEmailAddress'] },
  UrlClickEvents: { addresses: [{ address: 'IPAddress' }], hosts: ['Url'], urls: ['Url'] },
  CloudAppEvents: { addresses: [{ address: 'IPAddress' }] },
  IdentityLogonEvents: IDENTITY,
  IdentityQueryEvents: { ...IDENTITY, hosts: ['QueryTarget'] },
  IdentityDirectoryEvents: IDENTITY,
  AlertEvidence: {
    addresses: [{ address: 'RemoteIP' }],
    hosts: ['RemoteUrl'],
    urls: ['RemoteUrl'],
    sha1: ['SHA1'],
    sha256: ['SHA256'],
  },
  SigninLogs: SIGN_IN,
  AADNonInteractiveUserSignInLogs: SIGN_IN,
  AADServicePrincipalSignInLogs: SIGN_IN,
  ADFSSignInLogs: SIGN_IN,
  AADUserRiskEvents: { addresses: [{ address: 'IpAddress' }] },
  AADServicePrincipalRiskEvents: { addresses: [{ address: 'IpAddress' }] },
  OfficeActivity: { emails: ['UserId'] },
  AzureActivity: { addresses: [{ address: 'CallerIpAddress' }] },
  AZFWApplicationRule: {
    addresses: [{ address: 'SourceIp', port: 'SourcePort' }],
    hosts: ['Fqdn'],
    urls: ['TargetUrl'],
  },
  AZFWNetworkRule: FIREWALL,
  AZFWDnsQuery: { addresses: [{ address: 'SourceIp', port: 'SourcePort' }], hosts: ['QueryName'] },
  AZFWThreatIntel: { ...FIREWALL, hosts: ['Fqdn'] },
  AZFWIdpsSignature: FIREWALL,
  AZFWNatRule: FIREWALL,
  SecurityEvent: { addresses: [{ address: 'IpAddress', port: 'IpPort' }] },
  WindowsFirewall: {
    addresses: [
      { address: 'DestinationIP', port: 'DestinationPort' },
      { address: 'SourceIP', port: 'SourcePort' },
    ],
  },
  ASimNetworkSessionLogs: {
    addresses: [
      { address: 'DstIpAddr', port: 'DstPortNumber' },
      { address: 'SrcIpAddr', port: 'SrcPortNumber' },
    ],
  },
  DnsEvents: { hosts: ['Name'] },
  ASimDnsActivityLogs: { hosts: ['DnsQuery'] },
  CommonSecurityLog: {
    addresses: [
      { address: 'DestinationIP', port: 'DestinationPort' },
      { address: 'SourceIP', port: 'SourcePort' },
    ],
    hosts: ['DestinationHostName', 'RequestURL'],
    urls: ['RequestURL'],
    md5: ['FileHash'],
    sha1: ['FileHash'],
    sha256: ['FileHash'],
  },
  VMConnection: {
    addresses: [{ address: 'DestinationIp', port: 'DestinationPort' }, { address: 'SourceIp' }],
  },
  W3CIISLog: { addresses: [{ address: 'cIP' }] },
  AWSCloudTrail: { addresses: [{ address: 'SourceIpAddress' }] },
  AWSVPCFlow: {
    addresses: [
      { address: 'DstAddr', port: 'DstPort' },
      { address: 'SrcAddr', port: 'SrcPort' },
    ],
  },
  ThreatIntelIndicators: {
    addresses: [{ address: 'ObservableValue' }],
    hosts: ['ObservableValue'],
    urls: ['ObservableValue'],
    emails: ['ObservableValue'],
    md5: ['ObservableValue'],
    sha1: ['ObservableValue'],
    sha256: ['ObservableValue'],
  },
};
