// The header rows RVTools writes on the sheets dcplan reads, per RVTools version family, as
// reference data: the test fixtures and the benchmark build workbooks from them, and
// docs/import.md lists them. Sources: the column lists of RVTools 4.x exports (4.4–4.7, 93 vInfo
// columns; sizes in MiB) and of 3.x exports (3.9–3.11; sizes in "MB", the same binary unit: RVTools
// renamed MB to MiB in 4.0 without changing values); the oldest family shown (3.x before the
// VMware Tools OS column) has a single OS column and no "Total disk capacity".

/** A family of RVTools versions with the same headers on the sheets dcplan reads. */
export type RvtoolsVersion = "4.x" | "3.11" | "3.6";

/** Headers of each sheet, in RVTools' column order. */
export type RvtoolsHeaders = Readonly<Record<"vInfo" | "vHost" | "vDatastore" | "vNetwork" | "vPartition", readonly string[]>>;

const VINFO_4 = [
  "VM", "Powerstate", "Template", "SRM Placeholder", "Config status", "DNS Name", "Connection state", "Guest state", "Heartbeat", "Consolidation Needed",
  "PowerOn", "Suspended To Memory", "Suspend time", "Suspend Interval", "Creation date", "Change Version", "CPUs", "Overall Cpu Readiness", "Memory", "Active Memory",
  "NICs", "Disks", "Total disk capacity MiB", "Fixed Passthru HotPlug", "min Required EVC Mode Key", "Latency Sensitivity", "Op Notification Timeout", "EnableUUID", "CBT", "Primary IP Address",
  "Network #1", "Network #2", "Network #3", "Network #4", "Network #5", "Network #6", "Network #7", "Network #8", "Num Monitors", "Video Ram KiB",
  "Resource pool", "Folder ID", "Folder", "vApp", "DAS protection", "FT State", "FT Role", "FT Latency", "FT Bandwidth", "FT Sec. Latency",
  "Vm Failover In Progress", "Provisioned MiB", "In Use MiB", "Unshared MiB", "HA Restart Priority", "HA Isolation Response", "HA VM Monitoring", "Cluster rule(s)", "Cluster rule name(s)", "Boot Required",
  "Boot delay", "Boot retry delay", "Boot retry enabled", "Boot BIOS setup", "Reboot PowerOff", "EFI Secure boot", "Firmware", "HW version", "HW upgrade status", "HW upgrade policy",
  "HW target", "Path", "Log directory", "Snapshot directory", "Suspend directory", "Annotation", "Backup status", "ClusterInvariantVMMId", "Last backup", "Datacenter",
  "Cluster", "Host", "OS according to the configuration file", "OS according to the VMware Tools", "Customization Info", "Guest Detailed Data", "VM ID", "SMBIOS UUID", "VM UUID", "VI SDK Server type",
  "VI SDK API Version", "VI SDK Server", "VI SDK UUID",
];

const VINFO_311 = [
  "VM", "Powerstate", "Template", "Config status", "DNS Name", "Connection state", "Guest state", "Heartbeat", "Consolidation Needed", "PowerOn",
  "Suspend time", "Creation date", "Change Version", "CPUs", "Memory", "NICs", "Disks", "Total disk capacity MB", "EnableUUID", "CBT",
  "Primary IP Address", "Network #1", "Network #2", "Network #3", "Network #4", "Num Monitors", "Video Ram KB", "Resource pool", "Folder", "vApp",
  "DAS protection", "FT State", "FT Latency", "FT Bandwidth", "FT Sec. Latency", "Provisioned MB", "In Use MB", "Unshared MB", "HA Restart Priority", "HA Isolation Response",
  "HA VM Monitoring", "Cluster rule(s)", "Cluster rule name(s)", "Boot Required", "Boot delay", "Boot retry delay", "Boot retry enabled", "Boot BIOS setup", "Firmware", "HW version",
  "HW upgrade status", "HW upgrade policy", "HW target", "Path", "Log directory", "Snapshot directory", "Suspend directory", "Annotation", "Datacenter", "Cluster",
  "Host", "OS according to the configuration file", "OS according to the VMware Tools", "VM ID", "VM UUID", "VI SDK Server type", "VI SDK API Version", "VI SDK Server", "VI SDK UUID",
];

const VINFO_36 = [
  "VM", "Powerstate", "Template", "Config status", "DNS Name", "Connection state", "Guest state", "Heartbeat", "Consolidation Needed", "PowerOn",
  "Suspend time", "Change Version", "CPUs", "Memory", "NICs", "Disks", "Network #1", "Network #2", "Network #3", "Network #4",
  "Resource pool", "Folder", "vApp", "DAS protection", "FT State", "FT Latency", "FT Bandwidth", "FT Sec. Latency", "Provisioned MB", "In Use MB",
  "Unshared MB", "HA Restart Priority", "HA Isolation Response", "Cluster rule(s)", "Cluster rule name(s)", "Boot Required", "Boot delay", "Boot retry delay", "Boot retry enabled", "Boot BIOS setup",
  "Firmware", "HW version", "Path", "Annotation", "Datacenter", "Cluster", "Host", "OS according to the configuration file", "VM ID", "VM UUID",
  "VI SDK Server", "VI SDK UUID",
];

const VHOST_4 = [
  "Host", "Datacenter", "Cluster", "Config status", "Compliance Check State", "in Maintenance Mode", "in Quarantine Mode", "vSAN Fault Domain Name", "CPU Model", "Speed",
  "HT Available", "HT Active", "# CPU", "Cores per CPU", "# Cores", "CPU usage %", "# Memory", "Memory Tiering Type", "Memory usage %", "Console",
  "# NICs", "# HBAs", "# VMs total", "# VMs", "VMs per Core", "# vCPUs", "vCPUs per Core", "vRAM", "VM Used memory", "VM Memory Swapped",
  "VM Memory Ballooned", "VMotion support", "Storage VMotion support", "Current EVC", "Max EVC", "Assigned License(s)", "ATS Heartbeat", "ATS Locking", "Current CPU power man. policy", "Supported CPU power man.",
  "Host Power Policy", "ESX Version", "Boot time", "DNS Servers", "DHCP", "Domain", "Domain List", "DNS Search Order", "NTP Server(s)", "NTPD running",
  "Time Zone", "Time Zone Name", "GMT Offset", "Vendor", "Model", "Serial number", "Service tag", "OEM specific string", "BIOS Vendor", "BIOS Version",
  "BIOS Date", "Certificate Issuer", "Certificate Start Date", "Certificate Expiry Date", "Certificate Status", "Certificate Subject", "Object ID", "AutoDeploy.MachineIdentity", "Backup status", "ClusterInvariantVMMId",
  "Last backup", "UUID", "VI SDK Server", "VI SDK UUID",
];

const VHOST_3 = [
  "Host", "Datacenter", "Cluster", "Config status", "CPU Model", "Speed", "HT Available", "HT Active", "# CPU", "Cores per CPU",
  "# Cores", "CPU usage %", "# Memory", "Memory usage %", "Console", "# NICs", "# HBAs", "# VMs", "VMs per Core", "# vCPUs",
  "vCPUs per Core", "vRAM", "VM Used memory", "VM Memory Swapped", "VM Memory Ballooned", "VMotion support", "Storage VMotion support", "Current EVC", "Max EVC", "ESX Version",
  "Boot time", "DNS Servers", "DHCP", "Domain", "DNS Search Order", "NTP Server(s)", "NTPD running", "Time Zone", "Time Zone Name", "GMT Offset",
  "Vendor", "Model", "Service tag", "OEM specific string", "BIOS Version", "BIOS Date", "Object ID", "VI SDK Server", "VI SDK UUID",
];

const VDATASTORE_4 = [
  "Name", "Config status", "Address", "Accessible", "Type", "# VMs total", "# VMs", "Capacity MiB", "Provisioned MiB", "In Use MiB",
  "Free MiB", "Free %", "SIOC enabled", "SIOC Threshold", "# Hosts", "Hosts", "Cluster name", "Cluster capacity MiB", "Cluster free space MiB", "Block size",
  "Max Blocks", "# Extents", "Major Version", "Version", "VMFS Upgradeable", "MHA", "URL", "Object ID", "Backup status", "ClusterInvariantVMMId",
  "Last backup", "VI SDK Server", "VI SDK UUID",
];

const VDATASTORE_3 = [
  "Name", "Config status", "Address", "Accessible", "Type", "# VMs", "Capacity MB", "Provisioned MB", "In Use MB", "Free MB",
  "Free %", "SIOC enabled", "SIOC Threshold", "# Hosts", "Hosts", "Cluster name", "Cluster capacity MB", "Cluster free space MB", "Block size", "Max Blocks",
  "# Extents", "Major Version", "Version", "VMFS Upgradeable", "MHA", "URL", "VI SDK Server", "VI SDK UUID",
];

const VNETWORK_4 = [
  "VM", "Powerstate", "Template", "SRM Placeholder", "NIC label", "Adapter", "Network", "Switch", "Connected", "Starts Connected",
  "Mac Address", "Type", "IPv4 Address", "IPv6 Address", "Direct Path IO", "Internal Sort Column", "Annotation", "Backup status", "ClusterInvariantVMMId", "Last backup",
  "Datacenter", "Cluster", "Host", "Folder", "OS according to the configuration file", "OS according to the VMware Tools", "VM ID", "VM UUID", "VI SDK Server", "VI SDK UUID",
];

const VNETWORK_3 = [
  "VM", "Powerstate", "Template", "NIC label", "Adapter", "Network", "Switch", "Connected", "Starts Connected", "Mac Address",
  "Type", "IP Address", "Annotation", "Datacenter", "Cluster", "Host", "OS according to the configuration file", "OS according to the VMware Tools", "VM ID", "VM UUID",
  "VI SDK Server", "VI SDK UUID",
];

const VPARTITION_4 = [
  "VM", "Powerstate", "Template", "SRM Placeholder", "Disk Key", "Disk", "Capacity MiB", "Consumed MiB", "Free MiB", "Free %",
  "Internal Sort Column", "Annotation", "Backup status", "ClusterInvariantVMMId", "Last backup", "Datacenter", "Cluster", "Host", "Folder", "OS according to the configuration file",
  "OS according to the VMware Tools", "VM ID", "VM UUID", "VI SDK Server", "VI SDK UUID",
];

const VPARTITION_3 = [
  "VM", "Powerstate", "Template", "Disk", "Capacity MB", "Consumed MB", "Free MB", "Free %", "Annotation", "Datacenter",
  "Cluster", "Host", "OS according to the configuration file", "OS according to the VMware Tools", "VM ID", "VM UUID", "VI SDK Server", "VI SDK UUID",
];

/** Headers per version family (see file header). */
export const RVTOOLS_HEADERS: Readonly<Record<RvtoolsVersion, RvtoolsHeaders>> = {
  "4.x": { vInfo: VINFO_4, vHost: VHOST_4, vDatastore: VDATASTORE_4, vNetwork: VNETWORK_4, vPartition: VPARTITION_4 },
  "3.11": { vInfo: VINFO_311, vHost: VHOST_3, vDatastore: VDATASTORE_3, vNetwork: VNETWORK_3, vPartition: VPARTITION_3 },
  "3.6": { vInfo: VINFO_36, vHost: VHOST_3, vDatastore: VDATASTORE_3, vNetwork: VNETWORK_3, vPartition: VPARTITION_3 },
};
